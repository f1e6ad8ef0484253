"""The "changed since the last build" page and its API twin."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..changes import build_changes
from .deps import get_workbench

router = APIRouter()


@router.get("/changes", response_class=HTMLResponse, include_in_schema=False)
def show_changes(request: Request, workbench: Workbench = Depends(get_workbench)):
    changes = build_changes(workbench.graph(), workbench.store.previous_graph())
    return workbench.render(request, "changes.html", dict(changes=changes))


@router.get("/api/changes", tags=["api"], summary="New claims, claims that gained an origin and new "
                                                  "contradictions since the build before the last")
def get_changes(workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    return build_changes(workbench.graph(), workbench.store.previous_graph())
