"""Benchmark: ingest a generated WARC of HTML records; print docs/s and peak RSS (issue #3).

Run: .venv/bin/python benchmarks/ingest_warc.py [--records 1000]

The WARC is written with warcio into a temporary folder (gzip per record, as crawlers write
them); each record is a distinct ~3 KB news-like page with navigation, share bars and a
comment block around the article. Documents are consumed one at a time and dropped, as the
pipeline does, so peak RSS shows whether reading streams.
"""
from __future__ import annotations

import argparse
import io
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.ingest import Rejected, iter_sources
from claimgraph.settings import Settings

WORDS = ("officials said the group attacked a convoy near the border on Monday while talks continued in "
         "the capital and aid workers reported shortages of fuel water and medicine across the province").split()


def make_page(i: int, rng: random.Random) -> bytes:
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45))).capitalize() + f" (report {i}).</p>"
        for _ in range(rng.randint(5, 9))
    )
    return (
        f"<!DOCTYPE html><html><head><title>Report {i} | Example Wire</title>"
        f"<meta property='og:site_name' content='Example Wire'>"
        f"<meta property='article:published_time' content='20{10 + i % 15}-0{1 + i % 9}-1{i % 10}'></head><body>"
        "<header><nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/politics'>Politics</a></nav></header>"
        f"<article><h1>Report number {i} from the province</h1>{paragraphs}</article>"
        "<div class='share'>Share On Facebook Share On Twitter</div>"
        "<section class='comments'><p>Leave a Reply</p></section><footer>All rights reserved.</footer></body></html>"
    ).encode()


def write_warc(path: Path, records: int) -> None:
    rng = random.Random(1)
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for i in range(records):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://wire.example.org/{i}", "response",
                                               payload=io.BytesIO(make_page(i, rng)), http_headers=headers)
            writer.write_record(record)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="HTML records in the generated WARC")
    args = parser.parse_args()
    console = Console(stderr=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.warc.gz"
        write_warc(path, args.records)
        size = path.stat().st_size
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        documents = rejected = chars = 0
        start = time.perf_counter()
        with Progress(TextColumn("ingest WARC"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console) as progress:
            task = progress.add_task("ingest", total=args.records)
            for item in iter_sources([str(path)], settings=Settings(offline=True),
                                     on_progress=lambda _source: progress.advance(task)):
                if isinstance(item, Rejected):
                    rejected += 1
                else:
                    documents += 1
                    chars += len(item.text)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"date: {time.strftime('%Y-%m-%d')}; python {sys.version.split()[0]}")
    print(f"WARC: {args.records} HTML records, {size / 1e6:.1f} MB gzipped")
    print(f"documents: {documents}, rejected: {rejected}, clean text: {chars / 1e6:.1f} M chars")
    print(f"time: {elapsed:.1f} s, {documents / elapsed:.1f} docs/s")
    print(f"peak RSS: {peak / 1024:.0f} MB (before ingest: {rss_before / 1024:.0f} MB)")
    return 0 if documents == args.records and not rejected else 1


if __name__ == "__main__":
    sys.exit(main())
