"""Metadata for plain text (#12): --outlet/--published, sidecars, CSV with column mapping, outlets stated in text."""
from __future__ import annotations

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest import Rejected, iter_sources
from claimgraph.ingest.csvfile import parse_column_mapping
from claimgraph.ingest.metadata import find_stated_outlet, parse_published
from claimgraph.model import Document
from claimgraph.settings import Settings

ARTICLE = ("Rebels shelled the airport on Thursday, damaging a runway and forcing flights to be diverted, "
           "the transport ministry said.\n\nNo casualties were reported, officials added.\n")


def _documents(items) -> dict[str, Document]:
    return {item.source: item for item in items if isinstance(item, Document)}


@pytest.mark.issue(12)
def test_metadata_given_outlet_and_date_apply_to_every_plain_text_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Thursday", "Friday"))
    settings = Settings(offline=True, outlet="Example Wire", published="2019-03-02")
    documents = _documents(iter_sources([str(tmp_path)], settings=settings))
    assert len(documents) == 2
    assert {d.outlet for d in documents.values()} == {"Example Wire"}
    assert {d.published for d in documents.values()} == {"2019-03-02"}


@pytest.mark.issue(12)
def test_metadata_sidecar_wins_and_is_not_a_document(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.txt.meta.json").write_text('{"outlet": "Daily Bugle", "published": "2018-05-01", '
                                              '"authors": ["Jane Roe"]}')
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Thursday", "Friday"))
    settings = Settings(offline=True, outlet="Example Wire")
    items = list(iter_sources([str(tmp_path)], settings=settings))
    documents = _documents(items)
    assert set(documents) == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}  # the sidecar is no article
    a = documents[str(tmp_path / "a.txt")]
    assert (a.outlet, a.published, a.authors, a.date_source) == ("Daily Bugle", "2018-05-01", ["Jane Roe"], "sidecar")
    assert documents[str(tmp_path / "b.txt")].outlet == "Example Wire"


@pytest.mark.issue(12)
@pytest.mark.parametrize("sidecar, reason", [
    ("{not json", "not a readable JSON object"),
    ('["a"]', "must be a JSON object"),
    ('{"outlet": "X", "colour": "red"}', "unknown sidecar field"),
    ('{"published": "someday"}', "is not a date"),
])
def test_metadata_bad_sidecar_rejects_its_document_naming_the_sidecar(tmp_path, sidecar, reason):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.txt.meta.json").write_text(sidecar)
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Thursday", "Friday"))
    items = list(iter_sources([str(tmp_path)], settings=Settings(offline=True)))
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert len(rejected) == 1 and rejected[0].source == str(tmp_path / "a.txt.meta.json")
    assert reason in rejected[0].reason
    assert list(_documents(items)) == [str(tmp_path / "b.txt")]  # the rest goes on


