"""Actor-pair accuracy on the annotated VOA stories (held-out split by default).

    python benchmarks/voa/evaluate.py                       # build the held-out stories, score, print
    python benchmarks/voa/evaluate.py --split train --export /tmp/train.json
    python benchmarks/voa/evaluate.py --markdown            # the per-relation table for docs/evaluation.md

The stories are `../shared/corpus/voa/voa_stories.jsonl` (Voice of America, public domain); the
annotations `benchmarks/voa/annotations/*.jsonl` follow `GUIDELINES.md`; `split.json` holds the split.
Scoring rules: `claimgraph.evaluate_pairs`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from claimgraph.evaluate import build_and_export
from claimgraph.evaluate_pairs import load_gold, relation_table, score_pairs

HERE = Path(__file__).resolve().parent
STORIES = HERE.parents[1].parent / "shared" / "corpus" / "voa" / "voa_stories.jsonl"


def split_ids(split: str) -> set[str]:
    table = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    return set(table["heldout"]) | set(table["train"]) if split == "all" else set(table[split])


def stories_file(ids: set[str], folder: str, stories: Path = STORIES) -> str:
    """A JSONL file of the chosen stories (VOA's fields mapped to the reader's)."""
    path = Path(folder) / "voa.jsonl"
    with stories.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for row in map(json.loads, source):
            if row["id"] in ids:
                out.write(json.dumps({"text": row["text"], "title": row["title"], "url": row["url"],
                                      "published": row["published"], "outlet": "Voice of America",
                                      "authors": [a.strip() for a in row.get("author", "").split(",") if a.strip()]},
                                     ensure_ascii=False) + "\n")
    return str(path)


def export_for(ids: set[str], export_path: str | None = None) -> dict:
    if export_path and Path(export_path).exists():
        return json.loads(Path(export_path).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="claimgraph-voa-") as folder:
        export = build_and_export([stories_file(ids, folder)])
    if export_path:
        Path(export_path).write_text(json.dumps(export), encoding="utf-8")
    return export


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("heldout", "train", "all"), default="heldout")
    parser.add_argument("--export", help="JSON export to score (built and written here when missing)")
    parser.add_argument("--markdown", action="store_true", help="print the per-relation table")
    parser.add_argument("--errors", action="store_true", help="list missed pairs and wrong claims")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    gold = load_gold(sorted((HERE / "annotations").glob("*.jsonl")), split_ids(args.split))
    if not gold:
        print(f"no annotated stories in split {args.split}", file=sys.stderr)
        return 1
    score = score_pairs(gold, export_for(set(gold), args.export))
    if args.errors:
        print("\n".join(["missed:", *score.missed, "wrong:", *score.wrong]))
    if args.markdown:
        print(relation_table(score))
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "stories": len(gold), **score.to_dict()},
                                              indent=1), encoding="utf-8")
    print(f"{args.split}: {len(gold)} stories; {score.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
