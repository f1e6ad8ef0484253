"""Time extraction against the bare spaCy pipeline on the same texts, in one run (issue #4).

usage: python benchmarks/extract_overhead.py [FOLDER ...] [--repeat N]

Prints seconds for (1) the bare model's nlp.pipe, (2) claimgraph's pipeline (gazetteer ruler and entity
fixes) with extract_document on every doc, and the overhead of (2) over (1).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimgraph.extract import extract_document
from claimgraph.model import Document
from claimgraph.nlp import load_nlp
from claimgraph.settings import get_settings

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--repeat", type=int, default=5, help="pass over the texts this many times")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the fastest is reported")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8", errors="replace") for folder in args.folders
             for p in sorted(Path(folder).iterdir()) if p.is_file()]
    texts = texts * args.repeat
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(get_settings().model)
    ours = load_nlp()
    list(bare.pipe(texts[:2]))
    list(ours.pipe(texts[:2]))  # warm both (lexicon and gazetteer loading is not what we measure)
    documents = [Document.from_text(text, source=f"{i}.txt") for i, text in enumerate(texts)]
    bare_runs, ours_runs, extract_runs = [], [], []
    for _ in range(args.rounds):  # alternate and keep the fastest round: the machine is shared and noisy
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=32):
            pass
        bare_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        claims, extract_s = 0, 0.0
        for document, doc in zip(documents, ours.pipe(texts, batch_size=32)):
            tick = time.perf_counter()
            claims += len(extract_document(doc, document).claims)
            extract_s += time.perf_counter() - tick
        ours_runs.append(time.perf_counter() - start)
        extract_runs.append(extract_s)
    bare_s, ours_s, extract_s = min(bare_runs), min(ours_runs), min(extract_runs)
    print(f"{len(texts)} texts, {words} words; bare spaCy {bare_s:.2f}s ({words / bare_s:.0f} words/s); "
          f"claimgraph nlp + extract {ours_s:.2f}s ({words / ours_s:.0f} words/s, {claims} claims); "
          f"overhead {100 * (ours_s / bare_s - 1):.1f}% (extract_document alone {extract_s:.2f}s, "
          f"{100 * extract_s / bare_s:.1f}% of bare spaCy)")


if __name__ == "__main__":
    main()
