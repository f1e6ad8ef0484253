"""Group claims about the same entities, relation and mode; count documents, outlets and origins."""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from typing import Iterable

from ..model import Claim, ClaimGroup, Document, Entity, Evidence, Origin
from ..relations import load_ontology
from ..resolve.normalize import fold
from .origins import OriginOf, count_origins, find_origin
from .outlets import Outlets, link_relays, link_reporters

log = logging.getLogger(__name__)

# Relations with no direction (`symmetric` in data/relations.yaml): stored with the smaller entity id as subject.
SYMMETRIC = load_ontology().symmetric


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
    # (document, {subject, object}) -> the first attributed body evidence about that pair: what a headline
    # about the same actors inherits, whatever verb it uses (#12)
    body_credit: dict[tuple[str, frozenset], Evidence] = {}
    dropped = 0
    for claim in claims:
        subject = actor_entity.get((claim.document_id, claim.subject))
        object_ = actor_entity.get((claim.document_id, claim.object))
        if not subject or not object_ or subject == object_:
            dropped += 1
            continue
        if claim.evidence.attributed_to and not _is_headline(claim.evidence, documents.get(claim.document_id)):
            body_credit.setdefault((claim.document_id, frozenset((subject, object_))), claim.evidence)
        if claim.relation in SYMMETRIC and object_ < subject:
            subject, object_ = object_, subject
        buckets[(subject, claim.relation, claim.mode, object_)].append(claim)
    if dropped:
        log.info("corroborate: %d claims dropped (self-loop or unresolved actor)", dropped)
    def origin_of(evidence: Evidence) -> OriginOf:
        return find_origin(evidence, actor_entity=actor_entity, outlets=outlets, reporters=reporters,
                           republishers=republishers, relays=relays)

    groups = [_make_group(key, members, documents, outlets, origin_of, body_credit)
              for key, members in buckets.items()]
    groups.sort(key=lambda g: (-g.origins, -g.documents, g.id))
    return groups


def _published(documents: dict[str, Document], document_id: str) -> str:
    document = documents.get(document_id)
    return (document.published or "9999") if document else "9999"


def _make_group(key: tuple, members: list[Claim], documents: dict[str, Document], outlets: Outlets,
                origin_of, body_credit: dict[tuple[str, frozenset], Evidence]) -> ClaimGroup:
    subject, relation, mode, object_ = key
    members = sorted(members, key=lambda c: (_published(documents, c.document_id), c.document_id,
                                             c.evidence.start))
    group = ClaimGroup(id=make_group_id(subject, relation, mode, object_), subject=subject,
                       relation=relation, object=object_, mode=mode)
    origins: dict[str, Origin] = {}
    chains: list[list[str]] = []
    seen_spans: set[tuple] = set()
    polarities, certainties = set(), set()
    found_list: list[OriginOf] = []
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
        found_list.append(origin_of(evidence))
    pair = frozenset((subject, object_))
    _inherit_headline_attribution(group.evidence, found_list, documents,
                                  lambda document_id: body_credit.get((document_id, pair)), origin_of)
    for evidence, found in zip(group.evidence, found_list):
        origin = origins.setdefault(found.key, Origin(found.key, found.name, found.kind))
        if evidence.document_id not in origin.documents:
            origin.documents.append(evidence.document_id)
        origin.evidence.append(len(group.evidence) - 1)
        if list(found.chain) not in chains:
            chains.append(list(found.chain))
    document_ids = {e.document_id for e in group.evidence}
    group.documents = len(document_ids)
    # a document of unknown outlet is no outlet of its own (#12): it is counted in unknown_outlet_documents
    group.outlets = len({key for key in (outlets.publisher_key(d)[0] for d in document_ids) if not outlets.is_unknown(key)})
    group.origin_list = list(origins.values())
    group.origins, group.unknown_outlet_documents = count_origins(group.origin_list)
    group.attribution_chains = chains
    dates = sorted(documents[d].published for d in document_ids if d in documents and documents[d].published)
    group.first_reported = dates[0] if dates else None
    group.last_reported = dates[-1] if dates else None
    group.polarity = "negated" if polarities == {"negated"} else "affirmed"
    group.contradicted = polarities == {"affirmed", "negated"}
    group.certainty = "asserted" if (group.polarity, "asserted") in certainties else "hedged"
    return group


def _inherit_headline_attribution(evidence: list[Evidence], found: list[OriginOf], documents: dict[str, Document],
                                  body_evidence, origin_of) -> None:
    """A headline states its body's claim without its attribution: it takes the origin the body credits (#12).

    Without this, "US supports YPG" in a headline counts as the publisher's own origin beside the
    body's "..., Reuters reported", one report counted twice. The body's credit comes from this
    group's evidence in the same document, else from the document's attributed evidence about the
    same two actors (`body_evidence(document id)`), whatever relation the body states.
    """
    for i, item in enumerate(evidence):
        if item.attributed_to or not _is_headline(item, documents.get(item.document_id)):
            continue
        credited = next((found[j] for j, other in enumerate(evidence)
                         if j != i and other.document_id == item.document_id and other.attributed_to
                         and not _is_headline(other, documents.get(other.document_id))), None)
        if credited is None:
            body = body_evidence(item.document_id)
            credited = origin_of(body) if body is not None else None
        if credited is not None:
            found[i] = credited


def _is_headline(evidence: Evidence, document: Document | None) -> bool:
    """Does the evidence lie in the document's title line (the title opens the stored text)?"""
    if document is None or not document.title:
        return False
    title = fold(document.title).strip()
    return evidence.start <= len(document.title) and bool(title) and (
        fold(evidence.text).strip() in title or title in fold(evidence.text))
