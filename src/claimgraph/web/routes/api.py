"""The REST API under /api: graph, entities, claims, documents, search and reviews (OpenAPI at /api/openapi.json)."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from ...corroborate.rollup import rollup_groups
from ...resolve.hierarchy import map_to_roots
from ...reviewing import record_review, undo_review
from ...store.reviews import ACTIONS
from ..app import Workbench
from ..graphdata import GraphFilters, build_graph_data, filter_groups, parse_filters, time_fields
from ..summaries import (
    search_graph, summarize_claim, summarize_document, summarize_entity, summarize_group, summarize_sources,
)
from .deps import get_workbench

router = APIRouter(prefix="/api", tags=["api"])


class ReviewIn(BaseModel):
    """One analyst decision (payload shapes: docs/reviewing.md)."""

    action: Literal[ACTIONS]  # type: ignore[valid-type]
    target: str = Field(description="claim group id (confirm, reject) or entity id (merge, split, rename)")
    payload: dict[str, Any] = Field(default_factory=dict,
                                    description='rename: {"name"}; merge: {"other"} or {"entities": [keep, other]}; split: {"alias"}; '
                                                'confirm/reject: {"note"} (optional)')
    user: str | None = Field(default=None, description="who decided (default: the server's user)")


FILTERS_DESCRIPTION = (
    "Query parameters: relation (repeatable, a relation of the ontology), mode, certainty (asserted or "
    "hedged), min_origins (a whole number), since and until (YYYY-MM-DD, YYYY-MM or YYYY; a claim's time is "
    "its event time, else its report dates), undated (include, the default: claims with no date stay in "
    "and are marked time_basis=undated; exclude; only), entity (an entity id), rollup and rejected (1 or 0). "
    "A malformed value is answered 400 with a message.")


def _check_entity(filters: GraphFilters, workbench: Workbench) -> None:
    """An entity filter must name an entity: an unknown id would silently give an empty answer."""
    if filters.entity and filters.entity not in workbench.graph(include_rejected=True).entities:
        raise HTTPException(400, f"entity: no entity {filters.entity!r}")


@router.get("/graph", summary="Nodes and edges of the graph view", description=FILTERS_DESCRIPTION)
def get_graph(request: Request, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    filters = parse_filters(request.query_params)
    _check_entity(filters, workbench)
    return build_graph_data(workbench.graph(include_rejected=filters.show_rejected), filters)


@router.get("/entities", summary="Entities, most mentioned first")
def list_entities(q: str = "", type: str = "", workbench: Workbench = Depends(get_workbench)) -> list[dict]:
    needle = q.casefold()
    return [e.to_dict() for e in workbench.graph().entities.values()
            if (not type or e.type == type)
            and (not needle or any(needle in n.casefold() for n in [e.name, *e.aliases]))]


@router.get("/entities/{entity_id}", summary="One entity with parents, children, claims and timeline")
def get_entity(entity_id: str, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    entity = summarize_entity(workbench.graph(), entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return entity


@router.get("/claims", summary="Claim groups, most independent origins first",
            description="Same filters as /api/graph; rejected claims only with rejected=1; rollup=1 "
                        "re-groups wings' and units' claims onto their top-level ancestor (each rolled "
                        "claim lists rolled_up_from). Each claim has time_start, time_end and time_basis "
                        "(event, report or undated). " + FILTERS_DESCRIPTION)
def list_claims(request: Request, workbench: Workbench = Depends(get_workbench)) -> list[dict]:
    filters = parse_filters(request.query_params)
    _check_entity(filters, workbench)
    graph = workbench.graph(include_rejected=filters.show_rejected)
    groups = filter_groups(graph, filters)
    if filters.rollup:
        top = map_to_roots(graph.entities)
        groups = [g for g in groups if not filters.entity
                  or filters.entity in (g.subject, g.object, top.get(g.subject), top.get(g.object))]
        return [summarize_group(graph, g) | time_fields(g) | {"rolled_up_from": g.rolled_up_from}
                for g in rollup_groups(groups, graph.entities, graph.documents)]
    return [summarize_group(graph, g) | time_fields(g) for g in groups
            if not filters.entity or filters.entity in (g.subject, g.object)]


@router.get("/claims/{group_id}", summary="One claim group with every evidence sentence, highlighted")
def get_claim(group_id: str, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    graph = workbench.graph(include_rejected=True)
    document_ids = {e.document_id for g in graph.groups if g.id == group_id for e in g.evidence}
    claim = summarize_claim(graph, group_id, mentions=workbench.mentions_of(document_ids),
                            actor_entity=workbench.actor_entities_of(document_ids))
    if claim is None:
        raise HTTPException(404, f"no claim {group_id!r}")
    return claim


@router.get("/documents", summary="Documents with outlet, date and duplicate links")
def list_documents(workbench: Workbench = Depends(get_workbench)) -> list[dict]:
    return summarize_sources(workbench.graph())["documents"]


@router.get("/documents/{document_id}", summary="One document with its clean text")
def get_document(document_id: str, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    document = workbench.store.get_document(document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return summarize_document(document, document_id) | {"text": document.text}


@router.get("/sources", summary="Outlets, duplicates and the origin graph (who cites whom)")
def get_sources(workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    return summarize_sources(workbench.graph())


@router.get("/search", summary="Entities, claims and documents matching a text")
def search(q: str = Query("", description="text to find (case-insensitive)"),
           workbench: Workbench = Depends(get_workbench)) -> dict[str, list]:
    return search_graph(workbench.graph(), q)


@router.get("/reviews", summary="Reviews, oldest first (undone ones with include_undone=1)")
def list_reviews(include_undone: bool = False, workbench: Workbench = Depends(get_workbench)) -> list[dict]:
    return [dict(r, created_at=str(r["created_at"]), deleted_at=str(r["deleted_at"]) if r["deleted_at"] else None)
            for r in workbench.store.reviews(include_undone=include_undone)]


@router.post("/reviews", status_code=201, summary="Record a review (entity reviews rebuild the graph)")
def add_review(review: ReviewIn, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    review_id = record_review(workbench.store, review.action, review.target,
                              user=review.user or workbench.user, payload=review.payload)
    return {"id": review_id}


@router.delete("/reviews/{review_id}", summary="Undo a review")
def delete_review(review_id: int, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    if not undo_review(workbench.store, review_id):
        raise HTTPException(404, f"no standing review {review_id}")
    return {"id": review_id, "undone": True}


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def show_api_docs(request: Request, workbench: Workbench = Depends(get_workbench)):
    """The API reference, rendered from the OpenAPI document (Swagger UI would need a CDN)."""
    schema = request.app.openapi()
    operations = [dict(method=method.upper(), path=path, summary=op.get("summary", ""),
                       description=op.get("description", ""),
                       parameters=[p["name"] for p in op.get("parameters", [])])
                  for path, methods in schema["paths"].items() for method, op in methods.items()]
    return workbench.render(request, "api_docs.html", dict(operations=operations))
