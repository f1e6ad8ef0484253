"""Walk the sources an analyst gives (files, folders, URLs) and yield a Document or a Rejected for each."""
from __future__ import annotations

import logging
import os
import stat
import zlib
from collections.abc import Callable, Iterator, Sequence

from ..errors import IngestError
from ..model import Document
from ..settings import Settings, get_settings
from .boilerplate import count_repeated_lines
from .csvfile import iter_csv
from .decode import GZIP_MAGIC, SNIFF_BYTES, decode_bytes, get_binary_kind, gunzip_bounded, sniff_kind
from .feed import iter_feed
from .fetch import fetch_url
from .html import build_html_document
from .jsonl import iter_jsonl
from .metadata import GivenMetadata, apply_metadata, is_sidecar, load_sidecar
from .rejected import Rejected
from .sanitize import clean_document
from .text import build_text_document
from .warc import iter_warc

log = logging.getLogger(__name__)

# Plain-text files read up front to learn the corpus's repeated furniture lines (a bound on the
# extra reading; batches larger than this learn from their first files only).
MAX_FILES_FOR_REPETITION = 2000
# A line must repeat in this many plain-text files to count as the corpus's furniture.
MIN_REPEATED_DOCUMENTS = 3
_URL_PREFIXES = ("http://", "https://")


def iter_sources(
    sources: Sequence[str],
    *,
    settings: Settings | None = None,
    allow_private: bool = False,
    on_progress: Callable[[str], None] | None = None,
) -> Iterator[Document | Rejected]:
    """Yield one Document per article found in `sources`, or a Rejected per bad source; never raise.

    Args:
        sources: files, folders (walked recursively, sniffed by content), http(s) URLs.
        settings: size limit and offline mode (default: from the environment).
        allow_private: allow fetching from private, loopback and link-local addresses.
        on_progress: called with each source (file, URL, or WARC record URL) once it is done.
    Returns:
        A generator. Near-duplicates are not linked here: the caller owns the index of what is
        already stored (NearDuplicateIndex; claimgraph.pipeline does this).
    """
    settings = settings or get_settings()
    reader = _Reader(settings, allow_private)
    reader.corpus_repeated = _learn_repeated_lines(sources, settings)
    for item in reader.iter_all(sources):
        if isinstance(item, Document):
            item = _accept(item, settings)
        if isinstance(item, Rejected):
            log.info("rejected %s", item)
        if on_progress is not None:
            on_progress(item.url or item.source if isinstance(item, Document) else item.source)
        yield item


def _accept(document: Document, settings: Settings) -> Document | Rejected:
    """The document cleaned for every store and format (ingest/sanitize.py), or refused when too long."""
    if len(document.text) > settings.max_chars:
        return Rejected(document.source, f"text of {len(document.text):,} characters is over the "
                                         f"{settings.max_chars:,} character limit (CLAIMGRAPH_MAX_CHARS)")
    return clean_document(document)


