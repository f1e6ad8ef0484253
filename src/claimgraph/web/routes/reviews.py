"""Review pages: confirm / reject claims, merge / split / rename entities, list and undo (HTML forms)."""
from __future__ import annotations

from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...reviewing import record_review, undo_review
from ...store.reviews import get_claim_reviews
from ..app import Workbench
from .deps import get_workbench

router = APIRouter()
# Largest form body read (a review form is a few fields).
MAX_FORM_BYTES = 64_000


async def read_form(request: Request) -> dict[str, list[str]]:
    """The urlencoded form fields (parsed here: no multipart dependency needed for plain forms)."""
    body = (await request.body())[:MAX_FORM_BYTES]
    return parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)


def _first(form: dict[str, list[str]], key: str) -> str:
    return (form.get(key) or [""])[0].strip()


@router.get("/reviews", response_class=HTMLResponse, include_in_schema=False)
def list_reviews(request: Request, workbench: Workbench = Depends(get_workbench)):
    reviews = workbench.store.reviews(include_undone=True)
    return workbench.render(request, "reviews.html", dict(
        reviews=list(reversed(reviews)), standing=get_claim_reviews(reviews)))


@router.post("/reviews/claims/{group_id}", include_in_schema=False)
async def review_claim(group_id: str, request: Request, workbench: Workbench = Depends(get_workbench)):
    form = await read_form(request)
    note = _first(form, "note")
    record_review(workbench.store, _first(form, "action"), group_id,
                  user=_first(form, "user") or workbench.user, payload={"note": note} if note else {})
    return RedirectResponse(f"/claims/{quote(group_id, safe='')}", status_code=303)


@router.post("/reviews/entities/{entity_id}", include_in_schema=False)
async def review_entity(entity_id: str, request: Request, workbench: Workbench = Depends(get_workbench)):
    form = await read_form(request)
    action = _first(form, "action")
    payload = {"rename": {"name": _first(form, "name")},
               "merge": {"other": _first(form, "other")},
               "split": {"alias": _first(form, "alias")}}.get(action, {})
    record_review(workbench.store, action, entity_id, user=_first(form, "user") or workbench.user,
                  payload=payload)
    graph = workbench.graph()
    target = f"/entities/{quote(entity_id, safe='')}" if entity_id in graph.entities else "/entities"
    return RedirectResponse(target, status_code=303)


@router.post("/reviews/{review_id}/undo", include_in_schema=False)
async def undo(review_id: int, workbench: Workbench = Depends(get_workbench)):
    undo_review(workbench.store, review_id)
    return RedirectResponse("/reviews", status_code=303)
