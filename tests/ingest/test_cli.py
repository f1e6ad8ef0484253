"""Tests for the ingest commands of claimgraph.cli: `ingest` then `documents` (issue #3)."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from claimgraph.cli import app

ARTICLE = ("Troops clashed with militants near the dam on Saturday, the interior ministry said.\n\n"
           "Two militants were killed and a soldier was wounded, according to the statement.\n")


def test_cli_documents_lists_ingested(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Clashes near the dam\nThe Valley Herald | June 3, 2022\n" + ARTICLE)
    (sources / "bad.bin").write_bytes(b"\0\1\2\3")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(sources), "--db", db, "--offline"])
    assert result.exit_code == 0, result.output
    assert "bad.bin" in result.output and "rejected 1" in result.output
    result = runner.invoke(app, ["documents", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)
    assert (row["outlet"], row["published"], row["date_source"]) == ("The Valley Herald", "2022-06-03", "dateline")
    assert row["length"] > 50 and row["duplicate_of"] is None
