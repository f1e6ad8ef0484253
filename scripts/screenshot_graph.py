"""Save the README screenshot of the graph view (docs/img/graph.png) from a built database.

Usage: claimgraph build corpus/demo --db demo.db
       .venv/bin/python scripts/screenshot_graph.py demo.db docs/img/graph.png
Needs Debian's chromium (scripts/install-system-deps.sh); touches only 127.0.0.1.
"""
from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from screenshot_views import CHROMIUM_ARGS, serve  # scripts/ is on sys.path when run as a script


def main(db: str, out: str) -> None:
    server, base = serve(db)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/")
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
