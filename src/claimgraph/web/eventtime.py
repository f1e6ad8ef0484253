"""When a claim happened, as the timeline, the histogram and the claim pages show it.

A claim's own time (the extractor's resolved `time` attribute: {"text", "start", "end",
"precision"}) is the event time. Without one, the first report date stands in and is marked as
such: an analyst must see which dates are the event's and which only the newspaper's (#14).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..claimtime import claim_time, iso_day
from ..model import ClaimGroup

EVENT = "event"  # the text says when it happened
REPORTED = "reported"  # only the first report date is known
UNDATED = "undated"  # neither: shown as undated, never dropped


@dataclass(frozen=True)
class When:
    """A claim's date for sorting and display."""

    date: str | None  # ISO day the claim is placed at (start of the event time), None when undated
    end: str | None  # last ISO day of the event time (a month or year spans many days)
    kind: str  # EVENT | REPORTED | UNDATED
    text: str | None  # the words of the article ("last week"), for event times
    label: str  # what a page prints: "2025-03-11 (“Tuesday”)", "reported 2025-03-12", "undated"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def format_event_time(time: Any) -> str | None:
    """A resolved time attribute as a person reads it: "2025-03 (“last month”)"; None when unusable."""
    if not isinstance(time, dict):
        return None
    start, end = iso_day(time.get("start")), iso_day(time.get("end"))
    if start is None:
        return None
    precision = time.get("precision")
    shown = start[:4] if precision == "year" else start[:7] if precision == "month" else start
    if precision == "day" and end and end != start:
        shown = f"{start} – {end}"
    text = time.get("text")
    return f"{shown} (“{text}”)" if isinstance(text, str) and text.strip() else shown


def when_of(group: ClaimGroup) -> When:
    """The event time of a claim group, else its first report date (marked), else undated: the
    span of `claimtime.claim_time`, which the exports and filters use too, put into words."""
    time = claim_time(group)
    if time.basis == "event":
        label = format_event_time(group.attributes.get("time")) or time.start
        return When(date=time.start, end=time.end, kind=EVENT, text=time.text, label=label)
    if time.basis == "report":
        return When(date=time.start, end=time.start, kind=REPORTED, text=None, label=f"reported {time.start}")
    return When(date=None, end=None, kind=UNDATED, text=None, label="undated")


def sort_key(when: When) -> tuple[int, str]:
    """Dated claims in date order, undated ones last."""
    return (0, when.date) if when.date else (1, "")
