"""Tests for claimgraph.ingest.html: main text and true metadata from a page."""
from __future__ import annotations

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest.html import build_html_document, get_url_date

PARAS = [
    "Government forces recaptured the town on Saturday after three days of fighting, the ministry said.",
    "Residents who fled last week began returning on Sunday, according to aid workers in the area.",
]


def make_page(head: str = "", banner: str = "") -> str:
    body = f"<p>{PARAS[0]}</p><p>Advertisement</p><p>Soldiers in the square. Photo: Example/Reuters</p><p>{PARAS[1]}</p>"
    return (f"<!DOCTYPE html><html><head><title>Town retaken | Example News</title>{head}</head><body>"
            f"<header><div class='today'>{banner}</div><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav></header>"
            f"<article><h1>Town retaken</h1>{body}</article>"
            "<div class='comments'><p>Great article, thanks for sharing this with us!</p></div>"
            "<footer>Share On Facebook. Copyright 2024.</footer></body></html>")


def test_html_metadata_extracted():
    head = ("<meta property='og:site_name' content='Example News'><meta name='author' content='Jane Roe'>"
            "<meta property='article:published_time' content='2018-05-06T08:00:00Z'>"
            "<link rel='canonical' href='https://news.example.com/world/town-retaken'>")
    document = build_html_document(make_page(head), "page.html")
    assert all(p in document.text for p in PARAS)
    assert "Share On Facebook" not in document.text and "Great article" not in document.text
    assert "Advertisement" not in document.text and "Photo:" not in document.text
    assert document.title == "Town retaken"
    assert document.outlet == "Example News"
    assert document.authors == ["Jane Roe"]
    assert (document.published, document.date_source) == ("2018-05-06", "metadata")
    assert document.url == "https://news.example.com/world/town-retaken"


def test_html_outlet_falls_back_to_domain_and_url_date():
    document = build_html_document(make_page(), "page.html", url="https://www.example.org/2017/02/09/town-retaken")
    assert document.outlet in ("example.org", "Example News")
    assert (document.published, document.date_source) == ("2017-02-09", "url")


def test_html_render_only_date_is_flagged():
    document = build_html_document(make_page(banner="Today is March 3, 2025"), "page.html")
    assert document.date_source in (None, "render")


@pytest.mark.parametrize("url,expected", [
    ("https://x.example/2017/02/09/story", "2017-02-09"),
    ("https://x.example/news/2019-3-4-story", "2019-03-04"),
    ("https://x.example/2017/13/45/story", None),
    ("https://x.example/story", None),
])
def test_html_url_date(url, expected):
    assert get_url_date(url) == expected


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><body><script>x()</script></body></html>", "<<<>>>"])
def test_html_no_text_refused(html):
    with pytest.raises(IngestError, match="page.html"):
        build_html_document(html, "page.html")
