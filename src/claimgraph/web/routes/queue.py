"""The review queue page and its API twin."""
from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..queue import QUEUE_LENGTH, build_queue
from .deps import get_workbench

router = APIRouter()


@router.get("/queue", response_class=HTMLResponse, include_in_schema=False)
def show_queue(request: Request, workbench: Workbench = Depends(get_workbench)):
    items = build_queue(workbench.graph())
    kinds = Counter(item.kind for item in items)
    return workbench.render(request, "queue.html", dict(items=items[:QUEUE_LENGTH], total=len(items), kinds=kinds))


@router.get("/api/queue", tags=["api"], summary="The review queue, highest impact first")
def get_queue(workbench: Workbench = Depends(get_workbench)) -> list[dict[str, Any]]:
    return [item.to_dict() for item in build_queue(workbench.graph())[:QUEUE_LENGTH]]
