"""Shared fixtures: the only place they live (STYLE.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEMO = ROOT / "corpus" / "demo"


@pytest.fixture
def db_path(tmp_path) -> str:
    """A fresh SQLite file for one test."""
    return str(tmp_path / "test.db")
