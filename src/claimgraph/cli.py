"""The command line: parse, call the library, print. The only module that prints.

Run `claimgraph --help`; every command is documented in docs/cli.md.
"""
from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import ClaimgraphError
from .safetext import printable
from .settings import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news reports into a sourced network of who does what to whom.")
console = Console()
err_console = Console(stderr=True)

DB_OPTION = typer.Option("claimgraph.db", "--db", help="SQLite file path or database URL (postgresql://...).")


def _shown(value: object) -> str:
    """Text from documents or the user, safe to print: no markup (`[/bold]` in an outlet name is
    text), no control character, no surrogate (#13). Every value the CLI prints goes through here."""
    return escape(printable(str(value)))


def _shown_db(db: str) -> str:
    """The database as printed: a URL's password masked."""
    from .store.store import mask_db

    return _shown(mask_db(db))


def _fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]error:[/red] {_shown(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _document_progress(label: str) -> Iterator:
    """A Rich progress line counting documents (total unknown: sources stream) with a rate."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                  console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=None, rate="")

        def on_progress(event: str, count: int) -> None:
            if event == "document":
                progress.advance(task, count)
                elapsed = progress.tasks[0].elapsed or 0
                done = progress.tasks[0].completed
                if elapsed > 0:
                    progress.update(task, rate=f"{done / elapsed:.1f} docs/s")

        yield on_progress


def _print_rejected(rejected: list[str]) -> None:
    for line in rejected:
        err_console.print(f"[yellow]skipped[/yellow] {_shown(line)}", highlight=False, soft_wrap=True)


def _require_db(db: str) -> None:
    """Refuse a SQLite path that does not exist (opening it would create an empty database)."""
    if "://" not in db and not Path(db).expanduser().exists():
        _fail(f"{db}: no such database; build one first: claimgraph build SOURCES --db {db}")


def _print_version(value: bool) -> None:
    if value:
        console.print(f"claimgraph {__version__}", highlight=False)
        raise typer.Exit()


def _open_existing(db: str):
    """The store at DB; a missing SQLite file fails with one line instead of being created."""
    from .store import Store

    _require_db(db)
    return Store(db)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log stage progress."),
         version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                      help="Print the version and exit.")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


OUTLET_OPTION = typer.Option(None, "--outlet", help="Outlet of every document of this run (plain text has "
                                                    "none; a sidecar FILE.meta.json wins).")
PUBLISHED_OPTION = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) of every document of this run.")
CSV_COLUMNS_OPTION = typer.Option(None, "--csv-columns", help="CSV column of each field: "
                                                             "text=COL,title=COL,date=COL,outlet=COL,url=COL.")


def _set_given_metadata(settings, outlet: str | None, published: str | None, csv_columns: str | None) -> None:
    """Check and keep the run's --outlet, --published and --csv-columns (#12); a bad value fails in one line."""
    from .ingest.csvfile import parse_column_mapping
    from .ingest.metadata import parse_published

    try:
        settings.published = parse_published(published, where="--published")
        settings.csv_columns = parse_column_mapping(csv_columns)
    except (ClaimgraphError, ValueError) as err:
        _fail(str(err))
    settings.outlet = outlet.strip() if outlet and outlet.strip() else None


@app.command()
def build(sources: list[str] = typer.Argument(..., help="Files, folders or URLs to ingest."),
          db: str = DB_OPTION,
          offline: bool = typer.Option(False, "--offline", help="Refuse all network access."),
          allow_private: bool = typer.Option(False, "--allow-private",
                                             help="Allow fetching from private/loopback addresses."),
          follow_links: bool = typer.Option(False, "--follow-links",
                                            help="Fetch the URLs listed in local files (links lists, saved "
                                                 "feeds); by default only URLs given here are fetched."),
          model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path."),
          workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                                help="Worker processes or Ray actors (default: every core)."),
          engine: str = typer.Option("local", "--engine", help="Where extraction runs: local or ray."),
          address: Optional[str] = typer.Option(None, "--address",
                                                help="Ray cluster address (with --engine ray); "
                                                     "default: start a local cluster."),
          outlet: Optional[str] = OUTLET_OPTION, published: Optional[str] = PUBLISHED_OPTION,
          csv_columns: Optional[str] = CSV_COLUMNS_OPTION) -> None:
    """Ingest, extract, resolve, corroborate and store SOURCES (re-running changes nothing)."""
    from .pipeline import build as run_build

    settings = get_settings()
    settings.offline = settings.offline or offline
    settings.follow_links = settings.follow_links or follow_links
    _set_given_metadata(settings, outlet, published, csv_columns)
    if model:
        settings.model = model
    try:
        with _document_progress("build") as on_progress:
            report = run_build(sources, db, settings=settings, allow_private=allow_private,
                               on_progress=on_progress, engine=engine, workers=workers, address=address)
    except ClaimgraphError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        _fail("interrupted; the batches already written are kept: run the same command again to resume", 130)
    _print_rejected(report.rejected)
    console.print(f"{report.ingested} new documents ({report.duplicates} near-duplicates), "
                  f"{report.unchanged} unchanged, {len(report.rejected)} rejected; "
                  f"{report.entities} entities, {report.claim_groups} claims in {_shown_db(db)}", highlight=False)
    if not report.ingested and not report.unchanged:
        _fail("no document was stored: every source was rejected (see the lines above)")


@app.command()
def ingest(sources: list[str] = typer.Argument(..., help="Files, folders or URLs to ingest."),
           db: str = DB_OPTION,
           offline: bool = typer.Option(False, "--offline", help="Refuse all network access."),
           allow_private: bool = typer.Option(False, "--allow-private",
                                              help="Allow fetching from private/loopback addresses."),
           follow_links: bool = typer.Option(False, "--follow-links",
                                             help="Fetch the URLs listed in local files (links lists, saved "
                                                  "feeds); by default only URLs given here are fetched."),
           outlet: Optional[str] = OUTLET_OPTION, published: Optional[str] = PUBLISHED_OPTION,
           csv_columns: Optional[str] = CSV_COLUMNS_OPTION) -> None:
    """Store SOURCES as documents without extracting claims."""
    from .pipeline import ingest as run_ingest

    settings = get_settings()
    settings.offline = settings.offline or offline
    settings.follow_links = settings.follow_links or follow_links
    _set_given_metadata(settings, outlet, published, csv_columns)
    try:
        with _document_progress("ingest") as on_progress:
            report = run_ingest(sources, db, settings=settings, allow_private=allow_private,
                                on_progress=on_progress)
    except ClaimgraphError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        _fail("interrupted; the documents already stored are kept: run the same command again to resume", 130)
    _print_rejected(report.rejected)
    console.print(f"ingested {report.ingested}, duplicates {report.duplicates}, "
                  f"unchanged {report.unchanged}, rejected {len(report.rejected)}")
    if not report.ingested and not report.unchanged:
        _fail("no document was stored: every source was rejected (see the lines above)")


@app.command()
def documents(db: str = DB_OPTION,
              as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table.")) -> None:
    """List stored documents: source, outlet, date, date source, length, duplicate-of (docs/ingest.md)."""

    try:
        store = _open_existing(db)
        rows = [(d.id, d.source, d.outlet, d.published, d.date_source, len(d.text), d.duplicate_of, d.title)
                for d in store.iter_documents()]
        store.close()
    except ClaimgraphError as err:
        _fail(str(err))
    if as_json:
        keys = ("id", "source", "outlet", "published", "date_source", "length", "duplicate_of", "title")
        for row in rows:
            console.print_json(json.dumps(dict(zip(keys, row))))
        return
    table = Table("id", "source", "outlet", "date", "date source", "length", "duplicate of",
                  title=f"{len(rows)} documents in {_shown_db(db)}")
    for document_id, source, outlet, published, date_source, length, duplicate_of, _title in rows:
        table.add_row(document_id[:10], _shown(source), _shown(outlet or "-"), _shown(published or "-"),
                      _shown(date_source or "-"), f"{length:,}", (duplicate_of or "")[:10] or "-")
    console.print(table)


@app.command()
def export(out: Path = typer.Argument(..., help="Output file."),
           db: str = DB_OPTION,
           format: str = typer.Option("json", "--format", "-f",
                                      help="json, ftm (FollowTheMoney JSON lines), graphml, gexf, "
                                           "csv (a folder, or a .zip when OUT ends in .zip)"),
           rollup: bool = typer.Option(False, "--rollup",
                                       help="json only: claims of wings and units re-grouped onto their "
                                            "top-level ancestor (each lists rolled_up_from)."),
           isolates: bool = typer.Option(False, "--isolates",
                                         help="graphml and gexf only: keep entities that no claim "
                                              "touches (left out by default).")) -> None:
    """Write the graph to OUT in the chosen format (docs/json-export.md, docs/exports.md).

    OUT is written whole and valid or not at all: to a temporary file beside it, parsed back, then
    moved into place (export/output.py)."""
    from .export import write_json
    from .export.csv import write_csv
    from .export.ftm import write_ftm
    from .export.graph import write_gexf, write_graphml
    from .export.output import write_export

    writers = {"json": write_json, "ftm": write_ftm, "graphml": write_graphml, "gexf": write_gexf,
               "csv": write_csv}
    if format not in writers:
        _fail(f"unknown format {format!r}; choose one of: {', '.join(writers)}")
    if rollup and format != "json":
        _fail(f"--rollup works with --format json only, not {format!r}")
    if isolates and format not in ("graphml", "gexf"):
        _fail(f"--isolates works with --format graphml or gexf only, not {format!r}")
    try:
        store = _open_existing(db)
        if rollup:
            def write(path):
                return write_json(store, path, rollup=True)
        elif format in ("graphml", "gexf"):
            def write(path):
                return writers[format](store, path, isolates=isolates)
        else:
            def write(path):
                return writers[format](store, path)
        counts = write_export(write, out, kind=format)
    except ClaimgraphError as err:
        _fail(str(err))
    console.print(f"wrote {_shown(out)} (" + ", ".join(f"{v} {k}" for k, v in counts.items()) + ")",
                  highlight=False)


@app.command()
def stats(db: str = DB_OPTION,
          as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Counts of documents, entities, and claims by relation."""

    try:
        figures = _open_existing(db).stats()
    except ClaimgraphError as err:
        _fail(str(err))
    if as_json:
        console.print_json(json.dumps(figures))
        return
    table = Table("what", "count", title=f"claimgraph stats: {_shown_db(db)}")
    for key, value in figures.items():
        if key != "claims_by_relation":
            table.add_row(key.replace("_", " "), str(value))
    for relation, count in figures["claims_by_relation"].items():
        table.add_row(f"  {relation}", str(count))
    console.print(table)




@app.command()
def entities(db: str = DB_OPTION,
             name: Optional[str] = typer.Option(None, "--name", help="Only entities with this name or alias."),
             as_json: bool = typer.Option(False, "--json", help="Print JSON (with merge reasons).")) -> None:
    """List canonical entities with type, aliases, parents and mention counts (docs/resolution.md)."""
    from .corroborate.select import find_entities

    try:
        found = {e.id: e for e in _open_existing(db).entities()}
    except ClaimgraphError as err:
        _fail(str(err))
    rows = find_entities(found, name) if name else sorted(found.values(), key=lambda e: (-e.mentions, e.name))
    if as_json:
        console.print_json(json.dumps([e.to_dict() for e in rows]))
        return
    table = Table("id", "name", "type", "mentions", "parents", "aliases",
                  title=f"{len(rows)} entities in {_shown_db(db)}")
    for entity in rows:
        parents = ", ".join(found[p].name if p in found else p for p in entity.parents)
        aliases = "; ".join(a for a in entity.aliases if a != entity.name)
        table.add_row(_shown(entity.id), _shown(entity.name), entity.type, str(entity.mentions),
                      _shown(parents or "-"), _shown((aliases[:80] + "...") if len(aliases) > 80 else aliases or "-"))
    console.print(table)


@app.command()
def claims(db: str = DB_OPTION,
           entity: Optional[str] = typer.Option(None, "--entity", help="Only claims about this entity (name or id)."),
           parts: bool = typer.Option(False, "--parts", help="With --entity: include its wings, units, provinces."),
           min_origins: int = typer.Option(0, "--min-origins", help="Only claims with at least N independent origins."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON (with origins and evidence).")) -> None:
    """List claim groups with documents, outlets and independent origins (docs/resolution.md)."""
    from .corroborate.select import find_entities, select_groups
    from .store.reviews import load_graph

    try:
        graph = load_graph(_open_existing(db))
    except ClaimgraphError as err:
        _fail(str(err))
    if entity and not find_entities(graph.entities, entity):
        _fail(f"no entity named {entity!r}; run `claimgraph entities --db {db}` to list them")
    rows = select_groups(graph.groups, graph.entities, entity=entity, min_origins=min_origins,
                         include_parts=parts)
    if as_json:
        console.print_json(json.dumps([g.to_dict() for g in rows]))
        return
    name = {e.id: e.name for e in graph.entities.values()}
    table = Table("subject", "relation", "object", "docs", "outlets", "origins", "reported", "flags",
                  title=f"{len(rows)} claims in {_shown_db(db)}")
    for group in rows:
        flags = [f for f, on in (("contradicted", group.contradicted), ("negated", group.polarity == "negated"),
                                 ("hedged", group.certainty == "hedged"),
                                 (f"+{group.unknown_outlet_documents} unknown outlet"  # #12
                                  + (" (weak)" if group.origins == 0 else ""), group.unknown_outlet_documents > 0),
                                 (graph.review_of(group.id) or "", bool(graph.review_of(group.id)))) if on]
        dates = " .. ".join(dict.fromkeys(d for d in (group.first_reported, group.last_reported) if d)) or "-"
        relation = group.relation + (f"/{group.mode}" if group.mode else "")
        table.add_row(_shown(name.get(group.subject, group.subject)), relation,
                      _shown(name.get(group.object, group.object)), str(group.documents), str(group.outlets),
                      str(group.origins), _shown(dates), ", ".join(flags) or "-")
    console.print(table)


@app.command()
def serve(db: str = DB_OPTION,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
          port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
          token: Optional[str] = typer.Option(None, "--token", envvar="CLAIMGRAPH_TOKEN",
                                              help="Access token; required when --host is not loopback."),
          user: Optional[str] = typer.Option(None, "--user", envvar="CLAIMGRAPH_USER",
                                             help="Reviewer name stored with reviews (default: login name).")) -> None:
    """Open the analyst's workbench (graph, entities, claims, sources, review, /api) in a browser."""
    import uvicorn

    from .web import create_app
    from .web.app import LOOPBACK_HOSTS

    _require_db(db)
    if not 1 <= port <= 65535:
        _fail(f"--port {port}: a port is a number from 1 to 65535")
    _check_port_free(host, port)
    if host.strip("[]") not in LOOPBACK_HOSTS and not token:
        _fail(f"--host {host} exposes the workbench beyond this machine: set --token or CLAIMGRAPH_TOKEN")
    try:
        web_app = create_app(db, token=token, user=user)
    except ClaimgraphError as err:
        _fail(str(err))
    shown = f"[{host}]" if ":" in host else host
    console.print(f"claimgraph workbench on http://{shown}:{port}/" + ("?token=..." if token else "")
                  + "  (Ctrl+C stops)", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _check_port_free(host: str, port: int) -> None:
    """Fail with one line when HOST:PORT cannot be bound (in use, no such address, not allowed)."""
    import socket

    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as err:
        _fail(f"cannot listen on {host}:{port} ({err.strerror or err}); pick another --port or --host")


@app.command()
def report(out: Path = typer.Argument(..., help="Output HTML file."),
           db: str = DB_OPTION,
           title: str = typer.Option("claimgraph report", "--title", help="Title of the report.")) -> None:
    """Write one self-contained HTML report (graph, top claims with evidence, sources) that opens offline."""
    from .export.output import write_export
    from .export.report import write_report

    try:
        store = _open_existing(db)
        counts = write_export(lambda path: write_report(store, path, title=title), out, kind="html")
    except ClaimgraphError as err:
        _fail(str(err))
    console.print(f"wrote {_shown(out)} ({counts['bytes'] // 1024} KiB)", highlight=False)


@app.command("eval")
def eval_command(gold: Path = typer.Argument(..., help="Gold annotation JSON (entities, relations, checks)."),
                 corpus: Path = typer.Option(..., "--corpus", help="Folder of the articles the gold describes."),
                 as_json: bool = typer.Option(False, "--json", help="Print the whole result as JSON.")) -> None:
    """Build CORPUS into a temporary database, export and score it against GOLD (docs/extraction.md)."""
    from .evaluate import evaluate
    from .model import to_plain

    if not gold.is_file():
        _fail(f"{gold}: gold file not found")
    if not corpus.is_dir():
        _fail(f"{corpus}: corpus folder not found")
    try:
        result = evaluate(gold, corpus)
    except (ClaimgraphError, ValueError, KeyError) as err:
        _fail(f"{gold}: {err}")
    if as_json:
        console.print_json(json.dumps(to_plain(result)))
        return
    table = Table("relation", "gold", "recall", "predicted", "precision", title="per relation (lenient)")
    for name, row in result["lenient"].per_relation.items():
        table.add_row(name, str(row["gold"]), f"{row['recall']:.2f}", str(row["predicted"]),
                      f"{row['precision']:.2f}")
    console.print(table)
    entities = result["entities"]
    console.print(f"entities: recall {entities['recall']:.2f} of {entities['gold']} gold, "
                  f"{entities['predicted']} predicted; missing: {', '.join(entities['missing']) or '-'}")
    for mode in ("strict", "lenient"):
        score = result[mode]
        console.print(f"relations {mode}: recall {score.recall:.2f} (core {score.core_recall:.2f}), "
                      f"precision {score.precision:.2f}, F1 {score.f1:.2f}; {score.claims} claims, "
                      f"{score.wrong} wrong, {score.off_gold} off-gold")
    console.print("missed (lenient): " + ("; ".join(result["lenient"].missed) or "-"))
    evidence = result["evidence"]
    console.print(f"evidence: {evidence['total']} spans, grounded {evidence['grounded']}, "
                  f"boilerplate {evidence['boilerplate']}; attribution "
                  f"{result['attribution']['right']}/{result['attribution']['checked']}")
