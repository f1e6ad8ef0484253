"""Save screenshots of the workbench's views from a built database (docs/img/, shown in docs/web.md).

Usage: claimgraph build ../shared/corpus/voa/voa_stories.jsonl SYNTHETIC_FOLDER --db corpus.db
       .venv/bin/python scripts/screenshot_views.py corpus.db docs/img
Writes corpus-graph.png, corpus-neighbourhood.png, corpus-all.png, corpus-map.png, corpus-timeline.png,
corpus-document.png and corpus-queue.png. Needs Debian's chromium; touches only 127.0.0.1.
"""
from __future__ import annotations

import json
import socket
import sys
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from claimgraph.web import create_app

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
# The most connected actor shown, in page coordinates (vis-network draws on a canvas).
TOP_NODE_JS = """() => {
  const n = window.claimgraphNetwork, nodes = n.body.data.nodes.get().filter(x => !x.hidden);
  const degree = id => n.getConnectedEdges(id).filter(e => !n.body.data.edges.get(e).hidden).length;
  nodes.sort((a, b) => degree(b.id) - degree(a.id));
  const box = document.querySelector('#graph canvas').getBoundingClientRect();
  const p = n.canvasToDOM(n.getPositions([nodes[0].id])[nodes[0].id]);
  return {x: box.left + p.x, y: box.top + p.y}; }"""


def serve(db: str) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, user="analyst"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main(db: str, out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    server, base = serve(db)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(base + "/")
            page.wait_for_selector("#graph[data-ready='1']", timeout=120_000)
            top = page.evaluate(TOP_NODE_JS)
            page.mouse.click(top["x"], top["y"])
            page.wait_for_selector("#panel[data-loaded='1']")
            page.screenshot(path=str(folder / "corpus-graph.png"))
            page.mouse.dblclick(top["x"], top["y"])
            page.wait_for_timeout(1500)
            page.screenshot(path=str(folder / "corpus-neighbourhood.png"))
            page.goto(base + "/?min_origins=0")  # every claim: the low-degree actors hidden, the rest labelled
            page.wait_for_selector("#graph[data-ready='1']", timeout=120_000)
            page.screenshot(path=str(folder / "corpus-all.png"))
            page.goto(base + "/map")
            page.wait_for_selector("#map[data-ready='1']", timeout=120_000)
            page.locator("#map .place.with-claims").first.click()
            page.screenshot(path=str(folder / "corpus-map.png"))
            page.goto(base + "/timeline")
            page.screenshot(path=str(folder / "corpus-timeline.png"))
            with urllib.request.urlopen(base + "/api/documents") as response:
                documents = json.load(response)
            busiest = max(documents, key=lambda d: d["claims"])
            page.goto(f"{base}/documents/{busiest['id']}")
            page.screenshot(path=str(folder / "corpus-document.png"))
            page.goto(base + "/queue")
            page.screenshot(path=str(folder / "corpus-queue.png"))
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
