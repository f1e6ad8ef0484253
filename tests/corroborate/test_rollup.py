"""Claim groups rolled up to top-level entities, counts recomputed (claimgraph.corroborate.rollup)."""
from __future__ import annotations

import dataclasses

import pytest

from claimgraph.corroborate import rollup_groups
from claimgraph.resolve.hierarchy import map_to_roots


@pytest.fixture
def graph(workbench_fixture):
    """(entities by id, claim groups, documents by id) of the hand-built workbench graph."""
    extractions = workbench_fixture.make_extractions(workbench_fixture.make_documents())
    entities, _, groups = workbench_fixture.make_graph(extractions)
    return {e.id: e for e in entities}, groups, {x.document.id: x.document for x in extractions}


def _key(group):
    return group.subject, group.relation, group.mode, group.object


def test_rollup_moves_unit_claims_to_the_top_ancestor(graph):
    entities, groups, documents = graph
    rolled = {_key(g): g for g in rollup_groups(groups, entities, documents)}
    clash = rolled[("e-sinaloa", "ASSAULT", "clash", "e-gulf")]  # Los Chapitos' clash
    [original] = [g for g in groups if g.subject == "e-chapitos" and g.relation == "ASSAULT"]
    assert clash.rolled_up_from == [original.id] and clash.id != original.id
    assert ("e-sinaloa", "ASSAULT", "attack", "e-mexico") in rolled  # the police is part of Mexico
    assert not any("e-chapitos" in (g.subject, g.object) or "e-police" in (g.subject, g.object)
                   for g in rolled.values())
    assert not any(g.relation == "PART_OF" and g.subject == g.object for g in rolled.values())


def test_rollup_merges_groups_and_recounts(graph):
    entities, groups, documents = graph
    [aid] = [g for g in groups if _key(g) == ("e-sinaloa", "AID", "weapons", "e-gulf")]
    # the same relation reported about the cartel's faction, from the first document only
    first = aid.evidence[0].document_id
    unit = dataclasses.replace(
        aid, id="g-unit", subject="e-chapitos", evidence=[aid.evidence[0]], documents=1, outlets=1,
        origin_list=[dataclasses.replace(o, documents=[first], evidence=[0]) for o in aid.origin_list[:1]],
        origins=1, rolled_up_from=[])
    rolled = {_key(g): g for g in rollup_groups([aid, unit], entities, documents)}
    merged = rolled[("e-sinaloa", "AID", "weapons", "e-gulf")]
    assert merged.rolled_up_from == sorted([aid.id, "g-unit"])
    assert len(merged.evidence) == len(aid.evidence)  # the shared sentence counts once
    assert (merged.documents, merged.origins) == (aid.documents, aid.origins)
    assert merged.outlets == len({documents[e.document_id].outlet for e in merged.evidence})
    assert all(i < len(merged.evidence) for o in merged.origin_list for i in o.evidence)


def test_rollup_keeps_top_level_groups_unchanged(graph):
    entities, groups, documents = graph
    top_level = [g for g in groups if "e-chapitos" not in (g.subject, g.object)
                 and "e-police" not in (g.subject, g.object)]
    assert {g.id for g in rollup_groups(top_level, entities, documents)} == {g.id for g in top_level}
    assert all(not g.rolled_up_from for g in rollup_groups(top_level, entities))


def test_rollup_map_to_roots(graph):
    entities, _, _ = graph
    top = map_to_roots(entities)
    assert (top["e-chapitos"], top["e-police"], top["e-gulf"]) == ("e-sinaloa", "e-mexico", "e-gulf")
