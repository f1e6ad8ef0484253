"""Claim groups: keys, symmetry, counts, dates, contradictions (claimgraph.corroborate.groups)."""
from __future__ import annotations

import pytest

from claimgraph.corroborate import group_claims, make_group_id
from claimgraph.model import Claim, Document, Evidence, Mention
from claimgraph.resolve import resolve_mentions

DOCUMENTS = {
    "d1": Document("d1", "", "a.txt", outlet="Reuters", published="2024-03-02"),
    "d2": Document("d2", "", "b.txt", outlet="Al Jazeera", published="2024-03-05"),
    "d3": Document("d3", "", "c.txt", outlet="Premium Times", published="2024-02-27"),
}


def _mentions(document_id: str) -> list[Mention]:
    names = {"a1": ("Boko Haram", "organization"), "a2": ("ISWAP", "organization"),
             "a3": ("the Nigerian army", "organization"), "a4": ("JAS", "organization")}
    return [Mention(document_id, 0, 1, name, actor, name, type_) for actor, (name, type_) in names.items()]


def _claim(document_id: str, subject: str, relation: str, object_: str, *, mode: str | None = None,
           polarity: str = "affirmed", certainty: str = "asserted", start: int = 0, **attributes) -> Claim:
    evidence = Evidence(document_id, f"sentence {start}", start, start + 10, polarity=polarity, certainty=certainty)
    return Claim(document_id, subject, relation, object_, evidence, mode=mode, polarity=polarity,
                 certainty=certainty, attributes=attributes)


@pytest.fixture(scope="module")
def resolution():
    return resolve_mentions([m for d in DOCUMENTS for m in _mentions(d)])


def _groups(resolution, claims):
    return group_claims(claims, actor_entity=resolution.actor_entity, documents=DOCUMENTS,
                        entities=resolution.by_id())


def test_groups_join_documents_and_count_them(resolution):
    claims = [_claim("d1", "a3", "ASSAULT", "a2", mode="airstrike"),
              _claim("d2", "a3", "ASSAULT", "a2", mode="airstrike", time="2024-03-01"),
              _claim("d3", "a3", "ASSAULT", "a2", mode="airstrike", start=40)]
    [group] = _groups(resolution, claims)
    assert (group.subject, group.object) == ("mil_ng", "is_west_africa")
    assert group.id == make_group_id("mil_ng", "ASSAULT", "airstrike", "is_west_africa")
    assert (group.documents, group.outlets, group.origins) == (3, 3, 3)
    assert (group.first_reported, group.last_reported) == ("2024-02-27", "2024-03-05")
    assert group.attributes == {"time": "2024-03-01"}
    assert len(group.evidence) == 3


def test_groups_symmetric_relations_have_one_direction_and_self_loops_drop(resolution):
    claims = [_claim("d1", "a1", "COOPERATE", "a2"), _claim("d2", "a2", "COOPERATE", "a1"),
              _claim("d1", "a1", "ASSAULT", "a4")]  # JAS is Boko Haram: a self-loop
    groups = _groups(resolution, claims)
    assert len(groups) == 1 and groups[0].documents == 2
    assert groups[0].subject < groups[0].object


def test_groups_directed_relations_keep_direction(resolution):
    groups = _groups(resolution, [_claim("d1", "a3", "ASSAULT", "a2"), _claim("d2", "a2", "ASSAULT", "a3")])
    assert len(groups) == 2


@pytest.mark.parametrize("polarities,contradicted,polarity", [
    (("affirmed", "negated"), True, "affirmed"),
    (("negated", "negated"), False, "negated"),
    (("affirmed", "affirmed"), False, "affirmed"),
])
def test_groups_flag_contradictions(resolution, polarities, contradicted, polarity):
    claims = [_claim(d, "a1", "AID", "a2", mode="weapons", polarity=p) for d, p in zip(("d1", "d2"), polarities)]
    [group] = _groups(resolution, claims)
    assert group.contradicted is contradicted and group.polarity == polarity


@pytest.mark.parametrize("certainties,expected", [
    (("hedged", "asserted"), "asserted"), (("hedged", "hedged"), "hedged"),
])
def test_groups_certainty_summary(resolution, certainties, expected):
    claims = [_claim(d, "a1", "AID", "a2", certainty=c) for d, c in zip(("d1", "d2"), certainties)]
    assert _groups(resolution, claims)[0].certainty == expected


def test_groups_same_span_twice_counts_once(resolution):
    claims = [_claim("d1", "a1", "AID", "a2"), _claim("d1", "a1", "AID", "a2")]
    [group] = _groups(resolution, claims)
    assert len(group.evidence) == 1 and group.documents == 1


def test_groups_unresolved_actors_are_dropped(resolution):
    assert _groups(resolution, [_claim("d1", "a9", "AID", "a2")]) == []
