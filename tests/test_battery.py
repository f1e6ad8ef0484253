"""benchmarks/battery: the written sentences are well formed and the scorer reads a real extraction."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claimgraph.relations import load_ontology

BATTERY = Path(__file__).resolve().parents[1] / "benchmarks" / "battery"


def _scorer():
    spec = importlib.util.spec_from_file_location("battery_score", BATTERY / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROWS = [json.loads(line) for line in (BATTERY / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if line]
RELATIONS = frozenset(load_ontology().relations)


def test_battery_rows_are_well_formed():
    assert len(ROWS) == 3330 and len({r["id"] for r in ROWS}) == 3330
    assert {r["set"] for r in ROWS} == {f"b{n}" for n in range(1, 38)}
    assert {r["style"] for r in ROWS} == {"press", "event", "news"}
    parse = _scorer().parse_expectation
    for row in ROWS:
        for line in row["expect"]:
            _optional, subject, relations, obj = parse(line, RELATIONS)
            assert subject[0] and obj[0] and relations <= RELATIONS, (row["id"], line)


def test_battery_expectation_without_a_relation_is_refused():
    with pytest.raises(StopIteration):
        _scorer().parse_expectation("Kenya attacked Somalia", RELATIONS)


@pytest.mark.slow
def test_battery_scores_one_sentence(nlp):
    row = {"id": "t-1", "set": "t", "style": "event", "text": "Police clashed with gang members in Nairobi.",
           "expect": ["police ASSAULT gang/gang members", "?gang ASSAULT police", "police ASSAULT Nairobi"]}
    result = _scorer().score_sentence(nlp, row, RELATIONS)
    assert result["required"] == 2 and result["found"] == 1
    assert result["missed"] == ["police ASSAULT Nairobi"] and result["wrong"] == []
