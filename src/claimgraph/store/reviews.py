"""Analyst reviews: record, undo, and apply them on top of the machine-built graph.

Claim reviews (confirm / reject a claim group, by its stable hash id) are applied
here, when the graph is read: every view and export goes through `load_graph`.
Entity reviews (merge / split / rename) are applied by resolution
(`claimgraph.resolve.resolve_mentions(..., reviews=...)`) inside
`pipeline.reduce_graph`; the store never runs the pipeline, so recording or undoing
one here only stores it: `claimgraph.reviewing` records it and rebuilds the graph (#13).
Payload shapes are documented in docs/reviewing.md.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any


from ..errors import ReviewError
from ..model import ClaimGroup, Document, Entity
from .store import Store

log = logging.getLogger(__name__)

CLAIM_ACTIONS = ("confirm", "reject")
ENTITY_ACTIONS = ("merge", "split", "rename")
ACTIONS = CLAIM_ACTIONS + ENTITY_ACTIONS
# Longest user name kept (the reviews.user column is String(128)).
MAX_USER_LENGTH = 128


@dataclass
class ReviewedGraph:
    """The stored graph with claim reviews applied: what every view and export shows."""

    entities: dict[str, Entity]
    groups: list[ClaimGroup]  # ordered by origins, most first
    documents: dict[str, Document]
    claim_reviews: dict[str, str] = field(default_factory=dict)  # group id -> confirmed | rejected
    rejected: list[ClaimGroup] = field(default_factory=list)  # hidden unless asked for
    _by_entity: dict[str, list[ClaimGroup]] | None = field(default=None, repr=False, compare=False)

    def review_of(self, group_id: str) -> str | None:
        return self.claim_reviews.get(group_id)

    def groups_of(self, entity_id: str) -> list[ClaimGroup]:
        """The (shown) claim groups an entity is the subject or object of, from a lazy index."""
        if self._by_entity is None:
            index: dict[str, list[ClaimGroup]] = {}
            for group in self.groups:
                index.setdefault(group.subject, []).append(group)
                if group.object != group.subject:
                    index.setdefault(group.object, []).append(group)
            self._by_entity = index
        return self._by_entity.get(entity_id, [])


def get_claim_reviews(reviews: list[dict[str, Any]]) -> dict[str, str]:
    """The standing decision per claim group: the latest confirm or reject that was not undone."""
    states: dict[str, str] = {}
    for review in sorted(reviews, key=lambda r: r["id"]):
        if review["action"] in CLAIM_ACTIONS and not review.get("deleted_at"):
            states[review["target"]] = "confirmed" if review["action"] == "confirm" else "rejected"
    return states


def load_graph(store: Store, *, with_text: bool = False, include_rejected: bool = False) -> ReviewedGraph:
    """Read entities, claim groups and documents, with claim reviews applied.

    Args:
        store: the open store.
        with_text: also load each document's full text (views that highlight need it).
        include_rejected: keep rejected groups in `groups` (marked) instead of moving them aside.
    Returns:
        A ReviewedGraph; rejected groups are in `.rejected` and, only when asked, in `.groups`.
    """
    claim_reviews = get_claim_reviews(store.reviews())
    groups, rejected = [], []
    for group in store.claim_groups():
        state = claim_reviews.get(group.id)
        if state == "rejected":
            rejected.append(group)
            if not include_rejected:
                continue
        groups.append(group)
    if with_text:
        documents = {d.id: d for d in store.iter_documents()}
    else:
        documents = {d.id: d for d in store.iter_documents(with_text=False)}
    return ReviewedGraph(entities={e.id: e for e in store.entities()}, groups=groups,
                         documents=documents, claim_reviews=claim_reviews, rejected=rejected)


def _check_review(store: Store, action: str, target: str, payload: dict[str, Any]) -> None:
    """Raise ReviewError when a review names an unknown action, target or payload."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; expected one of: {', '.join(ACTIONS)}")
    if action in CLAIM_ACTIONS:
        if target not in {g.id for g in store.claim_groups()}:
            raise ReviewError(f"no claim {target!r} to {action}; pick a claim id from the claims list")
        return
    entities = {e.id: e for e in store.entities()}
    if target not in entities:
        raise ReviewError(f"no entity {target!r} to {action}; pick an entity id from the entities list")
    if action == "rename":
        name = str(payload.get("name") or "").strip()
        if not name:
            raise ReviewError("rename needs a non-empty payload.name")
        payload["name"] = name
        payload.setdefault("old_name", entities[target].name)
    elif action == "merge":
        # the shape resolution reads (resolve/reviews.py): {"entities": [KEEP_ID, OTHER_ID]}
        others = [i for i in payload.get("entities") or [payload.get("other")] if i and i != target]
        if not others or any(i not in entities for i in others):
            raise ReviewError(f"merge needs payload.other: another entity id (got {others!r})")
        payload.pop("other", None)
        payload["entities"] = [target, *others]
        # names travel with the ids, for the record and for readers of the review list
        payload.setdefault("names", [entities[i].name for i in payload["entities"]])
    elif action == "split":
        alias = str(payload.get("alias") or "").strip()
        if alias not in set(entities[target].aliases) | {entities[target].name}:
            raise ReviewError(f"split needs payload.alias: one name of {entities[target].name!r} "
                              f"to move into a new entity (got {alias!r})")
        payload["alias"] = alias
        payload.setdefault("old_name", entities[target].name)
    if action in ("rename", "split"):
        payload["entity"] = target


def get_entity_reviews(reviews: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Standing merge / split / rename reviews, oldest first, in the flat shape resolution reads.

    `{"action": "merge", "entities": [KEEP, OTHER]}`, `{"action": "split", "entity": ID, "alias": NAME}`,
    `{"action": "rename", "entity": ID, "name": NAME}` (see docs/reviewing.md), plus id, target and user.
    """
    flat = []
    for review in sorted(reviews, key=lambda r: r["id"]):
        if review["action"] not in ENTITY_ACTIONS or review.get("deleted_at"):
            continue
        flat.append({"entity": review["target"], **(review.get("payload") or {}), "action": review["action"],
                     "target": review["target"], "id": review["id"], "user": review["user"]})
    return flat


def record_review(store: Store, action: str, target: str, *, user: str,
                  payload: dict[str, Any] | None = None) -> int:
    """Validate and store one review (an entity review shows once the graph is rebuilt: claimgraph.reviewing).

    Args:
        store: the open store.
        action: confirm | reject (target: claim group id) or merge | split | rename (target: entity id).
        target: the claim group or entity id.
        user: who decided (stored with the time).
        payload: action details (docs/reviewing.md).
    Returns:
        The review id (for undo).
    """
    payload = dict(payload or {})
    user = (user or "").strip()[:MAX_USER_LENGTH]
    if not user:
        raise ReviewError("a review needs a user name")
    _check_review(store, action, target, payload)
    review_id = store.add_review(action, target, user=user, payload=payload)
    log.info("review %s: %s %s by %s", review_id, action, target, user)
    return review_id


def undo_review(store: Store, review_id: int) -> bool:
    """Soft-delete a review. False when there is no such standing review."""
    return store.undo_review(review_id)
