"""The graph view (the home page); its data comes from /api/graph."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..graphdata import parse_filters
from .deps import get_workbench

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def show_graph(request: Request, workbench: Workbench = Depends(get_workbench)):
    graph = workbench.graph(include_rejected=True)
    filters = parse_filters(request.query_params)
    relations = sorted({g.relation for g in graph.groups})
    modes = sorted({g.mode for g in graph.groups if g.mode})
    entities = sorted(graph.entities.values(), key=lambda e: e.name.casefold())
    return workbench.render(request, "graph.html", dict(
        filters=filters, relations=relations, modes=modes, entities=entities))
