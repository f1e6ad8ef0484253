"""The Ray engine maps batches over actors on a local Ray cluster, in order."""
from __future__ import annotations

import os

import pytest

from claimgraph.engines import open_engine
from claimgraph.model import Document, Extraction, Mention

pytest.importorskip("ray", reason="the Ray engine needs the `ray` extra")
pytestmark = pytest.mark.usefixtures("importable_tests")


class CapitalsTask:
    """Every capitalised word is a mention; the actor's process id goes into `document.retrieved`."""

    def load(self):
        import spacy

        return spacy.blank("en")

    def run(self, nlp, documents):
        results = []
        for doc, document in zip(nlp.pipe(d.text for d in documents), documents):
            document.retrieved = str(os.getpid())
            mentions = [Mention(document.id, t.idx, t.idx + len(t), t.text, f"a{t.i}", t.text, "other")
                        for t in doc if t.is_title]
            results.append(Extraction(document, mentions))
        return results


class BrokenRunTask(CapitalsTask):
    def run(self, nlp, documents):
        raise ValueError(f"cannot extract {len(documents)} documents")


def _batches(count: int, size: int) -> list[list[Document]]:
    documents = [Document.from_text(f"Report {i} says Alpha met Beta in Gamma {i}.", f"mem://{i}")
                 for i in range(count)]
    return [documents[i:i + size] for i in range(0, count, size)]


def test_ray_results_in_input_order_on_two_actors():
    batches = _batches(30, 3)
    with open_engine("ray", CapitalsTask(), workers=2) as engine:
        results = list(engine.map(iter(batches)))
    assert [[e.document.id for e in r] for r in results] == [[d.id for d in b] for b in batches]
    assert all([m.text for m in e.mentions] == ["Report", "Alpha", "Beta", "Gamma"]
               for r in results for e in r)
    pids = {e.document.retrieved for r in results for e in r}
    assert len(pids) == 2 and str(os.getpid()) not in pids


def test_ray_task_error_reaches_caller():
    with open_engine("ray", BrokenRunTask(), workers=1) as engine:
        with pytest.raises(ValueError, match="cannot extract 2 documents"):
            list(engine.map(iter(_batches(4, 2))))
