"""Anchoring local actors to the gazetteer, state bodies and descriptive names (claimgraph.resolve.anchors)."""
from __future__ import annotations

import pytest

from claimgraph.gazetteer import load_gazetteer
from claimgraph.resolve.actors import LocalActor
from claimgraph.resolve.anchors import find_anchor
from claimgraph.resolve.gazindex import build_index


@pytest.fixture(scope="module")
def index():
    return build_index(load_gazetteer())


def _anchor(index, name: str, type_: str = "organization"):
    return find_anchor(LocalActor("d1", "a1", name, type_, names=[name]), index)


@pytest.mark.parametrize("name,type_,key", [
    ("IS", "organization", "gz:islamic_state"),
    ("the Islamic State group", "organization", "gz:islamic_state"),
    ("Daesh", "organization", "gz:islamic_state"),
    ("Wilayat Sinai", "person", "gz:is_sinai"),  # NER often calls it a person
    ("Egyptians", "other", "gz:state_eg"),
    ("Egyptian officials", "organization", "gz:state_eg"),
    ("Cairo", "organization", "gz:state_eg"),
    ("the Egyptian army", "organization", "gz:mil_eg"),
    ("Egypt's military", "organization", "gz:mil_eg"),
    ("the Malawian army", "organization", "body:state_mw:military"),
    ("the Malawian navy", "organization", "body:state_mw:navy"),
    ("the Islamic State branch in the Sinai", "organization", "gz:is_sinai"),
    ("the Sinai branch of the Islamic State", "organization", "gz:is_sinai"),
    ("ISIS' branch in Afghanistan", "organization", "gz:is_khorasan"),
    ("the Islamic State's Sinai affiliate", "organization", "gz:is_sinai"),
    ("al-Qaeda's Yemen branch", "organization", "gz:aqap"),
    ("Hamas's military wing", "organization", "gz:qassam_brigades"),
    ("Hezbollah's armed wing", "organization", "gz:islamic_resistance_lebanon"),
    ("LeT", "organization", "gz:lashkar_e_taiba"),
])
def test_anchors_link_names(index, name, type_, key):
    result = _anchor(index, name, type_)
    assert result.anchor is not None and result.anchor.key == key


@pytest.mark.parametrize("name,type_", [
    ("Jordan", "person"), ("Let", "organization"), ("is", "organization"), ("Cairo", "location"),
    ("Sinai", "location"), ("Islamic Jihad", "organization"), ("Washington Post columnist", "person"),
])
def test_anchors_leave_other_names_alone(index, name, type_):
    assert _anchor(index, name, type_).anchor is None


def test_anchors_descriptive_name_without_known_child_keeps_parent(index):
    result = _anchor(index, "the Islamic State branch in Narnia")
    assert result.anchor is None and result.parents == ("gz:islamic_state",) and result.descriptive


def test_anchors_body_of_state_has_state_parent(index):
    anchor = _anchor(index, "the Malawian army").anchor
    assert anchor.name == "Malawian military" and anchor.parents == ("gz:state_mw",)
    navy = _anchor(index, "the Malawian navy").anchor
    assert navy.parents == ("body:state_mw:military",)


@pytest.mark.parametrize("names,key", [
    (["Patriotic Liberation Army", "PLA"], None),
    (["Islamic State in Iraq and Syria", "ISIS"], "gz:islamic_state"),
    (["Rapid Support Forces", "RSF"], "gz:rsf_sudan"),
    (["Reporters Without Borders", "RSF"], None),
])
def test_anchors_acronym_spelled_out_otherwise_is_not_linked(index, names, key):
    result = find_anchor(LocalActor("d1", "a1", names[0], "organization", names=names), index)
    assert (result.anchor.key if result.anchor else None) == key


def test_anchors_ruler_id_on_an_acronym_spelled_out_otherwise_is_dropped(index):
    actor = LocalActor("d1", "a1", "Patriotic Liberation Army", "organization",
                       names=["Patriotic Liberation Army", "PLA"])
    actor.gazetteer_ids["mil_cn"] += 1
    assert find_anchor(actor, index).anchor is None
    actor = LocalActor("d1", "a1", "Wilayat Sinai", "person", names=["Wilayat Sinai", "ABM"])
    actor.gazetteer_ids["is_sinai"] += 1
    assert find_anchor(actor, index).anchor.key == "gz:is_sinai"
