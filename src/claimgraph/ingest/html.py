"""Turn an HTML page into a Document with trafilatura (main text, metadata) and htmldate (date)."""
from __future__ import annotations

import logging
import re
import warnings
from datetime import date
from urllib.parse import urlsplit

import htmldate
import trafilatura
from lxml import etree

from ..errors import IngestError
from ..model import Document
from .boilerplate import drop_ui_lines, normalize_newlines

log = logging.getLogger(__name__)

# trafilatura's own size guard; larger pages are refused before parsing (lxml tree cost).
MAX_HTML_CHARS = 20_000_000
_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])")


def build_html_document(
    html: str,
    source: str,
    *,
    url: str | None = None,
    retrieved: str | None = None,
    fallback_title: str | None = None,
    fallback_outlet: str | None = None,
) -> Document:
    """Extract the article of one page: clean text, title, authors, outlet, canonical URL, date.

    Raises:
        IngestError: the page has no extractable main text or cannot be parsed.
    """
    if len(html) > MAX_HTML_CHARS:
        raise IngestError(source, f"HTML page of {len(html):,} characters is over the {MAX_HTML_CHARS:,} limit")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extracted = trafilatura.bare_extraction(
                html, url=url, include_comments=False, with_metadata=True, include_tables=True,
                deduplicate=False,
            )
    except (ValueError, TypeError, etree.LxmlError, RecursionError, AttributeError, IndexError) as err:
        raise IngestError(source, f"malformed HTML ({type(err).__name__}: {err})") from err
    text = drop_ui_lines(normalize_newlines(extracted.text or "").strip()) if extracted is not None else ""
    if not text:
        raise IngestError(source, "no article text found in the HTML page")
    meta = extracted.as_dict()
    canonical = meta.get("url") or url
    published, date_source = get_html_date(html, url=canonical)
    return Document.from_text(
        text,
        source,
        raw_text=html,
        url=canonical,
        outlet=_get_site_name(meta.get("sitename"), canonical) or fallback_outlet or _get_domain(canonical),
        title=meta.get("title") or fallback_title,
        authors=_split_authors(meta.get("author")),
        published=published,
        date_source=date_source,
        retrieved=retrieved,
        language=meta.get("language") or "en",
    )


def get_html_date(html: str, *, url: str | None) -> tuple[str | None, str | None]:
    """The page's publication date and where it came from: metadata, url, or render (page text only)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = htmldate.find_date(html, url=None, original_date=True, extensive_search=False)
            if found:
                return found, "metadata"
            found = get_url_date(url)
            if found:
                return found, "url"
            # Only dates written somewhere in the page: possibly a "today" banner; say so.
            found = htmldate.find_date(html, url=None, original_date=True, extensive_search=True)
            return (found, "render") if found else (None, None)
    except (ValueError, TypeError, etree.LxmlError, RecursionError) as err:
        log.debug("htmldate failed: %s", err)
        return None, None


def get_url_date(url: str | None) -> str | None:
    """A date written in a URL path (/2019/03/04/ or 2019-03-04), else None."""
    match = _URL_DATE_RE.search(urlsplit(url).path) if url else None
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _get_site_name(sitename: str | None, url: str | None) -> str | None:
    """The page's own site name; trafilatura fills in the host when there is none, which is not one."""
    if not sitename:
        return None
    netloc = urlsplit(url).netloc.lower() if url else ""
    if sitename.lower() in (netloc, netloc.removeprefix("www."), _get_domain(url) or ""):
        return None
    return sitename


def _get_domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _split_authors(author: str | None) -> list[str]:
    if not author:
        return []
    return [name.strip() for name in author.replace(" and ", ";").split(";") if name.strip()]
