"""Cut a stream into lists of a fixed size (itertools.batched arrives only with Python 3.12)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter), consuming `items` lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
