"""Bytes to text safely: size caps, bounded gunzip (zip bombs), strict decoding, kind sniffing."""
from __future__ import annotations

import json
import re
import zlib

from ..errors import IngestError

GZIP_MAGIC = b"\x1f\x8b"
# Bytes read to decide what a file is (enough for an XML prolog, a doctype and a first JSON line).
SNIFF_BYTES = 65_536
# Magic numbers of binary formats an analyst may drop in a folder by mistake.
BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"MZ": "Windows executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"7z\xbc\xaf": "7z archive",
    b"Rar!": "RAR archive",
    b"\xd0\xcf\x11\xe0": "Office document",
    b"SQLite format 3": "SQLite database",
    b"ID3": "MP3 audio",
    b"OggS": "Ogg media",
    b"RIFF": "RIFF media",
    b"\x00\x00\x00": "binary data",
}
# Share of C0 control characters (other than tab, newline, carriage return, form feed) above
# which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.01
# Windows-1252 is accepted as a fallback only when non-ASCII characters stay rare (real prose).
MAX_NON_ASCII_SHARE = 0.1
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_URL_LINE_RE = re.compile(r"[a-z][a-z0-9+.-]*://\S+$", re.I)


def gunzip_bounded(data: bytes, *, limit: int, source: str) -> bytes:
    """Decompress gzip bytes (all members), refusing more than `limit` bytes of output.

    Raises:
        IngestError: truncated or corrupt gzip, or output over the limit (a zip bomb).
    """
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as err:
            raise IngestError(source, f"corrupt gzip data ({err})") from err
        out += chunk
        if len(out) > limit:
            raise IngestError(source, f"gzip expands to more than {limit:,} bytes (size limit; zip bomb?)")
        if not inflater.eof:
            if inflater.unconsumed_tail:
                raise IngestError(source, f"gzip expands to more than {limit:,} bytes (size limit; zip bomb?)")
            raise IngestError(source, "truncated gzip data (the file ends mid-stream)")
        data = inflater.unused_data.lstrip(b"\x00")
        if data and not data.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member: ignore, as gzip(1) does
    return bytes(out)


def get_binary_kind(head: bytes) -> str | None:
    """The name of a binary format recognised from the first bytes, or None."""
    for magic, name in BINARY_MAGIC.items():
        if head.startswith(magic):
            return name
    sample = head[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data (NUL bytes)"
    return None


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode strictly: UTF-8 (or a BOM's encoding), else a declared charset, else plausible Windows-1252.

    Raises:
        IngestError: the bytes are not text in any of those encodings.
    """
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _decode_with(data, encoding, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        text = None
        bad_offset = err.start
    if text is None:
        declared = declared or _get_declared_charset(data)
        if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
            text = _decode_with(data, declared, source)
        else:
            text = _decode_windows_1252(data, source, bad_offset)
    _check_control_characters(text, source)
    return text


def sniff_kind(head: bytes, name: str = "") -> str:
    """What a source holds, from its first (decompressed) bytes: warc, feed, html, jsonl, urls or text."""
    if head.startswith(b"WARC/"):
        return "warc"
    lowered = head[:SNIFF_BYTES].lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    start = lowered[:2048]
    if b"<rss" in start or b"<rdf:rdf" in start or (b"<feed" in start and b"atom" in start):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<!--", b"<?xml")) or (
        start.startswith(b"<") and re.search(rb"<(html|body|head|p|div|article|title)[\s>]", start)
    ):
        return "html"
    text = head[:SNIFF_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if lines and lines[0].startswith("{") and _is_json_object(lines[0], complete=len(lines) > 1 or len(head) < SNIFF_BYTES):
        return "jsonl"
    if name.lower().endswith((".jsonl", ".ndjson")):
        return "jsonl"
    complete = lines[:-1] if len(head) >= SNIFF_BYTES else lines
    if complete and all(_URL_LINE_RE.match(line) for line in complete):
        return "urls"
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _is_json_object(line: str, *, complete: bool) -> bool:
    if not complete:
        return line.startswith('{"') or line.startswith("{ \"")
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _decode_with(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as err:
        raise IngestError(source, f"unknown character encoding {encoding!r} declared") from err
    except UnicodeDecodeError as err:
        raise IngestError(source, f"undecodable bytes: not valid {encoding} at byte {err.start}") from err


def _decode_windows_1252(data: bytes, source: str, bad_offset: int) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise IngestError(source, f"undecodable bytes: not UTF-8 (byte {bad_offset}) nor Windows-1252") from err
    non_ascii = sum(ord(ch) > 127 for ch in text)
    if text and non_ascii / len(text) > MAX_NON_ASCII_SHARE:
        raise IngestError(source, f"undecodable bytes: not UTF-8 (byte {bad_offset}) and no charset declared")
    return text


def _check_control_characters(text: str, source: str) -> None:
    sample = text[:100_000]
    if sample and len(_CONTROL_RE.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise IngestError(source, "binary data: too many control characters for text")


def _get_declared_charset(data: bytes) -> str | None:
    match = _CHARSET_RE.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", errors="ignore") or None
