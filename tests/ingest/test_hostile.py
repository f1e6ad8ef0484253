"""The hostile sample corpus and fuzzing: readers never raise, bad files are rejected with a reason,
stored documents are never lost or altered (issue #3)."""
from __future__ import annotations

from pathlib import Path

import json
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from claimgraph.ingest import Rejected, iter_sources
from claimgraph.model import Document
from claimgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
EXPECTED = json.loads((HOSTILE / ".expected.json").read_text())
# The limit the corpus was made for (scripts/make_hostile_corpus.py TEST_MAX_BYTES).
LIMITED = Settings(offline=True, max_bytes=50_000)


def test_hostile_corpus_is_large_enough():
    assert len(EXPECTED) >= 50
    assert sorted(EXPECTED) == sorted(p.name for p in HOSTILE.iterdir() if not p.name.startswith("."))


@pytest.mark.issue(3)
@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("offline", [True, False], ids=["offline", "online"])
def test_hostile_file_gives_clear_outcome(name, offline):
    path = str(HOSTILE / name)
    items = list(iter_sources([path], settings=Settings(offline=offline, max_bytes=50_000)))
    assert items, "every source yields at least one line"
    assert all(isinstance(item, (Document, Rejected)) for item in items)
    for item in items:
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in str(item)
        else:
            assert item.text.strip()
    rejected_only = all(isinstance(item, Rejected) for item in items)
    if EXPECTED[name] == "rejected":
        assert rejected_only
    elif EXPECTED[name] == "document":
        assert any(isinstance(item, Document) for item in items)
    if rejected_only and not name.startswith("hostile_urls"):
        assert all(item.source.startswith(path) for item in items)


@pytest.mark.issue(3)
def test_hostile_folder_does_not_alter_stored_documents(tmp_path):
    from claimgraph.pipeline import ingest
    from claimgraph.store.store import Store

    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text("Fighters seized the bridge\n\nFighters seized the bridge on the main road "
                                "after a night of clashes, witnesses said on Friday.\n")
    db = str(tmp_path / "h.db")
    ingest([str(good)], db, settings=LIMITED)
    store = Store(db)
    before = {d.id: d.to_dict() for d in store.iter_documents()}
    store.close()
    report = ingest([str(HOSTILE)], db, settings=LIMITED)
    assert report.rejected
    store = Store(db)
    after = {d.id: d.to_dict() for d in store.iter_documents()}
    store.close()
    assert before and all(after[key] == value for key, value in before.items())


PREFIXES = [b"", b"<html><body><p>", b"<?xml version='1.0'?><rss version='2.0'><channel><item><description>",
            b'{"text": "', b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"http://127.0.0.1/\n", b"\xef\xbb\xbf"]


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600) | st.text(max_size=600).map(str.encode),
       suffix=st.sampled_from([".txt", ".html", ".warc.gz", ".rss", ".jsonl", ""]))
def test_hostile_fuzzed_bytes_never_raise(prefix, body, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fuzz" + suffix)
        with open(path, "wb") as stream:
            stream.write(prefix + body)
        items = list(iter_sources([path], settings=LIMITED))
    assert items
    for item in items:
        assert isinstance(item, (Document, Rejected))
        if isinstance(item, Document):
            assert item.text.strip() and item.id


def test_hostile_jsonl_of_comments_alone_is_rejected_by_name():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "notes.jsonl")
        with open(path, "wb") as stream:
            stream.write(b"# nothing but a comment\n\n")
        items = list(iter_sources([path], settings=LIMITED))
    assert len(items) == 1 and isinstance(items[0], Rejected) and items[0].source == path, items
    assert "only comments" in items[0].reason
