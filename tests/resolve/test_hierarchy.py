"""Parent links without cycles and roll-up to descendants (claimgraph.resolve.hierarchy)."""
from __future__ import annotations

import pytest

from claimgraph.model import Entity
from claimgraph.resolve.hierarchy import add_parent, ancestors, rollup

ENTITIES = [Entity("hamas", "Hamas", "organization"),
            Entity("qassam", "Qassam Brigades", "organization", parents=["hamas"]),
            Entity("nukhba", "Nukhba", "organization", parents=["qassam"]),
            Entity("naval", "Naval commando unit", "organization", parents=["qassam"]),
            Entity("pij", "Palestinian Islamic Jihad", "organization")]


@pytest.mark.parametrize("entity_id,expected", [
    ("hamas", {"hamas", "qassam", "nukhba", "naval"}),
    ("qassam", {"qassam", "nukhba", "naval"}),
    ("nukhba", {"nukhba"}),
    ("pij", {"pij"}),
])
def test_hierarchy_rollup_collects_descendants(entity_id, expected):
    assert rollup(entity_id, ENTITIES) == expected
    assert rollup(entity_id, {e.id: e for e in ENTITIES}) == expected


def test_hierarchy_add_parent_refuses_cycles_and_self_links():
    parents: dict[str, list[str]] = {}
    assert add_parent(parents, "qassam", "hamas")
    assert add_parent(parents, "nukhba", "qassam")
    assert not add_parent(parents, "hamas", "nukhba")
    assert not add_parent(parents, "hamas", "hamas")
    assert not add_parent(parents, "qassam", "hamas")  # already there
    assert ancestors(parents, "nukhba") == {"qassam", "hamas"}
