"""Read RSS/Atom feeds: each entry's linked page when online, else the entry's own content."""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import feedparser
import lxml.html
from lxml import etree

from ..errors import IngestError
from ..model import Document
from ..settings import Settings
from .rejected import Rejected
from .text import build_text_document

log = logging.getLogger(__name__)

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")


def iter_feed(
    data: bytes,
    source: str,
    *,
    settings: Settings,
    fetch_page=None,
) -> Iterator[Document | Rejected]:
    """One Document per entry.

    Args:
        data: the feed's bytes.
        source: the feed's path or URL.
        fetch_page: callable(url, outlet) -> Document, used when online to read the entry's own page.
    """
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        yield Rejected(source, f"malformed or empty feed: no entries{detail}")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        published = _get_entry_date(entry)
        if fetch_page is not None and not settings.offline and link.startswith(("http://", "https://")):
            try:
                document = fetch_page(link, outlet)
                document.published, document.date_source = _prefer_page_date(document, published)
                yield document
                continue
            except IngestError as err:
                log.info("%s: entry %d page not used (%s); using the feed's text", source, number, err.reason)
        yield _build_entry_document(entry, source, link=link, outlet=outlet, published=published, number=number)


def _build_entry_document(entry, source: str, *, link: str, outlet: str | None, published: str | None,
                          number: int) -> Document | Rejected:
    html = ""
    if entry.get("content"):
        html = max((part.get("value") or "" for part in entry.content), key=len)
    html = html or entry.get("summary") or ""
    title = (entry.get("title") or "").strip() or None
    text = html_fragment_to_text(html)
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    document = build_text_document(
        text, source, url=link or None, title=title, outlet=outlet, authors=authors or None,
        published=published, date_source="feed" if published else None, keep_furniture=True,
    ) if text.strip() else None
    if document is None:
        return Rejected(f"{source} (entry {number})", "entry has no text and its page was not fetched")
    return document


def html_fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if not html.strip():
        return ""
    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError) as err:
        log.debug("feed fragment not parsed: %s", err)
        return ""
    for element in list(root.iter("script", "style", "noscript", "iframe", "object")):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().split("\n"))


def _get_entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return time.strftime("%Y-%m-%d", value)
            except (TypeError, ValueError):
                continue
    return None


def _prefer_page_date(document: Document, feed_date: str | None) -> tuple[str | None, str | None]:
    if document.published and document.date_source in ("metadata", "url", "dateline"):
        return document.published, document.date_source
    if feed_date:
        return feed_date, "feed"
    return document.published, document.date_source
