"""Cross-document clustering: merges that must and must not happen (claimgraph.resolve.cluster)."""
from __future__ import annotations

import pytest

from claimgraph.model import Mention
from claimgraph.resolve import resolve_mentions


def _mention(document_id: str, actor: str, name: str, type_: str, *aliases: str, kind: str = "name") -> Mention:
    return Mention(document_id, 0, len(name), name, actor, name, type_, kind, aliases=list(aliases))


def _entity_of(names: list[tuple]) -> list[str]:
    """Resolve one local actor per (name, type[, aliases]), each in its own document; their entity ids."""
    mentions = [_mention(f"d{i}", "a1", spec[0], spec[1], *spec[2:]) for i, spec in enumerate(names)]
    resolution = resolve_mentions(mentions)
    return [resolution.actor_entity[(f"d{i}", "a1")] for i in range(len(names))]


@pytest.mark.parametrize("names", [
    [("Abubakar Shekau", "person"), ("Shekau", "person")],
    [("Abu Bakr al-Baghdadi", "person"), ("Abu Bakr al-Bagdadi", "person"), ("Baghdadi", "person")],
    [("Sayyed Hassan Nasrallah", "person"), ("Hasan Nasrallah", "person"), ("Nasrallah", "person")],
    [("Joaquín Guzmán", "person"), ("Joaquin Guzman", "person")],
    [("Рамзан Кадыров", "person"), ("Ramzan Kadyrov", "person")],
    [("Abu Malek Abu Shwiesh", "person"), ("Abu Shweish", "person")],
    [("Abu Mohammed al-Adnani", "person"), ("Abu Mohammad", "person")],
    [("Abed al-Hila al-Qishta", "person"), ("Abed al-Hila Qishta", "person"), ("Qishta", "person")],
    [("Katiba Ansar al-Tawhid", "organization"), ("Katibat Ansar al-Tawheed", "organization")],
    [("Movement for Oneness and Jihad in West Africa", "organization", "MUJAO"), ("MUJAO", "organization")],
    [("Ogaden National Liberation Front", "organization"), ("ONLF", "organization")],
    [("Ansar Bait al-Maqdis", "organization"), ("Wilayat Sinai", "person"), ("Sinai Province", "organization")],
    [("Jama'at Nusrat al-Islam wal-Muslimin", "organization"), ("JNIM", "organization")],
    [("the Nigerian army", "organization"), ("Nigeria's military", "organization"),
     ("Nigerian Armed Forces", "organization")],
    [("the Malawian army", "organization"), ("Malawi's armed forces", "organization")],
    [("Abuja", "organization"), ("Nigeria", "state"), ("Nigerians", "other"), ("Nigerian officials", "other")],
    [("Brigada Libertad del Sur", "organization", "BLS"), ("Brigada Libertad del Sur", "organization")],
])
def test_cluster_merges_variants_of_one_actor(names):
    ids = _entity_of(names)
    assert len(set(ids)) == 1, ids


@pytest.mark.parametrize("names", [
    [("Abu Mohammed al-Adnani", "person", "Abu Mohammed"), ("Abu Mohammed al-Julani", "person", "Abu Mohammed"),
     ("Abu Mohammed", "person")],
    [("Islamic State", "organization"), ("Islamic Jihad", "organization")],
    [("Sinai Province", "organization"), ("Sinai", "location")],
    [("Ismail Haniyeh", "person"), ("Abdel Salam Haniyeh", "person"), ("Haniyeh", "person")],
    [("Khalid Hassan", "person"), ("Khalid Hassan Brigade", "organization")],
    [("Hassan", "person"), ("Hassan", "organization")],
    [("Jordan", "person"), ("Jordan", "state")],
    [("Islamic State", "organization"), ("Islamic State West Africa Province", "organization")],
    [("Hamas", "organization"), ("Hamas Internal Security", "organization")],
    [("Jaish al-Islam", "organization"), ("Jaish al-Adl", "organization")],
    [("Egyptian army", "organization"), ("Egypt", "state")],
])
def test_cluster_keeps_different_actors_apart(names):
    ids = _entity_of(names)
    assert len(set(ids)) == len(names), ids


