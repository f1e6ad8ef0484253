"""Document pages (the full text with evidence highlighted) and outlet pages, with their API twins."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..app import Workbench
from ..documentview import summarize_document_page, summarize_outlet
from .deps import get_workbench

router = APIRouter()


@router.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
def show_document(document_id: str, request: Request, workbench: Workbench = Depends(get_workbench)):
    document = workbench.store.get_document(document_id)
    if document is None:
        return workbench.render(request, "error.html", dict(message=f"no document {document_id!r}"), 404)
    page = summarize_document_page(workbench.graph(include_rejected=True), document)
    return workbench.render(request, "document.html", dict(page=page))


@router.get("/api/documents/{document_id}/evidence", tags=["api"],
            summary="One document's text cut into pieces, each naming the claims whose evidence covers it")
def get_document_evidence(document_id: str, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    document = workbench.store.get_document(document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return summarize_document_page(workbench.graph(include_rejected=True), document)


@router.get("/outlets/{name:path}", response_class=HTMLResponse, include_in_schema=False)
def show_outlet(name: str, request: Request, workbench: Workbench = Depends(get_workbench)):
    outlet = summarize_outlet(workbench.graph(), name)
    if outlet is None:
        return workbench.render(request, "error.html", dict(message=f"no outlet {name!r}"), 404)
    return workbench.render(request, "outlet.html", dict(outlet=outlet))


@router.get("/api/outlets/{name:path}", tags=["api"], summary="One outlet: its documents and the claims they support")
def get_outlet(name: str, workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    outlet = summarize_outlet(workbench.graph(), name)
    if outlet is None:
        raise HTTPException(404, f"no outlet {name!r}")
    return outlet
