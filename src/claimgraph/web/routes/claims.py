"""Claim pages: the list (by origins) and one claim with all its evidence."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..graphdata import filter_groups, parse_filters
from ..summaries import summarize_claim, summarize_group
from .deps import get_workbench

router = APIRouter()
# Rows the claims page lists (most independent origins first); filters reach the rest.
CLAIMS_PER_PAGE = 500


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def list_claims(request: Request, workbench: Workbench = Depends(get_workbench)):
    graph = workbench.graph(include_rejected=True)
    filters = parse_filters(request.query_params)
    groups = [summarize_group(graph, g) for g in filter_groups(graph, filters)
              if not filters.entity or filters.entity in (g.subject, g.object)]
    return workbench.render(request, "claims.html", dict(claims=groups[:CLAIMS_PER_PAGE], total=len(groups),
                                                         filters=filters))


@router.get("/claims/{group_id}", response_class=HTMLResponse, include_in_schema=False)
def show_claim(group_id: str, request: Request, workbench: Workbench = Depends(get_workbench)):
    graph = workbench.graph(include_rejected=True)
    document_ids = {e.document_id for g in graph.groups if g.id == group_id for e in g.evidence}
    claim = summarize_claim(graph, group_id, mentions=workbench.mentions_of(document_ids),
                            actor_entity=workbench.actor_entities_of(document_ids))
    if claim is None:
        return workbench.render(request, "error.html", dict(message=f"no claim {group_id!r}"), 404)
    return workbench.render(request, "claim.html", dict(claim=claim))
