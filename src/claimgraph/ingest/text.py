"""Turn scraped plain text into a Document: clean text, title, byline, outlet and the article's date."""
from __future__ import annotations

import logging
import re
from collections.abc import Collection

from ..model import Document
from .boilerplate import Cleaned, Line, clean_text, get_byline, normalize_newlines
from .datelines import get_years

log = logging.getLogger(__name__)

# A date line above the body (or at its top) is the dateline when at most this many lines from the title.
MAX_DATELINE_DISTANCE = 4
# A banner-like date (among UI lines, and repeated or first) is believed only if the body names a
# year at most this many years before it; a "today" banner of a later visit is far off.
MAX_BANNER_YEARS_AFTER_BODY = 1
# A date with one banner-like trait (first line, repeated, or beside a UI line) is doubted when it
# is this many years later than every year the body mentions (a crawl-day header on a scraped page).
MAX_TOP_DATE_YEARS_AFTER_BODY = 3
_DOMAIN_RE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|co|uk|il|de|fr|io|tv)\b", re.I)


def build_text_document(
    raw: str,
    source: str,
    *,
    corpus_repeated: Collection[str] = (),
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    date_source: str | None = None,
    outlet: str | None = None,
    authors: list[str] | None = None,
    retrieved: str | None = None,
    keep_furniture: bool = False,
) -> Document | None:
    """Clean scraped text and read its metadata; given metadata wins over what the text suggests.

    Args:
        keep_furniture: when cleaning leaves nothing, keep the whole text (text someone chose to
            give as an article, e.g. a JSONL record) instead of returning None.
    Returns:
        The Document, or None when no article text is left.
    """
    raw = normalize_newlines(raw)
    cleaned = clean_text(raw, corpus_repeated=corpus_repeated)
    text = cleaned.text.strip()
    if not text and keep_furniture:
        text = raw.strip()
    if not text:
        return None
    found_authors, found_outlet = get_byline_metadata(cleaned)
    if published is None:
        published = get_published(cleaned)
        date_source = "dateline" if published else None
    return Document.from_text(
        text,
        source,
        raw_text=raw,
        url=url,
        outlet=outlet or found_outlet,
        title=title or cleaned.title,
        authors=authors or found_authors,
        published=published,
        date_source=date_source,
        retrieved=retrieved,
    )


def get_published(cleaned: Cleaned) -> str | None:
    """The article's own date: a dateline near the title, else a footer date line, else None.

    A date that looks like a site banner (repeated, or among UI lines) is taken only when the
    body's years agree with it; a date on the very first line is dropped when it is far later
    than every year the body mentions.
    """
    lines = cleaned.lines
    if not lines:
        return None
    body = [line for line in lines[cleaned.body_start: cleaned.body_end + 1] if line.reason is None]
    body_years = get_years(" ".join(line.text for line in body))
    repeats = _count_dates(lines)
    title_pos = next((pos for pos, line in enumerate(lines[: cleaned.body_start]) if line.reason is None),
                     cleaned.body_start)
    # date lines above the body, and those at the top of the body (under a standfirst)
    near = [(abs(pos - title_pos), pos, line) for pos, line in enumerate(lines[: cleaned.body_end + 1])
            if line.date_line and (pos < cleaned.body_start or pos - title_pos <= MAX_DATELINE_DISTANCE)]
    for distance, pos, line in sorted(near, key=lambda item: item[0]):
        strong_banner = _touches_ui(lines, pos) and (repeats[line.date_line.date] > 1 or pos == 0)
        weak_banner = pos == 0 or repeats[line.date_line.date] > 1 or _touches_ui(lines, pos)
        if strong_banner and not _agrees_with_body(line, body_years, MAX_BANNER_YEARS_AFTER_BODY):
            log.debug("date %s looks like a site banner; body years %s", line.date_line.date, body_years)
            continue
        if weak_banner and body_years and not _agrees_with_body(line, body_years, MAX_TOP_DATE_YEARS_AFTER_BODY):
            log.debug("date %s is far later than the body's years %s", line.date_line.date, body_years)
            continue
        if distance <= MAX_DATELINE_DISTANCE or strong_banner:
            return line.date_line.date.isoformat()
    for line in lines[cleaned.body_end + 1:]:
        if line.date_line and repeats[line.date_line.date] == 1:
            return line.date_line.date.isoformat()
    return None


def get_byline_metadata(cleaned: Cleaned) -> tuple[list[str], str | None]:
    """Authors and outlet from byline and dateline lines outside the body."""
    authors: list[str] = []
    outlet = None
    outside = cleaned.lines[: cleaned.body_start] + cleaned.lines[cleaned.body_end + 1:]
    for line in outside:
        byline = get_byline(line.text) if line.reason == "byline" else None
        if byline:
            names, byline_outlet = byline
            authors += [name for name in names if name not in authors]
            outlet = outlet or byline_outlet
        elif line.date_line and line.date_line.residue:
            outlet = outlet or _get_outlet_from_residue(line.date_line.residue)
    return authors, outlet


def _get_outlet_from_residue(residue: str) -> str | None:
    """An outlet named beside a date ("The Fellowship | February 7, 2017", "example.com - ...")."""
    domain = _DOMAIN_RE.search(residue)
    if domain:
        return domain.group(0)
    words = residue.split()
    if words and words[0] == "The" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return residue
    return None


def _count_dates(lines: list[Line]) -> dict:
    counts: dict = {}
    for line in lines:
        if line.date_line:
            counts[line.date_line.date] = counts.get(line.date_line.date, 0) + 1
    return counts


def _touches_ui(lines: list[Line], pos: int) -> bool:
    neighbours = lines[max(0, pos - 1): pos] + lines[pos + 1: pos + 2]
    return any(line.reason in ("ui", "navigation", "symbols") for line in neighbours)


def _agrees_with_body(line: Line, body_years: list[int], max_years_after: int) -> bool:
    return bool(body_years) and line.date_line.date.year - max(body_years) <= max_years_after
