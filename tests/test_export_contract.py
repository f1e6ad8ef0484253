"""End to end on the demo corpus: build, export, validate against the schema, check grounding."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from claimgraph.export import build_export
from claimgraph.export.jsonexport import SCHEMA_PATH
from claimgraph.pipeline import build
from claimgraph.store import Store

DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    report = build([str(DEMO)], db)
    return db, report, build_export(Store(db))


def test_export_contract_validates_against_schema(demo_export):
    _, _, export = demo_export
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.validate(export, schema)


def test_export_contract_every_evidence_is_grounded(demo_export):
    db, _, export = demo_export
    texts = {d.id: d.text for d in Store(db).iter_documents()}
    evidence = [e for claim in export["claims"] for e in claim["evidence"]]
    assert evidence, "the demo corpus must yield claims"
    for e in evidence:
        assert texts[e["document"]][e["start"]:e["end"]] == e["text"]


def test_export_contract_claims_point_at_exported_entities(demo_export):
    _, _, export = demo_export
    ids = {e["id"] for e in export["entities"]}
    for claim in export["claims"]:
        assert claim["subject"] in ids and claim["object"] in ids
        assert claim["subject"] != claim["object"]
        assert claim["origins"] <= claim["documents"] or claim["origins"] <= len(claim["evidence"])


def test_export_contract_rebuild_changes_nothing(demo_export):
    db, report, export = demo_export
    assert report.ingested == 5 and not report.rejected
    again = build([str(DEMO)], db)
    assert again.ingested == 0 and again.unchanged == 5
    assert build_export(Store(db)) == export


def test_export_contract_bad_file_is_reported_and_the_rest_is_kept(demo_export, tmp_path):
    db, _, export = demo_export
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 50)
    report = build([str(bad)], db)
    assert len(report.rejected) == 1 and "broken.html" in report.rejected[0]
    assert "\n" not in report.rejected[0]
    assert build_export(Store(db)) == export
