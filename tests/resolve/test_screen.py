"""Resolution guardrails (#12): generic names, state-force words, junk spans, context for aliases, opposition, split."""
from __future__ import annotations

import pytest

from claimgraph.model import Mention
from claimgraph.resolve import resolve_mentions
from claimgraph.resolve.gazindex import build_index
from claimgraph.resolve.screen import is_generic_name, strip_junk_words
from claimgraph.gazetteer import load_gazetteer

pytestmark = pytest.mark.issue(12)


def _entity_of(pairs, **kwargs):
    """Resolve (document, name, type[, aliases]) one-actor documents; returns {(doc, name): entity}."""
    mentions = []
    for document, name, type_, *aliases in pairs:
        mentions.append(Mention(document, 0, len(name), name, "a1", name, type_,
                                aliases=list(aliases[0]) if aliases else []))
    resolution = resolve_mentions(mentions, **kwargs)
    entities = resolution.by_id()
    return {(d, n): entities[resolution.actor_entity[(d, "a1")]] for d, n, *_ in pairs
            if (d, "a1") in resolution.actor_entity}, resolution


@pytest.mark.parametrize("name, generic", [
    ("Syrian rebels", True), ("the Syrian regime", True), ("Syrian opposition forces", True),
    ("Iranian-backed militias", True), ("British nationals", True), ("pro-government militias", True),
    ("Free Syrian Army", False), ("Syrian Democratic Forces", False), ("Syrian National Coalition", False),
    ("US-led coalition", False), ("Syrian army", False), ("ISIS", False),
])
def test_screen_generic_names(name, generic):
    assert is_generic_name(name, build_index(load_gazetteer())) is generic


@pytest.mark.parametrize("name, other", [
    ("Syrian rebels", "Syria"), ("Syrian opposition", "Syria"), ("the Syrian regime", "Syria"),
    ("Syrian opposition forces", "Syrian army"), ("Syrian Kurdish forces", "Syrian army"),
    ("Russian-backed forces", "Russian army"), ("British nationals", "SDF"), ("Syrian rebels", "Free Syrian Army"),
])
def test_screen_sides_never_join_states_militaries_or_named_groups(name, other):
    found, _ = _entity_of([("d1", name, "organization"), ("d2", other, "organization")])
    assert found[("d1", name)].id != found[("d2", other)].id
    assert found[("d1", name)].gazetteer_id is None


@pytest.mark.parametrize("name", ["Syrian army", "Syrian troops", "Syrian government forces", "Egyptian soldiers"])
def test_screen_state_force_words_keep_the_demonym_rule(name):
    found, _ = _entity_of([("d1", name, "organization")])
    assert found[("d1", name)].gazetteer_id.startswith("mil_")


def test_screen_generic_alias_never_held_by_a_named_group():
    found, _ = _entity_of([("d1", "Syrian Democratic Forces", "organization", ["SDF", "British nationals"]),
                           ("d2", "British nationals", "other")])
    sdf = found[("d1", "Syrian Democratic Forces")]
    assert sdf.id == "sdf" and "British nationals" not in sdf.aliases
    assert found[("d2", "British nationals")].id != "sdf"


@pytest.mark.parametrize("name, cleaned", [
    ("Near Ar Raqqah", "Ar Raqqah"), ("Beyond Donald Trump", "Donald Trump"), ("Discuss Next Moves", None),
    ("State Antony Blinken Travel", None), ("President", None), ("Raqqa The", "Raqqa"),
    ("Deir ez-Zor\n\nIranian-backed militias", "Iranian-backed militias"), ("Hamas", "Hamas"),
])
def test_screen_junk_spans(name, cleaned):
    assert strip_junk_words(name) == cleaned


def test_screen_junk_actor_never_becomes_an_entity():
    found, resolution = _entity_of([("d1", "Discuss Next Moves", "organization")])
    assert not found and not resolution.entities


def test_screen_surname_typed_organization_is_the_person():
    found, _ = _entity_of([("d1", "Donald Trump", "person"), ("d2", "Trump", "organization"),
                           ("d3", "Beyond Donald Trump", "person")])
    person = found[("d1", "Donald Trump")]
    assert person.type == "person"
    assert found[("d2", "Trump")].id == person.id == found[("d3", "Beyond Donald Trump")].id


