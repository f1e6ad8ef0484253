"""A `kill -9` in the middle of a build loses nothing: the same command finishes the job.

The rerun's export must equal an uninterrupted build's export, on SQLite and PostgreSQL.
"""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from claimgraph.store.store import create_db_engine

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 48
# Small batches (one transaction each) so the build is killed with some batches written and
# some not; the kill lands as soon as the first batch is committed.
ENV = dict(os.environ, CLAIMGRAPH_BATCH_SIZE="4")
KILL_TIMEOUT = 240
# Seconds the killed build's fork server and workers get to notice and exit (workers check each second).
ORPHAN_TIMEOUT = 30


def _load_benchmark(name: str):
    spec = importlib.util.spec_from_file_location(f"claimgraph_bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _claimgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "claimgraph", *args]


def _build(corpus: Path, db: str, workers: int = 2) -> list[str]:
    return _claimgraph("build", str(corpus), "--db", db, "--workers", str(workers))


def _export(db: str, out: Path) -> dict:
    subprocess.run(_claimgraph("export", str(out), "--db", db), check=True, env=ENV, capture_output=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    return {key: sorted(value, key=lambda item: json.dumps(item, sort_keys=True)) for key, value in data.items()}


def _map_rows(db: str) -> dict[str, list]:
    engine = create_db_engine(db)
    with engine.connect() as conn:
        rows = {
            "documents": conn.execute(text("SELECT id, source, extracted_with FROM documents ORDER BY id")).all(),
            "mentions": conn.execute(text('SELECT document_id, start, "end", actor, name, type FROM mentions ORDER BY id')).all(),
            "claims": conn.execute(text("SELECT document_id, subject, relation, mode, object, evidence_start "
                                        "FROM claims ORDER BY id")).all(),
        }
    engine.dispose()
    return {key: [tuple(row) for row in value] for key, value in rows.items()}


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                if handle.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.add(pid)
        except OSError:
            continue
    return alive


def _extracted(db: str) -> int:
    engine = create_db_engine(db)
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT count(*) FROM documents WHERE extracted_with IS NOT NULL")) or 0
    except Exception:  # noqa: BLE001  the build has not created the tables yet
        return 0
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _load_benchmark("synthetic").write_corpus(tmp_path_factory.mktemp("corpus"), DOCUMENTS)


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("reference")
    db = str(folder / "reference.db")
    # in one process: the rows must not depend on the worker count either
    subprocess.run(_build(corpus, db, workers=1), check=True, env=ENV, capture_output=True)
    return _map_rows(db), _export(db, folder / "export.json")


def test_local_kill_9_then_rerun_matches_uninterrupted_build(db, corpus, uninterrupted, tmp_path):
    build = subprocess.Popen(_build(corpus, db), env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + KILL_TIMEOUT
    written = 0
    while time.monotonic() < deadline and build.poll() is None:
        written = _extracted(db)
        if written:
            break
        time.sleep(0.05)
    # the fork server holding a pipeline, and its workers
    helpers = set(_load_benchmark("throughput").process_tree(build.pid)) - {build.pid}
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert 0 < written < DOCUMENTS, f"the build was not killed mid-run ({written} documents written)"
    assert helpers, "the build ran no worker processes"
    deadline = time.monotonic() + ORPHAN_TIMEOUT
    while _alive(helpers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(helpers), "processes of the killed build lived on, each holding memory"

    rerun = subprocess.run(_build(corpus, db), env=ENV, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    rows, export = uninterrupted
    assert _map_rows(db) == rows
    assert _export(db, tmp_path / "export.json") == export


@pytest.mark.issue(13)
def test_local_worker_killed_build_says_resume_and_graph_is_built(db, corpus):
    """A worker dying mid-build (the OOM killer, a crash in a native library): one line saying how to
    resume, and the graph is built from the batches stored before it died (it was left empty)."""
    from claimgraph.store import Store

    throughput = _load_benchmark("throughput")
    build = subprocess.Popen(_build(corpus, db), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + KILL_TIMEOUT
    while time.monotonic() < deadline and build.poll() is None and not _extracted(db):
        time.sleep(0.05)
    children = throughput._children()
    # the workers: children of the fork server, itself a child of the build
    workers = [pid for helper in children.get(build.pid, []) for pid in children.get(helper, [])]
    assert workers, "the build ran no worker processes"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = build.communicate(timeout=KILL_TIMEOUT)
    assert build.returncode == 1, stderr
    [line] = [x for x in stderr.splitlines() if x.startswith("error:")]
    assert "run the same command again" in line and "Traceback" not in stderr
    store = Store(db)
    stored = _extracted(db)
    assert 0 < stored < DOCUMENTS
    assert store.graph_is_current() and store.stats()["claim_groups"] > 0
    store.close()
