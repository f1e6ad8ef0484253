"""Read a CSV (or TSV) of articles, one per row, with a column mapping for text, title, date, outlet, url (#12)."""
from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator, Mapping

from ..errors import IngestError
from ..model import Document
from .jsonl import get_iso_date
from .rejected import Rejected
from .text import build_text_document

log = logging.getLogger(__name__)

FIELDS = ("text", "title", "date", "outlet", "url")
# Header names read for each field when no mapping is given (compared case-insensitively).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publication_date", "pubdate", "published_at"),
    "outlet": ("outlet", "publisher", "source", "site", "site_name", "media"),
    "url": ("url", "link", "source_url"),
}
# Article bodies are long; the csv module's default field limit (128 KiB) is too small for some.
MAX_FIELD_CHARS = 10_000_000


def parse_column_mapping(text: str | None) -> dict[str, str]:
    """'text=body,date=pubdate' -> {'text': 'body', 'date': 'pubdate'}; ValueError names a bad part."""
    mapping: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field = field.strip().lower()
        if not sep or field not in FIELDS or not column.strip():
            raise ValueError(f"bad column mapping {part.strip()!r}: expected FIELD=COLUMN with FIELD one of "
                             f"{', '.join(FIELDS)}")
        mapping[field] = column.strip()
    return mapping


def iter_csv(text: str, source: str, *, columns: Mapping[str, str] | None = None,
             delimiter: str | None = None) -> Iterator[Document | Rejected]:
    """One Document per row; a row without text is one Rejected naming its line."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    if delimiter is None:
        delimiter = "\t" if source.lower().endswith((".tsv", ".tsv.gz")) else ","
    # strict: a stray quote is an error, not a silently garbled article
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames or []
        where = _find_columns(header, columns or {}, source)
        rows = list(enumerate(reader, start=1))
    except csv.Error as err:  # a stray quote: the file is not CSV whose cells we can trust
        raise IngestError(source, f"not valid CSV after line {reader.line_num} ({err})") from err
    for number, row in rows:
        line = f"{source}:row {number}"  # data rows from 1: a quoted body spans several physical lines
        body = (row.get(where["text"]) or "").strip()
        if not body:
            yield Rejected(line, f"no text in column {where['text']!r}")
            continue
        published = get_iso_date(row.get(where["date"])) if "date" in where else None
        document = build_text_document(
            body, source,
            title=_cell(row, where, "title"), outlet=_cell(row, where, "outlet"), url=_cell(row, where, "url"),
            published=published, date_source="metadata" if published else None, keep_furniture=True,
        )
        yield document if document is not None else Rejected(line, "no text left")


def _find_columns(header: list[str], mapping: Mapping[str, str], source: str) -> dict[str, str]:
    by_lower = {name.strip().lower(): name for name in header if name}
    where: dict[str, str] = {}
    for field in FIELDS:
        if field in mapping:
            column = by_lower.get(mapping[field].lower())
            if column is None:
                raise IngestError(source, f"no column {mapping[field]!r} for {field} (columns: {', '.join(header)})")
            where[field] = column
            continue
        column = next((by_lower[c] for c in DEFAULT_COLUMNS[field] if c in by_lower), None)
        if column is not None:
            where[field] = column
    if "text" not in where:
        raise IngestError(source, f"no text column (columns: {', '.join(header) or 'none'}); "
                                  f"name one with --csv-columns text=COLUMN")
    return where


def _cell(row: dict, where: dict[str, str], field: str) -> str | None:
    value = row.get(where[field]) if field in where else None
    return value.strip() or None if isinstance(value, str) else None
