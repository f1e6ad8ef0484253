"""Roll claim groups up to top-level entities: a wing's or unit's claims counted on the organization."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping

from ..model import ClaimGroup, Document, Entity, Origin
from ..resolve.hierarchy import map_to_roots
from .groups import SYMMETRIC, make_group_id
from .origins import count_origins
from .outlets import Outlets


def rollup_groups(groups: Iterable[ClaimGroup], entities: Mapping[str, Entity],
                  documents: Mapping[str, Document] | None = None) -> list[ClaimGroup]:
    """Claim groups re-grouped onto each entity's top-level ancestor, counts recomputed.

    Args:
        groups: claim groups between resolved entities.
        entities: every entity by id (their `parents` give the hierarchy).
        documents: documents by id, to count distinct publishing outlets; without them a rolled
            group's outlets is the largest of its members'.
    Returns:
        one group per (ancestor, relation, mode, ancestor), most origins first. A group whose
        subject or object moved gets the id of its new key and lists the groups it joins in
        `rolled_up_from`; groups already between top-level entities are returned unchanged.
        A unit's claim about its own ancestor ("Qassam Brigades PART_OF Hamas") is dropped.
    """
    top = map_to_roots(dict(entities))
    buckets: dict[tuple, list[ClaimGroup]] = defaultdict(list)
    for group in groups:
        subject, object_ = top.get(group.subject, group.subject), top.get(group.object, group.object)
        if subject == object_ and (subject, object_) != (group.subject, group.object):
            continue
        moved = (subject, object_) != (group.subject, group.object)
        if moved and group.relation in SYMMETRIC and object_ < subject:
            subject, object_ = object_, subject  # the order group_claims stores undirected relations in
        buckets[(subject, group.relation, group.mode, object_)].append(group)
    outlets = Outlets(dict(entities), dict(documents)) if documents is not None else None
    out = []
    for key, members in buckets.items():
        if len(members) == 1 and (members[0].subject, members[0].object) == (key[0], key[3]):
            out.append(members[0])
        else:
            out.append(_merge(key, members, outlets))
    out.sort(key=lambda g: (-g.origins, -g.documents, g.id))
    return out


def _merge(key: tuple, members: list[ClaimGroup], outlets: Outlets | None) -> ClaimGroup:
    subject, relation, mode, object_ = key
    members = sorted(members, key=lambda g: (g.first_reported or "9999", g.id))
    group = ClaimGroup(id=make_group_id(subject, relation, mode, object_), subject=subject, relation=relation,
                       object=object_, mode=mode, rolled_up_from=sorted(g.id for g in members))
    origins: dict[str, Origin] = {}
    seen: dict[tuple, int] = {}
    for member in members:
        for name, value in member.attributes.items():
            group.attributes.setdefault(name, value)
        for chain in member.attribution_chains:
            if chain not in group.attribution_chains:
                group.attribution_chains.append(list(chain))
        new_index: dict[int, int] = {}
        for i, evidence in enumerate(member.evidence):
            span = (evidence.document_id, evidence.start, evidence.end, evidence.polarity)
            if span not in seen:  # one sentence may support a unit's claim and its parent's
                seen[span] = len(group.evidence)
                group.evidence.append(evidence)
            new_index[i] = seen[span]
        for origin in member.origin_list:
            merged = origins.setdefault(origin.key, Origin(origin.key, origin.name, origin.kind))
            merged.documents.extend(d for d in origin.documents if d not in merged.documents)
            merged.evidence.extend(new_index[i] for i in origin.evidence
                                   if i in new_index and new_index[i] not in merged.evidence)
    group.origin_list = list(origins.values())
    group.origins, group.unknown_outlet_documents = count_origins(group.origin_list)
    document_ids = {e.document_id for e in group.evidence}
    group.documents = len(document_ids)
    group.outlets = (len({key for key in (outlets.publisher_key(d)[0] for d in document_ids)
                          if not outlets.is_unknown(key)}) if outlets is not None  # #12
                     else max(g.outlets for g in members))
    firsts = [g.first_reported for g in members if g.first_reported]
    lasts = [g.last_reported for g in members if g.last_reported]
    group.first_reported = min(firsts) if firsts else None
    group.last_reported = max(lasts) if lasts else None
    polarities = {g.polarity for g in members}
    group.polarity = "affirmed" if "affirmed" in polarities else "negated"
    group.contradicted = any(g.contradicted for g in members) or polarities == {"affirmed", "negated"}
    group.certainty = "asserted" if any(g.polarity == "affirmed" and g.certainty == "asserted"
                                        for g in members) else "hedged"
    return group
