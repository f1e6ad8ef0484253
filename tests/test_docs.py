"""The documentation stays true to the code: CLI reference, relations, export contract."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_current():
    expected = _load_script("make_cli_docs").render_cli_docs()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `python scripts/make_cli_docs.py`"


def test_docs_every_relation_is_documented():
    relations = yaml.safe_load((ROOT / "src" / "claimgraph" / "data" / "relations.yaml").read_text())
    names = relations["relations"]
    text = (ROOT / "docs" / "relations.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in text, f"{name} missing from docs/relations.md"


def test_docs_every_export_format_is_documented():
    text = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8") + \
        (ROOT / "docs" / "json-export.md").read_text(encoding="utf-8")
    for fmt in ("json", "ftm", "graphml", "gexf", "csv"):
        assert fmt in text
