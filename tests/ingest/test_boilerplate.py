"""Tests for claimgraph.ingest.boilerplate: furniture lines go, article lines stay verbatim."""
from __future__ import annotations

from pathlib import Path

import json
import re

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from claimgraph.ingest.boilerplate import clean_text, count_repeated_lines, get_byline, load_phrases

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"

GOLD = SHARED / "eval" / "seeds.gold.json"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
needs_seeds = pytest.mark.skipif(not SEED_FILES or not GOLD.exists(), reason="shared seed corpus not present")


def flat(text: str) -> str:
    return " ".join(text.split())


@needs_seeds
@pytest.mark.issue(3)
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_boilerplate_seed_gold_phrases_removed(path):
    phrases = json.loads(GOLD.read_text())["boilerplate_not_content"]
    cleaned = clean_text(path.read_text(encoding="utf-8"))
    for phrase in phrases:
        assert phrase.lower() not in cleaned.text.lower()


@needs_seeds
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_boilerplate_seed_article_lines_kept_verbatim(path):
    raw = path.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    # every kept line is a verbatim line of the raw text (grounding)
    for line in cleaned.text.split("\n\n"):
        assert flat(line) in flat(raw)
    # every long paragraph survives unless it is a caption or a disclaimer
    furniture = re.compile(r"photo credit|opinions presented|\.\.\.$", re.I)
    for line in raw.splitlines():
        if len(line.split()) >= 25 and not furniture.search(line.strip()):
            assert flat(line) in flat(cleaned.text), line[:80]


@needs_seeds
def test_boilerplate_seed_attribution_sentences_kept():
    checks = json.loads(GOLD.read_text())["attribution_checks"]
    for check in checks:
        cleaned = clean_text((SEEDS / check["document"]).read_text(encoding="utf-8"))
        assert flat(check["sentence_contains"]) in flat(cleaned.text)


ARTICLE = [
    "Rebel commanders met with government envoys in the northern city on Monday, officials said.",
    "The talks focused on a prisoner exchange that both sides have sought for months.",
]


@pytest.mark.parametrize("furniture", [
    "Close this search box.",
    "Share On Facebook Share On Twitter",
    "Leave a Reply",
    "Most Popular Articles",
    "Home | World | Politics | Opinion",
    "Sign up for our daily newsletter to get the latest updates.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "A fighter walks past a destroyed building. Photo: Reuters/Screenshot.",
    "FILE - Smoke rises over the city (Photo credit should read STAFF/AFP via Getty Images)",
    "© 2024 Example Media. All rights reserved.",
    "Advertisement",
])
def test_boilerplate_furniture_dropped(furniture):
    raw = "\n\n".join(["Talks resume in the north", furniture, *ARTICLE, furniture])
    cleaned = clean_text(raw)
    assert furniture not in cleaned.text
    assert all(sentence in cleaned.text for sentence in ARTICLE)


def test_boilerplate_related_teaser_block_dropped():
    raw = "\n\n".join([ARTICLE[0], "Related coverage", "March 3, 2021 6:17 am",
                       "Another Story - The minister said on Sunday that the army would...", ARTICLE[1]])
    cleaned = clean_text(raw)
    assert "Another Story" not in cleaned.text
    assert cleaned.text == "\n\n".join(ARTICLE)


def test_boilerplate_title_kept_other_head_lines_dropped():
    raw = "\n".join(["World", "Talks resume in the north as envoys arrive", "By Jane Roe", *ARTICLE, "Comments"])
    cleaned = clean_text(raw)
    assert cleaned.title == "Talks resume in the north as envoys arrive"
    assert cleaned.text.split("\n\n") == [cleaned.title, *ARTICLE]


def test_boilerplate_repeated_lines_dropped_within_document():
    raw = "\n".join(["Breaking News Network", *ARTICLE[:1], "Breaking News Network", ARTICLE[1]])
    assert "Breaking News Network" not in clean_text(raw).text


def test_boilerplate_corpus_repetition_learned():
    texts = ["\n".join([f"Story {i} happened in the city today and people talked.", "Regional Desk Edition Seven"])
             for i in range(4)]
    repeated = count_repeated_lines(texts, min_documents=3)
    assert "regional desk edition seven" in repeated
    assert not any("story" in line for line in repeated)


def test_boilerplate_line_endings_normalised_and_characters_untouched():
    raw = "Title of the story here\r\n" + "\r\n".join(ARTICLE) + "\r\n"
    cleaned = clean_text(raw)
    assert "\r" not in cleaned.text
    assert ARTICLE[0] in cleaned.text


@pytest.mark.parametrize("line,expected", [
    ("By Sean Savage/JNS.org", (["Sean Savage"], "JNS.org")),
    ("avatar by Steven Emerson", (["Steven Emerson"], None)),
    ("By Jane Roe, Example News", (["Jane Roe"], "Example News")),
    ("By Aziz El Yaakoubi and Rania El Gamal", (["Aziz El Yaakoubi", "Rania El Gamal"], None)),
    ("stood by the wall", None),
])
def test_boilerplate_byline_parsed(line, expected):
    assert get_byline(line) == expected


def test_boilerplate_phrase_file_loads():
    phrases = load_phrases()
    assert "close this search box" in phrases.lines
    assert phrases.patterns and phrases.captions and phrases.teaser_headers


def test_boilerplate_pull_quote_keeps_first_copy():
    quote = '"We will not give up the city," the commander said.'
    raw = "\n\n".join(["Talks resume in the north", ARTICLE[0], quote, ARTICLE[1], quote])
    assert clean_text(raw).text.count(quote) == 1


def test_boilerplate_hard_wrapped_paragraphs_joined():
    paragraph = ("Rebel commanders met with government envoys in the northern city on Monday, "
                 "officials said, in the first direct talks since the ceasefire collapsed in the "
                 "spring and fighting spread to the surrounding villages and the main highway.")
    wrapped = []
    for _ in range(3):
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) + 1 > 72:
                wrapped.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        wrapped += [line, ""]
    cleaned = clean_text("\n".join(wrapped))
    assert cleaned.text.split("\n\n") == [paragraph] * 3


def test_boilerplate_sentence_with_date_kept():
    raw = "\n\n".join(["Talks resume in the north", ARTICLE[0], "He died on March 3, 2019.", ARTICLE[1]])
    assert "He died on March 3, 2019." in clean_text(raw).text


LINE = st.one_of(
    st.sampled_from(ARTICLE + ["Close this search box.", "Related coverage", "March 3, 2021", "By Jane Roe",
                               "Home | World | Sport", "Photo: AP", "...", "", "   "]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
)


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
def test_boilerplate_kept_lines_are_verbatim(lines, newline):
    raw = newline.join(lines)
    cleaned = clean_text(raw)
    flat_raw = flat(raw.replace("\r", "\n"))
    for paragraph in cleaned.text.split("\n\n"):
        assert flat(paragraph) in flat_raw
