"""Time expressions resolved against the publication date into a range with a precision."""
from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from .lexicon import TimeWords, load_lexicon

log = logging.getLogger(__name__)


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def resolve_time(text: str, published: str | None, words: TimeWords | None = None) -> dict | None:
    """{"text", "start", "end", "precision"} for a time expression, or None when it cannot be placed.

    Args:
        text: the expression as written ("in early December", "last year", "Sunday").
        published: the article's ISO date; relative expressions are resolved against it.
        words: the language's time words (the lexicon's grammar.time; read from it when not given).
    """
    words = load_lexicon().grammar.time if words is None else words
    base = _parse_base(published)
    clean = text.strip()
    lower = clean.lower()
    match = words.month_pattern.search(lower)
    if match and not words.day_pattern.search(lower.replace(match.group(3) or "#", "")):
        part, month_name, year = match.group(1), match.group(2), match.group(3)
        month = words.month_number[month_name]
        if year:
            y = int(year)
        elif base is not None:
            # a bare month is the latest one not after the publication date
            y = base.year if month <= base.month else base.year - 1
        else:
            return None
        first, last = 1, _month_end(y, month)
        precision = "month"
        if part:
            lo, hi = words.part_days[part]
            first, last = lo, hi or last
            precision = "month_part"
        return {"text": clean, "start": date(y, month, first).isoformat(),
                "end": date(y, month, last).isoformat(), "precision": precision}
    year_match = words.year_pattern.match(lower)
    if year_match:
        y = int(year_match.group(1))
        return {"text": clean, "start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year"}
    if base is not None:
        previous_year = any(p in lower for p in words.previous_year)
        if previous_year or any(p in lower for p in words.past_year):
            if previous_year:
                y = base.year - 1
                return {"text": clean, "start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year"}
            return {"text": clean, "start": (base - timedelta(days=365)).isoformat(), "end": base.isoformat(),
                    "precision": "range"}
        if any(p in lower for p in words.this_year):
            return {"text": clean, "start": f"{base.year}-01-01", "end": base.isoformat(), "precision": "year"}
        if any(p in lower for p in words.recent_years):
            return {"text": clean, "start": f"{base.year - 5}-01-01", "end": base.isoformat(), "precision": "range"}
    # what dateparser is not told: a leading preposition or approximation, a vague count
    cleaned = words.leading_pattern.sub("", lower)
    cleaned = words.approximator_pattern.sub("", cleaned)
    cleaned = words.vague_pattern.sub(words.vague_count_value, cleaned)
    parsed = _dateparse(cleaned, published, words.dateparser_languages)
    if parsed is None:
        return None
    precision = "day"
    if words.ago_pattern.search(lower) or words.few in lower:
        precision = "approximate"
    return {"text": clean, "start": parsed.isoformat(), "end": parsed.isoformat(), "precision": precision}


@lru_cache(maxsize=4096)
def _dateparse(text: str, published: str | None, languages: tuple[str, ...]) -> date | None:
    base = _parse_base(published)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    if base is None and not re.search(r"\d{4}", text):
        # a relative expression with nothing to resolve it against: known before the (slow) parse
        return None
    try:
        parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    except Exception as err:  # dateparser raises assorted errors on odd text
        log.debug("dateparser failed on %r: %s", text, err)
        return None
    if parsed is None:
        return None
    return parsed.date()


def _parse_base(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
