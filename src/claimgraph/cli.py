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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import ClaimgraphError
from .settings import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news reports into a sourced network of who does what to whom.")
console = Console()
err_console = Console(stderr=True)

DB_OPTION = typer.Option("claimgraph.db", "--db", help="SQLite file path or database URL (postgresql://...).")


def _fail(message: str) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


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
        err_console.print(f"[yellow]skipped[/yellow] {line}", highlight=False, soft_wrap=True)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log stage progress."),
         version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if version:
        console.print(f"claimgraph {__version__}")
        raise typer.Exit()


@app.command()
def build(sources: list[str] = typer.Argument(..., help="Files, folders or URLs to ingest."),
          db: str = DB_OPTION,
          offline: bool = typer.Option(False, "--offline", help="Refuse all network access."),
          allow_private: bool = typer.Option(False, "--allow-private",
                                             help="Allow fetching from private/loopback addresses."),
          model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path.")) -> None:
    """Ingest, extract, resolve, corroborate and store SOURCES (re-running changes nothing)."""
    from .pipeline import build as run_build

    settings = get_settings()
    settings.offline = settings.offline or offline
    if model:
        settings.model = model
    try:
        with _document_progress("build") as on_progress:
            report = run_build(sources, db, settings=settings, allow_private=allow_private,
                               on_progress=on_progress)
    except ClaimgraphError as err:
        _fail(str(err))
    _print_rejected(report.rejected)
    console.print(f"{report.ingested} new documents ({report.duplicates} near-duplicates), "
                  f"{report.unchanged} unchanged, {len(report.rejected)} rejected; "
                  f"{report.entities} entities, {report.claim_groups} claims in {db}")


@app.command()
def ingest(sources: list[str] = typer.Argument(..., help="Files, folders or URLs to ingest."),
           db: str = DB_OPTION,
           offline: bool = typer.Option(False, "--offline", help="Refuse all network access."),
           allow_private: bool = typer.Option(False, "--allow-private",
                                              help="Allow fetching from private/loopback addresses.")) -> None:
    """Store SOURCES as documents without extracting claims."""
    from .pipeline import ingest as run_ingest

    settings = get_settings()
    settings.offline = settings.offline or offline
    try:
        with _document_progress("ingest") as on_progress:
            report = run_ingest(sources, db, settings=settings, allow_private=allow_private,
                                on_progress=on_progress)
    except ClaimgraphError as err:
        _fail(str(err))
    _print_rejected(report.rejected)
    console.print(f"ingested {report.ingested}, duplicates {report.duplicates}, "
                  f"unchanged {report.unchanged}, rejected {len(report.rejected)}")


@app.command()
def export(out: Path = typer.Argument(..., help="Output file."),
           db: str = DB_OPTION,
           format: str = typer.Option("json", "--format", "-f", help="json")) -> None:
    """Write the graph to OUT in the chosen format (json is documented in docs/json-export.md)."""
    from .export import write_json
    from .store import Store

    writers = {"json": write_json}
    if format not in writers:
        _fail(f"unknown format {format!r}; choose one of: {', '.join(writers)}")
    try:
        counts = writers[format](Store(db), out)
    except ClaimgraphError as err:
        _fail(str(err))
    console.print(f"wrote {out} (" + ", ".join(f"{v} {k}" for k, v in counts.items()) + ")")


@app.command()
def stats(db: str = DB_OPTION,
          as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Counts of documents, entities, and claims by relation."""
    from .store import Store

    try:
        figures = Store(db).stats()
    except ClaimgraphError as err:
        _fail(str(err))
    if as_json:
        console.print_json(json.dumps(figures))
        return
    table = Table("what", "count", title=f"claimgraph stats: {db}")
    for key, value in figures.items():
        if key != "claims_by_relation":
            table.add_row(key.replace("_", " "), str(value))
    for relation, count in figures["claims_by_relation"].items():
        table.add_row(f"  {relation}", str(count))
    console.print(table)
