"""Write the hostile sample corpus to tests/fixtures/hostile/ (reproducible; issue #3).

Each file is small and deterministic. `.expected.json` beside them (hidden, so folder ingestion skips it) says what ingesting each
should give: "rejected" (only Rejected lines), "document" (at least one Document), or "any"
(either, as long as nothing crashes). The readers are tested against it in
tests/ingest/test_hostile.py with `Settings(max_bytes=50_000, offline=True)`.

Run: python scripts/make_hostile_corpus.py [NAME...]   (names: rewrite only those samples)

The inputs too large to commit (a 19 MB text, a 1.4 MB article, a WARC with a 60 MB record) and
a file name that is not UTF-8 are made at test time by tests/fixtures/hostile_large.py (#13).
"""
from __future__ import annotations

import gzip
import io
import json
import random
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "hostile"
# The size limit the hostile test runs with; files and bombs below are sized against it.
TEST_MAX_BYTES = 50_000

ARTICLE = (
    "Officials said on Tuesday that the two armed groups had agreed to a ceasefire after weeks of "
    "fighting near the border town.\n\n"
    "The agreement was announced by a spokesman for the regional council, who said talks would "
    "continue next month in the capital.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ceasefire agreed</title></head><body>"
    "<nav>Home | World | Politics</nav><article><h1>Ceasefire agreed</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    + "</article><footer>Share On Facebook</footer></body></html>"
)


