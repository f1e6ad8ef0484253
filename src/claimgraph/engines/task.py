"""The per-document map as a picklable task: load the spaCy pipeline once, then extract batches."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Extraction


@dataclass(frozen=True)
class ExtractTask:
    """What every worker (process or Ray actor) runs: `run(load(), documents)` per batch.

    Engines only need `load()` (called once per worker) and `run(state, documents)`
    (called per batch, returning one Extraction per document, in order), so any object
    with these two methods that pickles can be mapped the same way.
    """

    model: str

    def load(self):
        from ..nlp import shared_nlp

        return shared_nlp(self.model)

    def run(self, nlp, documents: list[Document]) -> list[Extraction]:
        from ..extract.batch import extract_batch

        return extract_batch(nlp, documents)
