"""The FollowTheMoney export: every entity valid for the followthemoney library, links to real ends."""
from __future__ import annotations

import json

import pytest
from followthemoney import model

from claimgraph.export.ftm import write_ftm
from claimgraph.store import Store
from claimgraph.store.reviews import record_review


@pytest.fixture
def ftm_entities(workbench_db, tmp_path) -> list[dict]:
    out = tmp_path / "graph.ftm.json"
    write_ftm(Store(workbench_db), out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_ftm_every_entity_validates(ftm_entities):
    ids = {e["id"] for e in ftm_entities}
    assert len(ids) == len(ftm_entities)
    for data in ftm_entities:
        schema = model.get(data["schema"])
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value by its FtM type
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]
        schema.validate(data)
        for prop in schema.required:
            assert data["properties"].get(prop), (data["id"], prop)
        for prop in schema.properties.values():  # entity references point inside the export
            if prop.type.name == "entity":
                assert set(data["properties"].get(prop.name, [])) <= ids, (data["id"], prop.name)


@pytest.mark.parametrize("entity_id, schema", [
    ("e-sinaloa", "Organization"), ("e-ovidio", "Person"), ("e-mexico", "PublicBody"),
    ("e-police", "PublicBody"),  # a state's body
])
def test_ftm_actor_schemas(ftm_entities, entity_id, schema):
    [data] = [e for e in ftm_entities if e["id"] == f"cg-entity-{entity_id}"]
    assert data["schema"] == schema


def test_ftm_links_by_relation(ftm_entities):
    by_schema: dict[str, list[dict]] = {}
    for data in ftm_entities:
        by_schema.setdefault(data["schema"], []).append(data)
    assert {m["properties"]["role"][0] for m in by_schema["Membership"]} == {"commander", "faction"}
    [aid] = [e for e in by_schema["Event"] if e["properties"]["summary"] == ["AID (weapons)"]]
    assert aid["properties"]["organizer"] == ["cg-entity-e-sinaloa"]
    assert aid["properties"]["involved"] == ["cg-entity-e-gulf"]
    assert "supplied the Gulf Clan with rifles" in aid["properties"]["description"][0]
    assert "https://borderpost.example/a" in aid["properties"]["sourceUrl"]
    assert len(by_schema["Article"]) == 4 and by_schema["Mention"]
    assert all(m["properties"]["resolved"][0].startswith("cg-entity-") for m in by_schema["Mention"])


def test_ftm_hostile_url_dropped(ftm_entities, workbench_fixture):
    articles = [e for e in ftm_entities if e["schema"] == "Article"]
    hostile = [a for a in articles if a["properties"]["title"] == [workbench_fixture.HOSTILE_TITLE]]
    assert hostile and "sourceUrl" not in hostile[0]["properties"]


def test_ftm_rejected_claim_left_out(workbench_db, tmp_path):
    store = Store(workbench_db)
    [group] = [g for g in store.claim_groups() if g.relation == "CONSULT"]
    record_review(store, "reject", group.id, user="analyst")
    out = tmp_path / "x.ftm.json"
    write_ftm(store, out)
    assert f"cg-claim-{group.id}" not in out.read_text(encoding="utf-8")


def test_ftm_cli_export(workbench_db, tmp_path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    out = tmp_path / "g.ftm.json"
    result = CliRunner().invoke(app, ["export", "--db", workbench_db, "-f", "ftm", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 Article" in " ".join(result.output.split()) and out.read_text(encoding="utf-8").count("\n") > 10