def make_warc(records: list[tuple[str, bytes, str]], *, gzip_records: bool) -> bytes:
    """A WARC with one HTTP response record per (url, body, content type)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    for url, body, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def build_files() -> list[tuple[str, bytes, str]]:
    """(file name, bytes, expected outcome) for every hostile sample."""
    rng = random.Random(3)
    good_warc = make_warc([(f"http://example.com/{i}", PAGE.encode(), "text/html") for i in range(3)],
                          gzip_records=True)
    plain_warc = make_warc([("http://example.com/a", PAGE.encode(), "text/html")] * 2, gzip_records=False)
    bomb = gz(b"\0" * (TEST_MAX_BYTES * 40))
    files = [
        # empty, binary, undecodable
        ("empty.txt", b"", "rejected"),
        ("whitespace_only.txt", b"  \n\t\n   \r\n", "rejected"),
        ("nul_bytes.txt", b"text\0with\0nul\0bytes" * 20, "rejected"),
        ("random_binary.bin", bytes(rng.randrange(256) for _ in range(4096)), "rejected"),
        ("fake_pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "rejected"),
        ("png_named.html", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512)), "rejected"),
        ("archive.zip", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(256)), "rejected"),
        ("elf_named.txt", b"\x7fELF\x02\x01\x01" + b"\0" * 64, "rejected"),
        ("invalid_utf8.txt", bytes(rng.randrange(128, 256) for _ in range(2000)), "rejected"),
        ("utf16_no_bom.txt", ARTICLE.encode("utf-16-le"), "rejected"),
        ("control_chars.txt", bytes(rng.choice(range(1, 9)) for _ in range(500)) + b"abc", "rejected"),
        ("only_symbols.txt", b"----- ***** ===== ##### \n ~~~~ ^^^^ \n", "rejected"),
        ("sqlite_named.txt", b"SQLite format 3\0" + b"\0" * 100, "rejected"),
        # valid but odd text
        ("cp1252_article.txt", ARTICLE.replace("Officials", "Officials\u2019").encode("cp1252"), "document"),
        ("utf16_bom.txt", ARTICLE.encode("utf-16"), "document"),
        ("utf8_bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode(), "document"),
        ("mixed_line_endings.txt", ARTICLE.replace("\n\n", "\r\n\r\n").encode() + b"Last line.\r", "document"),
        ("rtl_and_emoji.txt", ("\u202e" + ARTICLE + " \U0001f4a5 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\n").encode(), "document"),
        ("zero_width.txt", ARTICLE.replace(" ", " \u200b").encode(), "document"),
        ("one_huge_line.txt", (("word " * 8 + "end. ") * 600).encode(), "document"),
        ("oversize.txt", (ARTICLE * 600).encode()[: TEST_MAX_BYTES + 5000], "rejected"),
        ("furniture_only.txt", b"Close this search box.\nShare On Facebook\nLeave a Reply\nMost Popular Articles\n", "rejected"),
        ("html_named.txt", PAGE.encode(), "document"),
        ("json_pretty.json", json.dumps({"text": ARTICLE}, indent=2).encode(), "any"),
        # malformed HTML
        ("unclosed_tags.html", b"<html><body><div><p>" + ARTICLE.encode() + b"<p><b><i><div>", "any"),
        ("deep_nesting.html", b"<html><body>" + b"<div>" * 5000 + ARTICLE.encode() + b"</div>" * 10, "any"),
        ("no_body.html", b"<html><head><title>Nothing</title></head></html>", "rejected"),
        ("script_only.html", b"<html><body><script>" + b"var a=1;" * 300 + b"</script></body></html>", "rejected"),
        ("unknown_charset.html", b"<html><head><meta charset='x-no-such-charset'></head><body><p>\xe9\xe8 "
         + ARTICLE.encode() + b"</p></body></html>", "rejected"),
        ("charset_mismatch.html", b"<html><head><meta charset='utf-8'></head><body><article><p>"
         + ARTICLE.replace("Officials", "Officials\u2019").encode("cp1252") + b"</p></article></body></html>", "any"),
        ("huge_attribute.html", b"<html><body><p title='" + b"A" * 30000 + b"'>" + ARTICLE.encode() + b"</p></body></html>", "any"),
        ("svg.html", b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'><text>hi</text></svg>", "rejected"),
        ("entity_bomb.html", b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
         + b"".join(f"<!ENTITY lol{i} '{('&lol' + str(i - 1) + ';') * 10 if i else '&lol;' * 10}'>".encode() for i in range(9))
         + b"]><html><body><p>&lol8;</p></body></html>", "any"),
        # feeds
        ("feed_truncated.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>A", "any"),
        ("feed_empty_channel.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>", "rejected"),
        ("atom_no_entries.xml", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>T</title></feed>", "rejected"),
        ("feed_entry_no_text.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
         b"<item><title></title><link>http://127.0.0.1/x</link></item></channel></rss>", "rejected"),
        ("feed_xxe.rss", b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
         b"<rss version='2.0'><channel><title>T</title><item><title>X</title><description>&x; "
         + ARTICLE.encode() + b"</description></item></channel></rss>", "any"),
        ("feed_billion_laughs.rss", b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'>"
         + b"".join(f"<!ENTITY a{i} '{('&a' + str(i - 1) + ';') * 10 if i else '&a;' * 10}'>".encode() for i in range(9))
         + b"]><rss version='2.0'><channel><title>T</title><item><title>X</title><description>&a8;</description>"
         b"</item></channel></rss>", "any"),
        ("feed_script_summary.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item>"
         b"<title>Ceasefire</title><link>file:///etc/passwd</link><pubDate>Tue, 07 Feb 2017 10:00:00 GMT</pubDate>"
         b"<description><![CDATA[<script>alert(1)</script><p>" + ARTICLE.encode() + b"</p>]]></description>"
         b"</item></channel></rss>", "document"),
        ("feed_not_xml.rss", b"<rss" + bytes(rng.randrange(32, 127) for _ in range(300)), "any"),
        # JSONL
        ("bad_lines.jsonl", b'{"text": "' + ARTICLE.replace("\n", " ").encode() + b'"}\n{not json\n[1,2]\n'
         b'{"text": 42}\n{"text": ""}\n"string"\n', "document"),
        ("no_objects.jsonl", b"[1, 2, 3]\n42\nnull\n", "rejected"),
        ("deep_nesting.jsonl", b"[" * 20_000 + b"\n", "rejected"),
        ("odd_values.jsonl", b'{"text": "' + ARTICLE.replace("\n", " ").encode()
         + b'", "published": 1e999, "url": ["x"], "title": {"a": 1}, "authors": "x"}\n', "document"),
        ("invalid_utf8.jsonl", b'{"text": "\xff\xfe\xfa bad bytes \xc3\x28"}\n', "any"),
        # URL lists (no DNS needed: every host is an address literal or localhost)
        ("hostile_urls.txt", "\n".join([
            "file:///etc/passwd", "ftp://127.0.0.1/x", "http://127.0.0.1:9/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/", "http://0x7f000001/", "http://2130706433/", "http://user:pass@127.0.0.1/",
            "http://10.0.0.1/", "http://192.168.1.1/admin", "http://[fe80::1]/", "http://0.0.0.0/",
            "http://[::ffff:127.0.0.1]/", "https://localhost:22/", "http://127.0.0.1:99999/",
            "http://" + "a" * 3000 + ".com/",
        ]).encode(), "rejected"),
        # gzip and zip bombs, truncation
        ("bomb.txt.gz", bomb, "rejected"),
        ("bomb.html.gz", bomb, "rejected"),
        ("truncated.txt.gz", gz(ARTICLE.encode() * 20)[:200], "rejected"),
        ("garbage.gz", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(300)), "rejected"),
        ("multi_member.txt.gz", gz(ARTICLE.encode()) + gz(b"\nA second member adds one more sentence to the story.\n"), "document"),
        # WARC
        ("truncated.warc.gz", good_warc[: len(good_warc) * 2 // 3 + 150], "any"),
        ("truncated.warc", plain_warc[: len(plain_warc) - 300], "any"),
        ("corrupt_gzip.warc.gz", good_warc[:40] + bytes(rng.randrange(256) for _ in range(500)), "rejected"),
        ("bad_header.warc", b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"x" * 100, "rejected"),
        ("no_html_records.warc.gz", make_warc([("http://example.com/i.png", b"\x89PNG" + b"\0" * 50, "image/png")],
                                              gzip_records=True), "rejected"),
        ("record_bomb.warc.gz", make_warc([("http://example.com/big", b"<html><body><p>" + b"a " * (TEST_MAX_BYTES * 20)
                                            + b"</p></body></html>", "text/html")], gzip_records=True), "rejected"),
        ("good_then_garbage.warc.gz", good_warc + bytes(rng.randrange(256) for _ in range(200)), "any"),
        # text that stores, formats and terminals must survive (#13); each a story of its own
        ("markup_outlet.jsonl", json.dumps({"text": variant("markup"), "outlet": "Daily [/bold] News",
                                            "title": "[red]evil[/red] [link=file:///etc/passwd]click[/link]",
                                            "url": "http://example.com/[bold]x"}).encode() + b"\n", "document"),
        ("nul_title.jsonl", json.dumps({"text": variant("nul"), "title": "Ceasefire\u0000 agreed\u0000"}).encode()
         + b"\n", "document"),
        # a few in a long text: many would make it binary data (decode.MAX_CONTROL_SHARE)
        ("escape_sequences.txt", (variant("escape") + "\n" + ARTICLE.replace("\n\n", "\n\n") * 6)
         .replace("Officials", "\x1b[2J\x1b]0;pwned\x07Officials\x08\x0b", 1).encode(), "document"),
        # a local list of URLs: never fetched unless --follow-links
        ("links.txt", b"https://www.voanews.com/a/story/1.html\nhttps://example.org/news/2\n", "rejected"),
    ]
    return files


def variant(tag: str) -> str:
    """ARTICLE made distinct (its own document id) by a closing sentence naming `tag`."""
    return ARTICLE + f"\nThe {tag} correspondent added that the talks would resume on Friday.\n"


def main(only: list[str] | None = None) -> None:
    """Write every sample afresh, or (with names) only those: the WARC samples carry the time they
    were made, so rewriting them changes bytes in git for nothing."""
    if OUT.exists() and not only:
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, data, outcome in build_files():
        if not only or name in only:
            (OUT / name).write_bytes(data)
        expected[name] = outcome
    (OUT / ".expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {len(expected)} hostile files ({total:,} bytes) to {OUT}")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:] or None)
