"""Time expressions resolved against the publication date into a range with a precision."""
from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

log = logging.getLogger(__name__)

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
# "in early December": the part of the month each word covers (first day, last day or None = month end).
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, None), "end": (21, None),
               "beginning": (1, 10), "start": (1, 10)}
_MONTH_RE = re.compile(r"\b(?:(early|mid|middle|late|end of|beginning of|start of)[\s-]+)?(?:the\s+)?"
                       r"(january|february|march|april|may|june|july|august|september|october|november|december)"
                       r"(?:\s+(\d{4}))?\b", re.I)
_YEAR_RE = re.compile(r"^(?:in\s+)?(\d{4})$")


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def resolve_time(text: str, published: str | None) -> dict | None:
    """{"text", "start", "end", "precision"} for a time expression, or None when it cannot be placed.

    Args:
        text: the expression as written ("in early December", "last year", "Sunday").
        published: the article's ISO date; relative expressions are resolved against it.
    """
    base = _parse_base(published)
    clean = text.strip()
    lower = clean.lower()
    match = _MONTH_RE.search(lower)
    if match and not re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", lower.replace(match.group(3) or "#", "")):
        part, month_name, year = match.group(1), match.group(2), match.group(3)
        month = MONTHS[month_name]
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
            key = part.split()[0]
            lo, hi = MONTH_PARTS[key]
            first, last = lo, hi or last
            precision = "month_part"
        return {"text": clean, "start": date(y, month, first).isoformat(),
                "end": date(y, month, last).isoformat(), "precision": precision}
    year_match = _YEAR_RE.match(lower)
    if year_match:
        y = int(year_match.group(1))
        return {"text": clean, "start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year"}
    if base is not None:
        if "last year" in lower or "past year" in lower:
            y = base.year - 1 if "last year" in lower else None
            if y is not None:
                return {"text": clean, "start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year"}
            return {"text": clean, "start": (base - timedelta(days=365)).isoformat(), "end": base.isoformat(),
                    "precision": "range"}
        if "this year" in lower or "earlier this year" in lower:
            return {"text": clean, "start": f"{base.year}-01-01", "end": base.isoformat(), "precision": "year"}
        if "recent years" in lower:
            return {"text": clean, "start": f"{base.year - 5}-01-01", "end": base.isoformat(), "precision": "range"}
    parsed = _dateparse(lower, published)
    if parsed is None:
        return None
    precision = "day"
    if re.search(r"\b(days?|weeks?|months?|years?)\s+ago\b", lower) or "few" in lower:
        precision = "approximate"
    return {"text": clean, "start": parsed.isoformat(), "end": parsed.isoformat(), "precision": precision}


@lru_cache(maxsize=4096)
def _dateparse(text: str, published: str | None) -> date | None:
    base = _parse_base(published)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    text = re.sub(r"^(in|on|since|by|during|over|at|from|until|through)\s+", "", text)
    text = re.sub(r"^(roughly|about|around|nearly|some|almost|approximately)\s+", "", text)
    text = re.sub(r"\b(a few|several|a couple of)\b", "3", text)
    if base is None and not re.search(r"\d{4}", text):
        # a relative expression with nothing to resolve it against: known before the (slow) parse
        return None
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
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
