"""The web app over HTTP: pages, the REST API, reviews, the access token, and inert hostile text."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from claimgraph.store import Store
from claimgraph.web import create_app

BASE = "http://127.0.0.1"


@pytest.fixture
def client(workbench_db) -> TestClient:
    return TestClient(create_app(workbench_db, user="tester"), base_url=BASE)


def _group_id(db: str, subject: str, relation: str) -> str:
    [group] = [g for g in Store(db).claim_groups() if g.subject == subject and g.relation == relation]
    return group.id


def _pages(db: str) -> list[str]:
    return ["/", "/entities", "/entities/e-militia", "/entities/e-sinaloa", "/claims",
            f"/claims/{_group_id(db, 'e-militia', 'ASSAULT')}", f"/claims/{_group_id(db, 'e-sinaloa', 'AID')}",
            "/sources", "/search?q=militia", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/reviews", "/api/docs"]


# Markup that would run if article text were not escaped.
ACTIVE_MARKUP = [re.compile(p, re.I) for p in (r"<script>alert", r"<img[^>]*onerror", r"href=\"javascript:",
                                                 r"<b>news</b>")]


def test_app_pages_render_hostile_text_inert(client, workbench_db):
    for path in _pages(workbench_db):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        for pattern in ACTIVE_MARKUP:
            assert not pattern.search(response.text), (path, pattern.pattern)
    militia = client.get("/entities/e-militia").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Militia" in militia


def test_app_claim_page_shows_highlighted_evidence_and_contradiction(client, workbench_db):
    html = client.get(f"/claims/{_group_id(workbench_db, 'e-sinaloa', 'ASSAULT')}").text
    assert "Contradicting evidence" in html
    assert '<mark class="m-negation">denied</mark>' in html
    assert '<mark class="m-subject">Sinaloa Cartel</mark>' in html
    assert "A spokesman → Northern Wire" in html


def test_app_unknown_pages_are_404(client):
    assert client.get("/entities/nobody").status_code == 404
    assert client.get("/claims/nothing").status_code == 404
    assert client.get("/api/claims/nothing").status_code == 404


@pytest.mark.parametrize("path", ["/api/entities", "/api/claims", "/api/documents", "/api/search",
                                  "/api/reviews", "/api/graph", "/api/entities/{entity_id}",
                                  "/api/claims/{group_id}", "/api/documents/{document_id}"])
def test_app_openapi_lists_api(client, path):
    assert path in client.get("/api/openapi.json").json()["paths"]


def test_app_api_review_reject_then_undo(client, workbench_db):
    group_id = _group_id(workbench_db, "e-sinaloa", "AID")
    response = client.post("/api/reviews", json={"action": "reject", "target": group_id,
                                                 "payload": {"note": "single source"}})
    assert response.status_code == 201
    review_id = response.json()["id"]
    assert group_id not in {c["id"] for c in client.get("/api/claims").json()}
    assert group_id not in {e["id"] for e in client.get("/api/graph").json()["edges"]}
    assert client.get(f"/api/claims/{group_id}").json()["review"] == "rejected"
    [review] = client.get("/api/reviews").json()
    assert review["user"] == "tester" and review["payload"]["note"] == "single source"
    assert client.delete(f"/api/reviews/{review_id}").status_code == 200
    assert group_id in {c["id"] for c in client.get("/api/claims").json()}
    assert client.delete(f"/api/reviews/{review_id}").status_code == 404


@pytest.mark.parametrize("body", [
    {"action": "reject", "target": "nothing"},
    {"action": "rename", "target": "e-gulf", "payload": {"name": ""}},
])
def test_app_api_bad_review_is_400(client, body):
    response = client.post("/api/reviews", json=body)
    assert response.status_code == 400 and response.json()["detail"]


def test_app_form_review_confirm_marks_claim(client, workbench_db):
    group_id = _group_id(workbench_db, "e-ovidio", "CONSULT")
    response = client.post(f"/reviews/claims/{group_id}", data={"action": "confirm", "user": "ana", "note": ""},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/claims/{group_id}"
    assert "review-confirmed" in client.get(f"/claims/{group_id}").text
    assert "ana" in client.get("/reviews").text


def test_app_search_api(client):
    results = client.get("/api/search", params={"q": "Ovidio"}).json()
    assert [e["id"] for e in results["entities"]] == ["e-ovidio"]
    assert results["claims"]


def test_app_document_api_has_text(client):
    documents = client.get("/api/documents").json()
    document = client.get(f"/api/documents/{documents[0]['id']}").json()
    assert document["text"]


def test_app_static_vendored_no_cdn(client):
    html = client.get("/").text
    sources = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert "/static/vis-network-9.1.9.min.js" in sources
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    assert "http://" not in html and "https://" not in html
    assert client.get("/static/vis-network-9.1.9.min.js").status_code == 200


def test_app_cross_site_write_refused(client, workbench_db):
    group_id = _group_id(workbench_db, "e-sinaloa", "AID")
    response = client.post(f"/reviews/claims/{group_id}", data={"action": "reject"},
                           headers={"Origin": "http://evil.example"})
    assert response.status_code == 403
    assert Store(workbench_db).reviews() == []


def test_app_foreign_host_refused_without_token(workbench_db):
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing."""
    client = TestClient(create_app(workbench_db), base_url="http://attacker.example")
    assert client.get("/api/entities").status_code == 403


def test_app_token_required_when_set(workbench_db):
    app = create_app(workbench_db, token="s3cret")
    client = TestClient(app, base_url="http://10.0.0.5:8000")
    assert client.get("/api/entities").status_code == 401
    assert client.get("/api/entities", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/entities", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    first = client.get("/?token=s3cret")
    assert first.status_code == 200 and "claimgraph_token" in first.headers["set-cookie"]
    assert client.get("/entities").status_code == 200  # the cookie carries it from now on


def test_app_cli_serve_subprocess(workbench_db):
    """`claimgraph serve` as a user starts it: a real process on a free loopback port."""
    import json
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "claimgraph", "serve", "--db", workbench_db,
                                "--port", str(port), "--user", "cli-user"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/entities", timeout=2) as response:
                    entities = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        assert {e["id"] for e in entities} >= {"e-sinaloa", "e-gulf"}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "cli-user" in response.read().decode("utf-8")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("args, message", [
    (["--host", "0.0.0.0"], "set --token or CLAIMGRAPH_TOKEN"),
    (["--db", "missing.db"], "no such database"),
])
def test_app_cli_serve_refuses(workbench_db, tmp_path, monkeypatch, args, message):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", workbench_db, *args])
    assert result.exit_code == 1 and message in " ".join(result.output.split())
