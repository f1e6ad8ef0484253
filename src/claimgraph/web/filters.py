"""Filter values from query parameters, checked: a malformed one is an error, never a silent no-op.

`since=notadate` used to answer 200 with an empty graph, and a date range silently dropped every
claim without a date (issue 14). Here each value is parsed or refused with a message naming the
parameter, and the date test says what happens to undated claims (`undated`: include, the default,
exclude or only).
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from ..claimtime import claim_time
from ..errors import FilterError
from ..model import ClaimGroup
from ..relations import load_ontology

CERTAINTIES = ("asserted", "hedged")
UNDATED_CHOICES = ("include", "exclude", "only")
TRUE_WORDS = frozenset({"1", "true", "on", "yes"})
FALSE_WORDS = frozenset({"", "0", "false", "off", "no"})
DATE_FORMATS = "YYYY-MM-DD, YYYY-MM or YYYY"
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date_bound(name: str, value: str | None, *, end: bool) -> str | None:
    """An ISO day from a full or partial date: the first day of the period, or its last with `end`.

    `until=2016` means to the end of 2016; `since=2016-12` from the first of December.
    """
    if not value:
        return None
    match = _DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = int(match.group(1)), match.group(2), match.group(3)
        if month is None:
            return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
        month_number = int(month)
        last = calendar.monthrange(year, month_number)[1]  # raises on month 13
        if day is None:
            return f"{year:04d}-{month_number:02d}-{last if end else 1:02d}"
        if not 1 <= int(day) <= last:
            raise ValueError(value)
        return f"{year:04d}-{month_number:02d}-{int(day):02d}"
    except ValueError:
        raise FilterError(f"{name}: {value!r} is not a date (use {DATE_FORMATS})") from None


def parse_count(name: str, value: str | None) -> int:
    """A non-negative whole number; empty means 0."""
    if value is None or value.strip() == "":
        return 0
    try:
        number = int(value.strip())
    except ValueError:
        raise FilterError(f"{name}: {value!r} is not a whole number") from None
    if number < 0:
        raise FilterError(f"{name}: {value!r} is negative")
    return number


def parse_choice(name: str, value: str | None, choices: Iterable[str], *, default: str | None = None) -> str | None:
    """One of `choices`; empty means `default`."""
    if not value:
        return default
    if value not in choices:
        raise FilterError(f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


def parse_flag(name: str, value: str | None) -> bool:
    """A yes/no parameter: 1, true, on, yes or 0, false, off, no (or empty)."""
    word = (value or "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise FilterError(f"{name}: {value!r} is not true or false (use 1 or 0)")


def parse_relations(values: Iterable[str]) -> list[str]:
    """Relation names of the ontology (data/relations.yaml), upper-cased; empty values skipped."""
    known = load_ontology().relations
    relations = []
    for value in values:
        if not value:
            continue
        relation = value.strip().upper()
        if relation not in known:
            raise FilterError(f"relation: {value!r} is not a relation (one of: {', '.join(sorted(known))})")
        relations.append(relation)
    return relations


def keeps_time(group: ClaimGroup, *, since: str | None, until: str | None, undated: str = "include") -> bool:
    """Whether a claim passes the date filter.

    A claim's span is its event time when the text gives one, else its first to last report
    (claimtime.claim_time); it passes when the span overlaps [since, until]. A claim with neither
    has no date to test: `undated` says whether it is kept (include), dropped (exclude), or the
    only kind kept (only), whatever the range.
    """
    time = claim_time(group)
    if time.start is None or time.end is None:  # undated
        return undated != "exclude"
    if undated == "only":
        return False
    if since and time.end < since:
        return False
    if until and time.start > until:
        return False
    return True
