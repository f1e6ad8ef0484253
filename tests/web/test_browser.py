"""The workbench as an analyst uses it: headless Chromium clicking nodes, edges and claims."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from claimgraph.store import Store

pytestmark = pytest.mark.browser

def _group_id(db: str, subject: str, relation: str) -> str:
    [group] = [g for g in Store(db).claim_groups() if g.subject == subject and g.relation == relation]
    return group.id


def test_browser_click_node_shows_actor(workbench_server, page, open_graph):
    positions = open_graph(page, workbench_server + "/")
    page.mouse.click(positions["e-sinaloa"]["x"], positions["e-sinaloa"]["y"])
    page.wait_for_selector("#panel[data-loaded='1']")
    panel = page.inner_text("#panel")
    assert "Sinaloa Cartel" in panel and "Claims made" in panel
    assert "Ovidio Guzman MEMBER_OF (commander) Sinaloa Cartel" in panel
    assert page.js_errors == []


def test_browser_click_edge_shows_evidence(workbench_server, page, open_graph):
    positions = open_graph(page, workbench_server + "/")
    a, b = positions["e-sinaloa"], positions["e-gulf"]  # one edge between them: AID (weapons)
    page.mouse.click(a["x"] + 0.35 * (b["x"] - a["x"]), a["y"] + 0.35 * (b["y"] - a["y"]))
    page.wait_for_selector("#panel[data-loaded='1']")
    panel = page.inner_text("#panel")
    assert "AID (weapons)" in panel
    assert "Police sources said the Sinaloa Cartel reportedly supplied the Gulf Clan with rifles." in panel
    assert "Police sources → Border Post" in panel
    assert page.locator("#panel mark.m-hedge").first.inner_text() == "reportedly"


def test_browser_claim_page_from_claims_list(workbench_server, page):
    page.goto(workbench_server + "/claims")
    page.get_by_role("link", name="ASSAULT (attack)").first.click()
    page.wait_for_selector("h1.claim-title")
    assert "Contradicting evidence" in page.inner_text("main")
    negated = page.locator(".evidence.polarity-negated blockquote").inner_text()
    assert negated == "A spokesman denied that the Sinaloa Cartel attacked the police convoy."
    assert page.locator(".evidence.polarity-negated mark.m-negation").inner_text() == "denied"


def test_browser_filters_narrow_the_graph(workbench_server, page, open_graph):
    open_graph(page, workbench_server + "/")
    page.check("input[name=relation][value=AID]")
    page.click("button[type=submit]")
    page.wait_for_selector("#graph[data-ready='1']")
    assert page.inner_text("#graph-status") == "2 actors, 1 edges"
    page.fill("#graph-search", "gulf")
    page.press("#graph-search", "Enter")
    assert page.inner_text("#graph-status") == "1 actor(s) match"
    assert page.evaluate("() => window.claimgraphNetwork.getSelectedNodes()") == ["e-gulf"]


def test_browser_reject_then_undo(workbench_server, workbench_db, page, open_graph):
    group_id = _group_id(workbench_db, "e-ovidio", "CONSULT")
    page.goto(f"{workbench_server}/claims/{group_id}")
    page.click("button[value=reject]")
    page.wait_for_selector(".badge.review-rejected")
    open_graph(page, workbench_server + "/")
    assert page.inner_text("#graph-status") == "6 actors, 6 edges"
    page.goto(workbench_server + "/reviews")
    assert "tester" in page.inner_text("table.reviews")
    page.click("table.reviews button")
    page.wait_for_selector("tr.undone")
    open_graph(page, workbench_server + "/")
    assert page.inner_text("#graph-status") == "6 actors, 7 edges"


def test_browser_sources_page_draws_origin_graph(workbench_server, page):
    page.goto(workbench_server + "/sources")
    page.wait_for_selector("#origin-graph[data-ready='1']", timeout=30_000)
    assert "Aggregator Daily" in page.inner_text("ul.duplicates")
    assert page.js_errors == []


def test_browser_hostile_text_inert_everywhere(workbench_server, workbench_db, workbench_fixture, page, open_graph):
    hostile_claim = _group_id(workbench_db, "e-militia", "ASSAULT")
    [hostile_document] = {e.document_id for g in Store(workbench_db).claim_groups() if g.id == hostile_claim
                          for e in g.evidence}
    outlet = quote(workbench_fixture.HOSTILE_OUTLET, safe="")
    for path in ["/entities", "/entities/e-militia", "/claims", f"/claims/{hostile_claim}", "/sources",
                 "/search?q=militia", "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E",
                 # the corpus-scale views (#14)
                 "/timeline", "/queue", "/changes", f"/documents/{hostile_document}", f"/outlets/{outlet}", "/map"]:
        page.goto(workbench_server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("() => document.querySelectorAll('main script, main img, main b').length") == 0, path
        assert not page.locator("a[href^='javascript:']").count(), path
    page.goto(f"{workbench_server}/documents/{hostile_document}")
    assert workbench_fixture.HOSTILE_NAME in page.inner_text("article.document-text")  # text, highlighted
    assert page.locator("article.document-text mark.evidence").count() >= 1
    page.goto(f"{workbench_server}/claims/{hostile_claim}")
    assert workbench_fixture.HOSTILE_TITLE in page.inner_text("main")  # shown as text, literally
    assert workbench_fixture.HOSTILE_URL in page.inner_text("main")  # shown, but not a link
    positions = open_graph(page, workbench_server + "/")
    page.mouse.click(positions["e-militia"]["x"], positions["e-militia"]["y"])
    page.wait_for_selector("#panel[data-loaded='1']")
    assert workbench_fixture.HOSTILE_NAME in page.inner_text("#panel")
    a, b = positions["e-militia"], positions["e-police"]
    page.mouse.click((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
    page.wait_for_function("() => document.querySelector('#panel').innerText.includes('allegedly')")
    assert page.evaluate("() => document.querySelectorAll('#panel script, #panel img').length") == 0
    assert page.dialogs == [] and page.js_errors == []
    assert not re.search(r"<script>alert", page.content().split("</main>")[0].split("<main>")[1])
