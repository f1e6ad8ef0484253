"""The local engine maps batches over worker processes, in order, with a bounded window."""
from __future__ import annotations

import os
import time

import pytest

from claimgraph.engines import LocalEngine, open_engine
from claimgraph.errors import EngineError
from claimgraph.model import Document, Extraction, Mention

pytestmark = pytest.mark.usefixtures("importable_tests")


class CapitalsTask:
    """A real per-document map on a blank English tokenizer: every capitalised word is a mention.

    The worker's process id is written into `document.retrieved`, so tests can see where it ran;
    `pause` seconds per batch keep one fast worker from taking every batch.
    """

    def __init__(self, pause: float = 0.0):
        self.pause = pause

    def load(self):
        import spacy

        return spacy.blank("en")

    def run(self, nlp, documents):
        time.sleep(self.pause)
        results = []
        for doc, document in zip(nlp.pipe(d.text for d in documents), documents):
            document.retrieved = str(os.getpid())
            mentions = [Mention(document.id, t.idx, t.idx + len(t), t.text, f"a{t.i}", t.text, "other")
                        for t in doc if t.is_title]
            results.append(Extraction(document, mentions))
        return results


class FailingLoadTask(CapitalsTask):
    def load(self):
        raise ValueError("no such model: nowhere")


def _batches(count: int, size: int) -> list[list[Document]]:
    documents = [Document.from_text(f"Report {i} says Alpha met Beta in Gamma {i}.", f"mem://{i}")
                 for i in range(count)]
    return [documents[i:i + size] for i in range(0, count, size)]


@pytest.mark.parametrize("workers", [1, 2])
def test_local_results_in_input_order(workers):
    batches = _batches(40, 3)
    with LocalEngine(CapitalsTask(), workers=workers) as engine:
        results = list(engine.map(iter(batches)))
    assert [[e.document.id for e in r] for r in results] == [[d.id for d in b] for b in batches]
    assert all([m.text for m in e.mentions] == ["Report", "Alpha", "Beta", "Gamma"]
               for r in results for e in r)


def test_local_batches_longer_than_a_slice_come_back_whole_and_in_order():
    from claimgraph.engines.local import WORKER_CHUNK

    batches = _batches(5 * WORKER_CHUNK + 3, 2 * WORKER_CHUNK + 1)  # slices of 8, 8, 1 per batch
    with LocalEngine(CapitalsTask(pause=0.01), workers=2) as engine:
        results = list(engine.map(iter(batches)))
    # whole batches, in order, though their slices were handed out separately (which worker took which
    # slice depends on timing: test_local_two_workers_use_two_processes checks that both work)
    assert [[e.document.id for e in r] for r in results] == [[d.id for d in b] for b in batches]


def test_local_two_workers_use_two_processes():
    with LocalEngine(CapitalsTask(pause=0.05), workers=2) as engine:
        pids = {e.document.retrieved for r in engine.map(iter(_batches(60, 2))) for e in r}
    assert os.getpid() not in {int(p) for p in pids}
    assert len(pids) == 2


def test_local_window_bounds_documents_in_flight():
    pulled = []

    def stream():
        for i, batch in enumerate(_batches(100, 2)):
            pulled.append(i)
            yield batch

    with LocalEngine(CapitalsTask(), workers=2) as engine:
        for done, _ in enumerate(engine.map(stream())):
            # never more than 2 batches per worker ahead of what was consumed
            assert len(pulled) - done <= 2 * 2


def test_local_load_error_reaches_caller():
    with LocalEngine(FailingLoadTask(), workers=2) as engine:
        with pytest.raises(ValueError, match="no such model"):
            list(engine.map(iter(_batches(4, 2))))


def test_local_starts_nothing_without_documents():
    with LocalEngine(FailingLoadTask(), workers=2) as engine:
        assert list(engine.map(iter([]))) == []


@pytest.mark.parametrize("name, kwargs, message", [
    ("spark", {}, "unknown engine"),
    ("local", {"address": "ray://x:10001"}, "--address only applies"),
])
def test_local_open_engine_rejects_bad_options(name, kwargs, message):
    with pytest.raises(EngineError, match=message):
        open_engine(name, CapitalsTask(), **kwargs)


@pytest.mark.parametrize("workers", [1, 2])
def test_local_map_documents_stores_every_batch_in_input_order(db, workers):
    from claimgraph.pipeline import BuildReport, map_documents
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    documents = [d for batch in _batches(25, 25) for d in batch]
    store, report, progress = Store(db), BuildReport(), []
    with open_engine("local", CapitalsTask(), workers=workers) as engine:
        map_documents(iter(documents), engine, store, report, settings=Settings(batch_size=4),
                      on_progress=lambda event, count: progress.append(count))
    assert report.ingested == report.extracted == 25
    assert progress == [4] * 6 + [1]
    stored = [m.document_id for m in store.iter_mentions()]
    assert stored == [d.id for d in documents for _ in range(4)]
    store.close()


def test_local_map_documents_starts_no_worker_without_a_new_document(db):
    from claimgraph.pipeline import BuildReport, map_documents
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    store, report = Store(db), BuildReport()
    with open_engine("local", CapitalsTask(), workers=2) as engine:
        map_documents(iter([]), engine, store, report, settings=Settings(batch_size=4))
        assert engine._pool is None
    assert report.ingested == 0
    store.close()


def _pipelines_loaded_before_the_task() -> int:
    from claimgraph.nlp import shared_nlp

    return shared_nlp.cache_info().hits


def test_local_workers_fork_with_the_configured_pipeline_already_loaded():
    from claimgraph.engines import ExtractTask
    from claimgraph.settings import get_settings

    with open_engine("local", ExtractTask(get_settings().model), workers=2) as engine:
        engine.start()
        # the worker's own task.load() found the pipeline the fork server had loaded
        assert engine._pool.submit(_pipelines_loaded_before_the_task).result() >= 1


def test_local_fork_server_with_its_pipeline_stops_when_the_engine_closes():
    from multiprocessing import forkserver

    with open_engine("local", CapitalsTask(), workers=2) as engine:
        engine.start()
        server = forkserver._forkserver._forkserver_pid
        assert list(engine.map(_batches(3, 3))) and server is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(server, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the fork server (and the pipeline it holds) outlived the engine")
    with open_engine("local", CapitalsTask(), workers=2) as engine:  # a later build starts a new one
        assert len(list(engine.map(_batches(3, 3)))) == 1
