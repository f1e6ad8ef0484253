"""Engines that run the per-document map: local worker processes or Ray actors (docs/scale.md)."""
from __future__ import annotations

import os

from ..errors import EngineError
from .local import LocalEngine
from .task import ExtractTask

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "ExtractTask", "LocalEngine", "open_engine"]


def open_engine(name: str, task, *, workers: int | None = None, address: str | None = None):
    """An engine (a context manager with `map(batches)`) by name.

    Args:
        name: "local" (processes on this machine) or "ray".
        task: what each worker runs, e.g. ExtractTask(model).
        workers: processes or actors; None means every core (local) or every CPU of the cluster (ray).
        address: Ray cluster address; only for the ray engine.
    Returns:
        A LocalEngine or RayEngine, not yet started (it starts on the first batch).
    """
    if name == "local":
        if address:
            raise EngineError("--address only applies to --engine ray")
        return LocalEngine(task, workers=workers or os.cpu_count() or 1)
    if name == "ray":
        from .ray import RayEngine

        return RayEngine(task, workers=workers, address=address)
    raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
