"""The graph view's data: filters, roll-up to parents, rejected claims, symmetric relations."""
from __future__ import annotations

import pytest

from claimgraph.store import Store
from claimgraph.store.reviews import load_graph, record_review
from claimgraph.web.graphdata import GraphFilters, build_graph_data, rollup_map


def _edges(db: str, **filters) -> set[tuple[str, str, str]]:
    graph = load_graph(Store(db), include_rejected=filters.get("show_rejected", False))
    data = build_graph_data(graph, GraphFilters(**filters))
    return {(e["source"], e["relation"], e["target"]) for e in data["edges"]}


@pytest.mark.parametrize("filters, expected", [
    ({"relations": ["AID"]}, {("e-sinaloa", "AID", "e-gulf")}),
    ({"mode": "clash"}, {("e-chapitos", "ASSAULT", "e-gulf")}),
    ({"certainty": "hedged"}, {("e-militia", "ASSAULT", "e-police")}),
    ({"min_origins": 2}, {("e-sinaloa", "AID", "e-gulf"), ("e-sinaloa", "ASSAULT", "e-police")}),
    ({"since": "2023-05-06"}, {("e-militia", "ASSAULT", "e-police")}),
    ({"until": "2023-05-02", "relations": ["ASSAULT"]},
     {("e-sinaloa", "ASSAULT", "e-police"), ("e-chapitos", "ASSAULT", "e-gulf")}),
    ({"entity": "e-ovidio"}, {("e-ovidio", "MEMBER_OF", "e-sinaloa"), ("e-ovidio", "CONSULT", "e-gulf")}),
])
def test_graphdata_filters_keep_matching_edges(workbench_db, filters, expected):
    assert _edges(workbench_db, **filters) == expected


def test_graphdata_rollup_moves_edges_to_parents(workbench_db):
    edges = _edges(workbench_db, rollup=True)
    assert ("e-sinaloa", "ASSAULT", "e-gulf") in edges  # Los Chapitos' clash, rolled up
    assert ("e-sinaloa", "ASSAULT", "e-mexico") in edges  # the police is part of the state
    assert not any("e-chapitos" in (s, t) for s, _, t in edges)
    assert ("e-chapitos", "PART_OF", "e-sinaloa") not in edges  # a tie to itself disappears


def test_graphdata_rollup_map_reaches_top_ancestor(workbench_db):
    top = rollup_map(load_graph(Store(workbench_db)).entities)
    assert top["e-chapitos"] == "e-sinaloa" and top["e-police"] == "e-mexico" and top["e-gulf"] == "e-gulf"


def test_graphdata_rejected_claim_hidden_then_marked(workbench_db):
    store = Store(workbench_db)
    [group] = [g for g in store.claim_groups() if g.relation == "CONSULT"]
    record_review(store, "reject", group.id, user="analyst")
    assert ("e-ovidio", "CONSULT", "e-gulf") not in _edges(workbench_db)
    data = build_graph_data(load_graph(store, include_rejected=True), GraphFilters(show_rejected=True))
    [edge] = [e for e in data["edges"] if e["id"] == group.id]
    assert edge["review"] == "rejected"


def test_graphdata_edge_attributes(workbench_db):
    data = build_graph_data(load_graph(Store(workbench_db)))
    edges = {(e["source"], e["relation"], e["target"]): e for e in data["edges"]}
    assert edges[("e-sinaloa", "ASSAULT", "e-police")]["contradicted"] is True
    assert edges[("e-militia", "ASSAULT", "e-police")]["certainty"] == "hedged"
    assert edges[("e-ovidio", "CONSULT", "e-gulf")]["directed"] is False
    assert edges[("e-sinaloa", "AID", "e-gulf")]["origins"] == 2
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["e-sinaloa"]["type"] == "organization" and nodes["e-sinaloa"]["mentions"] > 0


def test_graphdata_caps_edges_best_sourced_first(workbench_db, monkeypatch):
    from claimgraph.web import graphdata

    monkeypatch.setattr(graphdata, "MAX_EDGES", 2)
    data = build_graph_data(load_graph(Store(workbench_db)))
    assert data["total_edges"] == 7 and len(data["edges"]) == 2
    assert all(e["origins"] == 2 for e in data["edges"])
    assert {n["id"] for n in data["nodes"]} == {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}
