"""Save the README screenshot of the graph view (docs/img/graph.png) from a built database.

Usage: claimgraph build corpus/demo --db demo.db
       .venv/bin/python scripts/screenshot_graph.py demo.db docs/img/graph.png
Needs Debian's chromium (scripts/install-system-deps.sh); touches only 127.0.0.1.
"""
from __future__ import annotations

import socket
import sys
import threading
import time

import uvicorn
from playwright.sync_api import sync_playwright

from claimgraph.web import create_app

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def main(db: str, out: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, user="analyst"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#graph[data-ready='1']", timeout=60_000)
            # select the most mentioned actor so the side panel shows what a click gives
            top = page.evaluate("""() => {
              const n = window.claimgraphNetwork, ids = Object.keys(n.getPositions());
              const box = document.querySelector('#graph canvas').getBoundingClientRect();
              const p = n.canvasToDOM(n.getPositions([ids[0]])[ids[0]]);
              return {x: box.left + p.x, y: box.top + p.y}; }""")
            page.mouse.click(top["x"], top["y"])
            page.wait_for_selector("#panel[data-loaded='1']")
            page.screenshot(path=out)
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
