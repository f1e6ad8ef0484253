"""Descriptive group names read into modifiers, head and place, and compared (claimgraph.resolve.descriptive)."""
from __future__ import annotations

import pytest

from claimgraph.resolve.descriptive import explain_group_match, parse_group_name


@pytest.mark.parametrize("text, head, modifiers, affiliations, place", [
    ("Salafi jihadists in Gaza", "jihadist", {"salafi"}, set(), ("gaza",)),
    ("the ISIS-inspired jihadists in Gaza", "jihadist", set(), {"isis-inspired"}, ("gaza",)),
    ("militant groups in the Gaza Strip", "militant", set(), set(), ("gaza",)),
    ("Shia militias in Basra", "militia", {"shia"}, set(), ("basra",)),
    ("Houthi fighters based in Yemen", "fighter", {"houthi"}, set(), ("yemen",)),
    ("Iran-backed gunmen", "gunman", {"iran-backed"}, set(), ()),
    ("Salafi groups", "group", {"salafi"}, set(), ()),
])
def test_descriptive_parses_group_names(text, head, modifiers, affiliations, place):
    name = parse_group_name(text)
    assert (name.head, set(name.modifiers), set(name.affiliations), name.place) == (
        head, modifiers, affiliations, place)


@pytest.mark.parametrize("text", ["jihadists", "the group", "Hamas", "commanders in the Gaza Strip",
                                  "sympathizers of Islamic State", "the Egyptian army", ""])
def test_descriptive_rejects_names_that_are_not_descriptive_groups(text):
    assert parse_group_name(text) is None


@pytest.mark.parametrize("a, b, expected", [
    ("Salafi jihadists in Gaza", "ISIS-inspired jihadists in Gaza", True),
    ("militants in Gaza", "militant groups in the Gaza Strip", True),
    ("Houthi fighters in Yemen", "fighters in Yemen", True),
    ("Shia militias in Basra", "Sunni militias in Basra", False),
    ("Houthi fighters in Yemen", "Houthi rebels in Yemen", False),
    ("Houthi fighters in Yemen", "Saudi-backed fighters in Yemen", False),
    ("jihadists in Gaza", "jihadists in Syria", False),
    ("al-Qaeda-linked militants in Mali", "ISIS-inspired militants in Mali", False),
    ("Salafi jihadists", "ISIS-inspired jihadists", False),  # no place on either side
])
def test_descriptive_explains_agreeing_names_only(a, b, expected):
    assert bool(explain_group_match(parse_group_name(a), parse_group_name(b))) is expected
