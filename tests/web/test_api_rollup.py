"""The REST API's ?rollup=1 on claims and graph (claimgraph.web.routes.api)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from claimgraph.web import create_app


@pytest.fixture
def client(workbench_db) -> TestClient:
    return TestClient(create_app(workbench_db, user="tester"), base_url="http://127.0.0.1")


def test_api_rollup_claims_regrouped_on_parents(client):
    plain = client.get("/api/claims").json()
    rolled = client.get("/api/claims", params={"rollup": "1"}).json()
    ends = {(c["subject"]["id"], c["relation"], c["object"]["id"]) for c in rolled}
    assert ("e-sinaloa", "ASSAULT", "e-gulf") in ends
    assert not any("e-chapitos" in (s, o) for s, _, o in ends)
    assert any(c["rolled_up_from"] for c in rolled)
    assert {i for c in rolled for i in c["rolled_up_from"]} <= {c["id"] for c in plain}


def test_api_rollup_entity_filter_includes_descendants(client):
    rolled = client.get("/api/claims", params={"rollup": "1", "entity": "e-sinaloa"}).json()
    plain = client.get("/api/claims", params={"entity": "e-sinaloa"}).json()
    assert any(c["relation"] == "ASSAULT" and c["mode"] == "clash" for c in rolled)
    assert not any(c["relation"] == "ASSAULT" and c["mode"] == "clash" for c in plain)


def test_api_rollup_graph_matches_claims(client):
    edges = client.get("/api/graph", params={"rollup": "1"}).json()["edges"]
    claims = client.get("/api/claims", params={"rollup": "1"}).json()
    assert {(e["source"], e["relation"], e["mode"], e["target"]) for e in edges} == {
        (c["subject"]["id"], c["relation"], c["mode"], c["object"]["id"]) for c in claims}
