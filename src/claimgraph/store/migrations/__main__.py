"""Write a new migration from the difference between store/tables.py and the current head.

    python -m claimgraph.store.migrations "add a column to documents"

The revision is generated against a throwaway SQLite database at the current head; read and
edit it before committing (autogenerate misses renames and some type changes).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from ..store import Store
from . import make_config


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        store = Store(str(Path(folder) / "head.db"))
        with store.writer.begin() as conn:
            command.revision(make_config(conn), message=argv[0], autogenerate=True)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
