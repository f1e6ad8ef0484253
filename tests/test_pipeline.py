"""The reduce runs only when what it reads changed: a re-run with nothing new costs only ingest (#7)."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import pipeline
from claimgraph.settings import Settings
from claimgraph.store import Store

DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"

pytestmark = pytest.mark.issue(7)


def _export(db: str) -> dict:
    from claimgraph.export.jsonexport import build_export

    store = Store(db)
    try:
        return build_export(store)
    finally:
        store.close()


def test_rebuild_with_nothing_new_skips_the_reduce(demo_db, monkeypatch):
    store = Store(demo_db)
    stats = store.stats()
    store.close()
    before = _export(demo_db)

    def reduce_must_not_run(store):
        raise AssertionError("the reduce ran although nothing changed")

    monkeypatch.setattr(pipeline, "reduce_graph", reduce_must_not_run)
    report = pipeline.build([str(DEMO)], demo_db, settings=Settings(offline=True), workers=1)
    assert (report.extracted, report.unchanged) == (0, 5)
    assert (report.entities, report.claim_groups) == (stats["entities"], stats["claim_groups"])
    assert _export(demo_db) == before


def test_rebuild_reduces_a_graph_left_stale(demo_db, monkeypatch):
    """A build killed between its last stored batch and its reduce: the next run reduces."""
    from sqlalchemy import delete, update

    from claimgraph.store import tables as t

    before = _export(demo_db)
    store = Store(demo_db)
    with store.writer.begin() as conn:
        conn.execute(delete(t.store_state))
        conn.execute(update(t.claim_groups).values(origins=0))  # what a half-finished graph looks like
    store.close()
    calls = []
    original = pipeline.reduce_graph
    monkeypatch.setattr(pipeline, "reduce_graph", lambda store: calls.append(1) or original(store))
    report = pipeline.build([str(DEMO)], demo_db, settings=Settings(offline=True), workers=1)
    assert report.extracted == 0 and calls == [1]
    assert _export(demo_db) == before


def test_graph_is_current_until_its_inputs_change(db):
    store = Store(db)
    assert not store.graph_is_current()  # never reduced
    pipeline.reduce_graph(store)
    assert store.graph_is_current()
    review = store.add_review("rename", "e1", user="analyst", payload={"name": "X"})
    assert not store.graph_is_current()
    pipeline.reduce_graph(store)
    assert store.graph_is_current()
    store.undo_review(review)
    assert not store.graph_is_current()
    store.close()
