"""Generate a synthetic news corpus of any size by recombining hand-written sentence templates.

Document i is the same whatever the corpus size (its own seeded generator), so a 1k
corpus is the first thousand documents of a 10k one. Runs as a script too:

    python benchmarks/synthetic.py OUT_FOLDER COUNT
"""
from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent / "corpus"
# Sentences per document: 8-16 gives 150-300 words, the length of a short wire story.
MIN_SENTENCES, MAX_SENTENCES = 8, 16
# Sentences per paragraph, so the text has paragraph breaks like an article.
PARAGRAPH = 3


def load_templates() -> tuple[list[str], dict[str, list[str]]]:
    lines = (CORPUS / "synthetic_sentences.txt").read_text(encoding="utf-8").splitlines()
    templates = [line for line in lines if line.strip() and not line.startswith("#")]
    slots = yaml.safe_load((CORPUS / "synthetic_slots.yaml").read_text(encoding="utf-8"))
    return templates, slots


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    values = {name: rng.choice(options) for name, options in slots.items()}
    if values["group2"] == values["group"]:
        values["group2"] = slots["group2"][0]
    sentence = template.format(**values)
    return sentence[0].upper() + sentence[1:]


def make_document(index: int, templates: list[str], slots: dict[str, list[str]], *, seed: int = 0) -> str:
    """The text of document `index`: a title line, then paragraphs of filled templates."""
    rng = random.Random(f"{seed}:{index}")
    sentences = [_fill(rng.choice(templates), slots, rng)
                 for _ in range(rng.randint(MIN_SENTENCES, MAX_SENTENCES))]
    title = f"Report {index}: " + sentences[0].split(",")[0].rstrip(".")
    paragraphs = [" ".join(sentences[i:i + PARAGRAPH]) for i in range(0, len(sentences), PARAGRAPH)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def iter_documents(count: int, *, seed: int = 0) -> Iterator[str]:
    templates, slots = load_templates()
    for index in range(count):
        yield make_document(index, templates, slots, seed=seed)


def write_corpus(folder: str | Path, count: int, *, seed: int = 0) -> Path:
    """Write `count` documents as numbered .txt files into `folder` (streaming; returns it)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for index, text in enumerate(iter_documents(count, seed=seed)):
        (folder / f"{index:07d}.txt").write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    write_corpus(sys.argv[1], int(sys.argv[2]))
