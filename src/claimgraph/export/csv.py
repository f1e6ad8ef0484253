"""CSV export for spreadsheets: documents, entities, claims and evidence as four files (a folder or a .zip).

Files are UTF-8 with a byte-order mark: without it Excel reads them as the local code page and
"Erdoğan" comes out as "ErdoÄŸan" (issue 14). Every id column has a name column beside it.
"""
from __future__ import annotations

import csv
import io
import logging
import zipfile
from pathlib import Path

from ..claimtime import claim_time
from ..errors import ClaimgraphError
from ..store import Store
from ..store.reviews import ReviewedGraph, load_graph

log = logging.getLogger(__name__)

# UTF-8 with a byte-order mark (what spreadsheets need to detect UTF-8).
ENCODING = "utf-8-sig"
# Lists inside a cell (aliases, parents, authors) are joined with this separator.
LIST_SEPARATOR = "; "
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection): such
# cells get a leading apostrophe. Article text is hostile input.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = {
    "documents.csv": ["id", "source", "url", "outlet", "title", "authors", "published", "duplicate_of"],
    "entities.csv": ["id", "name", "type", "aliases", "parents", "parent_names", "mentions", "gazetteer_id"],
    "claims.csv": ["id", "subject", "subject_name", "relation", "mode", "object", "object_name", "polarity",
                   "certainty", "documents", "outlets", "origins", "origin_names", "contradicted",
                   "first_reported", "last_reported", "time_start", "time_end", "time_basis", "review",
                   "unknown_outlet_documents"],
    "evidence.csv": ["claim", "subject", "subject_name", "relation", "mode", "object", "object_name",
                     "document", "outlet", "published", "title", "text", "start", "end", "attributed_to",
                     "certainty", "polarity"],
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def build_tables(graph: ReviewedGraph) -> dict[str, list[dict]]:
    """The rows of each CSV file (rejected claims left out, confirmed ones marked)."""
    names = {e.id: e.name for e in graph.entities.values()}
    documents = graph.documents
    tables = {
        "documents.csv": [dict(id=d.id, source=d.source, url=d.url, outlet=d.outlet, title=d.title,
                               authors=d.authors, published=d.published, duplicate_of=d.duplicate_of)
                          for d in documents.values()],
        "entities.csv": [dict(id=e.id, name=e.name, type=e.type, aliases=e.aliases, parents=e.parents,
                              parent_names=[names.get(p, "") for p in e.parents], mentions=e.mentions,
                              gazetteer_id=e.gazetteer_id) for e in graph.entities.values()],
        "claims.csv": [],
        "evidence.csv": [],
    }
    for group in graph.groups:
        time = claim_time(group)
        ends = dict(subject=group.subject, subject_name=names.get(group.subject), relation=group.relation,
                    mode=group.mode, object=group.object, object_name=names.get(group.object))
        tables["claims.csv"].append(dict(
            id=group.id, subject=group.subject, subject_name=names.get(group.subject), relation=group.relation,
            mode=group.mode, object=group.object, object_name=names.get(group.object), polarity=group.polarity,
            certainty=group.certainty, documents=group.documents, outlets=group.outlets, origins=group.origins,
            origin_names=[o.name for o in group.origin_list], contradicted=group.contradicted,
            first_reported=group.first_reported, last_reported=group.last_reported,
            time_start=time.start, time_end=time.end, time_basis=time.basis or "undated",
            review=graph.review_of(group.id), unknown_outlet_documents=group.unknown_outlet_documents))
        for evidence in group.evidence:
            document = documents.get(evidence.document_id)
            tables["evidence.csv"].append(dict(
                claim=group.id, **ends, document=evidence.document_id,
                outlet=document.outlet if document else None, published=document.published if document else None,
                title=document.title if document else None, text=evidence.text, start=evidence.start,
                end=evidence.end, attributed_to=evidence.attributed_to, certainty=evidence.certainty,
                polarity=evidence.polarity))
    return tables


def _dump_table(columns: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def write_csv(store: Store, out: str | Path) -> dict[str, int]:
    """Write documents.csv, entities.csv, claims.csv, evidence.csv into folder `out`, or a zip if it ends .zip.

    Returns:
        rows per file, for the CLI.
    """
    out = Path(out)
    tables = build_tables(load_graph(store))
    texts = {name: _dump_table(COLUMNS[name], rows) for name, rows in tables.items()}
    try:
        if out.suffix.lower() == ".zip":
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, text in texts.items():
                    archive.writestr(name, text.encode(ENCODING))
        else:
            out.mkdir(parents=True, exist_ok=True)
            for name, text in texts.items():
                (out / name).write_text(text, encoding=ENCODING)
    except OSError as err:
        raise ClaimgraphError(f"{out}: cannot write the CSV export: {err}") from err
    return {name.removesuffix(".csv"): len(rows) for name, rows in tables.items()}
