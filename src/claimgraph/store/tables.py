"""The database schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Machine output (documents, mentions, claims, then entities and claim groups
derived from them) is kept apart from analyst reviews: a rebuild replaces the
derived tables and applies the reviews again on top.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# -- map output: one row set per document, written in one transaction ------------------------

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("authors", JSON, nullable=False, default=list),
    Column("published", String(32)),
    Column("date_source", String(32)),
    Column("retrieved", String(32)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("raw_text", Text),
    Column("duplicate_of", String(64)),
    Column("ingested_at", DateTime(timezone=True)),
    # Extractor version that produced this document's mentions and claims; NULL = not yet extracted.
    Column("extracted_with", String(32)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("actor", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("gazetteer_id", String(128)),
    Column("aliases", JSON, nullable=False, default=list),
    Column("parent_hint", String(32)),
    Column("actor_kind", String(16), nullable=False, default="named"),
    Index("ix_mentions_document", "document_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("subject", String(32), nullable=False),
    Column("relation", String(16), nullable=False),
    Column("mode", String(32)),
    Column("object", String(32), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("attributes", JSON, nullable=False, default=dict),
    # the evidence (one per extracted claim)
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("attributed_to", Text),
    Column("attributed_actor", String(32)),
    Column("attribution_kind", String(16)),
    Column("evidence_certainty", String(16), nullable=False),
    Column("evidence_polarity", String(16), nullable=False),
    Column("cues", JSON, nullable=False, default=list),
    Column("provenance", JSON, nullable=False, default=dict),
    Index("ix_claims_document", "document_id"),
)

# Near-duplicate detection (ingest/dedup.py): each document's MinHash signature and its LSH
# band keys, written with the document, so a build looks new texts up here instead of
# re-hashing every stored text (#7).
document_signatures = Table(
    "document_signatures",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("bucket", BigInteger, primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)

# What ingest changed so that every store and format accepts a document (#13): removed control
# characters by field, the bytes of a file name that is not UTF-8. Only documents with notes.
document_notes = Table(
    "document_notes",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("notes", JSON, nullable=False),
)

# Documents read but not extracted (the extraction of this one document failed, #13); the row
# goes when a later build extracts the document. Not a documents row: nothing of it is in the graph.
document_rejections = Table(
    "document_rejections",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("rejected_at", DateTime(timezone=True), nullable=False),
)

# -- reduce output: rewritten as a whole after each build ---------------------------------------

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", JSON, nullable=False, default=list),
    Column("parents", JSON, nullable=False, default=list),
    Column("gazetteer_id", String(128)),
    Column("mentions", Integer, nullable=False, default=0),
    Column("merge_reasons", JSON, nullable=False, default=list),
)

actor_entities = Table(
    "actor_entities",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("actor", String(32), primary_key=True),
    Column("entity_id", String(64), nullable=False),
    Index("ix_actor_entities_entity", "entity_id"),
)

claim_groups = Table(
    "claim_groups",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("subject", String(64), nullable=False),
    Column("relation", String(16), nullable=False),
    Column("mode", String(32)),
    Column("object", String(64), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("documents", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("origins", Integer, nullable=False),
    Column("first_reported", String(32)),
    Column("last_reported", String(32)),
    Column("contradicted", Boolean, nullable=False, default=False),
    # the whole ClaimGroup (origin list, evidence, chains, attributes) as JSON
    Column("body", JSON, nullable=False),
    Index("ix_claim_groups_subject", "subject"),
    Index("ix_claim_groups_object", "object"),
)

# What the derived tables were last built from (Store.graph_inputs), so a build that brings
# nothing new skips the reduce.
store_state = Table(
    "store_state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# -- analyst reviews: never touched by a rebuild ------------------------------------------------

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(32), nullable=False),  # confirm | reject | merge | split | rename
    Column("target", Text, nullable=False),  # claim group id or entity id
    Column("payload", JSON, nullable=False, default=dict),
    Column("user", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True)),  # undo = soft delete
)
