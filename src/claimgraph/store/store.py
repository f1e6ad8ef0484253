"""One storage layer for SQLite (default, a file) and PostgreSQL (by URL).

Invariant: every document is written together with its mentions and claims in
one transaction, so an interrupted build never leaves a half-written document;
the derived tables (entities, actor_entities, claim_groups) are replaced in one
transaction too. Reviews are only ever appended or soft-deleted.
"""
from __future__ import annotations

import fcntl
import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

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

log = logging.getLogger(__name__)

# Bumped whenever extraction output changes shape, so stale documents are re-extracted.
EXTRACTOR_VERSION = "1"

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
    """A plain path means a SQLite file; anything with '://' is an SQLAlchemy URL."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLAlchemy emits BEGIN itself (_sqlite_begin), so the driver must not start transactions.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (the web UI) working while a build writes; foreign keys for cascades.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_db_engine(db: str) -> Engine:
    url = normalize_db_url(db)
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError) as err:
        raise StoreError(f"cannot open database {db!r}: {err}") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn) -> None:
    # A write transaction takes SQLite's write lock up front (BEGIN IMMEDIATE): a deferred one
    # that read first fails with "database is locked" when another build committed meanwhile,
    # busy_timeout or not. Reads stay deferred so the web UI never blocks a build.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


def _insert_ignore(conn, table, values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when the row was inserted.

    Two builds storing the same document at once both succeed: the second waits for the
    first to commit, then skips the row instead of failing the whole batch.
    """
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT through SQLAlchemy.
    statement = dialect_insert(table).values(**values).on_conflict_do_nothing()
    return conn.execute(statement.returning(*table.primary_key.columns)).first() is not None


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
        parent_hint=_intern(row.parent_hint),
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
    )
    return Claim(
        document_id=document_id, subject=_intern(row.subject), relation=_intern(row.relation),
        object=_intern(row.object), evidence=evidence, mode=_intern(row.mode), polarity=_intern(row.polarity),
        certainty=_intern(row.certainty), attributes=dict(row.attributes or {}),
    )


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
        except SQLAlchemyError as err:
            raise StoreError(f"cannot create or upgrade the schema in {self.db!r}: {err}") from err

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

    def add_document(self, document: Document) -> bool:
        """Store a document without extraction output; False when its id is already stored."""
        with self.writer.begin() as conn:
            return self._insert_document(conn, document, extracted=False)

    def _insert_document(self, conn, document: Document, *, extracted: bool) -> bool:
        return _insert_ignore(conn, t.documents, dict(
            _row(t.documents, document.to_dict()), ingested_at=_now(),
            extracted_with=EXTRACTOR_VERSION if extracted else None))

    def iter_documents(self, *, with_text: bool = True) -> Iterator[Document]:
        """Stored documents by source; without text (`text == ""`) they cost a row of metadata each,
        which is what listings and the reduce need for thousands of documents."""
        if with_text:
            query = select(t.documents)
        else:
            query = select(*[c for c in t.documents.c if c.name not in ("text", "raw_text")])
        with self.engine.connect() as conn:
            for row in conn.execute(query.order_by(t.documents.c.source)):
                yield _document_from_row(row) if with_text else _document_header_from_row(row)

    def get_document(self, document_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).first()
        return _document_from_row(row) if row else None

    def document_texts(self) -> Iterator[tuple[str, str]]:
        """(id, clean text) of every stored document, for near-duplicate indexing."""
        with self.engine.connect() as conn:
            yield from conn.execute(select(t.documents.c.id, t.documents.c.text))

    # -- map output ---------------------------------------------------------------------------

    def save_extractions(self, extractions: Iterable[Extraction]) -> int:
        """Write documents with their mentions and claims, all of a batch in one transaction.

        A stored document that was not extracted yet (or with an older extractor) gets its
        mentions and claims replaced. Returns how many documents were written.
        """
        written = 0
        with self.writer.begin() as conn:
            for extraction in extractions:
                document = extraction.document
                if not self._insert_document(conn, document, extracted=True):
                    current = conn.scalar(
                        select(t.documents.c.extracted_with).where(t.documents.c.id == document.id))
                    if current == EXTRACTOR_VERSION:
                        continue
                    conn.execute(delete(t.mentions).where(t.mentions.c.document_id == document.id))
                    conn.execute(delete(t.claims).where(t.claims.c.document_id == document.id))
                    conn.execute(update(t.documents).where(t.documents.c.id == document.id)
                                 .values(extracted_with=EXTRACTOR_VERSION))
                if extraction.mentions:
                    conn.execute(insert(t.mentions), [_row(t.mentions, m.to_dict()) for m in extraction.mentions])
                if extraction.claims:
                    conn.execute(insert(t.claims), [_claim_row(c) for c in extraction.claims])
                written += 1
        return written

    def iter_mentions(self) -> Iterator[Mention]:
        columns = [c for c in t.mentions.c if c.name != "id"]
        with self.engine.connect() as conn:
            for row in conn.execute(select(*columns).order_by(t.mentions.c.id)):
                yield _mention_from_row(row)

    def iter_claims(self, *, relation: str | None = None) -> Iterator[Claim]:
        query = select(t.claims).order_by(t.claims.c.id)
        if relation:
            query = query.where(t.claims.c.relation == relation)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _claim_from_row(row)

    def iter_parent_hints(self) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
        """((document, actor), (document, parent actor)) for every mention whose text names a parent."""
        m = t.mentions.c
        query = select(m.document_id, m.actor, m.parent_hint).where(m.parent_hint.is_not(None)).distinct()
        with self.engine.connect() as conn:
            for document_id, actor, parent in conn.execute(query):
                yield (document_id, actor), (document_id, parent)

    # -- reduce output ------------------------------------------------------------------------

    def replace_graph(self, entities: list[Entity], actor_entity: dict[tuple[str, str], str],
                      groups: list[ClaimGroup]) -> None:
        """Replace the derived tables in one transaction, inserting in chunks so that the rows
        (a JSON body per group) never all sit in memory at once: claim groups are chunked by
        their evidence, since a body holds all of it (#7)."""
        tables = (t.entities, t.actor_entities, t.claim_groups)
        chunks = (
            batched((_row(t.entities, e.to_dict()) for e in entities), WRITE_CHUNK),
            batched((dict(document_id=d, actor=a, entity_id=e) for (d, a), e in actor_entity.items()), WRITE_CHUNK),
            ([_group_row(g) for g in chunk] for chunk in _batched_by_evidence(groups)),
        )
        with self.writer.begin() as conn:
            for table in reversed(tables):
                conn.execute(delete(table))
            for table, table_chunks in zip(tables, chunks):
                for chunk in table_chunks:
                    conn.execute(insert(table), chunk)

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
        with self.writer.begin() as conn:
            result = conn.execute(insert(t.reviews).values(
                action=action, target=target, payload=payload or {}, user=user, created_at=_now()))
            return int(result.inserted_primary_key[0])

    def undo_review(self, review_id: int) -> bool:
        with self.writer.begin() as conn:
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
