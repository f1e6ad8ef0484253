"""The shareable report: one self-contained HTML file (graph, top claims with evidence, sources).

Every asset is inlined (vis-network, style, script, data), so the file opens from disk
with no network. Article text is escaped by Jinja; the embedded data is JSON with `<`, `>`
and `&` escaped, so no article text can close the script element that holds it.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..errors import ClaimgraphError
from ..store import Store
from ..store.reviews import load_graph
from ..web import assets
from ..web.app import make_environment
from ..web.graphdata import build_graph_data
from ..web.summaries import index_mentions, summarize_entity, summarize_group_evidence, summarize_sources

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).with_name("templates")
# How many claims (most independent origins first) the report prints with their evidence;
# the graph and its click-through panel still hold every claim.
TOP_CLAIMS = 50


def dump_script_json(data: Any) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '<', '>' or '&' survive."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _inline_script(name: str) -> Markup:
    text = assets.read_asset(name)
    if "</script" in text.lower():  # would end the inline element early
        raise ClaimgraphError(f"static file {name} contains '</script' and cannot be inlined")
    return Markup(text)


def get_script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def build_report(store: Store, *, title: str = "claimgraph report", top: int = TOP_CLAIMS) -> str:
    """The report's HTML text.

    Args:
        store: the open store (claim reviews apply: rejected claims are left out).
        title: the page title.
        top: how many claims are printed with their evidence.
    Returns:
        One HTML document with no external references.
    """
    graph = load_graph(store, with_text=False)
    mentions = index_mentions(store.iter_mentions())
    actor_entity = store.actor_entities()
    graph_data = build_graph_data(graph)  # capped at the best-sourced MAX_EDGES edges
    shown = {group_id for edge in graph_data["edges"] for group_id in edge["groups"]}
    shown.update(g.id for g in graph.groups[:top])
    claims = {g.id: summarize_group_evidence(graph, g, mentions=mentions, actor_entity=actor_entity)
              for g in graph.groups if g.id in shown}
    entities = {node["id"]: summarize_entity(graph, node["id"]) for node in graph_data["nodes"]}
    sources = summarize_sources(graph)
    data = dict(graph=graph_data, claims=claims, entities=entities, origin_graph=sources["origin_graph"])
    env = make_environment(TEMPLATES)
    env.loader.searchpath.append(str(Path(__file__).parents[1] / "web" / "templates"))
    template = env.get_template("report.html")
    vis_js, graph_js = _inline_script(assets.VIS_JS), _inline_script(assets.GRAPH_JS)
    return template.render(
        title=title, generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), version=__version__,
        stats=dict(documents=len(graph.documents), entities=len(graph.entities), claims=len(graph.groups),
                   rejected=len(graph.rejected)),
        top_claims=[claims[g.id] for g in graph.groups[:top]], sources=sources, data=dump_script_json(data),
        vis_js=vis_js, graph_js=graph_js,
        script_hashes=" ".join(get_script_hash(str(js)) for js in (vis_js, graph_js)),
        css=Markup(assets.read_asset(assets.VIS_CSS) + "\n" + assets.read_asset(assets.APP_CSS)),
    )


def write_report(store: Store, out: str | Path, *, title: str = "claimgraph report") -> dict[str, int]:
    """Write the report to `out`; returns counts for the CLI."""
    html = build_report(store, title=title)
    try:
        Path(out).write_text(html, encoding="utf-8")
    except OSError as err:
        raise ClaimgraphError(f"{out}: cannot write the report: {err}") from err
    return {"bytes": len(html.encode("utf-8"))}
