"""The JSON export: the contract in docs/json-export.md, checked by export/schema.json.

Keys named in DESIGN.md are stable; extra keys (origin list, contradictions,
attributes, cues) are additions a reader may ignore.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
                cues=[dict(kind=c.kind, text=c.text, start=c.start, end=c.end) for c in evidence.cues])


def build_export(store: Store, *, include_rejected: bool = False) -> dict[str, Any]:
    """The whole graph as one JSON-ready object.

    Analyst reviews apply (#6): claims rejected in review are left out unless
    `include_rejected`; `claims[].review` is "confirmed", "rejected" or null.
    """
    from ..store.reviews import get_claim_reviews

    claim_reviews = get_claim_reviews(store.reviews())
    documents = [_document(d) for d in store.iter_documents(with_text=False)]
    entities = [dict(id=e.id, name=e.name, type=e.type, aliases=e.aliases, parents=e.parents,
                     mentions=e.mentions, gazetteer_id=e.gazetteer_id, merge_reasons=e.merge_reasons)
                for e in store.entities()]
    claims = []
    for group in store.claim_groups():
        review = claim_reviews.get(group.id)
        if review == "rejected" and not include_rejected:
            continue
        claims.append(dict(
            id=group.id, subject=group.subject, relation=group.relation, mode=group.mode,
            object=group.object, polarity=group.polarity, certainty=group.certainty,
            documents=group.documents, outlets=group.outlets, origins=group.origins,
            contradicted=group.contradicted, first_reported=group.first_reported,
            last_reported=group.last_reported, attributes=group.attributes,
            origin_list=[dict(key=o.key, name=o.name, kind=o.kind, documents=o.documents,
                              evidence=o.evidence) for o in group.origin_list],
            attribution_chains=group.attribution_chains,
            evidence=[_evidence(e) for e in group.evidence], review=review,
        ))
    return dict(documents=documents, entities=entities, claims=claims)


def write_json(store: Store, out: str | Path) -> dict[str, int]:
    """Write the export to `out`; returns counts for the CLI."""
    data = build_export(store)
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return {key: len(value) for key, value in data.items()}
