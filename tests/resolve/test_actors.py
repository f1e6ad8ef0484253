"""Local actors: junk names dropped, gazetteer metonyms linked (claimgraph.resolve.actors, gazetteer data)."""
from __future__ import annotations

import logging

import pytest

from claimgraph.corroborate import group_claims
from claimgraph.model import Claim, Document, Evidence, Mention
from claimgraph.resolve import resolve_mentions
from claimgraph.resolve.actors import collect_actors, is_junk_name


@pytest.mark.parametrize("text, junk", [
    ("the", True), ("The", True), ("they", True), ("this one", True), ("  ", True), ("—", True),
    ("US", False), ("IT", False), ("Hamas", False), ("the Sinai's", False), ("jihadists in Gaza", False),
])
def test_actors_junk_names(text, junk):
    assert is_junk_name(text) is junk


def test_actors_junk_actor_dropped_with_its_claims(caplog):
    text = "The said Hamas attacked Israel."
    document = Document.from_text(text, source="t.txt")
    mentions = [Mention(document.id, 0, 3, "The", "a1", "the", "organization"),
                Mention(document.id, 9, 14, "Hamas", "a2", "Hamas", "organization"),
                Mention(document.id, 24, 30, "Israel", "a3", "Israel", "state")]
    with caplog.at_level(logging.DEBUG, logger="claimgraph.resolve.actors"):
        resolution = resolve_mentions(mentions)
    assert (document.id, "a1") not in resolution.actor_entity
    assert "only stop words" in caplog.text
    evidence = Evidence(document.id, text, 0, len(text))
    claims = [Claim(document.id, "a1", "ASSAULT", "a3", evidence), Claim(document.id, "a2", "ASSAULT", "a3", evidence)]
    groups = group_claims(claims, actor_entity=resolution.actor_entity, documents={document.id: document},
                          entities=resolution.by_id())
    assert [(g.subject, g.object) for g in groups] == [("hamas", "state_il")]


@pytest.mark.parametrize("name, type_, expected", [
    ("the Jewish state", "organization", "state_il"),
    ("the Kremlin", "organization", "state_ru"),
    ("the White House", "organization", "state_us"),
    ("Downing Street", "other", "state_gb"),
    ("the Elysee", "organization", "state_fr"),
    ("Élysée", "organization", "state_fr"),
    ("Beijing", "state", "state_cn"),
    ("Moscow", "organization", "state_ru"),
    ("the Islamic Republic", "organization", "state_ir"),
])
def test_actors_metonyms_link_to_the_state(name, type_, expected):
    resolution = resolve_mentions([Mention("d1", 0, len(name), name, "a1", name, type_)])
    assert resolution.actor_entity[("d1", "a1")] == expected


def test_actors_capital_typed_location_stays_a_place():
    resolution = resolve_mentions([Mention("d1", 0, 6, "Moscow", "a1", "Moscow", "location")])
    assert resolution.actor_entity[("d1", "a1")] != "state_ru"


@pytest.mark.parametrize("filled", ["gazetteer_id", "description", "parent_hint"])
def test_actors_empty_containers_stay_per_actor(filled):
    """Actors share empty containers (#7) until one fills its own: the others stay empty."""
    extra = {"gazetteer_id": {"gazetteer_id": "northern-front"}, "parent_hint": {"parent_hint": "a9"}}.get(filled, {})
    mentions = [
        Mention("d1", 0, 14, "Northern Front", "a1", "Northern Front", "organization", **extra),
        Mention("d1", 10, 16, "Coastal Union", "a2", "Coastal Union", "organization"),
        Mention("d2", 0, 7, "Hill Party", "a1", "Hill Party", "organization"),
    ]
    if filled == "description":
        mentions.insert(1, Mention("d1", 6, 9, "the Northern rulers", "a1", "Northern Front", "organization",
                                   kind="description"))
    first, *others = collect_actors(mentions)
    filled_value = {"gazetteer_id": first.gazetteer_ids, "description": first.descriptions,
                    "parent_hint": first.parent_hints}[filled]
    assert filled_value
    for actor in others:
        assert not actor.gazetteer_ids and not actor.descriptions and not actor.parent_hints
