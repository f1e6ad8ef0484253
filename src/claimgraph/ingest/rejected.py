"""The record a reader yields for a source it could not turn into a Document."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejected:
    """A source that was refused or unreadable, and why (one line for the analyst)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