@pytest.mark.issue(12)
def test_metadata_csv_with_column_mapping(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text('headline,body,pubdate,site,link\n'
                    f'"Airport shelled","{ARTICLE}",2020-01-05,Gazette,https://gazette.example/1\n'
                    '"Empty",,2020-01-06,Gazette,\n')
    settings = Settings(offline=True, csv_columns=parse_column_mapping("text=body,title=headline,date=pubdate,"
                                                                        "outlet=site,url=link"))
    items = list(iter_sources([str(path)], settings=settings))
    documents = [i for i in items if isinstance(i, Document)]
    assert len(documents) == 1
    document = documents[0]
    assert (document.title, document.outlet, document.published, document.url) == (
        "Airport shelled", "Gazette", "2020-01-05", "https://gazette.example/1")
    assert "Rebels shelled the airport" in document.text
    assert [r.source for r in items if isinstance(r, Rejected)] == [f"{path}:row 2"]


@pytest.mark.issue(12)
def test_metadata_csv_without_text_column_is_one_clear_rejection(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text("headline,when\nA,2020-01-01\n")
    items = list(iter_sources([str(path)], settings=Settings(offline=True)))
    assert len(items) == 1 and isinstance(items[0], Rejected)
    assert "no text column" in items[0].reason and "headline" in items[0].reason


@pytest.mark.parametrize("text", ["text", "text=body,colour=red", "title="])
def test_metadata_bad_column_mapping_raises(text):
    if text == "text":
        with pytest.raises(ValueError, match="FIELD=COLUMN"):
            parse_column_mapping(text)
    else:
        with pytest.raises(ValueError):
            parse_column_mapping(text)


@pytest.mark.issue(12)
@pytest.mark.parametrize("text, outlet", [
    ("As I reported here at PJ Media back in June, the group cooperated.", "PJ Media"),
    ("The opinions presented by Algemeiner bloggers are solely theirs.", "Algemeiner"),
    ("The views expressed by Times of Israel contributors are their own.", "Times of Israel"),
    ("Copyright 2017 The Fellowship. All rights reserved.", "The Fellowship"),
    ("© 2016 Middle East Eye", "Middle East Eye"),
    ("This article first appeared on The Conversation.", "The Conversation"),
    ("Officials reported here at the border that the crossing closed.", None),
    ("copyright law was discussed in parliament", None),
])
def test_metadata_outlet_stated_in_text(text, outlet):
    assert find_stated_outlet(text) == outlet


@pytest.mark.issue(12)
def test_metadata_stated_outlet_fills_plain_text_without_one(tmp_path):
    (tmp_path / "a.txt").write_text("Airport shelled\n\n" + ARTICLE + "\nAs I reported here at Foreign Policy, "
                                    "the runway had been hit before.\n")
    document = _documents(iter_sources([str(tmp_path)], settings=Settings(offline=True)))[str(tmp_path / "a.txt")]
    assert document.outlet == "Foreign Policy"


def test_metadata_published_must_be_a_date():
    assert parse_published("2019-03-02", where="--published") == "2019-03-02"
    assert parse_published(None, where="--published") is None
    with pytest.raises(IngestError, match="--published: published date 'yesterday-ish'"):
        parse_published("yesterday-ish", where="--published")


@pytest.mark.issue(12)
def test_metadata_cli_outlet_and_published_are_stored(tmp_path):
    import json

    from typer.testing import CliRunner

    from claimgraph.cli import app

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(ARTICLE)
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path / "src"), "--db", db, "--offline",
                                 "--outlet", "Example Wire", "--published", "2019-03-02"])
    assert result.exit_code == 0, result.output
    row = json.loads(runner.invoke(app, ["documents", "--db", db, "--json"]).output)
    assert (row["outlet"], row["published"], row["date_source"]) == ("Example Wire", "2019-03-02", "given")


@pytest.mark.issue(12)
@pytest.mark.parametrize("option, value, message", [
    ("--published", "next week-ish", "--published: published date 'next week-ish' is not a date"),
    ("--csv-columns", "body", "bad column mapping 'body'"),
])
def test_metadata_cli_bad_value_fails_in_one_line_before_storing(tmp_path, option, value, message):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    (tmp_path / "a.txt").write_text(ARTICLE)
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--offline", option, value])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
    assert not db.exists()


@pytest.mark.issue(12)
@pytest.mark.parametrize("content, reason", [
    ('text,title\n"Rebels shelled the airport","A"\n"a"b"c,B\n', "not valid CSV after line 2"),
    ('text,title\n"unclosed quote,A\0\n', "binary file"),
])
def test_metadata_csv_broken_is_one_clear_rejection_and_stores_nothing(tmp_path, content, reason):
    path = tmp_path / "broken.csv"
    path.write_text(content)
    items = list(iter_sources([str(path)], settings=Settings(offline=True)))
    assert len(items) == 1 and isinstance(items[0], Rejected)  # not even the good first row
    assert items[0].source == str(path) and reason in items[0].reason
