"""Concurrent builds and reviews on one database lose no writes (SQLite and PostgreSQL)."""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading

import pytest

from claimgraph.model import Claim, Document, Evidence, Extraction, Mention
from claimgraph.store import Store
from claimgraph.store.store import _switch_to_wal

pytestmark = pytest.mark.usefixtures("importable_tests")

PROCESSES = 3


def _extraction(i: int) -> Extraction:
    text = f"Militia {i} attacked the garrison at dawn, officials said."
    document = Document.from_text(text, source=f"mem://{i}.txt", outlet="Wire")
    mentions = [Mention(document.id, 0, len(f"Militia {i}"), f"Militia {i}", "a1", f"Militia {i}", "organization")]
    claim = Claim(document.id, "a1", "ASSAULT", "a1", Evidence(document.id, text, 0, len(text)), mode="attack")
    return Extraction(document, mentions, [claim])


def _save_overlapping(db: str, worker: int) -> int:
    # Every process writes documents 0-29 (all shared) in batches of 5, plus 10 of its own.
    store = Store(db)
    own = [_extraction(1000 * (worker + 1) + i) for i in range(10)]
    shared = [_extraction(i) for i in range(30)]
    written = 0
    for start in range(0, 40, 5):
        written += store.save_extractions((shared + own)[start:start + 5])
    for i in range(10):
        store.add_review("confirm", f"g{worker}-{i}", user=f"analyst{worker}")
    store.close()
    return written


def _open(db: str, _worker: int) -> str:
    store = Store(db)
    store.close()
    return "ok"


def _run_all(function, db: str) -> list:
    context = multiprocessing.get_context("forkserver")
    with context.Pool(PROCESSES) as pool:
        return pool.starmap(function, [(db, worker) for worker in range(PROCESSES)])


def test_store_concurrency_first_open_creates_schema_once(db):
    assert _run_all(_open, db) == ["ok"] * PROCESSES


def test_store_concurrency_overlapping_saves_keep_every_row_once(db):
    Store(db).close()
    written = _run_all(_save_overlapping, db)
    store = Store(db)
    stats = store.stats()
    assert sum(written) == stats["documents"] == 30 + 10 * PROCESSES
    assert stats["mentions"] == stats["extracted_claims"] == stats["documents"]
    assert len(store.reviews()) == 10 * PROCESSES
    store.close()


def test_store_concurrency_wal_switch_waits_out_a_lock_sqlite_will_not_wait_for(tmp_path):
    # SQLite refuses the first journal-mode switch at once while another connection holds the new file
    # (no busy timeout applies when waiting could deadlock); the switch tries again until the holder lets go
    path = str(tmp_path / "new.db")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    opener = sqlite3.connect(path, isolation_level=None, timeout=0)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        opener.execute("PRAGMA journal_mode=WAL")
    threading.Timer(0.3, holder.execute, ("COMMIT",)).start()
    _switch_to_wal(opener.cursor())
    assert opener.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    opener.close()
    holder.close()
