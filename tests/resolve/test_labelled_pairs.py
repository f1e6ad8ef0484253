"""The labelled name pairs of benchmarks/resolve_cases.csv meet issue #12's bar (a gate, not a tuning set)."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "benchmarks" / "resolve_cases.csv"


def _bench():
    spec = importlib.util.spec_from_file_location("claimgraph_resolve_bench", ROOT / "benchmarks" / "resolve_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.issue(12)
def test_labelled_pairs_cover_regions_scripts_and_adversaries():
    with CASES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert len(rows) >= 300
    assert sum(r["group"] in ("adversary", "near-miss") for r in rows) >= 60
    scripts = {"cyrillic": "\u0400", "arabic": "\u0600", "greek": "\u0370", "hebrew": "\u0590", "han": "\u4e00"}
    seen = {name for name, start in scripts.items()
            if any(start <= c <= chr(ord(start) + 0xff) for r in rows for c in r["name_a"] + r["name_b"])}
    assert len(seen | {"latin"}) >= 5, seen


@pytest.mark.issue(12)
def test_labelled_pairs_pass_the_gate(capsys):
    assert _bench().run_cases(CASES) == 0, capsys.readouterr().out
