"""One storage layer for SQLite (default, a file) and PostgreSQL (by URL).

Invariant: every document is written together with its mentions and claims in
one transaction, so an interrupted build never leaves a half-written document;
the derived tables (entities, actor_entities, claim_groups) are replaced in one
transaction too. Reviews are only ever appended or soft-deleted.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import TextClause, create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from .. import __version__
from ..batching import batched
from ..errors import StoreError
from ..model import (
    Claim,
    ClaimGroup,
    Cue,
    Document,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Origin,
)
from . import tables as t

if TYPE_CHECKING:
    from ..ingest.dedup import Signature

log = logging.getLogger(__name__)

# store_state key of the fingerprint of what the derived graph was built from
GRAPH_INPUTS = "graph_inputs"
# store_state keys of the "changed since the last build" view (#14): what was extracted when the
# graph was last rebuilt from new documents, when that was, and the claim groups it replaced
GRAPH_EXTRACTION = "graph_extraction"
GRAPH_BUILT_AT = "graph_built_at"
PREVIOUS_GRAPH = "previous_graph"

# Bumped whenever extraction output changes shape, so stale documents are re-extracted.
EXTRACTOR_VERSION = "2"

# Execution option that marks a connection as a writer (SQLite: BEGIN IMMEDIATE).
WRITE_OPTION = "claimgraph_write"

# Key of the PostgreSQL advisory lock that serializes graph rebuilds (any constant bigint;
# this one is "claimgraph" hashed, to stay clear of other applications sharing the server).
GRAPH_LOCK_KEY = 0x636C61696D67


# Rows per INSERT when the derived graph is rewritten: big enough for executemany to pay off,
# small enough that a 50k-document graph's JSON bodies are not all built at once.
WRITE_CHUNK = 1000


# Evidence per INSERT of claim groups: a group's JSON body holds all its evidence, and a few
# groups of a big corpus hold tens of thousands each, so 1000 bodies at once could be most of it.
WRITE_CHUNK_EVIDENCE = 5000


def _batched_by_evidence(groups: Iterable[ClaimGroup]) -> Iterator[list[ClaimGroup]]:
    """Groups in chunks of at most WRITE_CHUNK groups and (one big group aside) WRITE_CHUNK_EVIDENCE evidence."""
    chunk: list[ClaimGroup] = []
    weight = 0
    for group in groups:
        if chunk and (len(chunk) >= WRITE_CHUNK or weight + len(group.evidence) > WRITE_CHUNK_EVIDENCE):
            yield chunk
            chunk, weight = [], 0
        chunk.append(group)
        weight += len(group.evidence)
    if chunk:
        yield chunk


def normalize_db_url(db: str) -> str:
    """A plain path means a SQLite file; anything with '://' is an SQLAlchemy URL.

    A SQLite file this process cannot write (or whose folder it cannot write, where SQLite keeps
    its journal) is opened read-only and immutable, so that read commands work on it (#13).
    """
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    path = Path(db).expanduser()
    if _is_read_only(path):
        return f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true"
    return f"sqlite:///{path}"


def _is_read_only(path: Path) -> bool:
    return path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent or Path("."), os.W_OK))


def mask_db(db: str) -> str:
    """The database as it may be printed: a URL's password replaced by ***."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  a URL SQLAlchemy cannot parse: hide everything before the host
        scheme, _, rest = db.partition("://")
        return f"{scheme}://***@{rest.rpartition('@')[2]}" if "@" in rest else db


def describe_db_error(err: BaseException) -> str:
    """The driver's own message on one line, without SQL or parameters (they can hold whole articles)."""
    original = getattr(err, "orig", None) or err
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    message = lines[0] if lines else type(original).__name__
    lowered = message.lower()
    if "disk is full" in lowered or "no space left" in lowered:
        return f"the disk is full ({message}); free some space and run the same command again"
    if "readonly" in lowered or "read-only" in lowered:
        return f"the database is read-only ({message})"
    return message


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLAlchemy emits BEGIN itself (_sqlite_begin), so the driver must not start transactions.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # The wait comes first: switching a new file to WAL takes a lock that processes opening it at once
    # contend for ("database is locked" on a loaded machine when the wait was set after it).
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL keeps readers (the web UI) working while a build writes; foreign keys for cascades.
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor, attempts: int = 20) -> None:
    """Set WAL mode, trying again while another process holds the file. SQLite answers "database is locked"
    without waiting when waiting could deadlock (two connections racing to upgrade their locks on a new file,
    seen in the CI rehearsal on a loaded machine despite the busy timeout); the mode is persistent, so once any
    process has set it the next try only reads it."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))  # 10 s in all


def create_db_engine(db: str) -> Engine:
    url = normalize_db_url(db)
    try:
        # hide_parameters: an error must never print a batch's article text (#13)
        engine = create_engine(url, future=True, hide_parameters=True)
    except (SQLAlchemyError, ImportError, ValueError) as err:
        raise StoreError(f"cannot open database {mask_db(db)}: {describe_db_error(err)}") from err
    if engine.dialect.name == "sqlite":
        read_only = "mode=ro" in url
        event.listen(engine, "connect", _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_read_only_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (_sqlite_begin)


def _sqlite_begin(conn) -> None:
    # A write transaction takes SQLite's write lock up front (BEGIN IMMEDIATE): a deferred one
    # that read first fails with "database is locked" when another build committed meanwhile,
    # busy_timeout or not. Reads stay deferred so the web UI never blocks a build.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


def _insert_ignore(conn, table, rows: list[dict[str, Any]]) -> set[Any]:
    """INSERT ... ON CONFLICT DO NOTHING of many rows; the primary keys of the rows inserted.

    Two builds storing the same document at once both succeed: the second waits for the
    first to commit, then skips the row instead of failing the whole batch.
    """
    if not rows:
        return set()
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT through SQLAlchemy.
    (key,) = table.primary_key.columns
    statement = dialect_insert(table).on_conflict_do_nothing().returning(key)
    return set(conn.execute(statement, rows).scalars())


@cache
def _candidates_query(bands: int) -> TextClause:
    # Plain SQL with one parameter per band, compiled once: a build runs it for every new
    # document, and an expanding IN is compiled afresh at each run.
    keys = ", ".join(f":b{i}" for i in range(bands))
    return text("SELECT DISTINCT s.document_id, s.minhash FROM document_signatures s "
                f"JOIN document_bands b ON b.document_id = s.document_id WHERE b.bucket IN ({keys})")


def _stream(conn, query):
    """The rows of `query`, fetched WRITE_CHUNK at a time (a server-side cursor on PostgreSQL,
    whose driver would otherwise load a whole result at once: every mention of the corpus)."""
    return conn.execution_options(yield_per=WRITE_CHUNK).execute(query)


def _insert_signatures(conn, signatures: Mapping[str, Signature]) -> None:
    if not signatures:
        return
    # bands only for the signatures inserted here: a concurrent build may have signed one first
    signed = _insert_ignore(conn, t.document_signatures, [dict(document_id=document_id, minhash=signature.to_bytes())
                                                          for document_id, signature in signatures.items()])
    bands = [dict(bucket=bucket, document_id=document_id) for document_id in sorted(signed)
             for bucket in set(signatures[document_id].bands)]
    if bands:
        conn.execute(insert(t.document_bands), bands)


def _insert_notes(conn, documents: Iterable[Document]) -> None:
    rows = [dict(document_id=d.id, notes=d.notes) for d in documents if d.notes]
    if rows:
        _insert_ignore(conn, t.document_notes, rows)


def _record_rejections(conn, extracted: list[Extraction], failed: list[Extraction]) -> None:
    """A failed document's line in document_rejections (the latest reason); an extracted one's goes."""
    ids = [e.document.id for e in extracted + failed]
    if ids:
        conn.execute(delete(t.document_rejections).where(t.document_rejections.c.document_id.in_(ids)))
    rows = {e.document.id: dict(document_id=e.document.id, source=e.document.source, reason=e.failed,
                                rejected_at=_now()) for e in failed}
    if rows:
        conn.execute(insert(t.document_rejections), list(rows.values()))


def _document_row(document: Document, *, extracted: bool) -> dict[str, Any]:
    return dict(_row(t.documents, document.to_dict()), ingested_at=_now(),
                extracted_with=EXTRACTOR_VERSION if extracted else None)


def _row(table, values: dict[str, Any]) -> dict[str, Any]:
    """Only the keys that are columns of `table` (records may carry extra, unstored fields)."""
    return {k: v for k, v in values.items() if k in table.c}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _document_from_row(row: Any) -> Document:
    return Document(
        id=row.id, text=row.text, source=row.source, raw_text=row.raw_text, url=row.url,
        outlet=row.outlet, title=row.title, authors=list(row.authors or []), published=row.published,
        date_source=row.date_source, retrieved=row.retrieved, language=row.language,
        duplicate_of=row.duplicate_of,
    )


def _group_row(group: ClaimGroup) -> dict[str, Any]:
    return dict(id=group.id, subject=group.subject, relation=group.relation, mode=group.mode,
                object=group.object, polarity=group.polarity, certainty=group.certainty,
                documents=group.documents, outlets=group.outlets, origins=group.origins,
                first_reported=group.first_reported, last_reported=group.last_reported,
                contradicted=group.contradicted, body=group.to_dict())


def _document_header_from_row(row: Any) -> Document:
    values = {k: v for k, v in row._asdict().items() if k in Document.__dataclass_fields__}
    values["authors"] = list(values.get("authors") or [])
    return Document(text="", **values)


def _intern(value: Any) -> Any:
    """One shared copy of a short, much-repeated string (ids, actor keys, vocabulary).

    Every row read gives fresh string objects; the reduce holds hundreds of thousands of
    records built from them, so sharing the repeated ones is most of its memory (#7).
    """
    return sys.intern(value) if type(value) is str else value


def _mention_from_row(row: Any) -> Mention:
    return Mention(
        document_id=_intern(row.document_id), start=row.start, end=row.end, text=_intern(row.text),
        actor=_intern(row.actor), name=_intern(row.name), type=_intern(row.type), kind=_intern(row.kind),
        gazetteer_id=_intern(row.gazetteer_id), aliases=[_intern(a) for a in row.aliases or []],
        parent_hint=_intern(row.parent_hint), actor_kind=_intern(row.actor_kind),
    )


def _claim_from_row(row: Any) -> Claim:
    # evidence text is not interned: sentences rarely repeat, and interning would keep them alive
    document_id = _intern(row.document_id)
    evidence = Evidence(
        document_id=document_id, text=row.evidence_text, start=row.evidence_start,
        end=row.evidence_end, attributed_to=_intern(row.attributed_to),
        attributed_actor=_intern(row.attributed_actor), attribution_kind=_intern(row.attribution_kind),
        certainty=_intern(row.evidence_certainty), polarity=_intern(row.evidence_polarity),
        cues=[Cue(_intern(cue["kind"]), _intern(cue["text"]), cue["start"], cue["end"])
              for cue in (row.cues or [])],
        provenance=dict(row.provenance or {}),
    )
    return Claim(
        document_id=document_id, subject=_intern(row.subject), relation=_intern(row.relation),
        object=_intern(row.object), evidence=evidence, mode=_intern(row.mode), polarity=_intern(row.polarity),
        certainty=_intern(row.certainty), attributes=dict(row.attributes or {}),
    )


def _mention_row(mention: Mention) -> dict[str, Any]:
    return dict(document_id=mention.document_id, start=mention.start, end=mention.end, text=mention.text,
                actor=mention.actor, name=mention.name, type=mention.type, kind=mention.kind,
                gazetteer_id=mention.gazetteer_id, aliases=mention.aliases, parent_hint=mention.parent_hint,
                actor_kind=mention.actor_kind)


def _claim_row(claim: Claim) -> dict[str, Any]:
    evidence = claim.evidence
    return dict(
        document_id=claim.document_id, subject=claim.subject, relation=claim.relation, mode=claim.mode,
        object=claim.object, polarity=claim.polarity, certainty=claim.certainty,
        attributes=claim.attributes, evidence_text=evidence.text, evidence_start=evidence.start,
        evidence_end=evidence.end, attributed_to=evidence.attributed_to,
        attributed_actor=evidence.attributed_actor, attribution_kind=evidence.attribution_kind,
        evidence_certainty=evidence.certainty, evidence_polarity=evidence.polarity,
        cues=[dict(kind=cue.kind, text=cue.text, start=cue.start, end=cue.end) for cue in evidence.cues],
        provenance=evidence.provenance,
    )


def claim_group_from_body(body: dict[str, Any]) -> ClaimGroup:
    body = dict(body)
    body["origin_list"] = [Origin(**o) for o in body.get("origin_list", [])]
    body["evidence"] = [
        Evidence(**{**e, "cues": [Cue(**c) for c in e.get("cues", [])]}) for e in body.get("evidence", [])
    ]
    return ClaimGroup(**body)


class Store:
    """The database behind a build: documents, extraction output, derived graph, reviews."""

    def __init__(self, db: str, *, create: bool = True):
        self.db = db
        self.engine = create_db_engine(db)
        # Every write goes through this engine: same pool, transactions marked as writes.
        self.writer = self.engine.execution_options(**{WRITE_OPTION: True})
        if create:
            self.create_schema()

    def create_schema(self) -> None:
        """Create the schema, or bring it up to date, with the Alembic migrations."""
        from .migrations import upgrade

        try:
            upgrade(self.writer)
        except (SQLAlchemyError, OSError) as err:
            raise StoreError(f"cannot open the database {mask_db(self.db)}: {describe_db_error(err)}") from err

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turn a failed write (disk full, read-only file, lost server) into one StoreError line."""
        try:
            yield
        except (SQLAlchemyError, OSError) as err:
            raise StoreError(f"{mask_db(self.db)}: cannot {what}: {describe_db_error(err)}") from err

    @contextmanager
    def graph_lock(self) -> Iterator[None]:
        """Serialize graph rebuilds across processes (concurrent builds and reviews).

        A rebuild reads every stored claim, then replaces the derived tables; two of them
        interleaved could leave the older reading as the final graph. With the lock, the last
        rebuild to finish has read everything committed before it started.
        """
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                conn.execute(select(func.pg_advisory_lock(GRAPH_LOCK_KEY)))
                conn.commit()
                try:
                    yield
                finally:
                    conn.execute(select(func.pg_advisory_unlock(GRAPH_LOCK_KEY)))
                    conn.commit()
            return
        path = self.engine.url.database
        if not path or path == ":memory:":
            yield
            return
        with open(f"{path}-graphlock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        self.engine.dispose()

    # -- documents --------------------------------------------------------------------------

    def document_ids(self, *, extracted_only: bool = False) -> set[str]:
        query = select(t.documents.c.id)
        if extracted_only:
            query = query.where(t.documents.c.extracted_with == EXTRACTOR_VERSION)
        with self.engine.connect() as conn:
            return set(conn.scalars(query))

    def add_document(self, document: Document, signature: Signature | None = None) -> bool:
        """Store a document without extraction output; False when its id is already stored."""
        with self._writing("store a document"), self.writer.begin() as conn:
            inserted = _insert_ignore(conn, t.documents, [_document_row(document, extracted=False)])
            _insert_signatures(conn, {document.id: signature} if inserted and signature else {})
            _insert_notes(conn, [document] if inserted else [])
            return bool(inserted)

    def notes_of(self, document_id: str) -> dict[str, Any]:
        """What ingest changed in a stored document (document_notes); {} when nothing."""
        with self.engine.connect() as conn:
            notes = conn.scalar(select(t.document_notes.c.notes).where(t.document_notes.c.document_id == document_id))
        return dict(notes or {})

    def rejections(self) -> dict[str, tuple[str, str]]:
        """Documents whose extraction failed: id -> (source, reason)."""
        r = t.document_rejections.c
        with self.engine.connect() as conn:
            return {row.document_id: (row.source, row.reason)
                    for row in conn.execute(select(r.document_id, r.source, r.reason))}

    def iter_documents(self, *, with_text: bool = True) -> Iterator[Document]:
        """Stored documents by source; without text (`text == ""`) they cost a row of metadata each,
        which is what listings and the reduce need for thousands of documents."""
        if with_text:
            query = select(t.documents)
        else:
            query = select(*[c for c in t.documents.c if c.name not in ("text", "raw_text")])
        with self.engine.connect() as conn:
            for row in _stream(conn, query.order_by(t.documents.c.source)):
                yield _document_from_row(row) if with_text else _document_header_from_row(row)

    def get_document(self, document_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).first()
        return _document_from_row(row) if row else None

    def unsigned_document_texts(self) -> Iterator[tuple[str, str]]:
        """(id, clean text) of stored documents without a near-duplicate signature: those stored
        before signatures were (migration 0002) or without a word to sign."""
        signed = select(t.document_signatures.c.document_id)
        query = select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.not_in(signed))
        with self.engine.connect() as conn:
            yield from _stream(conn, query.order_by(t.documents.c.id))

    def save_signatures(self, signatures: Mapping[str, Signature]) -> None:
        with self._writing("store signatures"), self.writer.begin() as conn:
            _insert_signatures(conn, signatures)

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, bytes]]:
        """(id, signature) of stored documents sharing an LSH band key with `bands`."""
        with self.engine.connect() as conn:
            rows = conn.execute(_candidates_query(len(bands)), {f"b{i}": band for i, band in enumerate(bands)})
            return [(document_id, bytes(minhash)) for document_id, minhash in rows]

    def save_extractions(self, extractions: Iterable[Extraction],
                         signatures: Mapping[str, Signature] | None = None) -> int:
        """Write documents with their mentions and claims, all of a batch in one transaction.

        A stored document that was not extracted yet (or with an older extractor) gets its
        mentions and claims replaced. An extraction that `failed` is recorded in
        document_rejections instead, and its document is not stored. Returns how many documents
        were written.
        """
        everything = list(extractions)
        extractions = [e for e in everything if not e.failed]
        failed = [e for e in everything if e.failed]
        with self._writing("store a batch of documents"), self.writer.begin() as conn:
            inserted = _insert_ignore(conn, t.documents, [_document_row(e.document, extracted=True)
                                                         for e in extractions])
            written = [e for e in extractions
                       if e.document.id in inserted or self._reset_extraction(conn, e.document.id)]
            _insert_signatures(conn, {k: v for k, v in (signatures or {}).items() if k in inserted})
            _insert_notes(conn, [e.document for e in extractions if e.document.id in inserted])
            _record_rejections(conn, extractions, failed)
            mentions = [_mention_row(m) for e in written for m in e.mentions]
            claims = [_claim_row(c) for e in written for c in e.claims]
            if mentions:
                conn.execute(insert(t.mentions), mentions)
            if claims:
                conn.execute(insert(t.claims), claims)
        return len(written)

    @staticmethod
    def _reset_extraction(conn, document_id: str) -> bool:
        """For a document stored before: drop its extraction output unless the current extractor
        made it. True when it is to be (re-)extracted."""
        current = conn.scalar(select(t.documents.c.extracted_with).where(t.documents.c.id == document_id))
        if current == EXTRACTOR_VERSION:
            return False
        conn.execute(delete(t.mentions).where(t.mentions.c.document_id == document_id))
        conn.execute(delete(t.claims).where(t.claims.c.document_id == document_id))
        conn.execute(update(t.documents).where(t.documents.c.id == document_id)
                     .values(extracted_with=EXTRACTOR_VERSION))
        return True

    def iter_mentions(self) -> Iterator[Mention]:
        columns = [c for c in t.mentions.c if c.name != "id"]
        with self.engine.connect() as conn:
            for row in _stream(conn, select(*columns).order_by(t.mentions.c.id)):
                yield _mention_from_row(row)

    def iter_claims(self, *, relation: str | None = None) -> Iterator[Claim]:
        query = select(t.claims).order_by(t.claims.c.id)
        if relation:
            query = query.where(t.claims.c.relation == relation)
        with self.engine.connect() as conn:
            for row in _stream(conn, query):
                yield _claim_from_row(row)

    def iter_parent_hints(self) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
        """((document, actor), (document, parent actor)) for every mention whose text names a parent."""
        m = t.mentions.c
        query = select(m.document_id, m.actor, m.parent_hint).where(m.parent_hint.is_not(None)).distinct()
        with self.engine.connect() as conn:
            for document_id, actor, parent in conn.execute(query):
                yield (document_id, actor), (document_id, parent)

    # -- reduce output ------------------------------------------------------------------------

    def graph_inputs(self) -> str:
        """A fingerprint of everything the derived graph is computed from: the extracted documents,
        their mentions and claims, the reviews, and the claimgraph version that reduces them."""
        d, r = t.documents.c, t.reviews.c
        with self.engine.connect() as conn:
            extracted = conn.scalar(select(func.count()).where(d.extracted_with.is_not(None)))
            mentions = conn.scalar(select(func.max(t.mentions.c.id)))
            claims = conn.scalar(select(func.max(t.claims.c.id)))
            reviews = conn.execute(select(func.count(), func.max(r.id), func.count(r.deleted_at))).one()
        return f"{__version__} documents={extracted} mentions<={mentions} claims<={claims} reviews={tuple(reviews)}"

    def graph_is_current(self) -> bool:
        """True when the derived graph was built from exactly what is stored now."""
        with self.engine.connect() as conn:
            built_from = conn.scalar(select(t.store_state.c.value).where(t.store_state.c.key == GRAPH_INPUTS))
        return built_from == self.graph_inputs()

    def replace_graph(self, entities: list[Entity], actor_entity: dict[tuple[str, str], str],
                      groups: list[ClaimGroup], *, inputs: str | None = None) -> None:
        """Replace the derived tables in one transaction, inserting in chunks so that the rows
        (a JSON body per group) never all sit in memory at once: claim groups are chunked by
        their evidence, since a body holds all of it (#7). `inputs` (`graph_inputs()` read
        before the reduce) records what the graph was built from."""
        tables = (t.entities, t.actor_entities, t.claim_groups)
        chunks = (
            batched((_row(t.entities, e.to_dict()) for e in entities), WRITE_CHUNK),
            batched((dict(document_id=d, actor=a, entity_id=e) for (d, a), e in actor_entity.items()), WRITE_CHUNK),
            ([_group_row(g) for g in chunk] for chunk in _batched_by_evidence(groups)),
        )
        with self._writing("store the graph"), self.writer.begin() as conn:
            self._snapshot_previous_graph(conn)
            for table in reversed(tables):
                conn.execute(delete(table))
            for table, table_chunks in zip(tables, chunks):
                for chunk in table_chunks:
                    conn.execute(insert(table), chunk)
            conn.execute(delete(t.store_state).where(t.store_state.c.key == GRAPH_INPUTS))
            if inputs is not None:
                conn.execute(insert(t.store_state).values(key=GRAPH_INPUTS, value=inputs))

    @staticmethod
    def _snapshot_previous_graph(conn) -> None:
        """Before new documents change the derived graph, keep a compact copy of its claim groups
        (id -> origins, contradicted) and when it was built: the changes view compares against it.
        A rebuild for a review alone (same extraction) keeps the snapshot of the last real build."""
        d = t.documents.c
        extraction = json.dumps([conn.scalar(select(func.count()).where(d.extracted_with.is_not(None))),
                                 conn.scalar(select(func.max(t.mentions.c.id))),
                                 conn.scalar(select(func.max(t.claims.c.id)))])
        state = dict(conn.execute(select(t.store_state.c.key, t.store_state.c.value).where(
            t.store_state.c.key.in_([GRAPH_EXTRACTION, GRAPH_BUILT_AT]))).all())
        if state.get(GRAPH_EXTRACTION) == extraction:
            return
        g = t.claim_groups.c
        groups = {row.id: [row.origins, bool(row.contradicted)]
                  for row in conn.execute(select(g.id, g.origins, g.contradicted))}
        snapshot = json.dumps(dict(built_at=state.get(GRAPH_BUILT_AT), groups=groups), separators=(",", ":"))
        conn.execute(delete(t.store_state).where(t.store_state.c.key.in_([GRAPH_EXTRACTION, GRAPH_BUILT_AT,
                                                                        PREVIOUS_GRAPH])))
        conn.execute(insert(t.store_state), [dict(key=GRAPH_EXTRACTION, value=extraction),
                                             dict(key=GRAPH_BUILT_AT, value=_now().isoformat()),
                                             dict(key=PREVIOUS_GRAPH, value=snapshot)])

    def previous_graph(self) -> dict[str, Any]:
        """The snapshot of the claim groups before the last build that brought new documents:
        {"built_at": ISO time of that earlier build or None, "groups": {id: [origins, contradicted]},
        "rebuilt_at": ISO time of the last build}; empty groups before any build."""
        with self.engine.connect() as conn:
            state = dict(conn.execute(select(t.store_state.c.key, t.store_state.c.value).where(
                t.store_state.c.key.in_([PREVIOUS_GRAPH, GRAPH_BUILT_AT]))).all())
        snapshot = json.loads(state[PREVIOUS_GRAPH]) if PREVIOUS_GRAPH in state else dict(built_at=None, groups={})
        return snapshot | dict(rebuilt_at=state.get(GRAPH_BUILT_AT))

    def entities(self) -> list[Entity]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.entities).order_by(t.entities.c.mentions.desc(), t.entities.c.name))
            return [Entity(**row._asdict()) for row in rows]

    def actor_entities(self) -> dict[tuple[str, str], str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.actor_entities))
            return {(r.document_id, r.actor): r.entity_id for r in rows}

    def claim_groups(self) -> list[ClaimGroup]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.claim_groups.c.body).order_by(
                t.claim_groups.c.origins.desc(), t.claim_groups.c.id))
            return [claim_group_from_body(row.body) for row in rows]

    # -- reviews ------------------------------------------------------------------------------

    def add_review(self, action: str, target: str, *, user: str, payload: dict | None = None) -> int:
        with self._writing("store the review"), self.writer.begin() as conn:
            result = conn.execute(insert(t.reviews).values(
                action=action, target=target, payload=payload or {}, user=user, created_at=_now()))
            return int(result.inserted_primary_key[0])

    def undo_review(self, review_id: int) -> bool:
        with self._writing("undo the review"), self.writer.begin() as conn:
            result = conn.execute(update(t.reviews).where(
                t.reviews.c.id == review_id, t.reviews.c.deleted_at.is_(None)).values(deleted_at=_now()))
            return result.rowcount > 0

    def reviews(self, *, include_undone: bool = False) -> list[dict[str, Any]]:
        query = select(t.reviews).order_by(t.reviews.c.id)
        if not include_undone:
            query = query.where(t.reviews.c.deleted_at.is_(None))
        with self.engine.connect() as conn:
            return [row._asdict() for row in conn.execute(query)]

    # -- summaries ----------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            by_relation = Counter(dict(conn.execute(
                select(t.claim_groups.c.relation, func.count()).group_by(t.claim_groups.c.relation)).all()))
            return dict(
                documents=conn.scalar(select(func.count()).select_from(t.documents)),
                duplicates=conn.scalar(select(func.count()).select_from(t.documents)
                                       .where(t.documents.c.duplicate_of.is_not(None))),
                mentions=conn.scalar(select(func.count()).select_from(t.mentions)),
                entities=conn.scalar(select(func.count()).select_from(t.entities)),
                extracted_claims=conn.scalar(select(func.count()).select_from(t.claims)),
                claim_groups=sum(by_relation.values()),
                claims_by_relation=dict(sorted(by_relation.items())),
            )
