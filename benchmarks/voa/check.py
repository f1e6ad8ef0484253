"""Check VOA annotation batches against GUIDELINES.md: format, kinds, relations, verbatim quotes.

usage: python benchmarks/voa/check.py benchmarks/voa/annotations/*.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from claimgraph.relations import load_ontology

HERE = Path(__file__).resolve().parent
STORIES = HERE.parents[1].parent / "shared" / "corpus" / "voa" / "voa_stories.jsonl"
KINDS = {"named", "descriptive", "generic_force", "civilians", "title_role", "unit", "counted_group"}
# the ontology's relations (data/relations.yaml), and NONE for a pair with no relation
RELATIONS = set(load_ontology().relations) | {"NONE"}


def load_stories(path: Path = STORIES) -> dict[str, dict]:
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in map(json.loads, handle)}


def problems(record: dict, stories: dict[str, dict]) -> list[str]:
    story = stories.get(record.get("id"))
    if story is None:
        return [f"unknown story id {record.get('id')!r}"]
    found = []
    for n, pair in enumerate(record.get("pairs", [])):
        where = f"story {record['id']} pair {n}"
        for side in ("a", "b"):
            names = pair.get(side)
            if not isinstance(names, list) or not names or not all(isinstance(x, str) and x for x in names):
                found.append(f"{where}: {side} must be a non-empty list of names")
            if pair.get(f"{side}_kind") not in KINDS:
                found.append(f"{where}: {side}_kind {pair.get(f'{side}_kind')!r} is not one of {sorted(KINDS)}")
        if pair.get("relation") not in RELATIONS:
            found.append(f"{where}: relation {pair.get('relation')!r} unknown")
        if pair.get("relation") != "NONE":
            if pair.get("polarity") not in ("affirmed", "negated"):
                found.append(f"{where}: polarity must be affirmed or negated")
            if pair.get("certainty") not in ("asserted", "hedged"):
                found.append(f"{where}: certainty must be asserted or hedged")
        if not pair.get("quote") or pair["quote"] not in story["text"]:
            found.append(f"{where}: quote is not a verbatim substring of the story: {pair.get('quote')!r}")
    return found


def main(paths: list[str]) -> int:
    stories = load_stories()
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    print(f"{path}:{line_no}: not JSON: {error}")
                    bad += 1
                    continue
                for problem in problems(record, stories):
                    print(f"{path}:{line_no}: {problem}")
                    bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
