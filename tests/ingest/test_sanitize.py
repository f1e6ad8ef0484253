"""Documents that every store, format and terminal accepts (#13): control characters and NULs
removed and counted, file names that are not UTF-8 carried with their bytes."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimgraph.ingest import iter_sources
from claimgraph.ingest.sanitize import clean_document, clean_text
from claimgraph.model import Document
from claimgraph.safetext import escape_surrogates, printable
from claimgraph.settings import Settings

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
ARTICLE = ("Rebels shelled the airport on Thursday, damaging a runway and forcing flights to be diverted, "
           "officials said.\n\nThe army said it had pushed the fighters back by nightfall.\n")
OFFLINE = Settings(offline=True)

pytestmark = pytest.mark.issue(13)


def test_sanitize_removes_controls_keeps_whitespace_and_counts():
    text, changed = clean_text("a\x00b\x1b[2Jc\td\ne\rf\x0bg\x0ch\x7f\x85i\ud800")
    assert text == "ab[2Jc\td\ne\rf\ng\nh" + "i\ufffd"
    assert changed == 7


def test_sanitize_document_id_is_that_of_the_clean_text():
    dirty = Document.from_text("Rebels\x1b shelled the airport.", "a.txt", title="T\x00")
    clean = clean_document(dirty)
    assert clean.text == "Rebels shelled the airport." and clean.title == "T"
    assert clean.id == Document.from_text(clean.text, "a.txt").id != dirty.id
    assert clean.notes == {"control_characters_removed": {"text": 1, "title": 1}}
    untouched = Document.from_text(ARTICLE, "b.txt")
    assert clean_document(untouched) is untouched


def test_sanitize_file_name_not_utf8_is_carried_with_its_bytes(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(ARTICLE)
    [document] = list(iter_sources([str(tmp_path)], settings=OFFLINE))
    assert document.source == f"{tmp_path}/caf\\xe9.txt"
    assert bytes.fromhex(document.notes["source_bytes_hex"]) == os.fsencode(str(tmp_path / name))
    document.source.encode("utf-8")  # what every store needs


def test_sanitize_printable_escapes_terminal_controls_and_surrogates():
    assert printable("a\x1b[2Jb\x07\n") == "a\\x1b[2Jb\\x07\\n"
    assert printable(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert escape_surrogates("plain") == "plain"


def test_sanitize_hostile_samples_reach_every_store(db, tmp_path):
    """A NUL in a JSONL title (PostgreSQL refused it: 0 documents stored), a file name that is not
    UTF-8 (the store could not encode it), ESC/VT/BS in an article: all stored, clean."""
    from claimgraph.pipeline import ingest
    from claimgraph.store import Store

    folder = tmp_path / "old archive"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE)
    sources = [str(HOSTILE / "nul_title.jsonl"), str(HOSTILE / "escape_sequences.txt"), str(folder)]
    report = ingest(sources, db, settings=OFFLINE)
    assert report.ingested == 3 and not report.rejected
    store = Store(db)
    documents = {d.source.rsplit("/", 1)[-1]: d for d in store.iter_documents()}
    assert set(documents) == {"nul_title.jsonl", "escape_sequences.txt", "caf\\xe9.txt"}
    assert documents["nul_title.jsonl"].title == "Ceasefire agreed"
    assert store.notes_of(documents["nul_title.jsonl"].id) == {"control_characters_removed": {"title": 2}}
    escaped = documents["escape_sequences.txt"]
    assert not any(ch in escaped.text for ch in "\x1b\x07\x08\x0b")
    assert store.notes_of(escaped.id)["control_characters_removed"]["text"] == 5
    assert "source_bytes_hex" in store.notes_of(documents["caf\\xe9.txt"].id)
    store.close()
