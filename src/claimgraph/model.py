"""The shared vocabulary: Document, Mention, Claim, Evidence, Entity, ClaimGroup.

Every stage reads and writes these typed records; nothing else crosses a
stage boundary. Per-document records (Document, Mention, Claim, Evidence) are
produced by the map stages (ingest, nlp, extract) and are pure functions of
one document. Entity and ClaimGroup are produced by the reduce stages
(resolve, corroborate) over everything stored.

The records the reduce holds by the hundred thousand (Mention, Cue, Evidence, Claim,
Origin) use slots: no per-instance __dict__, and pickle as their field values (#7).

Invariant (the grounding guarantee): for every Evidence `e` of a Document `d`,
`d.text[e.start:e.end] == e.text`.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from functools import cache
from operator import attrgetter
from typing import Any

ENTITY_TYPES = ("person", "organization", "state", "location", "other")
POLARITIES = ("affirmed", "negated")
CERTAINTIES = ("asserted", "hedged")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_LEAVES = frozenset({str, int, float, bool, type(None)})


def to_plain(value: Any) -> Any:
    """A record as plain dicts and lists, like `dataclasses.asdict` but without its deep copy of
    every leaf: strings and numbers are immutable, and the copy was most of the cost of
    storing a batch (#7). Leaves are passed over without a call: the reduce writes millions."""
    if type(value) in _LEAVES:
        return value
    if isinstance(value, list):
        return [item if type(item) in _LEAVES else to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: item if type(item) in _LEAVES else to_plain(item) for key, item in value.items()}
    if hasattr(type(value), "__dataclass_fields__"):
        plain = {}
        for name in _field_names(type(value)):
            item = getattr(value, name)
            plain[name] = item if type(item) in _LEAVES else to_plain(item)
        return plain
    return value


def pickled_by_fields(cls: type) -> type:
    """Make a slotted dataclass pickle as (class, field values).

    Python's own pickling of slotted dataclasses calls a Python-level __getstate__ and
    __setstate__ per object; the map sends these records between processes by the thousand
    per batch, and that was the largest cost of moving a batch (#7). Half the time this way.
    """
    values = attrgetter(*_field_names(cls))

    def __reduce__(self):
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


def normalize_for_id(text: str) -> str:
    """Text as hashed for a document id: NFKC, whitespace collapsed, lowercased."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def make_document_id(text: str) -> str:
    """A document's id is the hash of its normalized clean text (re-ingesting is a no-op)."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:20]


@dataclass
class Document:
    """One article: clean text plus trustworthy metadata.

    `text` is the clean text that every offset points into; `raw_text` is what
    was read before boilerplate removal, kept so cleaning stays reproducible.
    """

    id: str
    text: str
    source: str
    raw_text: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date (YYYY-MM-DD) of the article itself
    date_source: str | None = None  # how `published` was found: dateline, metadata, url, render, ...
    retrieved: str | None = None
    language: str | None = "en"
    duplicate_of: str | None = None  # id of the document this one is a near-duplicate of
    # What ingest had to change for every store and format to accept it (#13): counts of removed
    # control characters by field, the exact bytes of a file name that is not UTF-8 (hex).
    notes: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, source: str, **meta: Any) -> "Document":
        return cls(id=make_document_id(text), text=text, source=source, **meta)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@pickled_by_fields
@dataclass(slots=True)
class Mention:
    """A span of a document that names or refers to an actor.

    `actor` is the document-local actor key that all mentions of one actor in
    one document share (in-document aliases, acronyms and coreference already
    applied); resolution maps each local actor to a canonical Entity.
    """

    document_id: str
    start: int
    end: int
    text: str
    actor: str  # document-local actor key, e.g. "a3"
    name: str  # the best name of the local actor (longest proper name in the document)
    type: str  # one of ENTITY_TYPES
    kind: str = "name"  # name | alias | acronym | pronoun | description | demonym
    # what the mention denotes: named | descriptive | generic_force | civilians | title_role | unit | counted_group
    actor_kind: str = "named"
    gazetteer_id: str | None = None
    aliases: list[str] = field(default_factory=list)  # names of the local actor in this document
    parent_hint: str | None = None  # local actor key this actor is part of (from the text)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@pickled_by_fields
@dataclass(slots=True)
class Cue:
    """A word or phrase that set polarity, certainty or attribution."""

    kind: str  # negation | hedge | attribution
    text: str
    start: int
    end: int


@pickled_by_fields
@dataclass(slots=True)
class Evidence:
    """The exact sentence behind a claim, who said it and how sure they sounded."""

    document_id: str
    text: str
    start: int
    end: int
    attributed_to: str | None = None  # the source's name as written ("Palestinian sources")
    attributed_actor: str | None = None  # local actor key of the source, when it is an actor
    attribution_kind: str | None = None  # person | outlet | organization | anonymous | state
    certainty: str = "asserted"
    polarity: str = "affirmed"
    cues: list[Cue] = field(default_factory=list)
    # what read the claim: {"rule": "verb:attack" | "structure:title" | "model", "model": name,
    # "score": the model's probability for this relation and direction, or None} (docs/extraction.md)
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@pickled_by_fields
@dataclass(slots=True)
class Claim:
    """One document's statement that subject does `relation` (in `mode`) to object."""

    document_id: str
    subject: str  # local actor key
    relation: str
    object: str  # local actor key
    evidence: Evidence
    mode: str | None = None
    polarity: str = "affirmed"
    certainty: str = "asserted"
    attributes: dict[str, Any] = field(default_factory=dict)  # time, place, weapon, quantity, role, from

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass
class Extraction:
    """Everything the map stage produces for one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    failed: str | None = None  # why extraction failed (one line); then there are no mentions or claims


@dataclass
class Entity:
    """A canonical actor across documents."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)  # entity ids
    gazetteer_id: str | None = None
    mentions: int = 0
    merge_reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@pickled_by_fields
@dataclass(slots=True)
class Origin:
    """An independent source behind a claim group: who first said it."""

    key: str  # stable key: entity id, "outlet:<name>", "anon:<description>@<outlet>", "dup:<document id>"
    name: str
    kind: str  # person | outlet | organization | anonymous | state | unknown_outlet
    documents: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)  # indexes into ClaimGroup.evidence


@dataclass
class ClaimGroup:
    """Claims with the same subject, relation, mode and object across documents, counted."""

    id: str
    subject: str  # entity id
    relation: str
    object: str  # entity id
    mode: str | None = None
    polarity: str = "affirmed"  # affirmed unless every evidence is negated
    certainty: str = "asserted"  # asserted when at least one evidence asserts it, else hedged
    documents: int = 0
    outlets: int = 0
    origins: int = 0
    origin_list: list[Origin] = field(default_factory=list)
    # documents whose outlet is unknown, counted apart from `origins` (their origin_list kind is
    # "unknown_outlet"); a group with no origin but such documents is weak (#12)
    unknown_outlet_documents: int = 0
    first_reported: str | None = None
    last_reported: str | None = None
    contradicted: bool = False
    attributes: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    attribution_chains: list[list[str]] = field(default_factory=list)  # speaker -> outlet -> republishers
    rolled_up_from: list[str] = field(default_factory=list)  # ids of the groups a roll-up joined (#5)

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)
