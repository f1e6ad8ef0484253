"""Tie a local actor to a fixed point: a gazetteer entry, a state body, or a parent it names.

An anchor is found from the gazetteer (ruler hint, name, alias, case-sensitive
acronym), from a demonym or state name followed by a body noun ("the Egyptian
army", "Egypt's military" -> Egyptian military, part of Egypt; "Egyptian
officials" -> Egypt), from a capital used as metonymy ("Cairo said" -> Egypt),
or from a descriptive name ("the Islamic State branch in the Sinai" -> the
child of Islamic State whose name has "Sinai").
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .actors import LocalActor
from .gazindex import GazetteerIndex, scope_key, needs_context
from .lexicon import load_lexicon
from .match import explain_match
from .normalize import acronym_key, is_acronym, name_tokens
from .screen import is_generic_name

log = logging.getLogger(__name__)

# Share of words a spelled-out acronym must have in common with the gazetteer name the acronym
# stands for ("Islamic State in Iraq and Syria (ISIS)" yes; "Patriotic Liberation Army (PLA)" no).
RESEMBLE_SHARE = 0.8
# Words between a branch noun and the place it names ("branch based in the Sinai").
_PLACE_FILLERS = frozenset({"in", "of", "based", "on", "the", "for", "at", "operating", "active"})


@dataclass(frozen=True)
class Anchor:
    """A fixed point several local actors can share."""

    key: str  # "gz:<gazetteer id>" or "body:<state gazetteer id>:<body>"
    name: str
    type: str
    gazetteer_id: str | None = None
    parents: tuple[str, ...] = ()  # anchor keys
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AnchorResult:
    """One per local actor (#7): immutable, so equal results can be one shared object."""

    anchor: Anchor | None = None
    parents: tuple[str, ...] = ()  # anchor keys of parents named by a descriptive name without a known child
    extra: tuple[Anchor, ...] = ()  # anchors of parents that need an entity
    descriptive: bool = False  # parents come from a descriptive name ("ISIS' branch ...")


# The result of an actor with no anchor: most actors, so one shared object.
NO_ANCHOR = AnchorResult()
# What a document names, for aliases that need context (#12): "country:SY" and "gz:<entry id>" strings.
NO_CONTEXT: frozenset[str] = frozenset()


def context_of(anchor: Anchor | None, index: GazetteerIndex) -> set[str]:
    """What an anchored actor tells about its document: the entry, its parents and its country."""
    if anchor is None:
        return set()
    found = {anchor.key, *anchor.parents}
    entry = index.gazetteer.get(anchor.gazetteer_id) if anchor.gazetteer_id else None
    if entry is None and anchor.key.startswith("body:"):
        entry = index.gazetteer.get(anchor.key.split(":")[1])
    if entry is not None and entry.country:
        found.add(f"country:{entry.country}")
    return found


def fits_context(index: GazetteerIndex, entry_id: str, context: frozenset[str]) -> str | None:
    """Why an entry fits what the document names (its country, itself or a parent), else None."""
    entry = index.entry(entry_id)
    if entry.country and f"country:{entry.country}" in context:
        state = index.state_of_country.get(entry.country)
        return f"the document names {index.entry(state).name if state else entry.country}"
    for key in (f"gz:{entry.id}", *(f"gz:{p}" for p in entry.parents)):
        if key in context:
            return f"the document names {index.entry(key[3:]).name}"
    return None


def is_type_compatible(a: str, b: str) -> bool:
    """May actors of types a and b be one entity? A person never joins an organization."""
    return a == b or "other" in (a, b) or {a, b} == {"state", "location"}


def accepts_entry(actor_type: str, entry_type: str) -> bool:
    """May a name of this actor type link to a gazetteer entry of that type (NER types are noisy)."""
    if actor_type == "person":
        # "Jordan", "Georgia", "Chad" are given names; organizations mistyped PERSON are common.
        return entry_type in ("person", "organization", "other")
    if entry_type == "person":
        return actor_type in ("person", "other")
    return True


def gazetteer_anchor(index: GazetteerIndex, entry_id: str, reason: str = "") -> Anchor:
    entry = index.entry(entry_id)
    return Anchor(f"gz:{entry.id}", entry.name, entry.type, entry.id,
                  tuple(f"gz:{p}" for p in entry.parents), reason)


def find_anchor(actor: LocalActor, index: GazetteerIndex, context: frozenset[str] = NO_CONTEXT) -> AnchorResult:
    """The best anchor of an actor, trying its best name first, then its other names.

    A name that needs context (`needs_context`: shared by two entries, or listed in an entry's
    `context_names`) links only to the entry whose country or parent `context` holds.
    """
    long_names = [n for n in actor.names if not is_acronym(n)]
    scoped = any(needs_context(index, n) for n in actor.names)
    # a side ("Syrian rebels") whose demonym the ruler tagged is not the state (#12)
    generic = all(is_generic_name(n, index) for n in actor.names)
    if actor.gazetteer_ids and not scoped and not generic:
        entry_id = actor.gazetteer_ids.most_common(1)[0][0]
        entry = index.gazetteer.get(entry_id)
        spelled_otherwise = (long_names and any(is_acronym(n) for n in actor.names)
                             and entry is not None and not _resembles(long_names, entry))
        if entry is not None and not spelled_otherwise:
            return AnchorResult(gazetteer_anchor(index, entry_id, f"gazetteer entry '{entry_id}' (entity ruler)"))
    fallback = NO_ANCHOR
    for name in [*actor.names, *actor.descriptions]:
        if needs_context(index, name):
            result = _find_name_anchor(name, actor.type, index, context)
        else:
            result = _anchor_name(name, actor.type, index)
        if result.anchor is not None and is_acronym(name) and long_names and result.anchor.gazetteer_id \
                and not _resembles(long_names, index.entry(result.anchor.gazetteer_id)):
            # the document spelled this acronym out as something else: "Patriotic Liberation
            # Army (PLA)" is not China's PLA
            log.debug("acronym %r of %r not linked to %s", name, long_names[0], result.anchor.gazetteer_id)
            continue
        if result.anchor is not None:
            return result
        if result.parents and not fallback.parents:
            fallback = result
    return fallback


def _resembles(names: list[str], entry) -> bool:
    """Is one of the names (nearly) one of the entry's names: 4 of 5 words shared, or a spelling variant?"""
    for name in names:
        tokens = name_tokens(name)
        for other in entry.names:
            theirs = name_tokens(other)
            shared = len(set(tokens) & set(theirs))
            if tokens and theirs and (shared >= RESEMBLE_SHARE * max(len(set(tokens)), len(set(theirs)))
                                      or explain_match(tokens, theirs)):
                return True
    return False


def _anchor_name(name: str, actor_type: str, index: GazetteerIndex) -> AnchorResult:
    key = (name, actor_type)
    result = index.anchor_cache.get(key)
    if result is None:
        result = index.anchor_cache[key] = _find_name_anchor(name, actor_type, index)
    return result


def _find_name_anchor(name: str, actor_type: str, index: GazetteerIndex,
                      context: frozenset[str] = NO_CONTEXT) -> AnchorResult:
    entry_id, why = _lookup_name(name, actor_type, index, context)
    if entry_id:
        how = "acronym" if is_acronym(name) else "name or alias"
        return AnchorResult(gazetteer_anchor(index, entry_id, f"gazetteer {how} '{name}'{why}"))
    if actor_type == "person":
        return NO_ANCHOR
    tokens = name_tokens(name)
    if is_generic_name(name, index):
        # "Syrian rebels", "the Syrian regime", "Iranian-backed militias": an actor of their own (#12)
        return NO_ANCHOR
    result = _anchor_state_phrase(name, tokens, actor_type, index, context)
    if result.anchor is not None:
        return result
    return _anchor_description(name, tokens, index)


def _lookup_name(name: str, actor_type: str, index: GazetteerIndex,
                 context: frozenset[str] = NO_CONTEXT) -> tuple[str | None, str]:
    """The one entry a name links to and why (a suffix for the reason), else (None, '')."""
    if is_acronym(name):
        candidates = index.acronyms.get(acronym_key(name), [])
    else:
        candidates = []
        for type_ in (actor_type, "organization", "person", None):
            tokens = name_tokens(name, type_)
            candidates = index.primary.get(tokens) or index.names.get(tokens) or []
            if candidates:
                break
    candidates = [c for c in candidates if accepts_entry(actor_type, index.entry(c).type)]
    if needs_context(index, name) and candidates:
        fitting = {c: fits_context(index, c, context) for c in candidates}
        fitting = {c: why for c, why in fitting.items() if why}
        if len(fitting) == 1:
            entry_id, why = next(iter(fitting.items()))
            others = [index.entry(c).name for c in candidates if c != entry_id]
            shared = f"; also a name of {', '.join(others)}" if others else ""
            return entry_id, f" (needs context{shared}; {why})"
        if any(c in index.scoped.get(scope_key(name), ()) for c in candidates):
            log.debug("gazetteer: %r needs context to link (%s); the document fits %s", name, candidates,
                      sorted(fitting) or "none")
            return None, ""
    if len(candidates) > 1:
        same = [c for c in candidates if index.entry(c).type == actor_type]
        candidates = same or candidates
    if len(candidates) > 1:
        log.debug("gazetteer: %r is ambiguous between %s; not linked", name, candidates)
        return None, ""
    return (candidates[0], "") if candidates else (None, "")


def _anchor_state_phrase(name: str, tokens: tuple[str, ...], actor_type: str,
                         index: GazetteerIndex, context: frozenset[str] = NO_CONTEXT) -> AnchorResult:
    """'Egyptian army' -> Egyptian military (part of Egypt); 'Egyptians', 'Cairo' -> Egypt."""
    lex = load_lexicon()
    if actor_type != "location" and tokens in index.capitals:
        state = index.capitals[tokens]
        if tokens in index.scoped:  # "Juba" is also a river and a region of Somalia (#12)
            why = fits_context(index, state, context)
            if not why:
                return NO_ANCHOR
            return AnchorResult(gazetteer_anchor(index, state, f"capital '{name}' stands for the state ({why})"))
        return AnchorResult(gazetteer_anchor(index, state, f"capital '{name}' stands for the state"))
    for size in range(min(index.max_state_tokens, len(tokens)), 0, -1):
        head, rest = tokens[:size], tokens[size:]
        state = index.demonyms.get(head) or index.states.get(head)
        if state is None:
            continue
        if not rest:
            if head in index.demonyms:
                return AnchorResult(gazetteer_anchor(index, state, f"demonym '{name}'"))
            return NO_ANCHOR
        body = _body_of(rest, lex.state_bodies)
        if body is None:
            return NO_ANCHOR
        if body.body == "state":
            return AnchorResult(gazetteer_anchor(index, state, f"'{name}' stands for the state"))
        return AnchorResult(_body_anchor(index, state, body.body, body.suffix, body.parent, name))
    return NO_ANCHOR


def _body_of(rest: tuple[str, ...], bodies):
    """The body a state-force or state-official phrase names; the words before the noun must be
    state qualifiers ("government forces"), never a side ("opposition forces", "Kurdish forces", #12)."""
    text = " ".join(rest)
    if text in bodies:
        return bodies[text]
    qualifiers = load_lexicon().generic["state_qualifier"]
    for start in range(1, len(rest)):  # "government officials" -> "officials"
        tail = " ".join(rest[start:])
        if tail in bodies:
            return bodies[tail] if all(word in qualifiers for word in rest[:start]) else None
    return None


def _body_anchor(index: GazetteerIndex, state: str, body: str, suffix: str, parent: str | None,
                 name: str) -> Anchor:
    known = index.bodies.get((state, body))
    if known:
        return gazetteer_anchor(index, known, f"'{name}' is the {body} of {index.entry(state).name}")
    entry = index.entry(state)
    demonym = entry.demonyms[0] if entry.demonyms else entry.name
    if parent == "military":
        military = index.bodies.get((state, "military"))
        parent_key = f"gz:{military}" if military else f"body:{state}:military"
    else:
        parent_key = f"gz:{state}"
    return Anchor(f"body:{state}:{body}", f"{demonym} {suffix}", "organization", None, (parent_key,),
                  f"'{name}' is the {body} of {entry.name}")


def make_body_anchor(index: GazetteerIndex, key: str) -> Anchor:
    """The anchor of a body key such as 'body:state_eg:military' (parents of navies need it)."""
    _, state, body = key.split(":", 2)
    lex = load_lexicon()
    info = next(b for b in lex.state_bodies.values() if b.body == body)
    return _body_anchor(index, state, body, info.suffix, info.parent, key)


def _anchor_description(name: str, tokens: tuple[str, ...], index: GazetteerIndex) -> AnchorResult:
    """'Islamic State branch in the Sinai', 'Hamas's military wing' -> that child of the named parent."""
    lex = load_lexicon()
    position = next((i for i, t in enumerate(tokens) if i > 0 and t in lex.branch_words), None)
    if position is None:
        return NO_ANCHOR
    qualifier = lex.wing_kinds.get(tokens[position - 1])
    parent_tokens = tokens[:position - 1] if qualifier else tokens[:position]
    rest = list(tokens[position + 1:])
    if rest and rest[0] == "of":  # "the Sinai branch of the Islamic State"
        after = rest[1:]
        cut = after.index("in") if "in" in after else len(after)
        place = list(parent_tokens) + after[cut + 1:]
        parent_tokens = tuple(t for t in after[:cut] if t != "the")
    else:
        place = rest
    parent = None
    for cut in range(len(parent_tokens), 0, -1):  # "Islamic State's Sinai affiliate": the place sits inside
        parent = _lookup_tokens(name, tuple(parent_tokens[:cut]), index)
        if parent is not None:
            place = list(parent_tokens[cut:]) + list(place)
            break
    place = [t for t in place if t not in _PLACE_FILLERS]
    if parent is None:
        return NO_ANCHOR
    children = index.children.get(parent, [])
    if qualifier:
        children = [c for c in children if index.entry(c).kind == qualifier]
    if place:
        scores = {c: _place_score(index, c, place) for c in children}
        best = max(scores.values(), default=0)
        if best > 0:
            children = [c for c, score in scores.items() if score == best]
        elif not qualifier:
            children = []  # a branch in a place no known child names: keep only the parent
    if (qualifier or place) and len(children) == 1:
        return AnchorResult(gazetteer_anchor(
            index, children[0], f"descriptive name '{name}' -> part of {index.entry(parent).name}"))
    return AnchorResult(None, (f"gz:{parent}",), (gazetteer_anchor(index, parent),), descriptive=True)


def _lookup_tokens(name: str, tokens: tuple[str, ...], index: GazetteerIndex) -> str | None:
    if not tokens:
        return None
    candidates = index.names.get(tokens) or []
    if not candidates and len(tokens) == 1:
        # an acronym written in capitals in the original ("ISIS' branch")
        word = tokens[0].upper()
        if re.search(rf"\b{re.escape(word)}\b", name):
            candidates = index.acronyms.get(word, [])
    candidates = [c for c in candidates if index.entry(c).type != "person"]
    return candidates[0] if len(candidates) == 1 else None


def _place_score(index: GazetteerIndex, entry_id: str, place: list[str]) -> int:
    """How well a child fits a place: place words in its names, plus one if the place is its country."""
    entry = index.entry(entry_id)
    words = set(place)
    score = max((len(words & set(name_tokens(n))) for n in entry.names), default=0)
    for word in place:
        state = index.states.get((word,)) or index.demonyms.get((word,))
        if state and entry.country and index.entry(state).country == entry.country:
            score += 1
            break
    return score


def drop_foreign_names(actor: LocalActor, result: AnchorResult, index: GazetteerIndex) -> list[str]:
    """Names of an anchored actor that the gazetteer gives to an unrelated entry: not its aliases (#12).

    The extractor sometimes attaches a name of another actor ("the coalition against Isis" gives the
    Global Coalition the alias "Isis"); such a name would make the entity hold an adversary's alias.
    Names of the entry's own ancestors or descendants ("Syrian" for the Syrian military) stay.
    Returns the dropped names (already removed from `actor.names`).
    """
    own = result.anchor.gazetteer_id if result.anchor is not None else None
    if own is None or len(actor.names) < 2:
        return []
    dropped = []
    for name in actor.names:
        if name == actor.name:  # the best name is the actor's own, whatever it links to
            continue
        other = _anchor_name(name, actor.type, index).anchor
        other_id = other.gazetteer_id if other is not None else None
        if other_id and other_id != own and not _related(index, own, other_id):
            dropped.append(name)
    if dropped:
        log.debug("resolve: names %r of actor %s in %s belong to other gazetteer entries, not to %s",
                  dropped, actor.actor, actor.document_id, own)
        actor.names = [n for n in actor.names if n not in dropped]
    return dropped


def _related(index: GazetteerIndex, a: str, b: str) -> bool:
    return b in _ancestors(index, a) or a in _ancestors(index, b)


def _ancestors(index: GazetteerIndex, entry_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(index.entry(entry_id).parents)
    while todo:
        parent = todo.pop()
        if parent not in seen and parent in index.gazetteer.entries:
            seen.add(parent)
            todo.extend(index.entry(parent).parents)
    return seen