class _Reader:
    """Dispatch each source to its reader; turn every failure into a Rejected."""

    def __init__(self, settings: Settings, allow_private: bool):
        self.settings = settings
        self.allow_private = allow_private
        self.corpus_repeated: set[str] = set()

    def iter_all(self, sources: Sequence[str]) -> Iterator[Document | Rejected]:
        for source in sources:
            yield from self._guard(source, self._iter_source(str(source)))

    def _with_metadata(self, path: str, items: Iterator[Document | Rejected]) -> Iterator[Document | Rejected]:
        """The documents of one file with its sidecar and the run's --outlet/--published applied (#12)."""
        sidecar = None if path.lower().startswith(_URL_PREFIXES) else load_sidecar(path)  # a bad one: IngestError
        given = GivenMetadata(self.settings.outlet, self.settings.published)
        for item in items:
            yield item if isinstance(item, Rejected) else apply_metadata(item, given=given, sidecar=sidecar)

    def _guard(self, source: str, items: Iterator[Document | Rejected]) -> Iterator[Document | Rejected]:
        try:
            yield from items
        except IngestError as err:
            yield Rejected(err.source, err.reason)
        # Readers wrap third-party parsers fed with hostile bytes; any other failure of one
        # source must not stop the batch (issue #3), so it becomes that source's Rejected.
        except Exception as err:  # noqa: BLE001
            log.warning("%s: unexpected %s while reading", source, type(err).__name__, exc_info=True)
            yield Rejected(source, f"could not be read ({type(err).__name__}: {err})")

    def _iter_source(self, source: str) -> Iterator[Document | Rejected]:
        if source.lower().startswith(_URL_PREFIXES):
            yield from self._with_metadata(source, self._iter_url(source))
        elif "://" in source[:20]:
            yield Rejected(source, "only http and https URLs are fetched")
        elif os.path.isdir(source):
            for path in iter_folder(source):
                yield from self._guard(path, self._with_metadata(path, self._iter_file(path)))
        elif os.path.lexists(source):
            yield from self._with_metadata(source, self._iter_file(source))
        else:
            yield Rejected(source, "no such file or folder")

    def _iter_file(self, path: str) -> Iterator[Document | Rejected]:
        try:
            info = os.stat(path)
        except OSError as err:
            yield Rejected(path, f"cannot read ({err.strerror or err})")
            return
        if not stat.S_ISREG(info.st_mode):
            yield Rejected(path, "not a regular file")
            return
        if info.st_size == 0:
            yield Rejected(path, "empty file")
            return
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
        if head.startswith(GZIP_MAGIC) and _gunzip_head(head).startswith(b"WARC/"):
            yield from iter_warc(path, settings=self.settings)
            return
        if head.startswith(b"WARC/"):
            yield from iter_warc(path, settings=self.settings)
            return
        if info.st_size > self.settings.max_bytes:
            yield Rejected(path, f"file of {info.st_size:,} bytes is over the {self.settings.max_bytes:,} byte limit")
            return
        with open(path, "rb") as stream:
            data = stream.read(self.settings.max_bytes + 1)
        if data.startswith(GZIP_MAGIC):
            data = gunzip_bounded(data, limit=self.settings.max_bytes, source=path)
            if not data.strip():
                yield Rejected(path, "empty file (after gunzip)")
                return
        yield from self._iter_bytes(data, path, name=path.removesuffix(".gz"))

    def _iter_bytes(self, data: bytes, source: str, *, name: str, url: str | None = None,
                    retrieved: str | None = None, content_type: str = "") -> Iterator[Document | Rejected]:
        binary = get_binary_kind(data[:SNIFF_BYTES])
        if binary:
            yield Rejected(source, f"binary file ({binary}), not text, HTML, WARC, feed or JSONL")
            return
        kind = sniff_kind(data[:SNIFF_BYTES], name)
        if kind == "text" and name.lower().endswith((".csv", ".tsv")):
            kind = "csv"
        if kind == "text" and content_type in ("text/html", "application/xhtml+xml"):
            kind = "html"
        if kind == "warc":
            yield Rejected(source, "WARC content is read from files only")
            return
        # URLs inside a local file are fetched only when asked (url is None: read from disk)
        follow = url is not None or self.settings.follow_links
        if kind == "feed":
            yield from iter_feed(data, source, settings=self.settings,
                                 fetch_page=self._fetch_page if follow else None)
            return
        text = decode_bytes(data, source=source)
        if len(text) > self.settings.max_chars:  # before boilerplate removal reads it line by line
            yield Rejected(source, f"text of {len(text):,} characters is over the {self.settings.max_chars:,} "
                                   "character limit (CLAIMGRAPH_MAX_CHARS)")
        elif not text.strip():
            yield Rejected(source, "no text (only whitespace)")
        elif kind == "html":
            yield build_html_document(text, source, url=url, retrieved=retrieved)
        elif kind == "jsonl":
            yield from iter_jsonl(text, source)
        elif kind == "urls" and not follow:
            yield Rejected(source, "a list of URLs in a local file: not fetched (pass --follow-links to fetch them)")
        elif kind == "csv":
            yield from iter_csv(text, source, columns=self.settings.csv_columns)
        elif kind == "urls":
            for line in text.splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    yield from self._guard(line, self._iter_url(line))
        else:
            document = build_text_document(text, source, corpus_repeated=self.corpus_repeated, url=url,
                                           retrieved=retrieved)
            yield document if document is not None else Rejected(source, "no article text (only page furniture)")

    def _iter_url(self, url: str) -> Iterator[Document | Rejected]:
        fetched = fetch_url(url, settings=self.settings, allow_private=self.allow_private)
        if not fetched.body.strip():
            yield Rejected(url, "empty response")
            return
        yield from self._iter_bytes(fetched.body, url, name=fetched.final_url, url=fetched.final_url,
                                    retrieved=fetched.retrieved, content_type=fetched.content_type)

    def _fetch_page(self, url: str, outlet: str | None = None) -> Document:
        """A feed entry's linked page as a Document (raises IngestError when it is not a page)."""
        fetched = fetch_url(url, settings=self.settings, allow_private=self.allow_private)
        text = decode_bytes(fetched.body, source=url)
        return build_html_document(text, url, url=fetched.final_url, retrieved=fetched.retrieved,
                                   fallback_outlet=outlet)


def iter_folder(folder: str) -> Iterator[str]:
    """Every file under `folder`, sorted, skipping hidden names; symbolic links are not followed."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not is_sidecar(name):  # a sidecar is read with its document
                yield os.path.join(root, name)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""


def _learn_repeated_lines(sources: Sequence[str], settings: Settings) -> set[str]:
    """Short lines repeated across the batch's plain-text files (read once more, bounded)."""
    texts = []
    for path in _iter_local_files(sources):
        if len(texts) >= MAX_FILES_FOR_REPETITION:
            break
        try:
            if not 0 < os.path.getsize(path) <= min(settings.max_bytes, 2_000_000):
                continue
            with open(path, "rb") as stream:
                data = stream.read()
            if (data.startswith(GZIP_MAGIC) or get_binary_kind(data[:SNIFF_BYTES])
                    or sniff_kind(data[:SNIFF_BYTES], path) != "text"):
                continue
            texts.append(decode_bytes(data, source=path))
        except (OSError, IngestError):
            continue
    if len(texts) < MIN_REPEATED_DOCUMENTS:
        return set()
    return count_repeated_lines(texts, min_documents=MIN_REPEATED_DOCUMENTS)


def _iter_local_files(sources: Sequence[str]) -> Iterator[str]:
    for source in sources:
        source = str(source)
        if source.lower().startswith(_URL_PREFIXES) or "://" in source[:20]:
            continue
        if os.path.isdir(source):
            yield from iter_folder(source)
        elif os.path.isfile(source):
            yield source
