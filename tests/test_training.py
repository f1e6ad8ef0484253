"""The shipped relation model is what its training script gives (#15): reproducible from the repo."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_training_reproduces_the_shipped_relation_model():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "voa" / "train_relations.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "reproduced" in done.stdout
