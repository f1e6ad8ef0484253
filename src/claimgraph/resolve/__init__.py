"""Cross-document resolution: local actors -> canonical entities with hierarchy and explained merges."""
from __future__ import annotations

import logging
import time
from typing import Iterable

from ..gazetteer import Gazetteer, load_gazetteer
from ..model import Mention
from .actors import collect_actors
from .anchors import AnchorResult, find_anchor
from .cluster import cluster_actors
from .entities import Resolution, build_resolution, make_entity_id
from .gazindex import build_index
from .hierarchy import rollup

log = logging.getLogger(__name__)

__all__ = ["Resolution", "make_entity_id", "resolve_mentions", "rollup"]


def resolve_mentions(mentions: Iterable[Mention], *,
                     part_of: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
                     gazetteer: Gazetteer | None = None, reviews: Iterable[dict] = ()) -> Resolution:
    """Cluster the local actors of all documents into canonical entities.

    Args:
        mentions: every stored mention; mentions sharing (document_id, actor) are one local actor.
        part_of: ((doc id, child actor), (doc id, parent actor)) pairs from PART_OF claims.
        gazetteer: the gazetteer to link to (default: the shipped one).
        reviews: analyst decisions applied on top (see docs/resolution.md for their shapes).
    Returns:
        a Resolution: entities (stable ids) and the entity of each (document id, actor).
    """
    started = time.perf_counter()
    actors = collect_actors(mentions)
    index = build_index(gazetteer if gazetteer is not None else load_gazetteer())
    shared: dict[AnchorResult, AnchorResult] = {}  # equal results as one object: one per actor adds up (#7)
    anchors = [shared.setdefault(result, result) for result in (find_anchor(actor, index) for actor in actors)]
    del shared
    clusters = cluster_actors(actors, anchors)
    resolution = build_resolution(clusters, index, part_of=part_of, reviews=reviews)
    log.info("resolve: %d local actors -> %d entities in %.2fs", len(actors), len(resolution.entities),
             time.perf_counter() - started)
    return resolution
