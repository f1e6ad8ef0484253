"""The accuracy gate (#15): pinned minimum scores on the demo seeds, the PLOVER reference records and
the held-out VOA stories, each against a gold file whose hash is pinned too, as trafilatura pins its
own benchmark. A drop below a pin fails CI; a gold file that changed fails until its hash and the
pins are updated on purpose (benchmarks/accuracy.json, docs/evaluation.md).

The scorers are the shared ones (../shared/eval/score.py, events.py), run as scripts, and the
project's pair scorer (claimgraph.evaluate_pairs). Nothing here tunes anything: it only measures.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from claimgraph.evaluate import build_and_export
from claimgraph.evaluate_pairs import load_gold, score_pairs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PINS = json.loads((ROOT / "benchmarks" / "accuracy.json").read_text(encoding="utf-8"))
MINIMUM = PINS["minimum"]

pytestmark = pytest.mark.slow


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("relative", sorted(PINS["gold_sha256"]))
def test_accuracy_gold_is_the_pinned_one(relative):
    path = (ROOT / relative).resolve()
    assert path.is_file(), f"{relative}: the gold file is missing"
    assert _sha256(path) == PINS["gold_sha256"][relative], (
        f"{relative} changed: rescore, then update benchmarks/accuracy.json and docs/evaluation.md together")


def _scored(script: str, gold: Path, export: dict, *extra: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(json.dumps(export), encoding="utf-8")
        done = subprocess.run([sys.executable, str(SHARED / "eval" / script), str(gold), str(path), *extra, "--json"],
                              capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_accuracy_seeds_hold(tmp_path):
    corpus = SHARED / "corpus" / "seeds"
    result = _scored("score.py", SHARED / "eval" / "seeds.gold.json", build_and_export([str(corpus)]),
                     "--corpus", str(corpus))
    lenient, entities = result["relations"]["lenient"], result["entities"]
    pins = MINIMUM["seeds"]
    assert lenient["f1"] >= pins["lenient_f1"], lenient
    assert entities["recall"] >= pins["entities_recall"] and entities["split"] == 0 and entities["conflated"] == 0, \
        entities
    assert result["evidence"]["grounded"] == result["evidence"]["total"]


def test_accuracy_plover_records_hold():
    result = _scored("events.py", SHARED / "eval" / "plover" / "gold.json",
                     build_and_export([str(SHARED / "eval" / "plover" / "corpus")]))
    pins = MINIMUM["plover"]
    assert result["found"] >= pins["found"] and result["coded"] >= pins["coded"], \
        {k: result[k] for k in ("found", "coded")}


def test_accuracy_voa_heldout_holds(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks" / "voa"))
    try:
        from evaluate import split_ids, stories_file
    finally:
        sys.path.pop(0)
    gold = load_gold(sorted((ROOT / "benchmarks" / "voa" / "annotations").glob("heldout-*.jsonl")),
                     split_ids("heldout"))
    score = score_pairs(gold, build_and_export([stories_file(set(gold), str(tmp_path))]))
    pins = MINIMUM["voa_heldout"]
    assert score.precision >= pins["precision"] and score.recall >= pins["recall"], score.line()


def test_accuracy_written_battery_holds(nlp):
    """benchmarks/battery: sentences about conflicts the rules were not written on (README.md there)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("battery_score", ROOT / "benchmarks" / "battery" / "score.py")
    battery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(battery)
    from claimgraph.relations import load_ontology

    relations = frozenset(load_ontology().relations)
    total = battery.totals([battery.score_sentence(nlp, row, relations) for row in battery.read_rows()])["all"]
    pins = MINIMUM["battery"]
    assert total["found"] / total["required"] >= pins["recall"], total
    assert total["right"] / total["sentences"] >= pins["sentences_right"], total
    assert total["wrong"] <= pins["most_wrong_claims"], total
