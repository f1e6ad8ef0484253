"""Tests for claimgraph.ingest.sources: files, folders, URLs and URL lists in; Document or Rejected out."""
from __future__ import annotations

import gzip

import pytest

from claimgraph.ingest import Rejected, iter_sources
from claimgraph.model import Document
from claimgraph.settings import Settings

OFFLINE = Settings(offline=True)
ARTICLE = ("Rebels shelled the airport on Thursday, damaging a runway and forcing flights to be diverted, "
           "the transport ministry said.\n\nNo casualties were reported, officials added.\n")
PAGE = ("<!DOCTYPE html><html><head><title>Airport shelled</title></head><body><article><h1>Airport shelled</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")) + "</article></body></html>")


def test_sources_folder_walked_recursively_by_content(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "page.dat").write_text(PAGE)  # HTML with an unhelpful extension
    (tmp_path / "sub" / "deeper" / "b.txt.gz").write_bytes(gzip.compress(ARTICLE.replace("Thursday", "Friday").encode()))
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    (tmp_path / ".hidden").write_text(ARTICLE)
    items = list(iter_sources([str(tmp_path)], settings=OFFLINE))
    by_source = {item.source: item for item in items}
    assert set(by_source) == {str(tmp_path / "a.txt"), str(tmp_path / "sub" / "page.dat"),
                              str(tmp_path / "sub" / "deeper" / "b.txt.gz"), str(tmp_path / "sub" / "image.png")}
    assert isinstance(by_source[str(tmp_path / "sub" / "page.dat")], Document)
    assert by_source[str(tmp_path / "sub" / "page.dat")].title == "Airport shelled"
    assert "Friday" in by_source[str(tmp_path / "sub" / "deeper" / "b.txt.gz")].text
    assert "PNG" in by_source[str(tmp_path / "sub" / "image.png")].reason


def test_sources_text_document_fields(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Rebels shell the airport\r\nShare On Facebook\r\n" + ARTICLE.replace("\n", "\r\n"))
    [document] = list(iter_sources([str(path)], settings=OFFLINE))
    assert document.source == str(path)
    assert document.raw_text.startswith("Rebels shell the airport\nShare On Facebook")
    assert "Share On Facebook" not in document.text and document.text.startswith("Rebels shell the airport")


@pytest.mark.parametrize("source,reason", [
    ("/no/such/file.txt", "no such file or folder"),
    ("ftp://example.org/x", "only http and https"),
    ("http://127.0.0.1:9/x", "offline"),
])
def test_sources_bad_source_rejected_not_raised(source, reason):
    [item] = list(iter_sources([source], settings=OFFLINE))
    assert isinstance(item, Rejected) and item.source == source and reason in item.reason
    assert str(item) == f"{source}: {item.reason}"


def test_sources_oversize_file_rejected(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100)
    [item] = list(iter_sources([str(path)], settings=Settings(offline=True, max_bytes=1000)))
    assert isinstance(item, Rejected) and "over the 1,000 byte limit" in item.reason


def test_sources_url_and_url_list_fetched_from_loopback(tmp_path, http_server):
    base, routes = http_server
    routes["/page"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())
    routes["/plain"] = (200, {"Content-Type": "text/plain"}, ARTICLE.replace("airport", "harbour").encode())
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my list\n{base}/page\n{base}/plain\n{base}/missing\n")
    online = Settings(offline=False, follow_links=True)  # a local list is fetched only when asked (#13)
    items = list(iter_sources([str(listing)], settings=online, allow_private=True))
    assert [type(i) for i in items] == [Document, Document, Rejected]
    assert items[0].source == f"{base}/page" and items[0].url == f"{base}/page" and items[0].retrieved
    assert "HTTP 404" in items[2].reason
    [refused] = list(iter_sources([f"{base}/page"], settings=online))
    assert isinstance(refused, Rejected) and "loopback" in refused.reason


@pytest.mark.issue(13)
def test_sources_local_url_list_and_feed_not_fetched_unless_asked(tmp_path, http_server):
    base, routes = http_server
    routes["/page"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())
    listing = tmp_path / "links.txt"
    listing.write_text(f"{base}/page\n")
    feed = tmp_path / "saved.rss"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>T</title>"
                    f"<link>{base}/page</link><description>{ARTICLE}</description></item></channel></rss>")
    online = Settings(offline=False)
    items = list(iter_sources([str(listing), str(feed)], settings=online, allow_private=True))
    assert routes.requests == []
    assert isinstance(items[0], Rejected) and "--follow-links" in items[0].reason
    assert isinstance(items[1], Document) and "airport" in items[1].text  # the entry's own text


def test_sources_progress_reported_per_item(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.bin").write_bytes(b"\0\1\2")
    seen = []
    items = list(iter_sources([str(tmp_path)], settings=OFFLINE, on_progress=seen.append))
    assert seen == [item.source for item in items]


def test_sources_generator_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    iterator = iter_sources([str(tmp_path / "a.txt"), "/no/such"], settings=OFFLINE)
    assert isinstance(next(iterator), Document)
    assert isinstance(next(iterator), Rejected)


def test_sources_reingest_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    first = list(iter_sources([str(tmp_path)], settings=OFFLINE))
    second = list(iter_sources([str(tmp_path)], settings=OFFLINE))
    assert [d.id for d in first] == [d.id for d in second]


@pytest.mark.parametrize("reason", ["bad\nthing\r\x00here", "x" * 1000])
def test_sources_rejected_is_one_short_line(reason):
    item = Rejected("a\nb.txt", reason)
    assert "\n" not in str(item) and "\x00" not in str(item) and len(item.reason) <= 300
