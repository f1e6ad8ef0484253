"""Turn clusters of local actors into Entity records: stable ids, names, aliases, parents, reasons."""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Entity
from .actors import LocalActor
from .anchors import NO_ANCHOR, Anchor, gazetteer_anchor, make_body_anchor
from .cluster import Clusters
from .gazindex import GazetteerIndex
from .hierarchy import add_parent
from .normalize import normalize_name
from .reviews import apply_reviews

log = logging.getLogger(__name__)

# At most this many merge reasons are kept per entity (a big entity joins hundreds of actors).
MAX_REASONS = 40
# Gazetteer kinds of non-state actors: a "part of" a state or its military read from text for one of
# them is a misreading ("the YPG part of Syria", #12) unless the gazetteer itself lists that parent.
NON_STATE_KINDS = frozenset({"armed_group", "militia", "clan_militia", "party", "political_organization",
                             "gang", "cartel"})


def make_entity_id(name: str, type_: str) -> str:
    """A stable id from the canonical normalized name and type, never from run order."""
    return "e" + hashlib.sha1(f"{type_}|{normalize_name(name, type_)}".encode()).hexdigest()[:12]


@dataclass
class Resolution:
    """Canonical entities and the entity of every (document id, local actor key)."""

    entities: list[Entity] = field(default_factory=list)
    actor_entity: dict[tuple[str, str], str] = field(default_factory=dict)

    def by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}


def build_resolution(clusters: Clusters, index: GazetteerIndex, *,
                     part_of: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
                     reviews: Iterable[dict] = (),
                     opposed: Iterable[tuple[tuple[str, str], tuple[str, str]]] = ()) -> Resolution:
    actors, anchors = clusters.actors, clusters.anchors
    members: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    reasons: dict[str, list[str]] = {}
    anchor_of: dict[str, Anchor] = {}
    for root, indexes in sorted(clusters.groups().items()):
        anchor = next((anchors[i].anchor for i in indexes if anchors[i].anchor is not None), None)
        if anchor is not None:
            entity_id = anchor.gazetteer_id or make_entity_id(anchor.name, anchor.type)
            name, type_ = anchor.name, anchor.type
            anchor_of[entity_id] = anchor
        else:
            name, type_ = _choose_name(actors, indexes)
            name = clusters.info[root].display_name or name
            named = any(actors[i].is_named for i in indexes)
            entity_id = make_entity_id(name, type_) if named else make_entity_id(
                f"{actors[indexes[0]].document_id}|{actors[indexes[0]].actor}|{name}", type_)
        if entity_id in members:  # two clusters with one canonical name that constraints kept apart
            entity_id = f"{entity_id}-{hashlib.sha1(repr(actors[min(indexes)].key).encode()).hexdigest()[:6]}"
        members[entity_id] = sorted(indexes)
        names[entity_id], types[entity_id] = name, type_
        reasons[entity_id] = list(clusters.info[root].reasons)
    members = apply_reviews(members, actors, reviews, names=names, reasons=reasons)
    anchors = [*anchors, *[NO_ANCHOR] * (len(actors) - len(anchors))]  # actors a split made (#12)
    for entity_id, indexes in members.items():
        if entity_id not in names:
            names[entity_id], types[entity_id] = _choose_name(actors, indexes)
        types.setdefault(entity_id, _choose_name(actors, indexes)[1])
    actor_entity = {actors[i].key: entity_id for entity_id, indexes in members.items() for i in indexes}
    parents: dict[str, list[str]] = {}
    extra: dict[str, Anchor] = {}
    for entity_id in members:
        anchor = anchor_of.get(entity_id)
        if anchor is not None:
            for parent_key in anchor.parents:
                _link_anchor(parents, entity_id, parent_key, index, extra, members)
        for i in members[entity_id]:
            for parent_key in anchors[i].parents:
                _link_anchor(parents, entity_id, parent_key, index, extra, members)
    local_links = [(child, parent) for child, parent in part_of]
    local_links += [(a.key, (a.document_id, hint)) for a in actors for hint in sorted(a.parent_hints)]
    # one attacked or coerced the other somewhere in the corpus: a "part of" read between them is wrong (#12)
    enemies = {frozenset((actor_entity.get(tuple(a)), actor_entity.get(tuple(b)))) for a, b in opposed}
    for child, parent in local_links:
        child_id, parent_id = actor_entity.get(tuple(child)), actor_entity.get(tuple(parent))
        if frozenset((child_id, parent_id)) in enemies:
            log.debug("parent link %s -> %s dropped: one attacked or coerced the other", child_id, parent_id)
            continue
        if _is_non_state(anchor_of.get(child_id), index) and _is_state_side(anchor_of.get(parent_id), index):
            log.debug("parent link %s -> %s dropped: a non-state group is no part of a state", child_id, parent_id)
            continue
        if child_id and parent_id and not add_parent(parents, child_id, parent_id):
            log.debug("parent link %s -> %s dropped (self-link or cycle)", child_id, parent_id)
    entities = [_make_entity(entity_id, names[entity_id], types[entity_id], [actors[i] for i in indexes],
                             parents.get(entity_id, []), anchor_of.get(entity_id), reasons.get(entity_id, []))
                for entity_id, indexes in members.items()]
    for entity_id, anchor in extra.items():
        entities.append(Entity(entity_id, anchor.name, anchor.type, [], parents.get(entity_id, []),
                               anchor.gazetteer_id, 0, []))
    entities.sort(key=lambda e: e.id)
    return Resolution(entities, actor_entity)


