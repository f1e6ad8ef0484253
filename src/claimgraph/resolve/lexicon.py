"""Load the name-normalization tables shipped in data/normalize/ (see its README)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StateBody:
    """What a noun after a demonym stands for: the state itself or one of its bodies."""

    body: str  # "state", "military", "navy", "police", ...
    suffix: str | None  # canonical name suffix ("military" -> "Egyptian military"), None for the state
    parent: str | None  # "state" or "military"


@dataclass(frozen=True)
class Lexicon:
    particles: frozenset[str]
    variants: dict[str, str]
    titles: tuple[tuple[str, ...], ...]  # longest first
    org_suffixes: frozenset[str]
    state_bodies: dict[str, StateBody]
    branch_words: frozenset[str]
    stop_initials: frozenset[str]
    wing_kinds: dict[str, str]
    org_words: frozenset[str]
    descriptive: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> words (descriptive_groups.tsv)
    stop_names: frozenset[str] = frozenset()
    generic: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> words (generic_actors.tsv, #12)
    junk: dict[str, frozenset[str]] = field(default_factory=dict)  # role -> words (junk_words.tsv, #12)


def _read_lines(name: str) -> list[tuple[int, str]]:
    path = resources.files("claimgraph") / "data" / "normalize" / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise DataFileError(f"normalize/{name}: file missing from the package") from err
    return [(n, line.rstrip("\n")) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def _read_words(name: str) -> list[str]:
    return [line.strip().lower() for _, line in _read_lines(name)]


def _read_tsv(name: str, columns: int) -> list[list[str]]:
    rows = []
    for number, line in _read_lines(name):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != columns:
            raise DataFileError(f"normalize/{name}:{number}: expected {columns} tab-separated columns, "
                                f"found {len(cells)}")
        rows.append(cells)
    return rows


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Every table, validated; raises DataFileError naming the file on a bad line."""
    bodies = {}
    for noun, body, suffix, parent in _read_tsv("state_bodies.tsv", 4):
        bodies[noun.lower()] = StateBody(body, None if suffix == "-" else suffix,
                                         None if parent == "-" else parent)
    titles = sorted((tuple(t.split()) for t in _read_words("titles.txt")), key=len, reverse=True)
    return Lexicon(
        particles=frozenset(_read_words("particles.txt")),
        variants={a.lower(): b.lower() for a, b in _read_tsv("variants.tsv", 2)},
        titles=tuple(titles),
        org_suffixes=frozenset(_read_words("org_suffixes.txt")),
        state_bodies=bodies,
        branch_words=frozenset(_read_words("branch_words.txt")),
        stop_initials=frozenset(_read_words("stop_initials.txt")),
        wing_kinds={a.lower(): b for a, b in _read_tsv("wing_kinds.tsv", 2)},
        org_words=frozenset(_read_words("org_words.txt")),
        descriptive=_read_roles("descriptive_groups.tsv"),
        stop_names=frozenset(_read_words("stop_names.txt")),
        generic=_read_roles("generic_actors.tsv", GENERIC_ROLES),
        junk=_read_roles("junk_words.tsv", JUNK_ROLES),
    )


DESCRIPTIVE_ROLES = ("head", "collective", "affiliation", "place_word", "locative", "determiner")
GENERIC_ROLES = ("generic", "modifier", "sponsor", "state_qualifier")
JUNK_ROLES = ("preposition", "verb")


def _read_roles(name: str, known: tuple[str, ...] = DESCRIPTIVE_ROLES) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {role: set() for role in known}
    for role, word in _read_tsv(name, 2):
        if role not in roles:
            raise DataFileError(f"normalize/{name}: unknown role {role!r} (expected one of "
                                f"{', '.join(known)})")
        roles[role].add(word.lower())
    return {role: frozenset(words) for role, words in roles.items()}
