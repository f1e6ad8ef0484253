"""Group claims about the same entities, relation and mode; count documents, outlets and origins."""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from typing import Iterable

from ..model import Claim, ClaimGroup, Document, Entity, Evidence, Origin
from .origins import find_origin
from .outlets import Outlets, link_relays, link_reporters

log = logging.getLogger(__name__)

# Relations with no direction (DESIGN.md): stored with the smaller entity id as subject.
SYMMETRIC = frozenset({"COOPERATE", "CONSULT", "AGREE"})


def make_group_id(subject: str, relation: str, mode: str | None, object_: str) -> str:
    """Stable id of a claim group: the hash of subject|relation|mode|object."""
    return "g" + hashlib.sha1(f"{subject}|{relation}|{mode or ''}|{object_}".encode()).hexdigest()[:16]


def group_claims(claims: Iterable[Claim], *, actor_entity: dict[tuple[str, str], str],
                 documents: dict[str, Document], entities: dict[str, Entity]) -> list[ClaimGroup]:
    """Corroborated claim groups, most independent origins first.

    Args:
        claims: every stored claim (subject/object are document-local actor keys).
        actor_entity: (document id, actor) -> entity id, from resolution.
        documents: stored documents by id (outlet, published, duplicate_of).
        entities: resolved entities by id.
    Returns:
        one ClaimGroup per (subject, relation, mode, object); self-loops and claims on
        unresolved actors are dropped.
    """
    claims = list(claims)
    outlets = Outlets(entities, documents)
    reporters = link_reporters(claims, actor_entity, outlets)
    relays = link_relays(claims, outlets)
    republishers: dict[str, list[str]] = defaultdict(list)
    for document in documents.values():
        if document.duplicate_of:
            republishers[document.duplicate_of].append(document.id)
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    dropped = 0
    for claim in claims:
        subject = actor_entity.get((claim.document_id, claim.subject))
        object_ = actor_entity.get((claim.document_id, claim.object))
        if not subject or not object_ or subject == object_:
            dropped += 1
            continue
        if claim.relation in SYMMETRIC and object_ < subject:
            subject, object_ = object_, subject
        buckets[(subject, claim.relation, claim.mode, object_)].append(claim)
    if dropped:
        log.info("corroborate: %d claims dropped (self-loop or unresolved actor)", dropped)
    groups = [_make_group(key, members, documents, outlets, actor_entity, reporters, republishers, relays)
              for key, members in buckets.items()]
    groups.sort(key=lambda g: (-g.origins, -g.documents, g.id))
    return groups


def _published(documents: dict[str, Document], document_id: str) -> str:
    document = documents.get(document_id)
    return (document.published or "9999") if document else "9999"


def _make_group(key: tuple, members: list[Claim], documents: dict[str, Document], outlets: Outlets,
                actor_entity: dict, reporters: dict[str, str], republishers: dict[str, list[str]],
                relays: dict[tuple[str, str], str]) -> ClaimGroup:
    subject, relation, mode, object_ = key
    members = sorted(members, key=lambda c: (_published(documents, c.document_id), c.document_id,
                                             c.evidence.start))
    group = ClaimGroup(id=make_group_id(subject, relation, mode, object_), subject=subject,
                       relation=relation, object=object_, mode=mode)
    origins: dict[str, Origin] = {}
    chains: list[list[str]] = []
    seen_spans: set[tuple] = set()
    polarities, certainties = set(), set()
    for claim in members:
        evidence: Evidence = claim.evidence
        span = (evidence.document_id, evidence.start, evidence.end, claim.polarity)
        polarities.add(claim.polarity)
        certainties.add((claim.polarity, claim.certainty))
        for name, value in claim.attributes.items():
            if value not in (None, "", [], {}):
                group.attributes.setdefault(name, value)
        if span in seen_spans:
            continue
        seen_spans.add(span)
        group.evidence.append(evidence)
        found = find_origin(evidence, actor_entity=actor_entity, outlets=outlets, reporters=reporters,
                            republishers=republishers, relays=relays)
        origin = origins.setdefault(found.key, Origin(found.key, found.name, found.kind))
        if evidence.document_id not in origin.documents:
            origin.documents.append(evidence.document_id)
        origin.evidence.append(len(group.evidence) - 1)
        if list(found.chain) not in chains:
            chains.append(list(found.chain))
    document_ids = {e.document_id for e in group.evidence}
    group.documents = len(document_ids)
    group.outlets = len({outlets.publisher_key(d)[0] for d in document_ids})
    group.origin_list = list(origins.values())
    group.origins = len(group.origin_list)
    group.attribution_chains = chains
    dates = sorted(documents[d].published for d in document_ids if d in documents and documents[d].published)
    group.first_reported = dates[0] if dates else None
    group.last_reported = dates[-1] if dates else None
    group.polarity = "negated" if polarities == {"negated"} else "affirmed"
    group.contradicted = polarities == {"affirmed", "negated"}
    group.certainty = "asserted" if (group.polarity, "asserted") in certainties else "hedged"
    return group
