"""Tests for claimgraph.ingest.feed: entries from RSS/Atom, pages fetched when online (loopback only)."""
from __future__ import annotations

import pytest

from claimgraph.ingest import Rejected, iter_sources
from claimgraph.ingest.feed import html_fragment_to_text
from claimgraph.model import Document
from claimgraph.settings import Settings

SUMMARY = "Security forces detained four men suspected of planning an attack on the port, police said on Tuesday."


def make_rss(link: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Wire</title>
<item><title>Four detained</title><link>{link}</link><pubDate>Tue, 07 Feb 2017 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{SUMMARY}</p><p>The post Four detained appeared first on Coast Wire.</p>]]></description></item>
</channel></rss>""".encode()


ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Four detained</title><link href="https://news.example.org/a"/><updated>2019-03-04T10:00:00Z</updated>
<author><name>Jane Roe</name></author><content type="html">&lt;p&gt;{SUMMARY}&lt;/p&gt;</content></entry></feed>""".encode()


@pytest.mark.parametrize("name,data,published,outlet", [
    ("feed.rss", make_rss("https://news.example.org/a"), "2017-02-07", "Coast Wire"),
    ("feed.xml", ATOM, "2019-03-04", "Atom Desk"),
])
def test_feed_offline_uses_entry_text(tmp_path, name, data, published, outlet):
    path = tmp_path / name
    path.write_bytes(data)
    [document] = list(iter_sources([str(path)], settings=Settings(offline=True)))
    assert isinstance(document, Document)
    assert SUMMARY in document.text
    assert (document.published, document.date_source, document.outlet) == (published, "feed", outlet)
    assert document.url == "https://news.example.org/a" and document.title == "Four detained"


def test_feed_online_fetches_entry_pages(tmp_path, http_server):
    base, routes = http_server
    article = "The four men were arrested at dawn in a raid on a warehouse near the harbour, officials said."
    routes["/a"] = (200, {"Content-Type": "text/html"}, (
        "<html><head><meta property='article:published_time' content='2017-02-06'></head><body><article>"
        f"<h1>Four detained</h1><p>{article}</p><p>{SUMMARY}</p></article></body></html>").encode())
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, make_rss(base + "/a"))
    [document] = list(iter_sources([base + "/feed"], settings=Settings(offline=False), allow_private=True))
    assert article in document.text
    assert (document.published, document.date_source, document.outlet) == ("2017-02-06", "metadata", "Coast Wire")
    assert document.source == base + "/a"


def test_feed_online_page_refused_falls_back_to_entry_text(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_bytes(make_rss("http://127.0.0.1:9/refused"))
    [document] = list(iter_sources([str(path)], settings=Settings(offline=False)))
    assert SUMMARY in document.text and document.date_source == "feed"


@pytest.mark.parametrize("data", [
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>",
    b"<rss><channel><item><title>broken",
])
def test_feed_empty_or_malformed_rejected(tmp_path, data):
    path = tmp_path / "bad.rss"
    path.write_bytes(data)
    items = list(iter_sources([str(path)], settings=Settings(offline=True)))
    assert items and all(isinstance(item, Rejected) for item in items)
    assert all(str(path) in item.source for item in items)


def test_feed_fragment_text_drops_scripts():
    text = html_fragment_to_text("<p>First para.</p><script>alert(1)</script><p>Second para.</p>")
    assert "alert" not in text and "First para." in text and "Second para." in text
