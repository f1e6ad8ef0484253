"""CSV export: four tables in a folder or a zip, reviews applied, formulas defused."""
from __future__ import annotations

import csv
import io
import zipfile

import pytest

from claimgraph.export.csv import COLUMNS, write_csv
from claimgraph.store import Store
from claimgraph.store.reviews import record_review


def _read_tables(out) -> dict[str, list[dict]]:
    """Each file read as a spreadsheet would: it must start with the UTF-8 byte-order mark."""
    if str(out).endswith(".zip"):
        with zipfile.ZipFile(out) as archive:
            raw = {n: archive.read(n) for n in archive.namelist()}
    else:
        raw = {p.name: p.read_bytes() for p in out.iterdir()}
    assert all(data.startswith(b"\xef\xbb\xbf") for data in raw.values())
    return {n: list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))) for n, data in raw.items()}


@pytest.mark.parametrize("name", ["tables", "tables.zip"])
def test_csv_writes_four_tables(workbench_db, tmp_path, name):
    out = tmp_path / name
    counts = write_csv(Store(workbench_db), out)
    tables = _read_tables(out)
    assert set(tables) == set(COLUMNS)
    assert {k: len(v) for k, v in tables.items()} == {f"{k}.csv": v for k, v in counts.items()}
    assert list(tables["claims.csv"][0]) == COLUMNS["claims.csv"]
    [aid] = [c for c in tables["claims.csv"] if c["relation"] == "AID"]
    assert aid["subject_name"] == "Sinaloa Cartel" and aid["origins"] == "2"
    evidence = [e for e in tables["evidence.csv"] if e["claim"] == aid["id"]]
    assert {(e["subject_name"], e["relation"], e["mode"], e["object_name"]) for e in evidence} == {
        ("Sinaloa Cartel", "AID", "weapons", "Gulf Clan")}
    texts = [e["text"] for e in evidence]
    assert "The Sinaloa Cartel supplied the Gulf Clan with rifles, Border Post reported." in texts


def test_csv_rejected_left_out_confirmed_marked(workbench_db, tmp_path):
    store = Store(workbench_db)
    groups = {g.relation: g.id for g in store.claim_groups()}
    record_review(store, "reject", groups["CONSULT"], user="analyst")
    record_review(store, "confirm", groups["AID"], user="analyst")
    write_csv(store, tmp_path / "out")
    tables = _read_tables(tmp_path / "out")
    claims = {c["id"]: c for c in tables["claims.csv"]}
    assert groups["CONSULT"] not in claims and claims[groups["AID"]]["review"] == "confirmed"
    assert groups["CONSULT"] not in {e["claim"] for e in tables["evidence.csv"]}


@pytest.mark.parametrize("value, expected", [("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("@SUM", "'@SUM"),
                                             ("plain", "plain"), (None, ""), (["a", "b"], "a; b")])
def test_csv_cells_defuse_formulas(value, expected):
    from claimgraph.export.csv import _cell

    assert _cell(value) == expected


def test_csv_cli_export(workbench_db, tmp_path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    result = CliRunner().invoke(app, ["export", "--db", workbench_db, "-f", "csv", str(tmp_path / "t.zip")])
    assert result.exit_code == 0, result.output
    assert set(zipfile.ZipFile(tmp_path / "t.zip").namelist()) == set(COLUMNS)
