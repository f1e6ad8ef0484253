"""The store keeps documents with their extraction output, atomically and idempotently."""
from __future__ import annotations

import pytest

from claimgraph.model import Claim, Cue, Document, Evidence, Extraction, Mention
from claimgraph.store import Store, normalize_db_url


def _extraction(text: str = "The Sinaloa Cartel attacked a police convoy in Culiacan.") -> Extraction:
    document = Document.from_text(text, source="mem://cartel.txt", outlet="Example News",
                                  published="2023-05-02")
    mentions = [
        Mention(document.id, 0, 18, "The Sinaloa Cartel", "a1", "Sinaloa Cartel", "organization"),
        Mention(document.id, 32, 45, "police convoy", "a2", "police", "organization", kind="description"),
    ]
    evidence = Evidence(document.id, text, 0, len(text), cues=[Cue("hedge", "attacked", 19, 27)])
    claim = Claim(document.id, "a1", "ASSAULT", "a2", evidence, mode="attack", attributes={"place": "Culiacan"})
    return Extraction(document, mentions, [claim])


@pytest.mark.parametrize("given, expected", [
    ("out/x.db", "sqlite:///out/x.db"),
    ("postgresql://u@127.0.0.1:5432/cg", "postgresql+psycopg://u@127.0.0.1:5432/cg"),
    ("sqlite:///:memory:", "sqlite:///:memory:"),
])
def test_store_normalize_db_url(given, expected):
    assert normalize_db_url(given) == expected


def test_store_roundtrip_keeps_claim_and_evidence(db):
    store = Store(db)
    extraction = _extraction()
    assert store.save_extractions([extraction]) == 1
    [claim] = store.iter_claims()
    assert claim.relation == "ASSAULT" and claim.mode == "attack"
    assert claim.attributes == {"place": "Culiacan"}
    assert claim.evidence.cues[0].text == "attacked"
    [document] = store.iter_documents()
    assert document.text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert [m.name for m in store.iter_mentions()] == ["Sinaloa Cartel", "police"]


def test_store_save_is_idempotent(db):
    store = Store(db)
    extraction = _extraction()
    store.save_extractions([extraction])
    assert store.save_extractions([extraction]) == 0
    assert store.stats()["extracted_claims"] == 1


def test_store_failed_batch_leaves_nothing_half_written(db):
    store = Store(db)
    good = _extraction()
    store.save_extractions([good])
    bad = _extraction("The Gulf Clan kidnapped two soldiers near Medellin.")
    bad.claims[0].relation = None  # NOT NULL column: the insert fails inside the transaction
    with pytest.raises(Exception):
        store.save_extractions([bad])
    assert store.document_ids() == {good.document.id}
    assert store.stats()["extracted_claims"] == 1


def test_store_reviews_soft_delete(db):
    store = Store(db)
    review_id = store.add_review("reject", "g1", user="analyst")
    assert [r["target"] for r in store.reviews()] == ["g1"]
    assert store.undo_review(review_id)
    assert store.reviews() == []
    assert len(store.reviews(include_undone=True)) == 1
