"""The Ray engine: the per-document map as Ray actors, one spaCy pipeline per actor.

Without an address it starts a local Ray cluster sized to `workers` CPUs and stops it
afterwards; with `--address` (e.g. `ray://head:10001` or `auto`) it joins an existing
cluster, where every node needs claimgraph and the model installed (docs/scale.md).
Batches go round-robin to the actors with a bounded window and come back in input
order; the driver writes them, one transaction per batch, as the local engine does.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import EngineError
from ..model import Document, Extraction

log = logging.getLogger(__name__)

# Batches in flight per actor (same reasoning as the local engine's window).
WINDOW_PER_ACTOR = 2


def _import_ray():
    # No usage reports leave the machine (many users work offline or air-gapped).
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as err:
        raise EngineError("the Ray engine needs Ray: pip install 'claimgraph[ray]'") from err
    return ray


class _Extractor:
    """Actor body: holds one loaded pipeline and runs the task on batches."""

    def __init__(self, task):
        self.task = task
        self.state = task.load()

    def run(self, documents: list[Document]) -> list[Extraction]:
        return self.task.run(self.state, documents)


class RayEngine:
    """Map batches of documents over `workers` Ray actors (default: every CPU of the cluster)."""

    name = "ray"

    def __init__(self, task, *, workers: int | None, address: str | None = None):
        self.task = task
        self.workers = workers
        self.address = address
        self._ray = None
        self._started_cluster = False
        self._actors: list = []

    def __enter__(self) -> "RayEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        ray = self._ray
        if ray is None:
            return
        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
        if self._started_cluster:
            ray.shutdown()
        self._ray = None

    def start(self) -> None:
        """Start or join the cluster and create the actors, which load their models; once."""
        if self._ray is not None:
            return
        ray = self._ray = _import_ray()
        try:
            if self.address:
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
            elif not ray.is_initialized():
                ray.init(num_cpus=self.workers, include_dashboard=False, logging_level=logging.WARNING,
                         log_to_driver=False)
                self._started_cluster = True
        except Exception as err:  # noqa: BLE001  Ray raises many kinds: connection, runtime, value
            raise EngineError(f"cannot start or join a Ray cluster at {self.address or 'local'}: {err}") from err
        count = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor_class = ray.remote(num_cpus=1)(_Extractor)
        self._actors = [actor_class.remote(self.task) for _ in range(count)]
        log.info("started %d Ray actors on %s", count, self.address or "a local cluster")

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Extraction]]:
        """Extractions for each batch, in input order; Ray starts only when there is a batch."""
        window: deque = deque()
        try:
            for index, batch in enumerate(batches):
                self.start()
                actor = self._actors[index % len(self._actors)]
                window.append(actor.run.remote(batch))
                if len(window) >= len(self._actors) * WINDOW_PER_ACTOR:
                    yield self._get(window.popleft())
            while window:
                yield self._get(window.popleft())
        finally:
            window.clear()

    def _get(self, ref) -> list[Extraction]:
        ray = self._ray
        try:
            return ray.get(ref)
        except ray.exceptions.RayTaskError as err:
            raise err.as_instanceof_cause() from None  # the extraction's own error, as if local
        except ray.exceptions.RayError as err:
            raise EngineError(f"a Ray actor failed ({err}); the batches already written are kept: "
                              f"run the same command again to finish") from err
