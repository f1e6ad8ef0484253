"""Names of the vendored static files (one place to change on upgrade; see static/README.md)."""
from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).with_name("static")
VIS_JS = "vis-network-9.1.9.min.js"
VIS_CSS = "vis-network-9.1.9.min.css"
APP_CSS = "app.css"
GRAPH_JS = "graph.js"
PICKER_JS = "picker.js"
MAP_JS = "map.js"
LEAFLET_JS = "leaflet-1.9.4.js"
LEAFLET_CSS = "leaflet-1.9.4.css"
WORLD_OUTLINE = "world-110m.json"  # Natural Earth 1:110m countries (scripts/make_world_outline.py)


def read_asset(name: str) -> str:
    """The text of a static file, for inlining into the self-contained report."""
    return (STATIC / name).read_text(encoding="utf-8")
