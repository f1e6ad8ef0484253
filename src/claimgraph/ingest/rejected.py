"""The record a reader yields for a source it could not turn into a Document."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A reason is one short line: third-party messages may carry newlines or raw bytes.
MAX_REASON_CHARS = 300
_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class Rejected:
    """A source that was refused or unreadable, and why (one line for the analyst)."""

    source: str
    reason: str

    def __post_init__(self) -> None:
        reason = " ".join(_UNPRINTABLE_RE.sub(" ", str(self.reason)).split())
        if len(reason) > MAX_REASON_CHARS:
            reason = reason[: MAX_REASON_CHARS - 1] + "…"
        object.__setattr__(self, "reason", reason)

    def __str__(self) -> str:
        source = _UNPRINTABLE_RE.sub("?", self.source)
        return f"{source}: {self.reason}"
