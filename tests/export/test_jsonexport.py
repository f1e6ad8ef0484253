"""The JSON export with claims rolled up to top-level entities (claimgraph.export.jsonexport, `export --rollup`)."""
from __future__ import annotations

import json
import subprocess
import sys

from claimgraph.export.jsonexport import build_export
from claimgraph.store import Store


def test_jsonexport_rollup_regroups_unit_claims(workbench_db):
    plain = build_export(Store(workbench_db))
    rolled = build_export(Store(workbench_db), rollup=True)
    assert not any("rolled_up_from" in c for c in plain["claims"])
    assert all("rolled_up_from" in c for c in rolled["claims"])
    ends = {(c["subject"], c["relation"], c["object"]) for c in rolled["claims"]}
    assert ("e-sinaloa", "ASSAULT", "e-gulf") in ends and ("e-sinaloa", "ASSAULT", "e-mexico") in ends
    assert not any("e-chapitos" in (s, o) for s, _, o in ends)
    plain_ids = {c["id"] for c in plain["claims"]}
    assert all(set(c["rolled_up_from"]) <= plain_ids for c in rolled["claims"])
    assert len(rolled["claims"]) < len(plain["claims"])


def test_jsonexport_cli_rollup(workbench_db, tmp_path):
    out = tmp_path / "rolled.json"
    run = subprocess.run([sys.executable, "-m", "claimgraph", "export", "--db", workbench_db, "--rollup", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert any(c["rolled_up_from"] for c in json.loads(out.read_text())["claims"])
    bad = subprocess.run([sys.executable, "-m", "claimgraph", "export", "--db", workbench_db, "--rollup",
                          "-f", "csv", str(tmp_path / "x")], capture_output=True, text=True)
    assert bad.returncode != 0 and "--rollup" in bad.stdout + bad.stderr
