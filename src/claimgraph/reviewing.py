"""Record or undo an analyst review, and rebuild the graph when the review changes entities.

The store keeps reviews (store/reviews.py) and never runs the pipeline; this module joins the two
(#13): a merge, split or rename is applied by resolution, so recording or undoing one re-runs the
reduce at once and every view shows it. Claim reviews (confirm, reject) are applied when the
graph is read and need no rebuild.
"""
from __future__ import annotations

import logging
from typing import Any

from .pipeline import reduce_graph
from .store import Store
from .store import reviews

log = logging.getLogger(__name__)

__all__ = ["record_review", "undo_review"]


def record_review(store: Store, action: str, target: str, *, user: str,
                  payload: dict[str, Any] | None = None) -> int:
    """Validate and store one review (store.reviews.record_review); rebuild the graph for an entity review.

    Returns:
        The review id (for undo).
    """
    review_id = reviews.record_review(store, action, target, user=user, payload=payload)
    if action in reviews.ENTITY_ACTIONS:
        _rebuild(store)
    return review_id


def undo_review(store: Store, review_id: int) -> bool:
    """Soft-delete a review; rebuild the graph when it was an entity review. False when there is none."""
    review = next((r for r in store.reviews() if r["id"] == review_id), None)
    if review is None or not reviews.undo_review(store, review_id):
        return False
    if review["action"] in reviews.ENTITY_ACTIONS:
        _rebuild(store)
    return True


def _rebuild(store: Store) -> None:
    entities, groups = reduce_graph(store)
    log.info("graph rebuilt after review: %s entities, %s claims", entities, groups)
