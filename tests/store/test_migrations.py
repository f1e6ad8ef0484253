"""Alembic migrations create the schema of store/tables.py on SQLite and PostgreSQL."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from claimgraph.model import Document
from claimgraph.store import Store, tables
from claimgraph.store.migrations import get_head, get_revision
from claimgraph.store.store import create_db_engine

ADDED_AFTER_BASELINE = {"document_signatures", "document_bands", "store_state",  # revision 0002
                        "document_notes", "document_rejections"}  # revision 0004
COLUMNS_ADDED_AFTER_BASELINE = [("claims", "provenance"), ("mentions", "actor_kind")]  # revision 0003


def test_migrations_create_exactly_the_tables_schema(db):
    store = Store(db)
    with store.engine.connect() as conn:
        assert get_revision(conn) == get_head()
        # Non-empty means tables.py changed without a new revision: see docs/scale.md.
        assert compare_metadata(MigrationContext.configure(conn), tables.metadata) == []
    store.close()


def test_migrations_reopening_is_a_no_op(db):
    store = Store(db)
    store.add_document(Document.from_text("Rebels seized the port.", "mem://a"))
    store.close()
    again = Store(db)
    assert len(again.document_ids()) == 1
    again.close()


def test_migrations_stamp_database_made_before_migrations(db):
    engine = create_db_engine(db)
    # how the skeleton made databases: the tables of the first revision, no alembic_version
    tables.metadata.create_all(engine, tables=[table for name, table in tables.metadata.tables.items()
                                               if name not in ADDED_AFTER_BASELINE])
    with engine.begin() as conn:
        for table, column in COLUMNS_ADDED_AFTER_BASELINE:
            conn.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    engine.dispose()
    store = Store(db)
    assert store.add_document(Document.from_text("Rebels seized the port.", "mem://a"))
    with store.engine.connect() as conn:
        assert get_revision(conn) == get_head()
    store.close()
