"""Screen local actors before anchoring: junk spans out, generic names apart, person types by evidence (#12).

Three guardrails that keep one actor one node on real corpora:

- **Junk spans.** A name that starts with a preposition loses it ("Near Ar Raqqah" -> "Ar Raqqah",
  "Beyond Donald Trump" -> "Donald Trump"); a name that starts or ends with a headline verb
  ("Discuss Next Moves", "State Antony Blinken Travel") or is a title alone ("President") is
  dropped; an actor left with no name and no gazetteer link is dropped, as `collect_actors` does.
- **Generic names.** "Syrian rebels", "the Syrian regime", "British nationals" say what kind of
  people an actor are, not which actor (`data/normalize/generic_actors.tsv`). An actor that also has
  a specific name keeps only its specific names for matching and aliases, so a state, a military or
  a named group never holds a rebel, opposition or regime alias.
- **Person by evidence.** A one-word name NER typed organization ("Trump") that is the surname of a
  full person name in the corpus ("Donald Trump") and no organization name is a person.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from .actors import LocalActor, has_proper_name, is_junk_name
from .descriptive import singular
from .gazindex import GazetteerIndex
from .lexicon import load_lexicon
from .normalize import fold, is_acronym, name_tokens

log = logging.getLogger(__name__)

_PIECE = re.compile(r"[^\s,;:()]+")
# A span of more words than this is not a title alone ("the Deputy Prime Minister" is four).
MAX_TITLE_WORDS = 4
_WORD = re.compile(r"[a-z0-9]+")


def screen_actors(actors: list[LocalActor], index: GazetteerIndex) -> list[LocalActor]:
    """The actors with junk and generic names handled and person types voted; drops junk-only actors."""
    kept = []
    for actor in actors:
        if _screen_names(actor, index):
            kept.append(actor)
    _vote_surname_persons(kept, index)
    return kept


def is_generic_name(text: str, index: GazetteerIndex) -> bool:
    """True for a name made only of generic words, modifiers, demonyms and sponsors ('Iranian-backed
    militias', 'Syrian opposition forces', 'the regime'), with at least one generic head noun."""
    answer = index.generic_cache.get(text)
    if answer is None:
        answer = index.generic_cache[text] = _is_generic(text, index)
    return answer


def _is_generic(text: str, index: GazetteerIndex) -> bool:
    if is_acronym(text.strip()):
        return False
    roles = load_lexicon().generic
    stop = load_lexicon().stop_names
    has_head = False
    for piece in _PIECE.findall(fold(text).replace("'s", " ")):
        parts = [p for p in re.split(r"-+", piece) if p]
        if len(parts) > 1 and parts[-1] in roles["sponsor"]:
            continue  # "Iranian-backed", "U.S.-backed", "Assad-aligned": who sponsors, not who it is
        for part in parts:
            for word in _WORD.findall(part):
                base = singular(word)
                if word in roles["generic"] or base in roles["generic"]:
                    has_head = True
                elif (word in stop or word in roles["modifier"] or base in roles["modifier"]
                      or (word,) in index.demonyms or (word,) in index.states or (base,) in index.demonyms):
                    continue
                else:
                    return False
    return has_head


def is_nationality_name(text: str, index: GazetteerIndex) -> bool:
    """True for a name that is only a demonym or a state's name ('Syrian', 'Syrians', 'the Kurds' is not)."""
    tokens = name_tokens(text)
    return bool(tokens) and (tokens in index.demonyms or tokens in index.states)


@lru_cache(maxsize=200_000)  # asked of every name of every actor; corpora repeat names (#7)
def strip_junk_words(text: str) -> str | None:
    """The name without a leading preposition; None when the span is a headline fragment or a title."""
    lex = load_lexicon()
    # a span across a paragraph break joins a headline's tail to the body ("Deir ez-Zor\n\nIranian-backed
    # militias"): the name is the last line
    lines = [line for line in text.splitlines() if line.strip() and not is_junk_name(line)]
    words = lines[-1].split() if lines else []
    while len(words) > 1 and fold(words[0]) in lex.junk["preposition"]:
        words = words[1:]
    while len(words) > 1 and fold(words[-1]) in lex.stop_names:  # "Raqqa The": a sentence's next word
        words = words[:-1]
    if not words:
        return None
    first, last = fold(words[0]).strip(".,'\""), fold(words[-1]).strip(".,'\"")
    if len(words) > 1 and (first in lex.junk["verb"] or last in lex.junk["verb"]):
        return None
    if len(words) <= MAX_TITLE_WORDS:
        tokens = _WORD.findall(fold(" ".join(words)))
        if tokens and all((t,) in lex.titles for t in tokens) and not is_acronym(text.strip()):
            return None  # a title alone ("President", "the Minister")
    return " ".join(words)


def _screen_names(actor: LocalActor, index: GazetteerIndex) -> bool:
    """Clean one actor's names in place; False when nothing names it any more."""
    if actor.descriptions:
        actor.descriptions = [d for d in (strip_junk_words(d) for d in actor.descriptions) if d]
    if all(strip_junk_words(n) == n and not is_generic_name(n, index) and has_proper_name(n) for n in actor.names):
        return True  # nearly every actor: nothing to clean
    if any(has_proper_name(n) for n in actor.names):
        # a lowercase phrase beside a proper name is a description the extractor read as an alias
        # ("a new president" of the Syrian National Coalition), not a name of the actor
        lowercase = [n for n in actor.names if not has_proper_name(n)]
        if lowercase:
            log.debug("resolve: %r of actor %s in %s are descriptions, not names", lowercase, actor.actor,
                      actor.document_id)
            actor.names = [n for n in actor.names if has_proper_name(n)]
            if actor.name in lowercase:
                actor.name = actor.names[0]
    names = []
    for name in actor.names:
        cleaned = strip_junk_words(name)
        if cleaned is None:
            log.debug("resolve: name %r of actor %s in %s dropped: a headline fragment or a title alone",
                      name, actor.actor, actor.document_id)
            continue
        if cleaned not in names:
            names.append(cleaned)
    generic = [n for n in names if is_generic_name(n, index)]
    if generic:
        # a bare demonym ("Syrian" in "Syrian rebels") is the nationality of a side, not a name of it
        nationality = [n for n in names if n not in generic and is_nationality_name(n, index)]
        specific = [n for n in names if n not in generic and n not in nationality]
        dropped = generic if specific else nationality
        if dropped:
            log.debug("resolve: names %r of actor %s in %s are not used to match it (%s)", dropped, actor.actor,
                      actor.document_id, "generic beside a specific name" if specific else "nationality of a side")
        names = [*specific, *nationality] if specific else generic
    if not names:
        if actor.gazetteer_ids:
            return True
        log.debug("resolve: actor %s of document %s dropped: no name left after screening %r",
                  actor.actor, actor.document_id, actor.names)
        return False
    if actor.name not in names:
        best = strip_junk_words(actor.name)
        actor.name = best if best in names else names[0]
    actor.names = [actor.name] + [n for n in names if n != actor.name]
    return not all(is_junk_name(n) for n in actor.names) or bool(actor.gazetteer_ids)


def _vote_surname_persons(actors: list[LocalActor], index: GazetteerIndex) -> None:
    """'Trump' typed organization is the person 'Donald Trump': a one-word name, not a gazetteer name, a
    demonym or an organization head noun, that is the surname of a full person name in the corpus."""
    org_words = load_lexicon().org_words
    surnames: set[str] = set()
    for actor in actors:
        if actor.type == "person":
            tokens = name_tokens(actor.name, "person")
            if len(tokens) >= 2:
                surnames.add(tokens[-1])
    if not surnames:
        return
    for actor in actors:
        if actor.type not in ("organization", "other") or actor.gazetteer_ids or is_acronym(actor.name):
            continue
        tokens = name_tokens(actor.name)
        if (len(tokens) == 1 and tokens[0] in surnames and tokens[0] not in org_words
                and not index.names.get(tokens) and tokens not in index.demonyms and tokens not in index.states):
            log.debug("resolve: %r typed %s in %s is the surname of a person in the corpus: retyped person",
                      actor.name, actor.type, actor.document_id)
            actor.type = "person"
