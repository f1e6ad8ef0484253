"""Stream the HTML response records of a WARC (.warc or .warc.gz) file as Documents, one at a time."""
from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from ..errors import IngestError
from ..model import Document
from ..settings import Settings
from .decode import decode_bytes
from .html import build_html_document
from .rejected import Rejected

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: str, *, settings: Settings) -> Iterator[Document | Rejected]:
    """One Document per HTML response (or resource) record, keeping the record's URL and date.

    The crawl date goes to `retrieved`, never to `published`. A truncated or corrupt archive
    yields the records read so far, then one Rejected. A record over the size limit is skipped
    with one Rejected and the archive goes on (#13): warcio reads past it in small chunks, so a
    60 MB video or a gzip bomb costs time, not memory. Records that are not pages (images,
    scripts, redirects) are counted in one line at the end.
    """
    limit = settings.max_bytes
    count = 0
    seen_html = False
    not_pages: Counter[str] = Counter()
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            iterator = ArchiveIterator(stream)
            for record in iterator:
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{path} (record {uri or count + 1})"
                if record.length is not None and record.length > limit:
                    yield Rejected(where, f"record of {record.length:,} bytes is over the {limit:,} byte "
                                          "limit: skipped")
                    continue
                item = _read_record(record, where=where, source=path, uri=uri, limit=limit)
                if isinstance(item, str):
                    not_pages[item] += 1
                    continue
                if isinstance(item, Document) and getattr(record.raw_stream, "limit", 0) > 0:
                    # the payload ended before its declared length: the file stops mid-record
                    yield Rejected(path, f"truncated WARC: it ends inside record {uri or count + 1}")
                    return
                seen_html = True
                count += isinstance(item, Document)
                yield item
            if iterator.offset < size:
                yield Rejected(path, f"truncated or corrupt WARC after {count} documents: the last "
                                     f"{size - iterator.offset:,} bytes are not a complete record")
                return
        if not_pages and seen_html:
            kinds = ", ".join(f"{kind}: {n}" for kind, n in not_pages.most_common(5))
            yield Rejected(path, f"{sum(not_pages.values())} records that are not pages skipped ({kinds})")
        if not seen_html:
            yield Rejected(path, "no HTML response records in the WARC")
    except OSError as err:
        yield Rejected(path, f"cannot read WARC ({err})")
    # warcio raises many types on hostile bytes (ArchiveLoadFailed, zlib.error, ValueError,
    # EOFError, ...); each means the archive is broken from here on.
    except Exception as err:  # noqa: BLE001
        yield Rejected(path, f"truncated or corrupt WARC after {count} documents ({type(err).__name__}: {err})")


def _read_record(record, *, where: str, source: str, uri: str, limit: int) -> Document | Rejected | str:
    """The record's Document, a Rejected for a page that cannot be read, or, for a record that is
    no page, what it is instead (its type, or its HTTP status)."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return "no HTTP headers"
        status = record.http_headers.get_statuscode() or ""
        if status != "200":
            log.debug("%s: skipped HTTP status %s", where, status)
            return f"HTTP {status or 'status missing'}"
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.content_type or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return mime or "no content type"
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return Rejected(where, f"payload over the {limit:,} byte limit")
    charset = _get_charset(content_type)
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    try:
        html = decode_bytes(payload, source=where, declared=charset)
        return build_html_document(html, source, url=uri or None, retrieved=warc_date[:10] or None)
    except IngestError as err:
        return Rejected(where, err.reason)


def _get_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
