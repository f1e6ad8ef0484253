"""Drop page furniture from scraped plain text by classifying whole lines; keep the article verbatim.

Invariant: cleaning never rewrites characters inside a kept line. It only drops whole lines and
joins the kept ones with blank lines, so every sentence of the clean text is a substring of the
raw text after whitespace collapsing (evidence stays grounded).
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import read_data_yaml
from ..errors import DataFileError
from .datelines import DateLine, get_date_line

log = logging.getLogger(__name__)

# A prose line has at least this many words and ends like a sentence (rerun tests/ingest if changed).
MIN_PROSE_WORDS = 6
# A long line without final punctuation still counts as prose with this many words and this
# share of stop words (a paragraph cut mid-sentence by the scraper).
MIN_LONG_PROSE_WORDS = 20
MIN_LONG_PROSE_STOP_SHARE = 0.2
# Lines this short (words) are furniture when repeated within a document or across the corpus.
MAX_REPEATED_WORDS = 15
# A title has this many words (from the head of the text: the last candidate before the body).
TITLE_WORDS = (3, 30)
# A caption longer than this many words is prose that happens to mention a photo.
MAX_CAPTION_WORDS = 80
# Inside the body, a line shorter than this without final punctuation is a label ("Related").
MIN_BODY_LINE_WORDS = 3
# Hard-wrapped text: most lines (this share, of at least this many) are this many characters long.
WRAP_WIDTH = (45, 80)
MIN_WRAPPED_SHARE = 0.6
MIN_WRAPPED_LINES = 8

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_TERMINAL = tuple('.!?:;"”’\')')
_ELLIPSIS_RE = re.compile(r"(\.\.\.|…)\s*[\"”’]?$")
_NAV_SPLIT_RE = re.compile(r"\s+[|•·»/]\s+|\s{3,}")
_NAME_RE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}")
_BYLINE_RE = re.compile(r"(?:^|\s)(?:[Bb]y|BY)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?P<rest>.*)$")
_UI_STRIP = " \t.!:;»›>|-–—•·"
# Function words used for stop-word density (English; ingest only needs a rough prose signal).
STOP_WORDS = frozenset(
    """a about after against all also an and any are as at be because been before being between both
    but by can could did do does during each for from had has have he her here him his how i if in
    into is it its itself just may me might more most my no nor not now of off on once only or other
    our out over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your""".split()
)


@dataclass(frozen=True)
class Phrases:
    """The UI phrase data (data/boilerplate/ui_phrases.yaml), compiled."""

    lines: frozenset[str]
    patterns: tuple[re.Pattern, ...]
    article_end: tuple[re.Pattern, ...]
    teaser_headers: tuple[re.Pattern, ...]
    captions: tuple[re.Pattern, ...]


@dataclass
class Line:
    """One non-blank line of the text and what the classifier decided."""

    index: int
    text: str
    words: int
    stop_share: float
    prose: bool
    reason: str | None = None  # why it was dropped; None = kept
    date_line: DateLine | None = None


@dataclass
class Cleaned:
    """The clean text of a scraped page and what was learned on the way."""

    text: str
    lines: list[Line] = field(default_factory=list)
    title: str | None = None
    body_start: int = 0  # position in `lines` of the first body line
    body_end: int = -1  # position in `lines` of the last body line

    @property
    def dropped(self) -> list[tuple[str, str]]:
        return [(line.text, line.reason) for line in self.lines if line.reason]


@lru_cache(maxsize=1)
def load_phrases() -> Phrases:
    """Load and compile the UI phrase list shipped in claimgraph/data/boilerplate."""
    data = read_data_yaml("boilerplate", "ui_phrases.yaml")
    try:
        return Phrases(
            lines=frozenset(normalize_line(text) for text in data["lines"]),
            patterns=tuple(re.compile(p, re.I) for p in data["patterns"]),
            article_end=tuple(re.compile(p, re.I) for p in data["article_end"]),
            teaser_headers=tuple(re.compile(p, re.I) for p in data["teaser_headers"]),
            captions=tuple(re.compile(p, re.I) for p in data["captions"]),
        )
    except (KeyError, TypeError, re.error) as err:
        raise DataFileError(f"data/boilerplate/ui_phrases.yaml: not a valid UI phrase file ({err}); expected keys "
                            "lines, patterns, article_end, teaser_headers, captions") from err


def normalize_line(text: str) -> str:
    """A line as compared for repetition and UI phrases: lowercased, whitespace collapsed."""
    return " ".join(text.split()).lower().strip(_UI_STRIP)


def normalize_newlines(text: str) -> str:
    """Unix line endings; a leading byte-order mark removed."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def count_repeated_lines(texts: Iterable[str], *, min_documents: int = 3) -> set[str]:
    """Short lines that occur in at least `min_documents` of `texts` (site furniture of a corpus).

    Only short lines count, and clean_text applies this to non-prose lines only, so a syndicated
    article shared by several files keeps its sentences.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        seen = {normalize_line(line) for line in normalize_newlines(text).split("\n")}
        counts.update(line for line in seen if line and len(_WORD_RE.findall(line)) <= MAX_REPEATED_WORDS)
    return {line for line, n in counts.items() if n >= min_documents}


def clean_text(raw: str, *, corpus_repeated: Collection[str] = ()) -> Cleaned:
    """Classify the lines of scraped text and keep the article.

    Args:
        raw: the text as read.
        corpus_repeated: normalized short lines seen in many documents of the batch.
    Returns:
        Cleaned, whose `text` joins the kept lines with blank lines (empty if nothing is prose).
    """
    phrases = load_phrases()
    lines = [_make_line(i, text) for i, text in enumerate(_split_lines(normalize_newlines(raw))) if text.strip()]
    _mark_rules(lines, phrases, corpus_repeated)
    _mark_after_end(lines, phrases)
    kept_prose = [pos for pos, line in enumerate(lines) if line.prose and line.reason is None]
    if not kept_prose:
        return _clean_without_body(lines)
    body_start, body_end = kept_prose[0], kept_prose[-1]
    title_pos = _mark_head(lines[:body_start])
    _mark_body(lines, body_start, body_end, phrases)
    for line in lines[body_end + 1:]:
        line.reason = line.reason or "tail"
    kept = [line.text.strip() for line in lines if line.reason is None]
    title = lines[title_pos].text.strip() if title_pos is not None else None
    return Cleaned("\n\n".join(kept), lines, title, body_start, body_end)


def drop_ui_lines(text: str) -> str:
    """Drop whole lines that are UI phrases or captions from already-extracted main text (HTML)."""
    phrases = load_phrases()
    kept = []
    for line in text.split("\n"):
        norm = normalize_line(line)
        words = len(_WORD_RE.findall(line))
        if norm and (norm in phrases.lines or any(p.search(line) for p in phrases.patterns)
                     or (words <= MAX_CAPTION_WORDS and any(p.search(line) for p in phrases.captions))):
            continue
        kept.append(line)
    cleaned = "\n".join(kept).strip()
    return cleaned or text


def _split_lines(text: str) -> list[str]:
    """The text's lines; hard-wrapped paragraphs (e-mail, plain-text dumps) are first joined into one."""
    lines = text.split("\n")
    lengths = [len(line.strip()) for line in lines if line.strip()]
    wrapped = sum(WRAP_WIDTH[0] <= n <= WRAP_WIDTH[1] for n in lengths)
    if len(lengths) < MIN_WRAPPED_LINES or wrapped / len(lengths) < MIN_WRAPPED_SHARE or max(lengths) > WRAP_WIDTH[1]:
        return lines
    # Joining a paragraph's lines with spaces only changes whitespace: grounding still holds.
    return [" ".join(line.strip() for line in block.split("\n")) for block in re.split(r"\n\s*\n", text)]


