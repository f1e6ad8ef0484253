"""Entity records: stable ids, names, aliases, parents (claimgraph.resolve.entities)."""
from __future__ import annotations

import random

import pytest

from claimgraph.model import Mention
from claimgraph.resolve import make_entity_id, resolve_mentions


def _mention(document_id: str, actor: str, name: str, type_: str, *, text: str | None = None,
             kind: str = "name", parent_hint: str | None = None) -> Mention:
    text = text or name
    return Mention(document_id, 0, len(text), text, actor, name, type_, kind, parent_hint=parent_hint)


MENTIONS = [
    _mention("d1", "a1", "Khalil Barakeh", "person"), _mention("d1", "a1", "Khalil Barakeh", "person", text="Barakeh"),
    _mention("d2", "a3", "Barakeh", "person"),
    _mention("d2", "a4", "Wilayat Sinai", "organization"),
    _mention("d3", "a1", "Kataib al-Furqan", "organization"),
    _mention("d3", "a2", "Furqan Martyrs Battalion", "organization", parent_hint="a1"),
    _mention("d4", "a1", "the group", "organization", kind="description"),
]


def test_entities_ids_do_not_depend_on_order():
    first = resolve_mentions(MENTIONS)
    shuffled = MENTIONS[:]
    random.Random(3).shuffle(shuffled)
    second = resolve_mentions(shuffled)
    assert first.actor_entity == second.actor_entity
    assert [e.id for e in first.entities] == [e.id for e in second.entities]


def test_entities_ids_come_from_gazetteer_or_name():
    resolution = resolve_mentions(MENTIONS)
    assert resolution.actor_entity[("d2", "a4")] == "is_sinai"
    assert resolution.actor_entity[("d1", "a1")] == make_entity_id("Khalil Barakeh", "person")


def test_entities_gazetteer_parents_become_entities():
    entities = resolve_mentions(MENTIONS).by_id()
    assert entities["is_sinai"].parents == ["islamic_state"]
    assert entities["islamic_state"].mentions == 0 and entities["islamic_state"].name == "Islamic State"


def test_entities_parent_hints_and_part_of_become_parents():
    resolution = resolve_mentions(MENTIONS, part_of=[(("d2", "a3"), ("d1", "a1"))])
    entities = resolution.by_id()
    battalion = entities[resolution.actor_entity[("d3", "a2")]]
    assert battalion.parents == [resolution.actor_entity[("d3", "a1")]]
    # a link onto itself (same entity after resolution) is dropped, never a self-parent
    barakeh = entities[resolution.actor_entity[("d1", "a1")]]
    assert barakeh.parents == []


def test_entities_names_aliases_and_counts():
    resolution = resolve_mentions(MENTIONS)
    barakeh = resolution.by_id()[resolution.actor_entity[("d2", "a3")]]
    assert barakeh.name == "Khalil Barakeh"
    assert set(barakeh.aliases) == {"Khalil Barakeh", "Barakeh"}
    assert barakeh.mentions == 3
    assert any("partial name" in r for r in barakeh.merge_reasons)


def test_entities_unnamed_actors_stay_in_their_document():
    more = MENTIONS + [_mention("d5", "a1", "the group", "organization", kind="description")]
    resolution = resolve_mentions(more)
    assert resolution.actor_entity[("d4", "a1")] != resolution.actor_entity[("d5", "a1")]


@pytest.mark.parametrize("cycle", [[(("d3", "a1"), ("d3", "a2"))]])
def test_entities_parent_cycles_are_dropped(cycle):
    resolution = resolve_mentions(MENTIONS, part_of=cycle)
    entities = resolution.by_id()
    group = entities[resolution.actor_entity[("d3", "a1")]]
    battalion = entities[resolution.actor_entity[("d3", "a2")]]
    assert not (battalion.id in group.parents and group.id in battalion.parents)


def test_entities_leader_in_the_gazetteer_takes_its_id_and_parents():
    resolution = resolve_mentions([_mention("d1", "a1", "William Ruto", "person"),
                                   _mention("d2", "a1", "William Ruto", "person")])
    entity = resolution.by_id()["person_william_ruto"]
    assert resolution.actor_entity[("d1", "a1")] == resolution.actor_entity[("d2", "a1")] == entity.id
    assert entity.parents == ["state_ke"]
