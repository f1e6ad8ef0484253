"""Throughput and memory of `claimgraph build` beside bare spaCy `nlp.pipe`, on real or synthetic news.

For each corpus size and each engine/worker count, this runs (each in a fresh process,
same texts, same model, same run):

  bare   spacy.load(model).pipe(texts, n_process=W, batch_size=32): the ceiling
  nlp    (--claimgraph-nlp) the same with claimgraph's pipeline (claimgraph.nlp.load_nlp): what the
         build's parsing alone costs, beside the stock model
  build  claimgraph.pipeline.build(...): ingest, nlp, extract, store, resolve, corroborate

and prints documents/s, words/s, the build/bare ratio, peak memory of the whole process
tree (parent + workers, or the driver + the local Ray cluster), and how long the reduce
(resolve + corroborate) took. See benchmarks/README.md.

    python benchmarks/throughput.py                          # 1k documents, 1 and 2 workers, Ray
    python benchmarks/throughput.py --corpus voa --sizes 500 --workers 2 --ray-workers 0 --repeat 2
    python benchmarks/throughput.py --corpus voa --sizes 500 --workers 2 --ray-workers 0 --claimgraph-nlp
    python benchmarks/throughput.py --sizes 1000,10000,50000 --json results/scale.json
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# How often the process tree's memory is sampled (seconds).
SAMPLE_SECONDS = 0.2
# Texts per nlp.pipe batch, the same as the build's default batch (settings.batch_size).
BATCH_SIZE = 32
# The real news of `--corpus voa`: 89 Voice of America stories (public domain), the ones
# benchmarks/voa/evaluate.py scores against.
VOA_STORIES = HERE.parents[1] / "shared" / "corpus" / "voa" / "voa_stories.jsonl"


def _load_synthetic():
    spec = importlib.util.spec_from_file_location("claimgraph_bench_synthetic", HERE / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- memory of a process tree, from /proc (Linux) ----------------------------------------------

def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(parent, []).append(int(entry))
    return tree


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it (tests use it too)."""
    tree, found, stack = _children(), [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(tree.get(pid, []))
    return found


def _tree_memory(root: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) in bytes over `root` and its descendants.

    RSS counts pages shared between forked workers once per process; PSS splits them,
    so PSS is the honest total. Both are reported.
    """
    rss, pss = 0, 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss, pss


def run_measured(command: list[str]) -> tuple[dict, int, int]:
    """Run a child, sampling its tree's memory; returns (its JSON result, peak RSS, peak PSS)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peaks = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            rss, pss = _tree_memory(process.pid)
            peaks[0], peaks[1] = max(peaks[0], rss), max(peaks[1], pss)
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return json.loads(output.strip().splitlines()[-1]), peaks[0], peaks[1]


# -- the corpora -------------------------------------------------------------------------------

# A corpus is a folder: synthetic.py's numbered .txt files, or one stories.jsonl (real news).
JSONL_NAME = "stories.jsonl"


def write_real_corpus(folder: Path, count: int, stories: Path = VOA_STORIES) -> Path:
    """`count` real stories as one JSONL file in `folder`: the stories of `stories`, cycled.

    A build skips a text it has already stored (a document's id is the hash of its text), so every
    repetition of a story gets its copy number appended to its last paragraph (" (Copy 2.)"): one
    token more, the rest of the text as written. Repeated stories are stored as near-duplicates of
    their first copy, as a wire story syndicated on several sites would be, and extracted all the same.
    """
    records = [json.loads(line) for line in stories.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not records:
        raise SystemExit(f"{stories}: no stories")
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / JSONL_NAME, "w", encoding="utf-8") as out:
        for index in range(count):
            record, copy = records[index % len(records)], index // len(records)
            text = record["text"].rstrip() + (f" (Copy {copy + 1}.)" if copy else "")
            url = record.get("url") or f"https://example.org/story/{index % len(records)}"
            out.write(json.dumps({"text": text, "url": url + (f"#copy-{copy + 1}" if copy else ""),
                                  "title": record.get("title"), "published": record.get("published"),
                                  "outlet": "Voice of America"}) + "\n")
    return folder


def _texts(corpus: Path):
    """The texts of a corpus folder, as bare spaCy reads them (a build reads the same files)."""
    jsonl = corpus / JSONL_NAME
    if jsonl.exists():
        with open(jsonl, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)["text"]
        return
    for path in sorted(corpus.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def _source(corpus: Path) -> str:
    """What a build is given for `corpus`: its JSONL file, or the folder of .txt files."""
    jsonl = corpus / JSONL_NAME
    return str(jsonl if jsonl.exists() else corpus)


# -- the two children ---------------------------------------------------------------------------


def child_bare(corpus: Path, model: str, processes: int, pipeline: str = "stock") -> dict:
    """nlp.pipe alone: the model as spaCy ships it ("stock"), or as claimgraph runs it ("claimgraph":
    its own components added, two stock ones replaced by cached equivalents, claimgraph.nlp)."""
    start = time.perf_counter()
    import spacy

    if pipeline == "claimgraph":
        from claimgraph.nlp import load_nlp

        nlp = load_nlp(model)
    else:
        nlp = spacy.load(model)
    loaded = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(_texts(corpus), batch_size=BATCH_SIZE, n_process=processes))
    end = time.perf_counter()
    return dict(documents=count, seconds=end - start, load_seconds=loaded - start)


def child_build(corpus: Path, model: str, engine: str, workers: int, db: str) -> dict:
    start = time.perf_counter()
    from claimgraph.pipeline import build
    from claimgraph.settings import get_settings

    settings = get_settings()
    settings.model = model
    marks: dict[str, float] = {}

    def on_progress(event: str, count: int) -> None:
        if event == "document":
            marks.setdefault("first", time.perf_counter())
            marks["last"] = time.perf_counter()

    report = build([_source(corpus)], db, settings=settings, on_progress=on_progress, engine=engine,
                   workers=workers)
    end = time.perf_counter()
    last = marks.get("last", end)
    return dict(documents=report.ingested, seconds=end - start, map_seconds=last - start,
                first_batch_seconds=marks.get("first", end) - start, reduce_seconds=end - last,
                entities=report.entities, claim_groups=report.claim_groups)


def child_replicate(source: str, target: str, documents: int) -> dict:
    """Copy the map output of `source` into `target` until it holds `documents` documents.

    Copies get new document ids and outlets (`<id>-<copy>`, `<outlet> <copy>`), so the reduce
    sees the same actors reported by ever more documents and outlets. Not measured.
    """
    from sqlalchemy import insert, select

    from claimgraph.store import Store
    from claimgraph.store import tables as t

    start = time.perf_counter()
    origin, copy = Store(source), Store(target)
    with origin.engine.connect() as conn:
        originals = [row._asdict() for row in conn.execute(select(t.documents))]
        mentions = [row._asdict() for row in conn.execute(select(t.mentions).order_by(t.mentions.c.id))]
        claims = [row._asdict() for row in conn.execute(select(t.claims).order_by(t.claims.c.id))]
    for row in mentions + claims:
        row.pop("id")
    by_document: dict[str, tuple[list, list]] = {d["id"]: ([], []) for d in originals}
    for row in mentions:
        by_document[row["document_id"]][0].append(row)
    for row in claims:
        by_document[row["document_id"]][1].append(row)
    written = 0
    while written < documents:
        number = written // len(originals)
        with copy.writer.begin() as conn:
            for document in originals[:documents - written]:
                new_id = f"{document['id']}-{number}"
                conn.execute(insert(t.documents).values(**{**document, "id": new_id, "duplicate_of": None,
                                                          "outlet": f"{document['outlet'] or 'Wire'} {number}"}))
                doc_mentions, doc_claims = by_document[document["id"]]
                if doc_mentions:
                    conn.execute(insert(t.mentions), [{**m, "document_id": new_id} for m in doc_mentions])
                if doc_claims:
                    conn.execute(insert(t.claims), [{**c, "document_id": new_id} for c in doc_claims])
                written += 1
    origin.close()
    copy.close()
    return dict(documents=written, seconds=time.perf_counter() - start)


def child_reduce(db: str) -> dict:
    from claimgraph.pipeline import reduce_graph
    from claimgraph.store import Store

    store = Store(db)
    stats = store.stats()
    start = time.perf_counter()
    entities, groups = reduce_graph(store)
    seconds = time.perf_counter() - start
    store.close()
    return dict(documents=stats["documents"], mentions=stats["mentions"], claims=stats["extracted_claims"],
                seconds=seconds, entities=entities, claim_groups=groups)


# -- the parent ---------------------------------------------------------------------------------

def _me(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), *args]


