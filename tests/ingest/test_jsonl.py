"""Tests for claimgraph.ingest.jsonl: one article per line, bad lines rejected by number."""
from __future__ import annotations

import json

import pytest

from claimgraph.ingest import Rejected
from claimgraph.ingest.jsonl import get_iso_date, iter_jsonl
from claimgraph.model import Document

TEXT = "The army said on Friday that it had arrested three suspects in connection with the bombing."


def test_jsonl_records_become_documents():
    lines = [json.dumps({"text": TEXT, "url": "https://x.example/a", "title": "Arrests", "published": "2020-05-01T09:00:00Z"}),
             "not json", json.dumps({"title": "no text"}), json.dumps({"text": TEXT + " Again.", "outlet": "Wire"})]
    items = list(iter_jsonl("\n".join(lines), "a.jsonl"))
    assert [type(i) for i in items] == [Document, Rejected, Rejected, Document]
    first = items[0]
    assert (first.text, first.url, first.title, first.published, first.date_source) == (
        TEXT, "https://x.example/a", "Arrests", "2020-05-01", "metadata")
    assert items[1].source == "a.jsonl:2" and items[2].source == "a.jsonl:3"
    assert items[3].outlet == "Wire"


@pytest.mark.parametrize("value,expected", [
    ("2020-05-01", "2020-05-01"), ("2020-05-01T09:00:00+02:00", "2020-05-01"), ("May 1, 2020", "2020-05-01"),
    ("yesterday", None), (None, None), (20200501, None),
])
def test_jsonl_iso_date(value, expected):
    assert get_iso_date(value) == expected
