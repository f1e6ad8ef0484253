"""Look-up tables over the gazetteer: names, acronyms (case-sensitive), demonyms, capitals, children."""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer, GazetteerEntry
from .normalize import acronym_key, is_acronym, name_tokens

log = logging.getLogger(__name__)


@dataclass
class GazetteerIndex:
    """Names of every gazetteer entry as resolution compares them."""

    gazetteer: Gazetteer
    names: dict[tuple[str, ...], list[str]] = field(default_factory=lambda: defaultdict(list))
    primary: dict[tuple[str, ...], list[str]] = field(default_factory=lambda: defaultdict(list))
    acronyms: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    states: dict[tuple[str, ...], str] = field(default_factory=dict)  # name, alias or demonym tokens -> state id
    demonyms: dict[tuple[str, ...], str] = field(default_factory=dict)
    capitals: dict[tuple[str, ...], str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    bodies: dict[tuple[str, str], str] = field(default_factory=dict)  # (state id, kind) -> entry id
    state_of_country: dict[str, str] = field(default_factory=dict)  # ISO code -> state id
    max_state_tokens: int = 1
    # names that need the document's context to link (#12): normalized tokens or acronym key -> entry ids
    scoped: dict = field(default_factory=lambda: defaultdict(set))
    # (name, actor type) -> its anchor result: actors repeat names across documents (#7)
    anchor_cache: dict = field(default_factory=dict, repr=False, compare=False)
    # name -> needs_context / is_generic_name answers: asked of every name of every actor (#7, #12)
    context_cache: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    generic_cache: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def entry(self, entry_id: str) -> GazetteerEntry:
        return self.gazetteer.entries[entry_id]


def build_index(gazetteer: Gazetteer) -> GazetteerIndex:
    """Index every name; acronyms only by their exact (case-kept) spelling so 'IS' never matches 'is'."""
    index = GazetteerIndex(gazetteer)
    for entry in gazetteer:
        for position, name in enumerate(entry.names):
            if is_acronym(name):
                _add(index.acronyms, acronym_key(name), entry.id)
                continue
            tokens = name_tokens(name, entry.type)
            if not tokens:
                continue
            _add(index.names, tokens, entry.id)
            if position == 0:
                _add(index.primary, tokens, entry.id)
            if entry.type == "state":
                index.states.setdefault(tokens, entry.id)
        if entry.type == "state":
            if entry.country:
                index.state_of_country.setdefault(entry.country, entry.id)
            for demonym in entry.demonyms:
                index.demonyms.setdefault(name_tokens(demonym), entry.id)
            for capital in entry.capitals:
                index.capitals.setdefault(name_tokens(capital), entry.id)
        for name in entry.context_names:
            index.scoped[scope_key(name)].add(entry.id)
        for parent in entry.parents:
            index.children[parent].append(entry.id)
            parent_entry = gazetteer.get(parent)
            if parent_entry is not None and parent_entry.type == "state" and entry.kind:
                index.bodies.setdefault((parent, entry.kind), entry.id)
    lengths = [len(t) for t in (*index.states, *index.demonyms)]
    index.max_state_tokens = max(lengths, default=1)
    return index


def scope_key(name: str):
    return acronym_key(name) if is_acronym(name) else name_tokens(name)


def needs_context(index: GazetteerIndex, name: str) -> bool:
    """Does this name link only with the document's context: listed as such, or shared by two entries?"""
    answer = index.context_cache.get(name)
    if answer is None:
        answer = index.context_cache[name] = _needs_context(index, name)
    return answer


def _needs_context(index: GazetteerIndex, name: str) -> bool:
    if is_acronym(name):
        key = acronym_key(name)
        return key in index.scoped or len(index.acronyms.get(key, ())) > 1
    tokens = name_tokens(name)
    return tokens in index.scoped or len(index.names.get(tokens, ())) > 1


def _add(table: dict, key, entry_id: str) -> None:
    if entry_id not in table[key]:
        table[key].append(entry_id)
