"""Gather the mentions of each document-local actor into one record resolution compares."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..model import Mention
from .lexicon import load_lexicon
from .normalize import fold, is_acronym, name_tokens

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z0-9]+")

# Mention kinds whose text is a name of the actor (pronouns and descriptions are not).
NAME_KINDS = frozenset({"name", "alias", "acronym", "demonym"})


# The shared empty values of collect_actors (see LocalActor); the Counter is never written to.
_NONE: tuple[()] = ()
_NO_IDS: Counter = Counter()
_NO_HINTS: frozenset[str] = frozenset()


@dataclass(slots=True)
class LocalActor:
    """One actor of one document: its names, type and gazetteer hints.

    A corpus has hundreds of thousands of these (#7), so collect_actors gives the
    containers most actors leave empty (descriptions, gazetteer ids, parent hints) one
    shared empty value and makes a container of their own only for those that fill them.
    """

    document_id: str
    actor: str
    name: str
    type: str
    names: list[str] = field(default_factory=list)  # proper names as written, best first
    descriptions: list[str] | tuple[()] = field(default_factory=list)  # read-only for all but collect_actors
    gazetteer_ids: Counter = field(default_factory=Counter)  # read-only for all but collect_actors
    mentions: int = 0
    parent_hints: set[str] | frozenset[str] = field(default_factory=set)
    # what the actor is (Mention.actor_kind): named, or an unnamed actor of a kind ("civilians", ...)
    actor_kind: str = "named"

    @property
    def key(self) -> tuple[str, str]:
        return (self.document_id, self.actor)

    @property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.name, self.type)

    @property
    def is_named(self) -> bool:
        """False for actors known only by descriptions or pronouns ('the group')."""
        return has_proper_name(self.name) or bool(self.gazetteer_ids)

    @property
    def is_acronym_only(self) -> bool:
        return all(is_acronym(n) for n in self.names)


def collect_actors(mentions: Iterable[Mention]) -> list[LocalActor]:
    """One LocalActor per (document, actor) key, in first-seen order."""
    actors: dict[tuple[str, str], LocalActor] = {}
    # name mentions per type: (type, count) while an actor has one type (nearly all do), else a dict
    types: dict[tuple[str, str], tuple[str, int] | dict[str, int]] = {}
    for mention in mentions:
        key = (mention.document_id, mention.actor)
        actor = actors.get(key)
        if actor is None:
            name = mention.name.strip() or mention.text.strip()  # an empty best name: fall back to the text
            actor = actors[key] = LocalActor(mention.document_id, mention.actor, name, mention.type,
                                             descriptions=_NONE, gazetteer_ids=_NO_IDS, parent_hints=_NO_HINTS,
                                             actor_kind=mention.actor_kind)
            _add_name(actor.names, actor.name)
        actor.mentions += 1
        if mention.kind in NAME_KINDS:
            _count_type(types, key, mention.type)
            _add_name(actor.names, mention.text.strip())
        elif mention.kind == "description" and has_proper_name(mention.text):
            if actor.descriptions is _NONE:
                actor.descriptions = []
            _add_name(actor.descriptions, mention.text.strip())
        for alias in mention.aliases:
            _add_name(actor.names, alias.strip())
        if mention.gazetteer_id:
            if actor.gazetteer_ids is _NO_IDS:
                actor.gazetteer_ids = Counter()
            actor.gazetteer_ids[mention.gazetteer_id] += 1
        if mention.parent_hint and mention.parent_hint != mention.actor:
            actor.parent_hints = actor.parent_hints | {mention.parent_hint}
    for key, counts in types.items():
        if type(counts) is tuple:
            actors[key].type = counts[0]
        else:
            # the type most name mentions carry; 'other' only when nothing better was seen
            ranked = sorted(counts.items(), key=lambda kv: (kv[0] == "other", -kv[1], kv[0]))
            actors[key].type = ranked[0][0]
    del types
    org_words = load_lexicon().org_words
    for actor in actors.values():
        if actor.type == "person" and org_words.intersection(name_tokens(actor.name)):
            actor.type = "organization"  # NER calls many group names PERSON ("Sinai Bedouin tribes")
    _vote_person_types(list(actors.values()), org_words)
    return [actor for actor in actors.values() if not _is_junk(actor)]


def _count_type(types: dict, key: tuple[str, str], type_: str) -> None:
    counts = types.get(key)
    if counts is None:
        types[key] = (type_, 1)
    elif type(counts) is tuple:
        types[key] = (type_, counts[1] + 1) if counts[0] == type_ else {counts[0]: counts[1], type_: 1}
    else:
        counts[type_] = counts.get(type_, 0) + 1


@lru_cache(maxsize=100_000)
def is_junk_name(text: str) -> bool:
    """True for a name that is empty after normalization or only determiners/pronouns ('the', 'they').

    Acronyms are never junk ('US' is not 'us').
    """
    if is_acronym(text.strip()):
        return False
    stop = load_lexicon().stop_names
    return all(w in stop for w in _WORD.findall(fold(text).replace("'s", " ")))


def _is_junk(actor: LocalActor) -> bool:
    """An actor with no gazetteer link whose every name is junk: dropped, with the claims touching it."""
    if actor.gazetteer_ids or not all(is_junk_name(n) for n in [actor.name, *actor.names]):
        return False
    log.debug("resolve: actor %s of document %s dropped: its names %r are only stop words or empty",
              actor.actor, actor.document_id, [actor.name, *actor.names])
    return True


def _vote_person_types(actors: list[LocalActor], org_words: frozenset[str]) -> None:
    """One full name typed PERSON in some documents and ORG/GPE in others is one person.

    NER types the same name differently from one article to the next ("Gustavo Petro" ORG);
    when a name of two or more words without an organization head noun is typed person at
    least as often as anything else in the corpus, every actor with that name is a person.
    Gazetteer-linked actors keep their type.
    """
    by_name: dict[tuple[str, ...], list[LocalActor]] = {}
    for actor in actors:
        if actor.gazetteer_ids or not actor.is_named:
            continue
        tokens = name_tokens(actor.name, "person")
        if len(tokens) >= 2 and not org_words.intersection(tokens) and not is_acronym(actor.name):
            by_name.setdefault(tokens, []).append(actor)
    for same in by_name.values():
        types = Counter(a.type for a in same)
        others = [n for t, n in types.items() if t != "person"]
        if types["person"] and others and types["person"] >= max(others):
            for actor in same:
                actor.type = "person"


def _add_name(names: list[str], text: str) -> None:
    if text and text not in names:
        names.append(text)


@lru_cache(maxsize=200_000)  # is_named asks it of every actor at each clustering step
def has_proper_name(text: str) -> bool:
    """A capital letter, or letters of a script without case (Arabic, Chinese, Hebrew)."""
    return any(c.isupper() or (c.isalpha() and c.lower() == c.upper() and not c.isascii()) for c in text)
