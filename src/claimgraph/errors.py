"""The exception tree (one root) of claimgraph.

Messages say what was expected, what was found, and how to fix it. The CLI
prints them on one line; the library never prints.
"""
from __future__ import annotations


class ClaimgraphError(Exception):
    """Root of every error claimgraph raises on purpose."""


class DataFileError(ClaimgraphError):
    """A shipped data file (lexicon, gazetteer, pattern) is malformed."""


class ModelNotFoundError(ClaimgraphError):
    """The configured spaCy model is not installed."""


class IngestError(ClaimgraphError):
    """A source could not be read or parsed; the message names the source."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class FetchError(IngestError):
    """A URL was refused or could not be fetched."""


class StoreError(ClaimgraphError):
    """The database could not be opened or written."""


class ReviewError(ClaimgraphError):
    """A review names an unknown action, target or payload."""


class EngineError(ClaimgraphError):
    """A map engine (worker processes, Ray) could not start or lost a worker."""


class FilterError(ClaimgraphError):
    """A filter value (query parameter) is malformed: the web app answers 400 with the message."""


class ExportError(ClaimgraphError):
    """An export could not be written or came out invalid; nothing was left at its path."""
