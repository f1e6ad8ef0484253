"""Peak memory of a build with and without one 990 KB document (#13).

A 990 KB text is just under spaCy's 1,000,000-character limit; parsed whole it took 44 s and
3.3 GB in one worker. claimgraph now parses texts over 100,000 characters section by section
(src/claimgraph/extract/sections.py). This builds, each in a fresh process and into an empty
SQLite file, a base corpus of Voice of America stories (public domain, credit voanews.com), then
the same corpus plus one 990 KB article made of other VOA stories
(tests/fixtures/hostile_large.py), and prints the peak memory of each build's process tree
(sampled as in throughput.py) and the ratio. The acceptance line: ratio <= 1.5.

    python benchmarks/long_document.py                 # workers 1 and 2, ~4 min on 2 cores
    python benchmarks/long_document.py --workers 1 --chars 990000
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


throughput = _load("claimgraph_bench_throughput", HERE / "throughput.py")
large = _load("claimgraph_bench_hostile_large", ROOT / "tests" / "fixtures" / "hostile_large.py")


def write_corpora(folder: Path, chars: int) -> tuple[Path, Path]:
    """base/: the second half of the VOA stories, one file each; long/: the same plus one article
    of `chars` characters made of the first half."""
    stories = large.voa_stories()
    half = len(stories) // 2
    base, long = folder / "base", folder / "long"
    for corpus in (base, long):
        corpus.mkdir(parents=True)
        for number, story in enumerate(stories[half:]):
            (corpus / f"{number:03d}.txt").write_text(f"{story['title']}\n\n{story['text']}\n", encoding="utf-8")
    (long / "long_article.txt").write_text(large.long_article(stories[:half], chars), encoding="utf-8")
    return base, long


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2", help="worker counts to try (comma-separated)")
    parser.add_argument("--chars", type=int, default=990_000, help="length of the long article")
    parser.add_argument("--child", nargs=3, metavar=("CORPUS", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    from claimgraph.settings import get_settings

    model = get_settings().model
    if args.child:
        corpus, db, workers = args.child
        print(json.dumps(throughput.child_build(Path(corpus), model, "local", int(workers), db)))
        return 0
    print(f"# {datetime.datetime.now().isoformat(timespec='seconds')} {platform.node()} "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, model {model}, long article {args.chars:,} chars")
    print(f"{'workers':>7} {'corpus':>6} {'docs':>5} {'seconds':>8} {'peak RSS MB':>11} {'peak PSS MB':>11}")
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        base, long = write_corpora(Path(tmp), args.chars)
        for workers in [int(w) for w in args.workers.split(",")]:
            peaks = {}
            for label, corpus in (("base", base), ("long", long)):
                db = str(Path(tmp) / f"{label}-{workers}.db")
                command = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), db, str(workers)]
                result, rss, pss = throughput.run_measured(command)
                peaks[label] = pss
                print(f"{workers:>7} {label:>6} {result['documents']:>5} {result['seconds']:>8.1f} "
                      f"{rss / 2**20:>11.0f} {pss / 2**20:>11.0f}")
            ratios.append(peaks["long"] / peaks["base"])
            print(f"{workers:>7} ratio of peak PSS, long / base: {ratios[-1]:.2f}")
    return 0 if all(r <= 1.5 for r in ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
