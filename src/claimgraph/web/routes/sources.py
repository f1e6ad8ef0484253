"""The sources page: documents, outlets, duplicates and who cites whom; plus search."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..summaries import search_graph, summarize_sources
from .deps import get_workbench

router = APIRouter()


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def show_sources(request: Request, workbench: Workbench = Depends(get_workbench)):
    return workbench.render(request, "sources.html", dict(sources=summarize_sources(workbench.graph())))


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def show_search(request: Request, q: str = "", workbench: Workbench = Depends(get_workbench)):
    return workbench.render(request, "search.html", dict(q=q, results=search_graph(workbench.graph(), q)))
