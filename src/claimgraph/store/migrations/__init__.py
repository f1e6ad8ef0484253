"""Alembic migrations of the store's schema; store/tables.py stays the single source of truth.

`upgrade(engine)` runs on every `Store(...)` open: it creates the schema in an empty
database and applies pending migrations to an older one, under a lock so two
processes opening a new database at once do not both create it. A change to
tables.py needs a new revision (docs/scale.md, "Changing the schema"); the test
tests/store/test_migrations.py fails while migrations and tables.py disagree.
"""
from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

SCRIPT_LOCATION = Path(__file__).resolve().parent

# The first revision: the schema as the skeleton's create_all() made it. A database made
# before migrations existed (tables present, no alembic_version) is stamped with it.
BASELINE = "0001"

# PostgreSQL advisory lock key held while migrating (any constant bigint, distinct from the
# graph lock in store.py).
MIGRATION_LOCK_KEY = 0x636C61696D68


def make_config(connection: Connection | None = None) -> Config:
    """An Alembic config for our script folder, optionally bound to an open connection."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["connection"] = connection
    return config


def get_head() -> str:
    return ScriptDirectory.from_config(make_config()).get_current_head()


def get_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database at `engine` to the newest revision (no-op when it is there already)."""
    head = get_head()
    with engine.connect() as conn:
        if get_revision(conn) == head:
            return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        revision = get_revision(conn)  # again, under the lock: another process may have migrated
        if revision == head:
            return
        config = make_config(conn)
        if revision is None and inspect(conn).has_table("documents"):
            log.info("database predates migrations: stamping it at %s", BASELINE)
            command.stamp(config, BASELINE)
        log.info("migrating the database from %s to %s", revision, head)
        command.upgrade(config, "head")
