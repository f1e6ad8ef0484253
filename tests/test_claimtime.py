"""A claim's time: the extracted event time, else its report dates, else undated (#14)."""
from __future__ import annotations

import pytest

from claimgraph.claimtime import ClaimTime, claim_time, single_date
from claimgraph.model import ClaimGroup

pytestmark = pytest.mark.issue(14)


def _group(time=None, first=None, last=None) -> ClaimGroup:
    return ClaimGroup(id="g1", subject="a", relation="AID", object="b", first_reported=first,
                      last_reported=last, attributes={"time": time} if time is not None else {})


@pytest.mark.parametrize("group, expected", [
    (_group({"text": "in early December", "start": "2016-12-01", "end": "2016-12-10", "precision": "month_part"},
            "2017-02-09", "2017-02-12"),
     ClaimTime("2016-12-01", "2016-12-10", "event", "in early December")),
    (_group(None, "2017-02-09T10:00:00", "2017-02-12"), ClaimTime("2017-02-09", "2017-02-12", "report")),
    (_group(None, None, "2017-02-12"), ClaimTime("2017-02-12", "2017-02-12", "report")),
    (_group("2016-05-01", "2017-02-09", "2017-02-09"), ClaimTime("2016-05-01", "2016-05-01", "event", "2016-05-01")),
    (_group({"text": "Sunday"}, "2017-02-09", "2017-02-09"), ClaimTime("2017-02-09", "2017-02-09", "report")),
    (_group(None, None, None), ClaimTime(None, None, None)),
    (_group(None, "sometime", None), ClaimTime(None, None, None)),
])
def test_claim_time_prefers_event_time(group, expected):
    assert claim_time(group) == expected
    assert claim_time(group).dated == (expected.basis is not None)


@pytest.mark.parametrize("start, end, expected", [
    ("2016-12-05", "2016-12-05", "2016-12-05"), ("2016-12-01", "2016-12-10", "2016-12"),
    ("2016-01-01", "2016-12-31", "2016"), ("2015-06-01", "2016-02-01", "2015-06-01"), (None, None, None),
])
def test_single_date_keeps_what_the_span_shares(start, end, expected):
    assert single_date(ClaimTime(start, end, "event" if start else None)) == expected