def test_cluster_records_why_names_were_joined():
    mentions = [_mention("d1", "a1", "Abu Malek Abu Shwiesh", "person"),
                _mention("d2", "a1", "Abu Malek Abu Shweish", "person"),
                _mention("d3", "a1", "Islamic State", "organization", "IS"),
                _mention("d4", "a1", "IS", "organization", kind="acronym")]
    entities = resolve_mentions(mentions).by_id()
    reasons = " | ".join(r for e in entities.values() for r in e.merge_reasons)
    assert "transliteration key" in reasons
    assert "gazetteer acronym 'IS'" in reasons


def test_cluster_in_document_acronym_links_across_documents():
    mentions = [_mention("d1", "a1", "Front de Libération du Sahel", "organization", "FLS"),
                _mention("d2", "a7", "FLS", "organization", kind="acronym")]
    resolution = resolve_mentions(mentions)
    assert resolution.actor_entity[("d1", "a1")] == resolution.actor_entity[("d2", "a7")]
    entity = resolution.by_id()[resolution.actor_entity[("d1", "a1")]]
    assert any("acronym 'FLS' defined in document" in r for r in entity.merge_reasons)


def test_cluster_resolves_ten_thousand_mentions_quickly():
    import time

    mentions = [_mention(f"d{i // 10}", f"a{i % 10}", f"Person{i % 3000} Family{i % 1700}", "person")
                for i in range(10_000)]
    started = time.perf_counter()
    resolution = resolve_mentions(mentions)
    assert time.perf_counter() - started < 30
    assert len(resolution.actor_entity) == 10_000


@pytest.mark.parametrize("types", [("person", "organization"), ("organization", "person", "location"),
                                   ("person", "person", "organization")])
def test_cluster_full_name_typed_person_and_org_by_ner_is_one_person(types):
    ids = _entity_of([("Gustavo Petro", t) for t in types])
    assert len(set(ids)) == 1


def test_cluster_full_name_mostly_typed_org_stays_apart_from_person():
    ids = _entity_of([("Nova Esperanca", "organization"), ("Nova Esperanca", "organization"),
                      ("Nova Esperanca", "person")])
    assert len(set(ids)) == 2


def test_cluster_person_typed_group_names_are_retyped():
    ids = _entity_of([("Sinai Bedouin tribes", "person"), ("Sinai Bedouin tribes", "organization")])
    assert len(set(ids)) == 1


def _described(document_id: str, name: str, actor_kind: str, type_: str = "organization") -> Mention:
    """A mention of an unnamed actor of a kind, as extraction writes it (docs/extraction.md)."""
    return Mention(document_id, 0, len(name), name, "a1", name, type_, "description", actor_kind=actor_kind)


@pytest.mark.parametrize("name,actor_kind", [
    ("people", "civilians"), ("five people", "counted_group"), ("Gunmen", "civilians"),
    ("the Foreign Secretary", "title_role"), ("police", "generic_force"), ("legal experts", "descriptive"),
])
def test_cluster_unnamed_actors_of_a_kind_stay_in_their_document(name, actor_kind):
    # "people" killed in one story are not the "people" of another, nor is one story's minister another's
    resolution = resolve_mentions([_described("d1", name, actor_kind), _described("d2", name, actor_kind)])
    assert resolution.actor_entity.get(("d1", "a1")) != resolution.actor_entity.get(("d2", "a1")) or \
        resolution.actor_entity.get(("d1", "a1")) is None


def test_cluster_descriptive_groups_with_a_proper_name_still_join():
    # "Syrian rebels" of two stories stay one generic group (#12); only lowercase descriptions are local
    resolution = resolve_mentions([_described("d1", "Syrian rebels", "descriptive"),
                                   _described("d2", "Syrian rebels", "descriptive")])
    assert resolution.actor_entity[("d1", "a1")] == resolution.actor_entity[("d2", "a1")]
