"""Alembic environment: migrate the connection `Store` hands over, or a URL from the command line."""
from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from claimgraph.store import tables
from claimgraph.store.store import normalize_db_url

config = context.config
target_metadata = tables.metadata


def _run(connection) -> None:
    # render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead.
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    # `alembic -x db=URL ...` (docs/scale.md), else CLAIMGRAPH_DB_URL, else ./claimgraph.db
    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ.get(
        "CLAIMGRAPH_DB_URL", "claimgraph.db")
    with create_engine(normalize_db_url(url)).begin() as own:
        _run(own)
