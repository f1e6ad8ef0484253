"""The JSON export: the contract in docs/json-export.md, checked by export/schema.json.

Keys named in DESIGN.md are stable; extra keys (origin list, contradictions,
attributes, cues) are additions a reader may ignore.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..corroborate.rollup import rollup_groups
from ..store import Store

SCHEMA_PATH = Path(__file__).with_name("schema.json")


def _document(document) -> dict[str, Any]:
    return dict(id=document.id, source=document.source, url=document.url, outlet=document.outlet,
                title=document.title, authors=document.authors, published=document.published,
                date_source=document.date_source, duplicate_of=document.duplicate_of)


def _evidence(evidence) -> dict[str, Any]:
    return dict(document=evidence.document_id, text=evidence.text, start=evidence.start,
                end=evidence.end, attributed_to=evidence.attributed_to,
                attribution_kind=evidence.attribution_kind, certainty=evidence.certainty,
                polarity=evidence.polarity,
                cues=[dict(kind=c.kind, text=c.text, start=c.start, end=c.end) for c in evidence.cues],
                provenance=evidence.provenance)


def build_export(store: Store, *, include_rejected: bool = False, rollup: bool = False) -> dict[str, Any]:
    """The whole graph as one JSON-ready object.

    Analyst reviews apply (#6): claims rejected in review are left out unless
    `include_rejected`; `claims[].review` is "confirmed", "rejected" or null.
    With `rollup` (#5), claims of wings and units are re-grouped onto their top-level
    ancestor entity with counts recomputed; a re-grouped claim lists `rolled_up_from`
    (the ids of the claim groups it joins) and is reviewed when all of those are.
    """
    from ..store.reviews import get_claim_reviews

    claim_reviews = get_claim_reviews(store.reviews())
    documents = [_document(d) for d in store.iter_documents(with_text=False)]
    entities = [dict(id=e.id, name=e.name, type=e.type, aliases=e.aliases, parents=e.parents,
                     mentions=e.mentions, gazetteer_id=e.gazetteer_id, merge_reasons=e.merge_reasons)
                for e in store.entities()]
    groups = [g for g in store.claim_groups()
              if include_rejected or claim_reviews.get(g.id) != "rejected"]
    if rollup:
        groups = rollup_groups(groups, {e.id: e for e in store.entities()},
                               {d.id: d for d in store.iter_documents(with_text=False)})
    claims = []
    for group in groups:
        reviews = {claim_reviews.get(i) for i in group.rolled_up_from or [group.id]}
        review = reviews.pop() if len(reviews) == 1 else None
        extra = {"rolled_up_from": group.rolled_up_from} if rollup else {}
        claims.append(dict(
            id=group.id, subject=group.subject, relation=group.relation, mode=group.mode,
            object=group.object, polarity=group.polarity, certainty=group.certainty,
            documents=group.documents, outlets=group.outlets, origins=group.origins,
            unknown_outlet_documents=group.unknown_outlet_documents, weak=group.origins == 0,
            contradicted=group.contradicted, first_reported=group.first_reported,
            last_reported=group.last_reported, attributes=group.attributes,
            origin_list=[dict(key=o.key, name=o.name, kind=o.kind, documents=o.documents,
                              evidence=o.evidence) for o in group.origin_list],
            attribution_chains=group.attribution_chains,
            evidence=[_evidence(e) for e in group.evidence], review=review, **extra,
        ))
    return dict(documents=documents, entities=entities, claims=claims)


def write_json(store: Store, out: str | Path, *, rollup: bool = False) -> dict[str, int]:
    """Write the export to `out` (claims rolled up to top-level entities with `rollup`); returns counts."""
    data = build_export(store, rollup=rollup)
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return {key: len(value) for key, value in data.items()}
