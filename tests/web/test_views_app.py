"""The corpus-scale views over HTTP (#14): default view, timeline, suggestions, documents, outlets,
queue, changes and map, on the hand-built graph (SQLite and PostgreSQL)."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from claimgraph.model import ClaimGroup, Entity
from claimgraph.store import Store
from claimgraph.store.reviews import ReviewedGraph, load_graph
from claimgraph.web import create_app, defaultview
from claimgraph.web.defaultview import choose_default_view, event_relations, filters_query
from claimgraph.web.graphdata import filter_groups, parse_filters

pytestmark = pytest.mark.issue(14)


@pytest.fixture
def client(workbench_db) -> TestClient:
    return TestClient(create_app(workbench_db, user="tester"), base_url="http://127.0.0.1")


def test_default_view_small_graph_opens_whole(client):
    html = client.get("/").text
    assert 'data-query=""' in html and "default-note" not in html


def test_default_view_large_graph_opens_on_established_events(workbench_db, monkeypatch):
    monkeypatch.setattr(defaultview, "LARGE_GRAPH_GROUPS", 0)
    graph = load_graph(Store(workbench_db))
    view = choose_default_view(graph)
    assert view.note and set(view.filters.relations) <= set(event_relations())
    kept = filter_groups(graph, view.filters)
    assert kept and all(g.relation not in ("MEMBER_OF", "PART_OF") for g in kept)
    if any(g.origins >= 2 and g.relation in event_relations() for g in graph.groups):
        assert view.filters.min_origins == 2 and all(g.origins >= 2 for g in kept)
    # the page carries the same filters to /api/graph and ticks them in the form
    page = TestClient(create_app(workbench_db)).get("/", headers={"host": "127.0.0.1"}).text
    assert f'data-query="{filters_query(view.filters)}"'.replace("&", "&amp;") in page


def test_default_view_without_events_falls_back_to_everything(monkeypatch):
    monkeypatch.setattr(defaultview, "LARGE_GRAPH_GROUPS", 0)
    entities = {i: Entity(id=i, name=i, type="person") for i in ("a", "b")}
    graph = ReviewedGraph(entities=entities, documents={},
                          groups=[ClaimGroup(id="g", subject="a", relation="MEMBER_OF", object="b", origins=3)])
    view = choose_default_view(graph)
    assert view.note is None and not view.filters.relations and view.filters.min_origins == 0


def test_filters_query_round_trips():
    from starlette.datastructures import QueryParams

    query = "relation=AID&relation=ASSAULT&mode=weapons&certainty=hedged&since=2020-01-01&entity=e1&min_origins=2&rollup=1"
    filters = parse_filters(QueryParams(query))
    assert parse_filters(QueryParams(filters_query(filters))) == filters


def test_timeline_api_in_date_order_with_undated_apart(client):
    timeline = client.get("/api/timeline").json()
    dates = [row["when"]["date"] for row in timeline["dated"]]
    assert dates and dates == sorted(dates)
    assert all(row["when"]["date"] is None for row in timeline["undated"])
    assert len(timeline["dated"]) + len(timeline["undated"]) == timeline["total"]
    html = client.get("/timeline").text
    assert "{'text'" not in html and "{&#39;text" not in html


def test_suggest_entities_ranks_prefix_then_mentions(client):
    hits = client.get("/api/suggest/entities", params={"q": "sina", "limit": 3}).json()
    assert hits[0]["id"] == "e-sinaloa" and len(hits) <= 3
    assert client.get("/api/suggest/entities", params={"q": ""}).json() == []
    assert client.get("/api/suggest/entities", params={"q": "a", "limit": 0}).status_code == 422
    # the entity page's merge picker replaced the <select> of every actor
    page = client.get("/entities/e-sinaloa").text
    assert 'data-picker="entity"' in page and "<option" not in page


def test_document_and_outlet_pages(client, workbench_db):
    store = Store(workbench_db)
    document = max(store.iter_documents(), key=lambda d: len(d.text))
    evidence = client.get(f"/api/documents/{document.id}/evidence").json()
    assert "".join(p["text"] for p in evidence["pieces"]) == document.text
    html = client.get(f"/documents/{document.id}").text
    assert html.count('class="evidence"') == sum(1 for p in evidence["pieces"] if p["claims"])
    outlet = client.get(f"/api/outlets/{quote(document.outlet, safe='')}").json()
    assert document.id in {d["id"] for d in outlet["documents"]}
    assert client.get("/documents/nothing").status_code == 404
    assert client.get("/api/documents/nothing/evidence").status_code == 404
    assert client.get("/outlets/Nobody%20Daily").status_code == 404


def test_queue_changes_and_map_answer(client):
    queue = client.get("/api/queue").json()
    assert [item["score"] for item in queue] == sorted((item["score"] for item in queue), reverse=True)
    changes = client.get("/api/changes").json()
    assert changes["first_build"] and changes["new_total"] == len(client.get("/api/claims").json())
    places = client.get("/api/map").json()
    assert set(places) == {"places", "unlocated", "location_entities", "located_entities"}
    for path in ("/queue", "/changes", "/map", "/timeline"):
        assert client.get(path).status_code == 200, path


def test_graph_page_passes_the_submitted_query_to_the_api(client):
    html = client.get("/?relation=AID&min_origins=1&future_filter=x").text
    # the form's own query travels unchanged (a filter this page does not know included)
    assert 'data-query="relation=AID&amp;min_origins=1&amp;future_filter=x"' in html
