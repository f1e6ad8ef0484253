"""What the entity, claim and sources pages show: safe links, evidence pieces, who cites whom."""
from __future__ import annotations

import pytest

from claimgraph.store import Store
from claimgraph.store.reviews import load_graph
from claimgraph.web.summaries import (
    build_origin_graph, get_safe_url, index_mentions, search_graph, summarize_claim, summarize_entity, summarize_sources,
)


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("", None),
    (None, None),
])
def test_summaries_safe_url(url, expected):
    assert get_safe_url(url) == expected


def test_summaries_claim_has_evidence_sides_and_origins(workbench_db):
    store = Store(workbench_db)
    graph = load_graph(store)
    [group] = [g for g in graph.groups if g.relation == "ASSAULT" and g.subject == "e-sinaloa"]
    claim = summarize_claim(graph, group.id, mentions=index_mentions(store.iter_mentions()),
                            actor_entity=store.actor_entities())
    assert len(claim["affirmed"]) == 1 and len(claim["negated"]) == 1
    negated = claim["negated"][0]
    assert "".join(p["text"] for p in negated["pieces"]) == negated["text"]
    assert {"subject", "object", "negation"} <= {p["mark"] for p in negated["pieces"]}
    assert negated["chain"][0] == "A spokesman"
    assert claim["origins"] == len(claim["origin_list"]) == 2


def test_summaries_entity_ties_and_timeline(workbench_db):
    entity = summarize_entity(load_graph(Store(workbench_db)), "e-sinaloa")
    assert [c["id"] for c in entity["children"]] == ["e-chapitos"]
    assert set(entity["outgoing"]) == {"AID", "ASSAULT"}
    assert set(entity["incoming"]) == {"MEMBER_OF", "PART_OF"}
    assert all(c["relation"] not in ("MEMBER_OF", "PART_OF") for c in entity["timeline"])


def test_summaries_sources_duplicates_and_citations(workbench_db):
    graph = load_graph(Store(workbench_db))
    sources = summarize_sources(graph)
    assert len(sources["documents"]) == 4
    [pair] = sources["duplicates"]
    assert pair["duplicate"]["outlet"] == "Aggregator Daily" and pair["original"]["outlet"] == "Northern Wire"
    edges = {(e["source_name"], e["kind"], e["target_name"]) for e in sources["origin_graph"]["edges"]}
    assert ("Northern Wire", "cites", "Border Post") in edges
    assert ("Aggregator Daily", "copies", "Northern Wire") in edges


def test_summaries_origin_graph_finds_circular_reporting(workbench_db):
    graph = load_graph(Store(workbench_db))
    # Border Post now cites Northern Wire, which cites Border Post: a loop of reporting
    [group] = [g for g in graph.groups if g.relation == "AID"]
    assert ["Border Post", "Northern Wire"] in group.attribution_chains
    group.attribution_chains.append(["Northern Wire", "Border Post"])
    cycles = build_origin_graph(graph)["cycles"]
    assert any(set(cycle) == {"Border Post", "Northern Wire"} for cycle in cycles)


@pytest.mark.parametrize("query, kind, expected", [
    ("gulf clan", "entities", "e-gulf"),
    ("clan del golfo", "entities", "e-gulf"),
    ("rifles", "claims", "AID"),
    ("northern wire", "documents", "Northern Wire"),
])
def test_summaries_search(workbench_db, query, kind, expected):
    results = search_graph(load_graph(Store(workbench_db)), query)[kind]
    keys = {r.get("id") for r in results} | {r.get("relation") for r in results} | {r.get("outlet") for r in results}
    assert expected in keys
