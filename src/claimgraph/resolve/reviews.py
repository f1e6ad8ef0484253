"""Apply analyst decisions (merge, split, rename) on top of machine clusters.

Payloads (documented in docs/resolution.md):
  {"action": "merge", "entities": [KEEP_ID, OTHER_ID, ...]}   (or "entity": OTHER_ID, "into": KEEP_ID)
  {"action": "split", "entity": ENTITY_ID, "alias": "name as written"}
  {"action": "rename", "entity": ENTITY_ID, "name": "New name"}
"""
from __future__ import annotations

import hashlib
import logging
from typing import Iterable

from .actors import LocalActor
from .normalize import normalize_name

log = logging.getLogger(__name__)


def make_split_id(entity_id: str, alias: str) -> str:
    """Stable id of the entity an analyst split off (same review, same id on every rebuild)."""
    digest = hashlib.sha1(f"split|{entity_id}|{normalize_name(alias)}".encode()).hexdigest()[:12]
    return f"e{digest}"


def apply_reviews(members: dict[str, list[int]], actors: list[LocalActor], reviews: Iterable[dict],
                  *, names: dict[str, str], reasons: dict[str, list[str]]) -> dict[str, list[int]]:
    """Return new entity id -> actor indexes; `names` and `reasons` are updated in place.

    A review naming an entity that no longer exists is skipped with a warning (the
    corpus changed under it); reviews apply in the order given.
    """
    skipped = 0
    for review in reviews:
        action = review.get("action")
        if action == "merge":
            ids = list(review.get("entities") or [])
            if review.get("into"):
                ids = [review["into"], review.get("entity")]
            ids = [i for i in ids if i]
            present = [i for i in ids if i in members]
            if len(present) < 2:
                skipped += 1
                continue
            keep = present[0]
            for other in present[1:]:
                members[keep].extend(members.pop(other))
                reasons.setdefault(keep, []).append(f"merged by analyst review with {other}")
                reasons[keep].extend(reasons.pop(other, []))
                names.pop(other, None)
        elif action == "split":
            entity_id, alias = review.get("entity"), review.get("alias") or ""
            if entity_id not in members or not alias:
                skipped += 1
                continue
            moved, kept = _split_by_name(members[entity_id], actors, normalize_name(alias))
            if not moved or not kept:
                skipped += 1
                continue
            new_id = make_split_id(entity_id, alias)
            members[entity_id] = kept
            members[new_id] = moved
            names[new_id] = alias
            reasons[new_id] = [f"split from {entity_id} by analyst review ('{alias}')"]
        elif action == "rename":
            entity_id, name = review.get("entity"), (review.get("name") or "").strip()
            if entity_id not in members or not name:
                skipped += 1
                continue
            names[entity_id] = name
        else:
            skipped += 1
    if skipped:
        log.warning("resolve: %d review(s) did not apply (unknown entity, alias or action)", skipped)
    return members


# Suffix of the local actor key a split gives the named part of a mixed actor (#12).
SPLIT_SUFFIX = "#split"


def _split_by_name(indexes: list[int], actors: list[LocalActor], key: str) -> tuple[list[int], list[int]]:
    """(moved, kept) actor indexes: a split moves the chosen name and nothing else (#12).

    An actor known only by that name moves whole, with its claims. An actor that also has other
    names ("SDF", "Syrian Democratic Forces" and a wrongly attached "British nationals") stays, loses
    the name, and a new local actor holding only that name moves: the split entity keeps only the
    alias it was split with, and the claims stay with the actor the extractor gave them to.
    """
    moved, kept = [], []
    for i in indexes:
        actor = actors[i]
        matching = [n for n in actor.names if normalize_name(n) == key]
        if not matching:
            kept.append(i)
        elif len(matching) == len(actor.names):
            moved.append(i)
        else:
            actor.names = [n for n in actor.names if n not in matching]
            if actor.name in matching:
                actor.name = actor.names[0]
            actors.append(LocalActor(actor.document_id, actor.actor + SPLIT_SUFFIX, matching[0], actor.type,
                                     names=matching, mentions=0))
            moved.append(len(actors) - 1)
            kept.append(i)
    return moved, kept
