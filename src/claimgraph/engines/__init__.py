"""Engines that run the per-document map: local worker processes or Ray actors (docs/scale.md)."""
from __future__ import annotations

import os

from ..errors import EngineError
from .local import LocalEngine
from .task import ExtractTask

ENGINES = ("local", "ray")

__all__ = ["ENGINES", "ExtractTask", "LocalEngine", "check_engine", "open_engine"]


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
    check_engine(name, address=address)
    if name == "local":
        return LocalEngine(task, workers=workers or os.cpu_count() or 1)
    from .ray import RayEngine

    return RayEngine(task, workers=workers, address=address)


def check_engine(name: str, *, address: str | None = None) -> None:
    """Raise EngineError for an unknown engine or an option it does not take (before any work)."""
    if name not in ENGINES:
        raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
    if address and name != "ray":
        raise EngineError("--address only applies to --engine ray")
