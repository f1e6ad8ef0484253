"""The UI marks claims that only documents of unknown outlet support (#12)."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph import pipeline
from claimgraph.settings import Settings
from claimgraph.web import create_app

pytestmark = [pytest.mark.slow, pytest.mark.issue(12)]

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "war_corpus"
# Three articles that repeat one unattributed claim (the United States sent weapons to the YPG).
FILES = ["23_us_weapons_ypg.txt", "24_ypg_arms_deliveries.txt", "25_ypg_weapons_raqqa.txt"]


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    db = str(tmp_path_factory.mktemp("weak") / "weak.db")
    pipeline.build([str(CORPUS / name) for name in FILES], db, settings=Settings(offline=True), workers=1)
    return TestClient(create_app(db, user="tester"), base_url="http://127.0.0.1")


def _weak_edge(client: TestClient) -> dict:
    edges = client.get("/api/graph").json()["edges"]
    return next(e for e in edges if (e["source"], e["relation"], e["target"]) == ("state_us", "AID", "ypg"))


def test_unknown_outlets_graph_edge_is_weak(client):
    edge = _weak_edge(client)
    assert edge["weak"] is True and edge["origins"] == 0 and edge["unknown_outlet_documents"] == 3


def test_unknown_outlets_claim_page_says_so(client):
    edge = _weak_edge(client)
    page = client.get(f"/claims/{edge['groups'][0]}").text
    assert "plus 3 documents of unknown outlet" in page
    assert 'class="badge weak"' in page
