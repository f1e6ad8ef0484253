"""When a claim group happened: its extracted event time, else the dates it was reported, else unknown.

Exports (FtM `Event.date`, GEXF `start`/`end`) and the API's date filters all need the same answer,
and the same mark of where it came from, so an analyst can tell an event date from a report date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .model import ClaimGroup

# Where a claim's span comes from: the text's own time expression, or the reporting dates.
Basis = Literal["event", "report"]


@dataclass(frozen=True)
class ClaimTime:
    """A claim's time span as ISO dates (start <= end), with where it came from.

    `basis` is None when the claim is undated: no time expression and no dated report.
    """

    start: str | None
    end: str | None
    basis: Basis | None
    text: str | None = None  # the time expression as written ("in early December"), event basis only

    @property
    def dated(self) -> bool:
        return self.basis is not None


def iso_day(value) -> str | None:
    """The YYYY-MM-DD part of an ISO date or datetime string, or None when it is not one."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def event_time(group: ClaimGroup) -> ClaimTime | None:
    """The extracted event time of a claim group (attributes["time"]), or None.

    extract.timex stores {"text", "start", "end", "precision"}; a bare ISO string (older stores)
    counts as a one-day span.
    """
    time = group.attributes.get("time") if isinstance(group.attributes, dict) else None
    if isinstance(time, dict):
        start, end = iso_day(time.get("start")), iso_day(time.get("end") or time.get("start"))
        text = time.get("text") if isinstance(time.get("text"), str) else None
    else:
        start = end = iso_day(time)
        text = time if isinstance(time, str) else None
    if start is None or end is None:
        return None
    return ClaimTime(min(start, end), max(start, end), "event", text)


def claim_time(group: ClaimGroup) -> ClaimTime:
    """The event time when the text gives one, else the first to last report date, else undated."""
    found = event_time(group)
    if found is not None:
        return found
    days = [d for d in (iso_day(group.first_reported), iso_day(group.last_reported)) if d]
    if not days:
        return ClaimTime(None, None, None)
    return ClaimTime(min(days), max(days), "report")


def single_date(time: ClaimTime) -> str | None:
    """One ISO date, truncated to what the whole span shares: 2016-12-05 (one day), 2016-12 (a span
    inside one month: "in early December"), 2016 (inside one year), else the start day."""
    if time.start is None or time.end is None:
        return None
    if time.start == time.end:
        return time.start
    if time.start[:7] == time.end[:7]:
        return time.start[:7]
    if time.start[:4] == time.end[:4]:
        return time.start[:4]
    return time.start
