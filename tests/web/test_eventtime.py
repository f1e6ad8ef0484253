"""Event time for the timeline, histogram and claim pages: dates, not dicts; report time marked."""
from __future__ import annotations

import pytest

from claimgraph.model import ClaimGroup
from claimgraph.web.eventtime import EVENT, REPORTED, UNDATED, format_event_time, sort_key, when_of

pytestmark = pytest.mark.issue(14)


def _group(time=None, first=None) -> ClaimGroup:
    attributes = {"time": time} if time is not None else {}
    return ClaimGroup(id="g", subject="a", relation="ASSAULT", object="b", attributes=attributes,
                      first_reported=first, last_reported=first)


def test_eventtime_event_time_wins_and_reads_as_a_date():
    when = when_of(_group({"text": "Sunday", "start": "2018-01-14", "end": "2018-01-14", "precision": "day"},
                          first="2018-01-16"))
    assert (when.date, when.kind) == ("2018-01-14", EVENT)
    assert when.label == "2018-01-14 (“Sunday”)" and "{" not in when.label


@pytest.mark.parametrize("time, label", [
    ({"text": "2013", "start": "2013-01-01", "end": "2013-12-31", "precision": "year"}, "2013 (“2013”)"),
    ({"text": "January", "start": "2020-01-01", "end": "2020-01-31", "precision": "month"}, "2020-01 (“January”)"),
    ({"start": "2020-01-01", "end": "2020-01-03", "precision": "day"}, "2020-01-01 – 2020-01-03"),
    ({"text": "soon"}, None),
    ("last week", None),
])
def test_eventtime_format(time, label):
    assert format_event_time(time) == label


def test_eventtime_falls_back_to_report_time_marked_then_undated():
    reported = when_of(_group(first="2025-03-12"))
    assert (reported.date, reported.kind, reported.label) == ("2025-03-12", REPORTED, "reported 2025-03-12")
    undated = when_of(_group())
    assert (undated.date, undated.kind, undated.label) == (None, UNDATED, "undated")


def test_eventtime_sorts_dates_in_order_and_undated_last():
    whens = [when_of(_group()), when_of(_group(first="2025-01-02")),
             when_of(_group({"text": "x", "start": "2019-05-01", "end": "2019-05-01", "precision": "day"}))]
    assert [w.date for w in sorted(whens, key=sort_key)] == ["2019-05-01", "2025-01-02", None]
