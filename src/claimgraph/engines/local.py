"""The local engine: the per-document map over N worker processes on this machine.

Each worker process loads the spaCy pipeline once (pool initializer) and runs the
task on slices of a batch (WORKER_CHUNK documents each, one `nlp.pipe` call per slice).
Batches are submitted from a stream with a bounded window (WINDOW_PER_WORKER batches per
worker in flight), so memory stays flat whatever the corpus size, and results come back
in input order, a whole batch at a time, so a build writes exactly the same rows in the
same order whatever the worker count.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver

from ..errors import EngineError
from ..model import Document, Extraction

log = logging.getLogger(__name__)

# Batches in flight per worker: 2 keeps every worker busy while the parent writes the
# previous batch, and bounds memory to 2 x workers x batch size documents.
WINDOW_PER_WORKER = 2

# Modules the fork server imports once, so each worker forks with spaCy imported and the
# configured pipeline loaded (engines/preload.py): seconds saved per worker, memory shared.
PRELOAD = ["spacy", "claimgraph.engines.task", "claimgraph.pipeline", "claimgraph.extract.batch",
           "claimgraph.engines.preload"]

# Documents per task sent to a worker: a batch (settings.batch_size, one store transaction) is
# cut into slices this long. When the corpus runs out, the workers finish together within a
# slice rather than within a batch: with 32 news stories a batch is ~5 s of parsing, and the
# other worker sat idle for half of that on average at the end of every build, and a worker held
# 32 parsed stories at once (#15). 8 news stories are still ~5,000 words per nlp.pipe call.
WORKER_CHUNK = 8

# How often a worker checks that the build that started it is still alive.
PARENT_CHECK_SECONDS = 1.0

# LocalEngines of this process between __enter__ and close() with a fork server running.
_engines_using_fork_server = 0
_fork_server_lock = threading.Lock()

_task = None  # per worker process: the task, what its load() returned, or why it failed
_state = None
_load_error: Exception | None = None


def _init_worker(task, parent: int) -> None:
    global _task, _state, _load_error
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _task = task
    try:
        _state = task.load()
    except Exception as err:  # noqa: BLE001  an initializer that raises only says "broken pool"
        _load_error = err


def _exit_with_parent(parent: int) -> None:
    # A `kill -9`ed build cannot shut its pool down; without this its workers (children of
    # the fork server, not of the build) would live on, each holding a loaded model.
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)


def _fork_server_context():
    # forkserver, not fork: the parent may run threads (progress bar, database driver), and
    # forking a threaded process can deadlock a child.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _stop_unused_fork_server() -> None:
    # The fork server holds a loaded pipeline: stopped, its memory is free for the reduce that
    # follows the map. It takes a moment to exit, which the caller need not wait for, so this
    # runs in a thread, and stops nothing if an engine opened meanwhile. multiprocessing has no
    # public call for it, hence the guarded private one: without it the server lives on until
    # the process exits.
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    with _fork_server_lock:
        if stop is not None and not _engines_using_fork_server:
            stop()


def _ready() -> None:
    """Nothing: submitted once per worker so that each starts, and loads its model, right away."""


def _run_batch(documents: list[Document]) -> list[Extraction]:
    if _load_error is not None:
        raise _load_error
    return _task.run(_state, documents)


class LocalEngine:
    """Map batches of documents over `workers` processes (in this process when workers is 1)."""

    name = "local"

    def __init__(self, task, *, workers: int):
        self.task = task
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._uses_fork_server = False

    def __enter__(self) -> "LocalEngine":
        global _engines_using_fork_server
        if self.workers > 1 and not self._uses_fork_server:
            # The fork server imports spaCy and loads the pipeline (seconds) beside the caller's
            # own start-up; no worker is forked until start().
            _fork_server_context()
            with _fork_server_lock:
                forkserver.ensure_running()
                _engines_using_fork_server += 1
            self._uses_fork_server = True
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers, and the fork server when no other engine of this process uses it."""
        global _engines_using_fork_server
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._uses_fork_server:
            self._uses_fork_server = False
            with _fork_server_lock:
                _engines_using_fork_server -= 1
            threading.Thread(target=_stop_unused_fork_server, name="claimgraph-fork-server-stop",
                             daemon=True).start()

    def start(self) -> None:
        """Start the workers now, while the caller reads the first batch.

        Workers cost a pipeline each (forked from the fork server's, or loaded), so engines start
        only when there is work: on the first batch, or earlier where the caller knows one is
        coming. Starting twice does nothing.
        """
        if self.workers == 1 or self._pool is not None:
            return
        log.info("starting %d worker processes", self.workers)
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_fork_server_context(),
                                         initializer=_init_worker, initargs=(self.task, os.getpid()))
        for _ in range(self.workers):  # the pool forks one process per submitted call
            self._pool.submit(_ready)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        """Extractions for each batch, in input order; nothing starts until the first batch."""
        if self.workers == 1:
            yield from self._map_here(batches)
        else:
            yield from self._map_pool(batches)

    def _map_here(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        state = None
        for batch in batches:
            if state is None:  # loading the model costs seconds: only when there is work
                state = self.task.load()
            yield self.task.run(state, batch)

    def _map_pool(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        window: deque[list[Future]] = deque()  # per batch in flight, the futures of its slices
        limit = self.workers * WINDOW_PER_WORKER
        try:
            for batch in batches:
                self.start()
                window.append([self._pool.submit(_run_batch, batch[i:i + WORKER_CHUNK])
                               for i in range(0, len(batch), WORKER_CHUNK)])
                if len(window) >= limit:
                    yield _joined(window.popleft())
            while window:
                yield _joined(window.popleft())
        except BrokenProcessPool as err:
            raise EngineError(f"a worker process died ({err}); the batches already written are "
                              f"kept: run the same command again to finish") from err
        finally:
            for futures in window:
                for future in futures:
                    future.cancel()


def _joined(futures: list[Future]) -> list[Extraction]:
    """The extractions of a batch's slices, in order."""
    out: list[Extraction] = []
    for future in futures:
        out.extend(future.result())
    return out
