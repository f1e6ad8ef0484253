"""Ingest: files, folders, URLs, WARCs, feeds and JSONL in; clean Documents (or Rejected) out.

See docs/ingest.md.
"""
from .dedup import NearDuplicateIndex
from .rejected import Rejected
from .sources import iter_sources

__all__ = ["NearDuplicateIndex", "Rejected", "iter_sources"]
