"""Tests for claimgraph.ingest.warc: HTML response records stream out as Documents."""
from __future__ import annotations

import gzip
import io
import random

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.ingest import Rejected
from claimgraph.ingest.warc import iter_warc
from claimgraph.model import Document
from claimgraph.settings import Settings


def make_page(i: int) -> bytes:
    return (f"<html><head><title>Story {i}</title><meta property='article:published_time' content='2016-0{1 + i % 9}-1{i % 10}'>"
            f"</head><body><article><h1>Story number {i}</h1><p>Officials in province {i} said on Monday that "
            f"a convoy carrying aid number {i} had been stopped at a checkpoint by armed men.</p><p>The convoy "
            f"was later allowed to continue after talks with local elders, a spokesman said.</p></article></body></html>").encode()


def write_warc(path, records, *, gzip_records=True) -> None:
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        for url, body, content_type, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-07-17T10:00:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("gzip_records", [True, False])
def test_warc_html_records_become_documents(tmp_path, gzip_records):
    path = tmp_path / ("a.warc.gz" if gzip_records else "a.warc")
    write_warc(path, [
        ("http://example.com/1", make_page(1), "text/html; charset=utf-8", "200 OK"),
        ("http://example.com/logo.png", b"\x89PNG....", "image/png", "200 OK"),
        ("http://example.com/missing", make_page(9), "text/html", "404 Not Found"),
        ("http://example.com/2", make_page(2), "text/html", "200 OK"),
    ], gzip_records=gzip_records)
    items = list(iter_warc(str(path), settings=Settings()))
    assert [type(item) for item in items] == [Document, Document, Rejected]
    # what was skipped is said once, at the end (#13)
    assert items.pop().reason == "2 records that are not pages skipped (image/png: 1, HTTP 404: 1)"
    assert [d.url for d in items] == ["http://example.com/1", "http://example.com/2"]
    assert all(d.retrieved == "2024-07-17" for d in items)
    assert items[0].published == "2016-02-11" and items[0].date_source == "metadata"
    assert all(d.source == str(path) for d in items)


def test_warc_truncated_keeps_records_read_then_rejects(tmp_path):
    full = tmp_path / "full.warc.gz"
    write_warc(full, [(f"http://example.com/{i}", make_page(i), "text/html", "200 OK") for i in range(3)])
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 100])
    items = list(iter_warc(str(cut), settings=Settings()))
    assert [type(item) for item in items] == [Document, Document, Rejected]
    assert "truncated" in items[-1].reason and items[-1].source == str(cut)


def test_warc_streams_lazily(tmp_path):
    path = tmp_path / "many.warc.gz"
    write_warc(path, [(f"http://example.com/{i}", make_page(i), "text/html", "200 OK") for i in range(50)])
    iterator = iter_warc(str(path), settings=Settings())
    first = next(iterator)
    assert isinstance(first, Document) and first.url == "http://example.com/0"
    iterator.close()


@pytest.mark.issue(13)
@pytest.mark.parametrize("gzip_records", [True, False])
def test_warc_record_over_limit_skipped_and_archive_goes_on(tmp_path, gzip_records):
    path = tmp_path / ("big.warc.gz" if gzip_records else "big.warc")
    write_warc(path, [("http://example.com/1", make_page(1), "text/html", "200 OK"),
                      ("http://example.com/big", b"<p>" + b"a " * 200_000 + b"</p>", "text/html", "200 OK"),
                      ("http://example.com/video", b"\0" * 300_000, "video/mp4", "200 OK"),
                      ("http://example.com/2", make_page(2), "text/html", "200 OK")], gzip_records=gzip_records)
    items = list(iter_warc(str(path), settings=Settings(max_bytes=50_000)))
    assert [type(item) for item in items] == [Document, Rejected, Rejected, Document]
    assert [d.url for d in items if isinstance(d, Document)] == ["http://example.com/1", "http://example.com/2"]
    assert [item.source for item in items if isinstance(item, Rejected)] == [
        f"{path} (record http://example.com/big)", f"{path} (record http://example.com/video)"]
    assert all("over the 50,000 byte limit: skipped" in item.reason for item in items if isinstance(item, Rejected))


@pytest.mark.issue(13)
def test_warc_gzip_bomb_page_skipped_and_next_record_kept(tmp_path):
    """A page sent gzip-encoded: its record is small, its payload inflates past the limit. It is
    refused on its own; it used to be taken for a truncated archive, dropping the page after it."""
    path = tmp_path / "bomb.warc.gz"
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        # words that inflate ~8x: the record (~40 KB) is under the limit, its page (~330 KB) is not
        rng = random.Random(1)
        words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi".split()
        bomb = gzip.compress(b"<html><body><p>" + " ".join(rng.choice(words) for _ in range(50_000)).encode()
                             + b"</p></body></html>")
        assert len(bomb) < 50_000
        pages = [("http://example.com/bomb", bomb, [("Content-Encoding", "gzip")]),
                 ("http://example.com/2", make_page(2), [])]
        for url, body, extra in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *extra], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    items = list(iter_warc(str(path), settings=Settings(max_bytes=50_000)))
    assert [type(item) for item in items] == [Rejected, Document]
    assert "over the 50,000 byte limit" in items[0].reason and items[1].url == "http://example.com/2"
