"""Metadata the analyst gives plain text (#12): run-wide --outlet/--published, a sidecar file, the outlet the text states.

A sidecar is a JSON object in a file beside the document, named after it plus `.meta.json`
(`article.txt` -> `article.txt.meta.json`), with any of `outlet`, `published`, `title`, `url`,
`authors`. Precedence: the sidecar, then the run's `--outlet`/`--published`, then what the
document itself says (byline, dateline, a statement such as "As I reported here at <Outlet>").
Without an outlet, corroboration counts a document apart from independent origins instead
of as an origin of its own (docs/resolution.md).
"""
from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError, IngestError
from ..model import Document
from .jsonl import get_iso_date

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
# A sidecar is a handful of fields: anything larger is not one (and is not read into memory).
MAX_SIDECAR_BYTES = 64_000
SIDECAR_FIELDS = ("outlet", "published", "title", "url", "authors")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Words that end a stated outlet name but are not part of it ("... at Foreign Policy. All rights")
_TRAILING_WORDS = frozenset({"All", "Inc", "Ltd", "LLC", "Rights", "Reserved", "The"})


@dataclass(frozen=True)
class GivenMetadata:
    """Metadata given for every document of a run (`--outlet`, `--published`)."""

    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD


def parse_published(value: str | None, *, where: str) -> str | None:
    """A given publication date as YYYY-MM-DD; raises IngestError naming `where` when it is not a date."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    date = text if _ISO_DATE.match(text) else get_iso_date(text)
    if not date:
        raise IngestError(where, f"published date {text!r} is not a date (expected YYYY-MM-DD)")
    return date


def is_sidecar(path: str) -> bool:
    return path.endswith(SIDECAR_SUFFIX)


def load_sidecar(path: str) -> dict | None:
    """The metadata in the sidecar of document `path`, None when it has none; IngestError names a bad one."""
    sidecar = path + SIDECAR_SUFFIX
    if not os.path.isfile(sidecar):
        return None
    try:
        if os.path.getsize(sidecar) > MAX_SIDECAR_BYTES:
            raise IngestError(sidecar, f"sidecar over {MAX_SIDECAR_BYTES:,} bytes")
        with open(sidecar, encoding="utf-8") as stream:
            record = json.load(stream)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise IngestError(sidecar, f"sidecar is not a readable JSON object ({err})") from err
    if not isinstance(record, dict):
        raise IngestError(sidecar, "sidecar must be a JSON object with outlet, published, title, url, authors")
    unknown = sorted(set(record) - set(SIDECAR_FIELDS))
    if unknown:
        raise IngestError(sidecar, f"unknown sidecar field(s) {unknown}; known: {', '.join(SIDECAR_FIELDS)}")
    for key in ("outlet", "title", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise IngestError(sidecar, f"sidecar field {key!r} must be a string")
    authors = record.get("authors")
    if authors is not None and not (isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
        raise IngestError(sidecar, "sidecar field 'authors' must be a list of strings")
    record["published"] = parse_published(record.get("published"), where=sidecar)
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def apply_metadata(document: Document, *, given: GivenMetadata | None = None,
                   sidecar: dict | None = None) -> Document:
    """The document with given metadata over what it found itself (its id, the hash of its text, is kept)."""
    changes: dict = {}
    for source in (asdict(given) if given else {}, sidecar or {}):  # later sources win
        for key, value in source.items():
            if value:
                changes[key] = value
    if "published" in changes:
        changes["date_source"] = "sidecar" if sidecar and "published" in sidecar else "given"
    if not changes.get("outlet") and not document.outlet:
        stated = find_stated_outlet(document.raw_text or document.text)
        if stated:
            log.debug("%s: outlet %r stated in the text", document.source, stated)
            changes["outlet"] = stated
    return replace(document, **changes) if changes else document


def find_stated_outlet(text: str) -> str | None:
    """The outlet an article names as its own ("As I reported here at Foreign Policy"), else None."""
    for pattern in _load_statements():
        match = pattern.search(text)
        if match:
            words = match.group("outlet").strip(" .,'").split()
            while words and words[-1].strip(".,") in _TRAILING_WORDS:
                words.pop()
            if words:
                return " ".join(words).rstrip(".,")
    return None


@lru_cache(maxsize=1)
def _load_statements() -> tuple[re.Pattern, ...]:
    path = resources.files("claimgraph") / "data" / "outlets" / "statements.txt"
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            pattern = re.compile(line)
        except re.error as err:
            raise DataFileError(f"outlets/statements.txt:{number}: bad regular expression ({err})") from err
        if "outlet" not in pattern.groupindex:
            raise DataFileError(f"outlets/statements.txt:{number}: no (?P<outlet>...) group")
        patterns.append(pattern)
    return tuple(patterns)
