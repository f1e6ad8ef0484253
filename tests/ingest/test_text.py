"""Tests for claimgraph.ingest.text: scraped text to Document, with the article's own date."""
from __future__ import annotations

from pathlib import Path

import json

import pytest

from claimgraph.ingest.text import build_text_document
from claimgraph.model import make_document_id

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

GOLD = SHARED / "eval" / "seeds.gold.json"
needs_seeds = pytest.mark.skipif(not GOLD.exists(), reason="shared seed corpus not present")
BODY = ("Militants attacked a checkpoint near the border in 2019, killing two soldiers, the army said.\n\n"
        "The group has carried out several such raids since 2018, according to local officials.\n")


@needs_seeds
@pytest.mark.issue(3)
def test_text_seed_dates_match_gold():
    for record in json.loads(GOLD.read_text())["documents"]:
        document = build_text_document((SEEDS / record["file"]).read_text(encoding="utf-8"), record["file"])
        assert document.published == record["published"], record["file"]
        if record["published"]:
            assert document.date_source == "dateline"


@pytest.mark.parametrize("raw,expected", [
    # dateline right above the title
    ("March 4, 2019 10:00 am\nRaid on border checkpoint\n" + BODY, "2019-03-04"),
    # outlet | date under the title
    ("Raid on border checkpoint\nThe Frontier Post | March 4, 2019\n" + BODY, "2019-03-04"),
    # footer "date | Comments"
    ("Raid on border checkpoint\n" + BODY + "March 4, 2019 | Comments\nLeave a Reply", "2019-03-04"),
    # a repeated "today" banner among UI lines, years after everything in the body
    ("July 17, 2026\nClose this search box.\nJuly 17, 2026\nRaid on border checkpoint\n" + BODY, None),
    # the same banner is believed when the body's years agree with it
    ("July 17, 2019\nClose this search box.\nJuly 17, 2019\nRaid on border checkpoint\n" + BODY, "2019-07-17"),
    # no date at all
    ("Raid on border checkpoint\n" + BODY, None),
    # a lone date on the first line, years after the body's events: a crawl-day header
    ("July 17, 2024\nRaid on border checkpoint\n" + BODY, None),
    # ... but a first-line dateline a little after the body's years is the article's date
    ("March 4, 2021\nRaid on border checkpoint\n" + BODY, "2021-03-04"),
])
def test_text_published_from_dateline(raw, expected):
    assert build_text_document(raw, "x.txt").published == expected


def test_text_metadata_from_byline_and_dateline():
    raw = "Raid on border checkpoint\nThe Frontier Post | March 4, 2019\n" + BODY + "By Jane Roe/frontier.example.org\n"
    document = build_text_document(raw, "x.txt")
    assert document.title == "Raid on border checkpoint"
    assert document.authors == ["Jane Roe"]
    assert document.outlet == "The Frontier Post"


def test_text_document_identity_is_clean_text_hash():
    document = build_text_document("Raid on border checkpoint\nShare On Facebook\n" + BODY, "x.txt")
    assert document.id == make_document_id(document.text)
    assert "Share On Facebook" not in document.text and "Share On Facebook" in document.raw_text
    again = build_text_document("Raid on border checkpoint\nAdvertisement\n" + BODY, "y.txt")
    assert again.id == document.id


@pytest.mark.parametrize("raw", ["", "   \n", "Close this search box.\nLeave a Reply\n"])
def test_text_nothing_left_gives_none(raw):
    assert build_text_document(raw, "x.txt") is None


SCRAPED = ROOT / "tests" / "fixtures" / "scraped"


@pytest.mark.parametrize("name,title,published,authors,kept,dropped", [
    ("wire_story.txt", "Houthi rebels claim drone attack on Saudi oil facility", "2019-09-14",
     ["Aziz El Yaakoubi", "Rania El Gamal"],
     ["Saudi Arabia's state news agency SPA said fires had been brought under control."],
     ["3 minute read", "Updated 4 years ago", "Reporting by", "Trust Principles", "Read Next", "Iran denies role"]),
    ("standfirst_story.txt", "Al-Shabab fighters storm military base in southern Somalia", "2017-01-27", [],
     ["Kenya's military said it had repulsed the attack."],
     ["Save articles", "Source: Al Jazeera", "Keep reading", "list of 4 items", "Several killed in al-Shabab attack"]),
    ("blog_with_comments.txt", "Militia leader arrested in Tripoli raid", "2018-03-05", [],
     ["His group has denied the charges and called for protests."],
     ["thoughts on", "This is great news", "I don't believe", "Reply", "Your email address"]),
])
def test_text_scraped_templates_cleaned(name, title, published, authors, kept, dropped):
    document = build_text_document((SCRAPED / name).read_text(encoding="utf-8"), name)
    assert (document.title, document.published, document.authors) == (title, published, authors)
    assert all(text in document.text for text in kept)
    assert not any(text in document.text for text in dropped)
