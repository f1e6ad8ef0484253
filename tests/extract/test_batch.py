"""The map over a batch (#13): long texts parsed in sections with exact offsets; one document's
failure costs that document only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.extract.batch import extract_batch, extract_long_document
from claimgraph.extract.sections import split_sections
from claimgraph.model import Document

pytestmark = pytest.mark.issue(13)

VOA = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "voa" / "voa_stories.jsonl"
STORY = ("Boko Haram fighters attacked a Nigerian army base in Borno on Tuesday, officials said.\n\n"
         "The Nigerian army arrested three Boko Haram commanders after the clash.\n")


def _voa_text(count: int) -> str:
    with open(VOA, encoding="utf-8") as handle:
        stories = [json.loads(line)["text"] for line in handle][:count]
    return "\n\n".join(stories) + "\n"


@pytest.mark.parametrize("text", [
    "First paragraph.\n\nSecond one is here.\n\n" * 40,
    "One sentence. Another sentence! A third? " * 60,
    "word " * 500,
    "x" * 2_345,  # no break at all: cut at the limit
])
def test_sections_tile_the_text_within_the_limit(text):
    sections = split_sections(text, max_chars=200)
    assert "".join(text[s.start:s.end] for s in sections) == text
    assert all(0 < s.end - s.start <= 200 for s in sections)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))


def test_sections_cut_after_a_paragraph_break_when_there_is_one():
    text = "A short paragraph that ends here.\n\n" + "Then a long sentence goes on and on. " * 10
    [first, *_] = split_sections(text, max_chars=60)
    assert text[first.start:first.end] == "A short paragraph that ends here.\n\n"


@pytest.mark.slow
def test_long_document_in_sections_keeps_offsets_and_finds_claims_in_the_last(nlp):
    text = _voa_text(6)
    document = Document.from_text(text, "long.txt", published="2025-03-14")
    extraction = extract_long_document(nlp, document, max_chars=4_000)
    sections = split_sections(text, max_chars=4_000)
    assert len(sections) > 3
    assert extraction.document is document and extraction.claims
    for claim in extraction.claims:
        evidence = claim.evidence
        assert text[evidence.start:evidence.end] == evidence.text
        assert all(text[cue.start:cue.end] == cue.text for cue in evidence.cues)
        assert claim.subject.startswith("s") and "." in claim.subject
    for mention in extraction.mentions:
        assert text[mention.start:mention.end] == mention.text
    actors = {m.actor for m in extraction.mentions}
    assert all(c.subject in actors and c.object in actors for c in extraction.claims)
    last = sections[-1].start
    assert any(c.evidence.start >= last for c in extraction.claims)


@pytest.mark.slow
def test_batch_one_failing_document_costs_only_itself(nlp, monkeypatch):
    # spaCy's own length check (E088), set low, is a real parser error on the middle document
    monkeypatch.setattr(nlp, "max_length", 300)
    documents = [Document.from_text(STORY, "a.txt"), Document.from_text(STORY * 3, "too-long.txt"),
                 Document.from_text(STORY.replace("Tuesday", "Monday"), "b.txt")]
    first, failed, last = extract_batch(nlp, documents)
    assert failed.failed and "E088" in failed.failed and "\n" not in failed.failed
    assert not failed.claims and not failed.mentions
    assert not first.failed and first.claims and not last.failed and last.claims
