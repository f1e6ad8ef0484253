"""Read JSONL: one article per line, {"text", "url", "title", "published"} (plus optional outlet, authors)."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from ..model import Document
from .datelines import find_dates
from .rejected import Rejected
from .text import build_text_document

log = logging.getLogger(__name__)


def iter_jsonl(text: str, source: str) -> Iterator[Document | Rejected]:
    """One Document per line; a bad line is one Rejected naming its line number; a file of comments and blank
    lines alone is one Rejected naming the file."""
    lines = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        lines += 1
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as err:
            yield Rejected(where, f"not valid JSON ({err})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Rejected(where, 'expected a JSON object with a non-empty "text" string')
            continue
        published = get_iso_date(record.get("published"))
        document = build_text_document(
            record["text"],
            source,
            url=_get_str(record, "url"),
            title=_get_str(record, "title"),
            outlet=_get_str(record, "outlet"),
            authors=[a for a in record.get("authors", []) if isinstance(a, str)]
            if isinstance(record.get("authors"), list) else None,
            published=published,
            date_source="metadata" if published else None,
            keep_furniture=True,
        )
        if document is None:
            yield Rejected(where, "no text left")
        else:
            yield document
    if not lines:
        yield Rejected(source, "no JSON lines (only comments or blank lines)")


def get_iso_date(value: object) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    dates = find_dates(value.strip()[:10]) or find_dates(value)
    return dates[0].isoformat() if dates else None


def _get_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