def _is_non_state(anchor: Anchor | None, index: GazetteerIndex) -> bool:
    entry = index.gazetteer.get(anchor.gazetteer_id) if anchor is not None and anchor.gazetteer_id else None
    return entry is not None and entry.kind in NON_STATE_KINDS


def _is_state_side(anchor: Anchor | None, index: GazetteerIndex) -> bool:
    """A state, its military or another body of it (a gazetteer entry or a derived "body:" anchor)."""
    if anchor is None:
        return False
    if anchor.key.startswith("body:") or anchor.type == "state":
        return True
    entry = index.gazetteer.get(anchor.gazetteer_id) if anchor.gazetteer_id else None
    return entry is not None and entry.kind == "military"


def _link_anchor(parents: dict[str, list[str]], child_id: str, parent_key: str, index: GazetteerIndex,
                 extra: dict[str, Anchor], members: dict[str, list[int]]) -> None:
    """Add a parent named by an anchor key, creating the parent entity (and its ancestors) when unseen."""
    anchor = _anchor_from_key(parent_key, index)
    parent_id = anchor.gazetteer_id or make_entity_id(anchor.name, anchor.type)
    add_parent(parents, child_id, parent_id)
    if parent_id not in members and parent_id not in extra:
        extra[parent_id] = anchor
        for grand in anchor.parents:
            _link_anchor(parents, parent_id, grand, index, extra, members)


def _anchor_from_key(key: str, index: GazetteerIndex) -> Anchor:
    if key.startswith("gz:"):
        return gazetteer_anchor(index, key[3:])
    return make_body_anchor(index, key)


def _choose_name(actors: list[LocalActor], indexes: list[int]) -> tuple[str, str]:
    """People: the fullest name; others: the most used name. Type: the most common, 'other' last."""
    type_counts = Counter(actors[i].type for i in indexes)
    type_ = sorted(type_counts.items(), key=lambda kv: (kv[0] == "other", -kv[1], kv[0]))[0][0]
    counts = Counter(actors[i].name for i in indexes if actors[i].is_named) or Counter(
        actors[i].name for i in indexes)
    if type_ == "person":
        ranked = sorted(counts.items(), key=lambda kv: (-len(normalize_name(kv[0], "person").split()),
                                                        -kv[1], -len(kv[0]), kv[0]))
    else:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return ranked[0][0], type_


def _make_entity(entity_id: str, name: str, type_: str, actors: list[LocalActor], parents: list[str],
                 anchor: Anchor | None, reasons: list[str]) -> Entity:
    aliases: Counter = Counter()
    for actor in actors:
        for text in [*actor.names, *actor.descriptions]:
            aliases[text] += 1
    ordered = [name] + [a for a, _ in sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0])) if a != name]
    unique_reasons = list(dict.fromkeys(r for r in reasons if r))[:MAX_REASONS]
    return Entity(entity_id, name, type_, ordered, list(parents), anchor.gazetteer_id if anchor else None,
                  sum(a.mentions for a in actors), unique_reasons)
