"""The graph view (the home page); its data comes from /api/graph."""
from __future__ import annotations

from urllib.parse import urlencode

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
    # a first visit (no filter in the address) opens on the default view; a submitted form is taken as
    # is, and its own query goes to /api/graph unchanged (the access token travels in a cookie)
    asked = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    note = None
    if asked:
        filters = parse_filters(request.query_params)
        api_query = urlencode(asked)
    else:
        view = choose_default_view(graph)
        filters, note = view.filters, view.note
        api_query = filters_query(filters)
    relations = sorted({g.relation for g in graph.groups})
    modes = sorted({g.mode for g in graph.groups if g.mode})
    entity = graph.entities.get(filters.entity or "")
    return workbench.render(request, "graph.html", dict(
        filters=filters, relations=relations, modes=modes, entity=entity, default_note=note,
        api_query=api_query))