def _row(label: str, size: int, words: int, result: dict, rss: int, pss: int, bare: dict | None) -> dict:
    row = dict(run=label, documents=size, words=words, seconds=round(result["seconds"], 2),
               docs_per_s=round(size / result["seconds"], 1), words_per_s=round(words / result["seconds"]),
               peak_rss_mb=round(rss / 2**20), peak_pss_mb=round(pss / 2**20))
    if bare:
        row["ratio_to_bare"] = round(bare["seconds"] / result["seconds"], 2)
    if "reduce_seconds" in result:
        row["reduce_seconds"] = round(result["reduce_seconds"], 2)
        row["map_seconds"] = round(result["map_seconds"], 2)
        row["claim_groups"] = result["claim_groups"]
    return row


COLUMNS = ["run", "documents", "seconds", "docs_per_s", "words_per_s", "ratio_to_bare",
           "peak_pss_mb", "peak_rss_mb", "map_seconds", "reduce_seconds"]


def _print_row(row: dict | None = None) -> None:
    """One Markdown table row; the header when `row` is None."""
    if row is None:
        print("| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS), flush=True)
    else:
        print("| " + " | ".join(str(row.get(c, "")) for c in COLUMNS) + " |", flush=True)


def _remove_sqlite(db: str) -> None:
    for suffix in ("", "-wal", "-shm", "-graphlock"):
        Path(db + suffix).unlink(missing_ok=True)


def _measure_reduce(source: str, sizes: list[int], tmp: str) -> list[dict]:
    """Resolve + corroborate alone, on `source`'s map output replicated to each size."""
    print("\n| reduce over | mentions | claims | seconds | seconds per 1k documents | peak_pss_mb | peak_rss_mb |\n"
          "|---|---|---|---|---|---|---|", flush=True)
    rows = []
    for size in sizes:
        db = str(Path(tmp) / f"reduce-{size}.db")
        subprocess.run(_me("--child", "replicate", source, db, str(size)), check=True, stdout=subprocess.DEVNULL)
        result, rss, pss = run_measured(_me("--child", "reduce", db, "-"))
        rows.append(dict(documents=result["documents"], mentions=result["mentions"], claims=result["claims"],
                         seconds=round(result["seconds"], 2),
                         seconds_per_1k=round(1000 * result["seconds"] / result["documents"], 2),
                         peak_pss_mb=round(pss / 2**20), peak_rss_mb=round(rss / 2**20)))
        print("| " + " | ".join(str(v) for v in rows[-1].values()) + " |", flush=True)
        _remove_sqlite(db)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (documents)")
    parser.add_argument("--corpus", choices=("synthetic", "voa"), default="synthetic",
                        help="synthetic: synthetic.py's templated stories (~200 words); voa: the 89 real "
                             "Voice of America stories (~670 words), cycled to each size (the acceptance run of #15)")
    parser.add_argument("--stories", type=Path, default=VOA_STORIES, help="the JSONL stories of --corpus voa")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts for the local engine")
    parser.add_argument("--ray-workers", type=int, default=2, help="Ray actors (0: skip Ray)")
    parser.add_argument("--model", default=None, help="spaCy model (default: the claimgraph setting)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure each run this many times (alternating) and keep the fastest")
    parser.add_argument("--reduce-sizes", default="",
                        help="also time resolve + corroborate alone on the first size's build output "
                             "replicated to these sizes (comma-separated), e.g. 1000,10000,50000")
    parser.add_argument("--no-bare", action="store_true",
                        help="builds only, no bare nlp.pipe beside them (memory at large sizes in half the time)")
    parser.add_argument("--claimgraph-nlp", action="store_true",
                        help="also time nlp.pipe with claimgraph's pipeline alone (its ratio is to bare)")
    parser.add_argument("--json", dest="json_out", default=None, help="also write the rows to this JSON file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:  # one measured run, in its own process
        kind, corpus, model, *rest = args.child
        if kind == "bare":
            result = child_bare(Path(corpus), model, int(rest[0]), *rest[1:])
        elif kind == "replicate":
            result = child_replicate(corpus, model, int(rest[0]))  # (source db, target db, count)
        elif kind == "reduce":
            result = child_reduce(corpus)
        else:
            result = child_build(Path(corpus), model, rest[0], int(rest[1]), rest[2])
        print(json.dumps(result))
        return 0

    from claimgraph.settings import get_settings

    model = args.model or get_settings().model
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = [int(w) for w in args.workers.split(",")]
    ray_workers = args.ray_workers if importlib.util.find_spec("ray") else 0
    if args.ray_workers and not ray_workers:
        print("ray is not installed: skipping the Ray engine (pip install 'claimgraph[ray]')", file=sys.stderr)
    synthetic = _load_synthetic()
    load = os.getloadavg()
    print(f"# {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
          f"{os.cpu_count()} cores, load average {load[0]:.1f}, model {model}, corpus {args.corpus}", flush=True)
    rows: list[dict] = []
    reduce_rows: list[dict] = []
    reduce_source = ""
    _print_row()
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        for size in sizes:
            if args.corpus == "voa":
                corpus = write_real_corpus(Path(tmp) / f"corpus{size}", size, args.stories)
            else:
                corpus = synthetic.write_corpus(Path(tmp) / f"corpus{size}", size)
            words = sum(len(text.split()) for text in _texts(corpus))
            runs = [("local", w) for w in worker_counts] + ([("ray", ray_workers)] if ray_workers else [])
            for engine, workers in runs:
                # bare and build alternate, `repeat` times; the fastest of each is kept, since
                # other load on the machine only ever slows a run down
                bare = build = ours = None
                for _ in range(args.repeat):
                    if not args.no_bare:
                        measured = run_measured(_me("--child", "bare", str(corpus), model, str(workers)))
                        bare = min(bare or measured, measured, key=lambda m: m[0]["seconds"])
                    if args.claimgraph_nlp and engine == "local":
                        measured = run_measured(_me("--child", "bare", str(corpus), model, str(workers), "claimgraph"))
                        ours = min(ours or measured, measured, key=lambda m: m[0]["seconds"])
                    db = str(Path(tmp) / f"{engine}{workers}-{size}.db")
                    _remove_sqlite(db)  # every build starts from an empty database
                    measured = run_measured(_me("--child", "build", str(corpus), model, engine, str(workers), db))
                    build = min(build or measured, measured, key=lambda m: m[0]["seconds"])
                    if measured[0]["documents"] != size:
                        print(f"warning: the build stored {measured[0]['documents']} of {size} documents",
                              file=sys.stderr, flush=True)
                    if not (args.reduce_sizes and engine == "local" and size == sizes[0]):
                        _remove_sqlite(db)
                    else:
                        reduce_source = db
                if bare:
                    rows.append(_row(f"bare nlp.pipe x{workers}", size, words, *bare, None))
                    _print_row(rows[-1])
                if ours:
                    rows.append(_row(f"claimgraph nlp.pipe x{workers}", size, words, *ours, bare and bare[0]))
                    _print_row(rows[-1])
                rows.append(_row(f"build {engine} x{workers}", size, words, *build, bare and bare[0]))
                _print_row(rows[-1])
            for path in [*corpus.glob("*.txt"), *corpus.glob("*.jsonl")]:
                path.unlink()
        if args.reduce_sizes:
            reduce_rows = _measure_reduce(reduce_source, [int(n) for n in args.reduce_sizes.split(",") if n], tmp)
    if args.json_out:
        Path(args.json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json_out).write_text(json.dumps(dict(load_average=load, model=model, corpus=args.corpus, rows=rows,
                                                       reduce=reduce_rows), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