@pytest.mark.parametrize("spelling", ["Isis", "ISIS", "ISIL", "IS", "Daesh", "Islamic State"])
def test_screen_islamic_state_spellings_are_one_entity(spelling):
    found, _ = _entity_of([("d1", spelling, "organization")])
    assert found[("d1", spelling)].id == "islamic_state"


def _with_context(name: str, context: str):
    mentions = [Mention("d1", 0, len(name), name, "a1", name, "organization"),
                Mention("d1", 50, 50 + len(context), context, "a2", context, "state")]
    resolution = resolve_mentions(mentions)
    entity = resolution.by_id()[resolution.actor_entity[("d1", "a1")]]
    return entity


@pytest.mark.parametrize("name, context, expected", [
    ("Ahlu Sunna Wal Jamaa", "Mozambique", "is_mozambique"),
    ("Ahlu Sunna Wal Jamaa", "Somalia", "ahlu_sunna_waljamaa_somalia"),
    ("Ahlu Sunna Wal Jamaa", "France", None),
    ("Juba", "South Sudan", "state_ss"),
    ("Juba", "Somalia", None),
    ("The National", "United Arab Emirates", "the_national"),
    ("The National", "Syria", None),
    ("KH", "Iraq", "kataib_hezbollah"),
    ("KH", "Cambodia", None),
])
def test_screen_ambiguous_alias_needs_context(name, context, expected):
    entity = _with_context(name, context)
    assert entity.gazetteer_id == expected
    if expected:
        assert any("the document names" in reason for reason in entity.merge_reasons), entity.merge_reasons


def test_screen_opposed_actors_never_merge():
    pairs = [("d1", "Katibat al-Nasr", "organization"), ("d2", "Katibat al-Nasr", "organization")]
    found, _ = _entity_of(pairs)
    assert found[("d1", "Katibat al-Nasr")].id == found[("d2", "Katibat al-Nasr")].id
    mentions = [Mention("d1", 0, 5, "Katibat al-Nasr", "a1", "Katibat al-Nasr", "organization"),
                Mention("d2", 0, 5, "Katibat al-Nasr", "a1", "Katibat al-Nasr", "organization"),
                Mention("d2", 9, 20, "Liwa al-Fath", "a2", "Liwa al-Fath", "organization")]
    resolution = resolve_mentions(mentions, opposed=[(("d1", "a1"), ("d2", "a2"))])
    assert resolution.actor_entity[("d1", "a1")] == resolution.actor_entity[("d2", "a1")]
    resolution = resolve_mentions(mentions + [Mention("d3", 0, 5, "Nasr Brigade", "a1", "Katibat al-Nasr",
                                                      "organization", aliases=["Liwa al-Fath"])],
                                  opposed=[(("d1", "a1"), ("d3", "a1"))])
    assert resolution.actor_entity[("d1", "a1")] != resolution.actor_entity[("d3", "a1")]


def test_screen_split_moves_only_the_chosen_name():
    mentions = [Mention("d1", 0, 3, "SDF", "a1", "Syrian Democratic Forces", "organization",
                        aliases=["Syrian Democratic Forces", "Hasakah Youth Council"]),
                Mention("d2", 0, 3, "SDF", "a1", "SDF", "organization"),
                Mention("d3", 0, 21, "Hasakah Youth Council", "a1", "Hasakah Youth Council", "organization")]
    before = resolve_mentions(mentions)
    assert before.actor_entity[("d3", "a1")] == "sdf"  # wrongly joined through the in-document alias
    after = resolve_mentions(mentions, reviews=[{"action": "split", "entity": "sdf",
                                                 "alias": "Hasakah Youth Council"}])
    entities = after.by_id()
    assert after.actor_entity[("d1", "a1")] == after.actor_entity[("d2", "a1")] == "sdf"  # SDF's own claims stay
    split = entities[after.actor_entity[("d3", "a1")]]
    assert split.id != "sdf" and split.aliases == ["Hasakah Youth Council"]
    assert set(entities["sdf"].aliases) == {"Syrian Democratic Forces", "SDF"}


