"""Tests for claimgraph.ingest.decode: bounded gunzip, strict decoding, sniffing."""
from __future__ import annotations

import gzip

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest.decode import decode_bytes, get_binary_kind, gunzip_bounded, sniff_kind


def test_decode_gunzip_bomb_refused():
    bomb = gzip.compress(b"\0" * 5_000_000)
    with pytest.raises(IngestError, match="zip bomb"):
        gunzip_bounded(bomb, limit=100_000, source="bomb.gz")


@pytest.mark.parametrize("data,message", [
    (gzip.compress(b"hello world " * 1000)[:60], "truncated"),
    (b"\x1f\x8b\x08\x00garbage-garbage-garbage", "corrupt"),
])
def test_decode_gunzip_broken_refused(data, message):
    with pytest.raises(IngestError, match=message):
        gunzip_bounded(data, limit=100_000, source="x.gz")


def test_decode_gunzip_multi_member():
    assert gunzip_bounded(gzip.compress(b"a") + gzip.compress(b"b"), limit=10, source="x.gz") == b"ab"


@pytest.mark.parametrize("data,expected", [
    ("plain ascii".encode(), "plain ascii"),
    ("caf\u00e9 \u201cquoted\u201d".encode(), "caf\u00e9 \u201cquoted\u201d"),
    ("The caf\u00e9 owner\u2019s statement was read out.".encode("cp1252"), "The caf\u00e9 owner\u2019s statement was read out."),
    ("\ufeffbom text".encode("utf-8"), "bom text"),
    ("utf16 text".encode("utf-16"), "utf16 text"),
    (b"<meta charset='iso-8859-7'>\xe1\xe2", "<meta charset='iso-8859-7'>\u03b1\u03b2"),
])
def test_decode_bytes_decoded(data, expected):
    assert decode_bytes(data, source="x") == expected


@pytest.mark.parametrize("data", [bytes(range(128, 256)) * 4, b"\x01\x02\x03\x04\x05\x06" * 50 + b"abc"])
def test_decode_bytes_undecodable_refused(data):
    with pytest.raises(IngestError):
        decode_bytes(data, source="x")


@pytest.mark.parametrize("head,expected", [
    (b"%PDF-1.4", "PDF"), (b"\x89PNG\r\n", "PNG image"), (b"PK\x03\x04", "ZIP archive"), (b"a\0b", "binary data (NUL bytes)"),
    (b"hello", None),
])
def test_decode_binary_kind(head, expected):
    assert get_binary_kind(head) == expected


@pytest.mark.parametrize("head,name,expected", [
    (b"WARC/1.0\r\n", "x", "warc"),
    (b"<?xml version='1.0'?><rss version='2.0'>", "x.txt", "feed"),
    (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "x", "feed"),
    (b"<!DOCTYPE html><html>", "x.txt", "html"),
    (b"  <div><p>Hi</p></div>", "x", "html"),
    (b'{"text": "a"}\n{"text": "b"}\n', "x.txt", "jsonl"),
    (b"https://a.example/1\nhttp://b.example/2\n", "list.txt", "urls"),
    (b"Just some words.\nAnd more.", "x.html", "html"),
    (b"Just some words.\nAnd more.", "x.dat", "text"),
])
def test_decode_sniff_kind(head, name, expected):
    assert sniff_kind(head, name) == expected
