"""Tests for claimgraph.ingest.datelines: dates in lines, and which lines are date lines."""
from __future__ import annotations

from datetime import date

import pytest

from claimgraph.ingest.datelines import find_dates, get_date_line, get_years


@pytest.mark.parametrize("line,expected,residue", [
    ("February 9, 2017 8:35 am", date(2017, 2, 9), ""),
    ("The Fellowship \xa0|\xa0 February 7, 2017", date(2017, 2, 7), "The Fellowship"),
    ("December 20, 2016 | Comments \xbb", date(2016, 12, 20), "Comments"),
    ("Posted on 3rd March 2019", date(2019, 3, 3), "Posted on"),
    ("Tue, Sept. 5, 2023 14:02 GMT", date(2023, 9, 5), ""),
    ("2021-11-30", date(2021, 11, 30), ""),
])
def test_datelines_date_line_found(line, expected, residue):
    found = get_date_line(line)
    assert found is not None and found.date == expected and found.residue == residue


@pytest.mark.parametrize("line", [
    "Wednesday, October 16th | 17 Tishri 5780",  # no year
    "In May, Hamas forces closed a mosque on May 3, 2016 and arrested several of their members.",
    "2019-02-30",  # no such day
    "Between March 1, 2020 and April 2, 2020",  # two dates: a range, not a dateline
])
def test_datelines_not_a_date_line(line):
    assert get_date_line(line) is None


def test_datelines_dates_and_years_in_prose():
    text = "The war of 2014 ended on 26 August 2014; talks resumed in Jan. 2015."
    assert find_dates(text) == [date(2014, 8, 26)]
    assert get_years(text) == [2014, 2014, 2015]
