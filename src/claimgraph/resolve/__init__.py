"""Cross-document resolution: local actors -> canonical entities with hierarchy and explained merges."""
from __future__ import annotations

import logging
import time
from typing import Iterable

from ..gazetteer import Gazetteer, load_gazetteer
from ..model import Mention
from .actors import collect_actors
from .anchors import AnchorResult, context_of, drop_foreign_names, find_anchor
from .cluster import cluster_actors
from .entities import Resolution, build_resolution, make_entity_id
from .gazindex import build_index, needs_context
from .hierarchy import rollup
from .screen import is_generic_name, screen_actors

log = logging.getLogger(__name__)

__all__ = ["Resolution", "make_entity_id", "resolve_mentions", "rollup"]


def resolve_mentions(mentions: Iterable[Mention], *,
                     part_of: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
                     gazetteer: Gazetteer | None = None, reviews: Iterable[dict] = (),
                     opposed: Iterable[tuple[tuple[str, str], tuple[str, str]]] = ()) -> Resolution:
    """Cluster the local actors of all documents into canonical entities.

    Args:
        mentions: every stored mention; mentions sharing (document_id, actor) are one local actor.
        part_of: ((doc id, child actor), (doc id, parent actor)) pairs from PART_OF claims.
        gazetteer: the gazetteer to link to (default: the shipped one).
        reviews: analyst decisions applied on top (see docs/resolution.md for their shapes).
        opposed: ((doc id, actor), (doc id, actor)) pairs from ASSAULT and COERCE claims: the two
            never become one entity (#12).
    Returns:
        a Resolution: entities (stable ids) and the entity of each (document id, actor).
    """
    started = time.perf_counter()
    index = build_index(gazetteer if gazetteer is not None else load_gazetteer())
    actors = screen_actors(collect_actors(mentions), index)
    shared: dict[AnchorResult, AnchorResult] = {}  # equal results as one object: one per actor adds up (#7)
    anchors = [shared.setdefault(result, result) for result in (find_anchor(actor, index) for actor in actors)]
    _anchor_in_context(actors, anchors, index)
    for actor, result in zip(actors, anchors):
        drop_foreign_names(actor, result, index)
    del shared
    generic = [all(is_generic_name(n, index) for n in actor.names) for actor in actors]
    opposed = list(opposed)  # read twice: for clustering and for hierarchy
    position = {actor.key: i for i, actor in enumerate(actors)}
    opposition: dict[int, set[int]] = {}
    for first, second in opposed:
        i, j = position.get(tuple(first)), position.get(tuple(second))
        if i is not None and j is not None and i != j:
            opposition.setdefault(i, set()).add(j)
            opposition.setdefault(j, set()).add(i)
    clusters = cluster_actors(actors, anchors, generic=generic, opposed=opposition)
    resolution = build_resolution(clusters, index, part_of=part_of, reviews=reviews, opposed=opposed)
    log.info("resolve: %d local actors -> %d entities in %.2fs", len(actors), len(resolution.entities),
             time.perf_counter() - started)
    return resolution


def _anchor_in_context(actors: list, anchors: list[AnchorResult], index) -> None:
    """Anchor again, with what their document names, the actors that have a name needing context (#12)."""
    pending = [i for i, actor in enumerate(actors) if any(needs_context(index, n) for n in actor.names)]
    if not pending:
        return
    named: dict[str, set[str]] = {}
    for actor, result in zip(actors, anchors):
        found = context_of(result.anchor, index)
        if found:
            named.setdefault(actor.document_id, set()).update(found)
    for i in pending:
        anchors[i] = find_anchor(actors[i], index, frozenset(named.get(actors[i].document_id, ())))
