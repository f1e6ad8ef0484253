"""The shipped gazetteer parses, has unique ids, existing parents, no cycles and no common-word aliases."""
from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.errors import DataFileError
from claimgraph.gazetteer import load_gazetteer, parse_gazetteer_line
from claimgraph.resolve.normalize import is_acronym, normalize_name

# Common English nouns an alias must never normalize to (the entity ruler would tag them
# and resolution would link them); stop words are added below.
COMMON_WORDS = {"army", "state", "group", "government", "police", "military", "forces", "time", "dawn",
                "guardian", "independent", "forward", "economist", "security", "council", "party",
                "front", "movement", "brigade", "brigades", "news", "aleph", "amnesty", "base", "union",
                "coalition", "authority", "resistance", "service", "agency"}
FILES = sorted(p.name for p in (resources.files("claimgraph") / "data" / "gazetteer").iterdir()
               if p.name.endswith(".jsonl"))


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("name", FILES)
def test_gazetteer_file_parses_with_header(name):
    text = (resources.files("claimgraph") / "data" / "gazetteer" / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ") and "MIT" in lines[0]  # source, licence and date header
    records = [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]
    assert records, name


def test_gazetteer_ids_unique_and_parents_exist(gazetteer):
    seen = set()
    for name in FILES:
        text = (resources.files("claimgraph") / "data" / "gazetteer" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                entry_id = json.loads(line)["id"]
                assert entry_id not in seen, entry_id
                seen.add(entry_id)
    for entry in gazetteer:
        for parent in entry.parents:
            assert parent in gazetteer.entries, (entry.id, parent)


def test_gazetteer_has_no_parent_cycles(gazetteer):
    for entry in gazetteer:
        seen, todo = set(), list(entry.parents)
        while todo:
            parent = todo.pop()
            assert parent != entry.id, f"cycle through {entry.id}"
            if parent not in seen:
                seen.add(parent)
                todo.extend(gazetteer.entries[parent].parents)


def test_gazetteer_aliases_are_not_common_words(gazetteer):
    common = COMMON_WORDS | set(STOP_WORDS)
    bad = []
    for entry in gazetteer:
        for alias in (*entry.names, *entry.capitals):
            if is_acronym(alias) or (entry.kind == "media" and alias.startswith("The ")):
                continue  # "The Guardian": the article is part of an outlet's name
            if normalize_name(alias) in common or ("(" in alias and alias != entry.name):
                bad.append((entry.id, alias))
    assert not bad


def test_gazetteer_covers_the_world(gazetteer):
    states = [e for e in gazetteer if e.type == "state"]
    assert len(states) >= 196
    assert sum(bool(e.demonyms) for e in states) >= 194  # 'Congolese', 'Dominican' name one state each
    assert {"state_ps", "state_xk", "state_tw"} <= {e.id for e in states}
    organizations = [e for e in gazetteer if e.type == "organization"]
    assert len(organizations) >= 300
    assert sum(e.kind == "media" for e in organizations) >= 50
    for entry in gazetteer:
        if entry.kind == "military":
            assert gazetteer.entries[entry.parents[0]].type == "state", entry.id


@pytest.mark.parametrize("entry_id,parent", [
    ("is_sinai", "islamic_state"), ("is_west_africa", "islamic_state"), ("aqap", "al_qaeda"),
    ("al_shabaab", "al_qaeda"), ("qassam_brigades", "hamas"), ("mil_eg", "state_eg"), ("quds_force", "irgc"),
])
def test_gazetteer_parent_links(gazetteer, entry_id, parent):
    assert parent in gazetteer.entries[entry_id].parents


@pytest.mark.parametrize("line,message", [
    ('{"id": "x", "name": "X"}', "missing required field 'type'"),
    ('{"id": "x", "name": "X", "type": "army"}', "type 'army'"),
    ('{"id": "x", "name": "X", "type": "state", "colour": "red"}', "unknown field"),
    ("{not json", "not valid JSON"),
])
def test_gazetteer_bad_line_names_the_place(line, message):
    with pytest.raises(DataFileError, match=message):
        parse_gazetteer_line(line, where="gazetteer/test.jsonl:1")


@pytest.mark.issue(12)
def test_gazetteer_covers_the_field(gazetteer):
    """Security forces, police, intelligence, coalitions, task forces, missions, clan militias, across regions."""
    kinds = {e.kind for e in gazetteer}
    assert {"police", "intelligence_agency", "coalition", "task_force", "peacekeeping", "clan_militia",
            "regional_force", "paramilitary", "unit", "militia"} <= kinds
    armed = {e.country for e in gazetteer if e.kind in ("armed_group", "militia", "clan_militia") and e.country}
    for region in ({"SO", "NG", "ML", "CD", "SD"}, {"SY", "IQ", "YE", "LB"}, {"AF", "PK", "IN"}, {"CO", "PE", "MX"}):
        assert len(region & armed) >= 2, region


@pytest.mark.issue(12)
def test_gazetteer_context_names_are_own_names(gazetteer):
    scoped = [e for e in gazetteer if e.context_names]
    assert {"state_ss", "the_national", "is_mozambique"} <= {e.id for e in scoped}
    for entry in scoped:
        assert set(entry.context_names) <= set(entry.names) | set(entry.capitals), entry.id


def test_gazetteer_phoenix_source_credited():
    header = (resources.files("claimgraph") / "data" / "gazetteer" / "security_forces.jsonl").read_text(
        encoding="utf-8").splitlines()[0]
    assert "openeventdata/petrarch2" in header and "MIT" in header
