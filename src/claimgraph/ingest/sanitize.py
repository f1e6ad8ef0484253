"""The last step of ingest: make each Document acceptable to every store and format (#13).

Readers hand over text as they decoded it. PostgreSQL refuses a NUL in any text; XML 1.0 (GraphML,
GEXF) has no way to write most control characters; a terminal obeys raw ESC sequences; and a file
name that is not UTF-8 arrives surrogate-escaped, which no UTF-8 encoder accepts. Here every text
field loses its NUL and other control characters (tab, newline and carriage return stay; vertical
tab and form feed become newlines, as they break lines), lone surrogates become U+FFFD, the
source is written with its odd bytes escaped, and what was changed is counted in
`Document.notes`. The id is the hash of the cleaned text, so offsets found later point into
exactly what is stored.
"""
from __future__ import annotations

import dataclasses
import os
import re
from typing import Any

from ..model import Document, make_document_id
from ..safetext import escape_surrogates

# Characters XML 1.0 cannot hold and C1 controls, minus the whitespace kept (tab, LF, CR) and the
# two line breaks turned into newlines (VT, FF).
_REMOVED_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_BREAK_RE = re.compile(r"[\x0b\x0c]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_TEXT_FIELDS = ("text", "raw_text", "url", "outlet", "title", "published", "date_source", "retrieved", "language")


def clean_text(value: str) -> tuple[str, int]:
    """`value` with control characters removed (VT and FF made newlines) and lone surrogates
    replaced by U+FFFD; and how many characters were changed."""
    value, removed = _REMOVED_RE.subn("", value)
    value, breaks = _LINE_BREAK_RE.subn("\n", value)
    value, surrogates = _SURROGATE_RE.subn("\ufffd", value)
    return value, removed + breaks + surrogates


def clean_document(document: Document) -> Document:
    """A copy of `document` that every store and format accepts, with what changed in its notes."""
    changes: dict[str, int] = {}
    cleaned: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(document, name)
        if isinstance(value, str):
            value, count = clean_text(value)
            if count:
                cleaned[name] = value
                changes[name] = count
    authors = [clean_text(a) for a in document.authors]
    if any(count for _, count in authors):
        cleaned["authors"] = [a for a, _ in authors]
        changes["authors"] = sum(count for _, count in authors)
    notes = dict(document.notes)
    if changes:
        notes["control_characters_removed"] = changes
    source = escape_surrogates(document.source)
    if source != document.source:
        # the exact bytes of the name, so nothing is lost by showing it escaped
        notes["source_bytes_hex"] = _source_bytes(document.source).hex()
        cleaned["source"] = source
    if not cleaned and notes == document.notes:
        return document
    document = dataclasses.replace(document, **cleaned, notes=notes)
    if "text" in cleaned:
        document.id = make_document_id(document.text)
    return document


def _source_bytes(source: str) -> bytes:
    try:
        return os.fsencode(source)  # a file name: the bytes it was read from
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (from a JSON string)
        return source.encode("utf-8", "surrogatepass")
