"""Entity pages: the list and one entity with its ties, claims and timeline."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..summaries import summarize_entity
from .deps import get_workbench

router = APIRouter()


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def list_entities(request: Request, workbench: Workbench = Depends(get_workbench)):
    graph = workbench.graph()
    degree: dict[str, int] = {}
    for group in graph.groups:
        for entity_id in (group.subject, group.object):
            degree[entity_id] = degree.get(entity_id, 0) + 1
    return workbench.render(request, "entities.html", dict(
        entities=list(graph.entities.values()), degree=degree))


@router.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
def show_entity(entity_id: str, request: Request, workbench: Workbench = Depends(get_workbench)):
    graph = workbench.graph()
    entity = summarize_entity(graph, entity_id)
    if entity is None:
        return workbench.render(request, "error.html", dict(message=f"no entity {entity_id!r}"), 404)
    return workbench.render(request, "entity.html", dict(entity=entity))
