"""The timeline page and its API twin."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..graphdata import parse_filters
from ..timeline import TIMELINE_ROWS, build_timeline
from .deps import get_workbench

router = APIRouter()


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def show_timeline(request: Request, workbench: Workbench = Depends(get_workbench)):
    filters = parse_filters(request.query_params)
    timeline = build_timeline(workbench.graph(include_rejected=filters.show_rejected), filters)
    return workbench.render(request, "timeline.html", dict(timeline=timeline, limit=TIMELINE_ROWS))


@router.get("/api/timeline", tags=["api"], summary="Event claims by event time (else report time, marked)",
            description="Same filters as /api/graph. `dated` in date order, then `undated`; each row's "
                        "`when` says whether its date is the event's or only the report's.")
def get_timeline(request: Request, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    filters = parse_filters(request.query_params)
    return build_timeline(workbench.graph(include_rejected=filters.show_rejected), filters)
