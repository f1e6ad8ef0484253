"""Find calendar dates in text lines and tell date lines (datelines, footers) from prose."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
# "February 9, 2017", "Feb. 9 2017", "9 February 2017", "9th of February, 2017", "2017-02-09"
DATE_RE = re.compile(
    r"\b(?:" + _MONTH.format(g="m1") + r"\s+(?P<d1>\d{1,2})" + _ORD + r",?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH.format(g="m2") + r",?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[ecmp][sd]t|idt|ist))?\b", re.I)
_WEEKDAY_RE = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)
# Words that may sit on a date line beside the date without making it prose.
_DATELINE_WORDS = re.compile(
    r"\b(?:posted|published|updated|last|modified|on|at|date|comments?|am|pm|gmt|utc|edt|est|"
    r"idt|ist|filed|by|and|in)\b",
    re.I,
)
_SEPARATORS = re.compile(r"[|•·,;:/\\()\[\]»›<>«‹\-–—]+")
YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A date line is the date plus at most this many other words (an outlet or author name, "Comments").
MAX_DATELINE_OTHER_WORDS = 5


@dataclass(frozen=True)
class DateLine:
    """A line that states a date and little else."""

    date: date
    residue: str  # what is left once the date, time, weekday and separators are removed


def find_dates(text: str) -> list[date]:
    """Every valid calendar date written in `text`, in order."""
    found = []
    for match in DATE_RE.finditer(text):
        parsed = _parse_match(match)
        if parsed is not None:
            found.append(parsed)
    return found


def get_date_line(line: str) -> DateLine | None:
    """The date of a short line that is mostly a date ("February 9, 2017 8:35 am"), else None."""
    matches = list(DATE_RE.finditer(line))
    if len(matches) != 1:
        return None
    parsed = _parse_match(matches[0])
    if parsed is None:
        return None
    rest = line[: matches[0].start()] + " " + line[matches[0].end():]
    rest = _TIME_RE.sub(" ", rest)
    rest = _WEEKDAY_RE.sub(" ", rest)
    rest = _SEPARATORS.sub(" ", rest)
    residue_words = [w for w in rest.split() if not _DATELINE_WORDS.fullmatch(w)]
    if len(residue_words) > MAX_DATELINE_OTHER_WORDS:
        return None
    # Names (outlet, author, "Comments") may stand beside the date; a lowercase word makes it
    # prose ("He died on March 3, 2019.").
    if any(w[:1].islower() for w in residue_words):
        return None
    return DateLine(parsed, " ".join(rest.split()))


def get_years(text: str) -> list[int]:
    """Four-digit years (1950-2099) written in `text`."""
    return [int(y) for y in YEAR_RE.findall(text)]


def _parse_match(match: re.Match) -> date | None:
    groups = match.groupdict()
    try:
        if groups["y1"]:
            return date(int(groups["y1"]), _month(groups["m1"]), int(groups["d1"]))
        if groups["y2"]:
            return date(int(groups["y2"]), _month(groups["m2"]), int(groups["d2"]))
        return date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
    except (ValueError, KeyError):
        return None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS[key[:4] if key.startswith("sept") else key[:3]]