def _make_line(index: int, text: str) -> Line:
    words = _WORD_RE.findall(text)
    n_words = len(words)
    stop_share = sum(w.lower() in STOP_WORDS for w in words) / n_words if n_words else 0.0
    stripped = text.strip()
    prose = (n_words >= MIN_PROSE_WORDS and stripped.endswith(_TERMINAL)) or (
        n_words >= MIN_LONG_PROSE_WORDS and stop_share >= MIN_LONG_PROSE_STOP_SHARE
    )
    return Line(index, text, n_words, stop_share, prose)


def _mark_rules(lines: list[Line], phrases: Phrases, corpus_repeated: Collection[str]) -> None:
    """Drop lines that are furniture wherever they stand: UI phrases, captions, dates, navigation."""
    in_doc = Counter(normalize_line(line.text) for line in lines)
    seen_prose: set[str] = set()
    for line in lines:
        norm = normalize_line(line.text)
        line.date_line = get_date_line(line.text)
        first_prose_copy = line.prose and norm not in seen_prose
        if line.prose:
            seen_prose.add(norm)
        if not norm or not _WORD_RE.search(line.text):
            line.reason = "symbols"
        elif norm in phrases.lines or any(p.search(line.text) for p in phrases.patterns):
            line.reason = "ui"
        elif _is_teaser_header(line, phrases):
            line.reason = "teaser"
        elif line.words <= MAX_CAPTION_WORDS and any(p.search(line.text) for p in phrases.captions):
            line.reason = "caption"
        elif line.date_line is not None:
            line.reason = "date"
        elif line.words <= MAX_REPEATED_WORDS and in_doc[norm] > 1 and not first_prose_copy:
            # a repeated label goes everywhere; a repeated sentence (a pull quote) keeps its first copy
            line.reason = "repeated"
        elif line.words <= MAX_REPEATED_WORDS and not line.prose and norm in corpus_repeated:
            line.reason = "corpus-repeated"
        elif _is_navigation(line.text):
            line.reason = "navigation"
        elif _is_byline(line):
            line.reason = "byline"