def test_screen_part_of_between_opposed_entities_dropped():
    mentions = [Mention("d1", 0, 15, "Katibat al-Nasr", "a1", "Katibat al-Nasr", "organization"),
                Mention("d1", 20, 32, "Liwa al-Fath", "a2", "Liwa al-Fath", "organization"),
                Mention("d2", 0, 15, "Katibat al-Nasr", "a1", "Katibat al-Nasr", "organization"),
                Mention("d2", 20, 32, "Liwa al-Fath", "a2", "Liwa al-Fath", "organization")]
    part_of = [(("d1", "a1"), ("d1", "a2"))]

    def parents(**kwargs):
        resolution = resolve_mentions(mentions, part_of=part_of, **kwargs)
        entities = resolution.by_id()
        child, parent = resolution.actor_entity[("d1", "a1")], resolution.actor_entity[("d1", "a2")]
        return entities[child].parents, parent

    linked, parent = parents()
    assert parent in linked  # the link stands without opposition
    opposed, parent = parents(opposed=[(("d2", "a2"), ("d2", "a1"))])  # Liwa al-Fath attacked Katibat al-Nasr
    assert parent not in opposed


def test_screen_adversary_name_attached_by_the_extractor_is_dropped():
    found, _ = _entity_of([("d1", "Global Coalition to Defeat ISIS", "organization", ["Isis", "US-led coalition"]),
                           ("d2", "Isis", "organization")])
    coalition = found[("d1", "Global Coalition to Defeat ISIS")]
    assert coalition.id == "global_coalition" and "Isis" not in coalition.aliases
    assert "US-led coalition" in coalition.aliases
    assert found[("d2", "Isis")].id == "islamic_state"


@pytest.mark.parametrize("name, entry", [
    ("Free Syria Army", "free_syrian_army"), ("Syrian National Coalition", "syrian_national_coalition"),
    ("Syrian army", "mil_sy"),
])
def test_screen_named_groups_of_the_report_link_to_their_entry(name, entry):
    found, _ = _entity_of([("d1", name, "organization")])
    assert found[("d1", name)].id == entry


def test_screen_names_of_parents_stay():
    found, _ = _entity_of([("d1", "Syrian army", "organization", ["Syrian", "Syrian troops"])])
    assert {"Syrian", "Syrian troops"} <= set(found[("d1", "Syrian army")].aliases)


@pytest.mark.parametrize("name", ["Human Rights Watch", "Edward Said", "To Lam", "Move Forward Party",
                                  "Meet the Press", "In Yo-han", "Khaled Said"])
def test_screen_real_names_are_not_junk(name):
    assert strip_junk_words(name) == name


def test_screen_armed_group_is_no_part_of_a_state():
    mentions = [Mention("d1", 0, 3, "YPG", "a1", "YPG", "organization"),
                Mention("d1", 9, 14, "Syria", "a2", "Syria", "state"),
                Mention("d1", 20, 30, "Quds Force", "a3", "Quds Force", "organization"),
                Mention("d1", 40, 44, "IRGC", "a4", "IRGC", "organization")]
    entities = resolve_mentions(mentions, part_of=[(("d1", "a1"), ("d1", "a2")),
                                                   (("d1", "a3"), ("d1", "a4"))]).by_id()
    assert "state_sy" not in entities["ypg"].parents and "sdf" in entities["ypg"].parents
    assert "irgc" in entities["quds_force"].parents  # a unit's parent read from text stays


def test_screen_lowercase_phrase_beside_a_name_is_no_alias():
    found, _ = _entity_of([("d1", "Syrian National Coalition", "organization", ["new president"]),
                           ("d2", "jihadists", "organization")])
    assert found[("d1", "Syrian National Coalition")].aliases == ["Syrian National Coalition"]
    assert found[("d2", "jihadists")].aliases == ["jihadists"]  # an actor known only by a description stays


@pytest.mark.parametrize("name, cleaned", [("Raqqa\n\nThe", "Raqqa"), ("Deir ez-Zor\n\nThe", "Deir ez-Zor")])
def test_screen_span_across_paragraphs_keeps_its_name_line(name, cleaned):
    assert strip_junk_words(name) == cleaned
