"""The report: one self-contained HTML file that opens from disk offline, graph and evidence included."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.export.report import build_report, dump_script_json
from claimgraph.store import Store
from claimgraph.store.reviews import record_review

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"  # git-ignored screenshots


@pytest.fixture
def report_path(workbench_db, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", workbench_db, str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_is_self_contained(report_path):
    html = report_path.read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.I)
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"url\((?!\"?data:)", html)  # styles load nothing either
    assert len(re.findall(r"<script\b", html)) == 3  # data, vis-network, graph view
    assert "default-src 'none'" in html.replace("&#39;", "'")


def test_report_hostile_text_escaped(report_path, workbench_fixture):
    html = report_path.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>news</b>" not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Militia" in html


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "a & b", "\u2028"])
def test_report_embedded_json_cannot_close_script(value):
    text = str(dump_script_json({"x": value}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text


def test_report_top_claims_with_evidence_and_reviews(workbench_db):
    store = Store(workbench_db)
    groups = {g.relation: g.id for g in store.claim_groups()}
    record_review(store, "reject", groups["CONSULT"], user="analyst")
    html = build_report(store)
    assert f'id="claim-{groups["AID"]}"' in html and f'id="claim-{groups["CONSULT"]}"' not in html
    assert "The Sinaloa Cartel supplied the Gulf Clan with rifles, Border Post reported." in html
    assert "1 rejected in review, left out" in html
    assert "Who cites whom" in html


@pytest.mark.browser
def test_report_opens_offline_and_shows_graph(report_path, chromium, tmp_path):
    """From disk, with networking off and every non-file request blocked and recorded."""
    context = chromium.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    outside, dialogs, errors = [], [], []
    context.route(re.compile(r"^(?!file:).*"), lambda route: (outside.append(route.request.url), route.abort()))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.goto(report_path.as_uri())
        page.wait_for_selector("#graph[data-ready='1']", timeout=30_000)
        page.wait_for_selector("#origin-graph[data-ready='1']", timeout=30_000)
        assert page.inner_text("#graph-status") == "6 actors, 7 edges"
        positions = page.evaluate("""() => {
          const n = window.claimgraphNetwork, box = document.querySelector('#graph canvas').getBoundingClientRect();
          const out = {}, p = n.getPositions();
          for (const id in p) { const d = n.canvasToDOM(p[id]); out[id] = {x: box.left + d.x, y: box.top + d.y}; }
          return out; }""")
        a, b = positions["e-sinaloa"], positions["e-gulf"]
        page.mouse.click(a["x"] + 0.35 * (b["x"] - a["x"]), a["y"] + 0.35 * (b["y"] - a["y"]))
        page.wait_for_selector("#panel[data-loaded='1']")
        assert "supplied the Gulf Clan with rifles" in page.inner_text("#panel")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report_offline.png"))
    finally:
        context.close()
    assert outside == [] and dialogs == [] and errors == []
