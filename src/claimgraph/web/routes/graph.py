"""The graph view (the home page); its data comes from /api/graph."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..defaultview import choose_default_view, filters_query
from ..graphdata import parse_filters
from .deps import get_workbench

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def show_graph(request: Request, workbench: Workbench = Depends(get_workbench)):
    graph = workbench.graph(include_rejected=True)
    # a first visit (no query at all) opens on the default view; any submitted form is taken as is
    note = None
    if request.query_params:
        filters = parse_filters(request.query_params)
    else:
        view = choose_default_view(graph)
        filters, note = view.filters, view.note
    relations = sorted({g.relation for g in graph.groups})
    modes = sorted({g.mode for g in graph.groups if g.mode})
    entity = graph.entities.get(filters.entity or "")
    return workbench.render(request, "graph.html", dict(
        filters=filters, relations=relations, modes=modes, entity=entity, default_note=note,
        api_query=filters_query(filters)))
