"""The workbench on the demo corpus built by the real pipeline: click a node, an edge, a claim."""
from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def _document_text(server: str, document_id: str) -> str:
    return _get(f"{server}/api/documents/{document_id}")["text"]


def test_demo_click_node_then_edge_shows_grounded_evidence(demo_server, page, open_graph):
    graph = _get(f"{demo_server}/api/graph")
    assert graph["nodes"] and graph["edges"]
    positions = open_graph(page, demo_server + "/")
    top = graph["nodes"][0]  # the most mentioned actor
    page.mouse.click(positions[top["id"]]["x"], positions[top["id"]]["y"])
    page.wait_for_selector("#panel[data-loaded='1']")
    assert top["label"] in page.inner_text("#panel h3")

    # an edge alone between its two actors is drawn straight: click a third of the way along it
    pairs: dict[frozenset, int] = {}
    for edge in graph["edges"]:
        key = frozenset((edge["source"], edge["target"]))
        pairs[key] = pairs.get(key, 0) + 1
    candidates = [e for e in graph["edges"] if pairs[frozenset((e["source"], e["target"]))] == 1]
    shown = None
    for edge in candidates:
        a, b = positions[edge["source"]], positions[edge["target"]]
        page.evaluate("() => document.querySelector('#panel').removeAttribute('data-loaded')")
        page.mouse.click(a["x"] + (b["x"] - a["x"]) / 3, a["y"] + (b["y"] - a["y"]) / 3)
        page.wait_for_selector("#panel[data-loaded='1']")
        if page.locator("#panel .claim-panel").count():
            shown = page.locator("#panel .claim-panel").first
            break
    assert shown is not None, "no edge could be clicked"
    claim_id = shown.locator("h3 a").nth(1).get_attribute("href").rsplit("/", 1)[1]
    claim = _get(f"{demo_server}/api/claims/{claim_id}")
    sentences = shown.locator("blockquote.sentence").all_inner_texts()
    assert sentences == [e["text"] for e in claim["evidence"]]
    for evidence in claim["evidence"]:  # the grounding guarantee, seen from the browser
        assert _document_text(demo_server, evidence["document"]["id"])[evidence["start"]:evidence["end"]] \
            == evidence["text"]
    assert page.js_errors == [] and page.dialogs == []


def test_demo_claim_page_shows_each_evidence_sentence(demo_server, page):
    page.goto(demo_server + "/claims")
    link = page.locator("table.list a.relation").first
    claim_id = link.get_attribute("href").rsplit("/", 1)[1]
    link.click()
    page.wait_for_selector("h1.claim-title")
    claim = _get(f"{demo_server}/api/claims/{claim_id}")
    shown = page.locator(".evidence blockquote.sentence").all_inner_texts()
    assert sorted(shown) == sorted(e["text"] for e in claim["evidence"])
    assert page.locator(".evidence mark.m-subject").count() >= 1
    for evidence in claim["evidence"]:
        assert _document_text(demo_server, evidence["document"]["id"])[evidence["start"]:evidence["end"]] \
            == evidence["text"]


def test_demo_every_page_renders(demo_server, page):
    entity = _get(f"{demo_server}/api/entities")[0]
    for path in ["/", "/entities", f"/entities/{entity['id']}", "/claims", "/sources", "/reviews",
                 "/search?q=hamas", "/api/docs"]:
        response = page.goto(demo_server + path)
        assert response.status == 200, path
    assert page.js_errors == [] and page.dialogs == []


def test_demo_claim_page_says_what_read_each_sentence(demo_server, page):
    # provenance (#15): the rule or the relation model, with the model's score, on every evidence
    scored = None
    for listed in _get(f"{demo_server}/api/claims"):
        claim = _get(f"{demo_server}/api/claims/{listed['id']}")
        provenance = next((e["provenance"] for e in claim["evidence"]
                           if (e.get("provenance") or {}).get("score") is not None), None)
        if provenance is not None:
            scored = claim
            break
    assert scored is not None, "no demo claim carries a model score"
    page.goto(f"{demo_server}/claims/{scored['id']}")
    shown = " ".join(page.locator(".evidence .provenance").all_inner_texts())
    assert provenance["rule"] in shown or (provenance["rule"] == "model" and "relation model" in shown)
    assert f"{provenance['score']:.2f}" in shown