def _mark_after_end(lines: list[Line], phrases: Phrases) -> None:
    """Drop everything from the first article-ending line ("Leave a Reply", "12 Comments") on."""
    seen_prose = False
    for pos, line in enumerate(lines):
        seen_prose = seen_prose or (line.prose and line.reason is None)
        if seen_prose and any(p.search(line.text.strip()) for p in phrases.article_end):
            for later in lines[pos:]:
                later.reason = later.reason or "after-end"
            return


def _mark_head(head: list[Line]) -> int | None:
    """Keep only the title above the body: the last headline-like line before it."""
    title_pos = None
    for pos, line in enumerate(head):
        if line.reason is None and TITLE_WORDS[0] <= line.words <= TITLE_WORDS[1]:
            title_pos = pos
    for pos, line in enumerate(head):
        if pos != title_pos:
            line.reason = line.reason or "head"
    return title_pos


def _mark_body(lines: list[Line], start: int, end: int, phrases: Phrases) -> None:
    """Inside the body drop labels and the truncated teasers that follow a teaser header or date."""
    in_teasers = False
    previous_dropped: str | None = None
    for line in lines[start:end + 1]:
        truncated = bool(_ELLIPSIS_RE.search(line.text))
        if line.reason == "teaser":
            in_teasers = True
        elif in_teasers and (truncated or not line.prose or line.date_line):
            line.reason = line.reason or "teaser"
        elif truncated and previous_dropped in ("date", "teaser", "ui"):
            line.reason = "teaser"
        elif line.reason is None and line.words < MIN_BODY_LINE_WORDS and not line.text.strip().endswith(_TERMINAL):
            line.reason = "label"
        if line.reason is None and line.prose:
            in_teasers = False
        previous_dropped = line.reason


def _clean_without_body(lines: list[Line]) -> Cleaned:
    """No prose line survived: keep whatever is not furniture (a headline list, a short note)."""
    kept = [line.text.strip() for line in lines if line.reason is None]
    return Cleaned("\n\n".join(kept), lines, None, 0, len(lines) - 1)


def _is_teaser_header(line: Line, phrases: Phrases) -> bool:
    text = line.text.strip()
    return not text.endswith(_TERMINAL) and any(p.search(text) for p in phrases.teaser_headers)


def _is_navigation(text: str) -> bool:
    """A row of three or more short items separated by bars or bullets ("Home | News | World")."""
    parts = [p for p in _NAV_SPLIT_RE.split(text.strip()) if p.strip()]
    return len(parts) >= 3 and all(len(_WORD_RE.findall(p)) <= 4 for p in parts)


def _is_byline(line: Line) -> bool:
    return line.words <= 12 and not line.prose and bool(_BYLINE_RE.search(line.text.strip()))


def get_byline(text: str) -> tuple[list[str], str | None] | None:
    """(authors, outlet) from a byline: "By Jane Roe/Example.org", "By A B and C D", "avatar by Jane Roe"."""
    match = _BYLINE_RE.search(text.strip())
    if not match or len(_WORD_RE.findall(text)) > 12:
        return None
    names, rest = [match.group("name")], match.group("rest").strip()
    while rest.startswith(("and ", "& ")):
        more = _NAME_RE.match(rest.split(" ", 1)[1].strip())
        if not more:
            break
        names.append(more.group(0))
        rest = rest.split(" ", 1)[1].strip()[more.end():].strip()
    outlet = None
    if rest.startswith(("/", ",", "|", "-", "–", "—")) and rest[1:].strip():
        outlet = rest[1:].strip()
    return [name.strip() for name in names], outlet
