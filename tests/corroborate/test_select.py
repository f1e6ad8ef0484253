"""Selecting entities by name and claim groups by entity and origins, and the CLI commands over them."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.corroborate.select import find_entities, select_groups
from claimgraph.model import ClaimGroup, Entity

ENTITIES = {e.id: e for e in [
    Entity("hamas", "Hamas", "organization", ["Hamas", "Harakat al-Muqawama al-Islamiya"], mentions=9),
    Entity("qassam", "Izz ad-Din al-Qassam Brigades", "organization", ["Qassam Brigades"], ["hamas"], mentions=4),
    Entity("is", "Islamic State", "organization", ["Islamic State", "IS", "ISIS"], mentions=7),
]}
GROUPS = [ClaimGroup("g1", "hamas", "COOPERATE", "is", origins=1, documents=3),
          ClaimGroup("g2", "qassam", "DEFECT", "is", origins=3, documents=3),
          ClaimGroup("g3", "is", "ASSAULT", "is", origins=2, documents=2)]


@pytest.mark.parametrize("name,ids", [
    ("hamas", ["hamas"]), ("Qassam Brigades", ["qassam"]), ("the Islamic State", ["is"]), ("nobody", []),
    ("Qassam", ["qassam"]), ("Islamic", ["is"]),
])
def test_select_find_entities_by_id_name_or_alias(name, ids):
    assert [e.id for e in find_entities(ENTITIES, name)] == ids


@pytest.mark.parametrize("kwargs,ids", [
    ({}, ["g2", "g3", "g1"]),
    ({"entity": "Hamas"}, ["g1"]),
    ({"entity": "Hamas", "include_parts": True}, ["g2", "g1"]),
    ({"min_origins": 2}, ["g2", "g3"]),
])
def test_select_groups_by_entity_parts_and_origins(kwargs, ids):
    assert [g.id for g in select_groups(GROUPS, ENTITIES, **kwargs)] == ids


def test_select_cli_entities_and_claims(workbench_db):
    runner = CliRunner()
    result = runner.invoke(app, ["entities", "--db", workbench_db, "--json"])
    assert result.exit_code == 0, result.output
    names = {e["name"] for e in json.loads(result.output)}
    assert {"Sinaloa Cartel", "Gulf Clan"} <= names
    result = runner.invoke(app, ["claims", "--db", workbench_db, "--entity", "Sinaloa Cartel", "--json"])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)
    assert groups and all("e-sinaloa" in (g["subject"], g["object"]) for g in groups)
    result = runner.invoke(app, ["claims", "--db", workbench_db, "--min-origins", "99"])
    assert result.exit_code == 0 and "0 claims" in result.output


@pytest.mark.parametrize("args", [["entities", "--db", "{missing}"], ["claims", "--db", "{missing}"],
                                  ["claims", "--db", "{db}", "--entity", "Nobody At All"]])
def test_select_cli_errors_are_one_line(workbench_db, tmp_path, args):
    args = [a.format(missing=str(tmp_path / "none.db"), db=workbench_db) for a in args]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "none.db").exists()
