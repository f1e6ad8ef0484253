"""Load and validate the shipped gazetteer of real-world actors (data/gazetteer/*.jsonl).

The format is documented in data/gazetteer/README.md. Used by the nlp entity
ruler (names and types) and by resolution (aliases, parents, demonyms).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from .errors import DataFileError
from .model import ENTITY_TYPES


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    type: str
    kind: str = ""
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    country: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    # names (aliases or capitals) that link to this entry only when the document also names its country
    # or a parent: a city that is also a state's capital, a common word, a name shared with another actor (#12)
    context_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias (demonyms and capitals excluded)."""
        return (self.name, *self.aliases)


@dataclass
class Gazetteer:
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> GazetteerEntry | None:
        return self.entries.get(entry_id)

    @cached_property
    def parents(self) -> dict[str, tuple[str, ...]]:
        """Entry id -> its parents' ids (`claimgraph.resolve.hierarchy.ancestors` walks them)."""
        return {entry.id: entry.parents for entry in self}


_FIELDS = set(GazetteerEntry.__dataclass_fields__)


def parse_gazetteer_line(line: str, *, where: str) -> GazetteerEntry | None:
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise DataFileError(f"{where}: not valid JSON ({err.msg})") from err
    unknown = set(record) - _FIELDS
    if unknown:
        raise DataFileError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "name", "type"):
        if not record.get(key):
            raise DataFileError(f"{where}: missing required field {key!r}")
    if record["type"] not in ENTITY_TYPES:
        raise DataFileError(f"{where}: type {record['type']!r} is not one of {ENTITY_TYPES}")
    for key in ("aliases", "parents", "demonyms", "capitals", "context_names"):
        record[key] = tuple(record.get(key) or ())
    return GazetteerEntry(**record)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Every *.jsonl under data/gazetteer, validated; ids must be unique and parents must exist."""
    gazetteer = Gazetteer()
    folder = resources.files("claimgraph") / "data" / "gazetteer"
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".jsonl"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            entry = parse_gazetteer_line(line, where=f"gazetteer/{path.name}:{number}")
            if entry is None:
                continue
            if entry.id in gazetteer.entries:
                raise DataFileError(f"gazetteer/{path.name}:{number}: duplicate id {entry.id!r}")
            gazetteer.entries[entry.id] = entry
    for entry in gazetteer:
        for parent in entry.parents:
            if parent not in gazetteer.entries:
                raise DataFileError(f"gazetteer: {entry.id!r} names unknown parent {parent!r}")
        for name in entry.context_names:
            if name not in entry.names and name not in entry.capitals:
                raise DataFileError(f"gazetteer: {entry.id!r} lists context name {name!r} that is not one of its "
                                    f"names or capitals")
    return gazetteer


@lru_cache(maxsize=4)
def names_by_kind(kinds: frozenset[str]) -> dict[str, str]:
    """Every name, alias and demonym of the entries of these kinds -> the entry's id. A name that two entries
    share names neither: it cannot say which one is meant."""
    found: dict[str, str | None] = {}
    for entry in load_gazetteer():
        if entry.kind in kinds:
            for name in (*entry.names, *entry.demonyms):
                found[name] = entry.id if found.get(name, entry.id) == entry.id else None
    return {name: entry_id for name, entry_id in found.items() if entry_id is not None}
