"""Read descriptive group names ("Salafi jihadists in Gaza") into modifiers, head noun and place.

A descriptive group name is not a proper name: it says what a group does or
believes and where ("Shia militias in Basra", "ISIS-inspired jihadists in Gaza",
"militant groups in the Gaza Strip"). Two such names may denote one group when
their heads agree, their places agree and their identifying modifiers do not
contradict each other; resolution (cluster.py) joins them only when the match is
unique in the corpus. The words come from data/normalize/descriptive_groups.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_lexicon
from .normalize import fold

_POSSESSIVE = re.compile(r"'s\b")


@dataclass(frozen=True)
class GroupName:
    """The parts of a descriptive group name, lowercase."""

    head: str  # singular head noun: "jihadist", "militia", "militant"
    modifiers: frozenset[str]  # identifying words before the head: {"salafi"}, {"shia"}
    affiliations: frozenset[str]  # whom the group follows: {"isis-inspired"}
    place: tuple[str, ...]  # normalized place: ("gaza",), () when none

    @property
    def parts(self) -> int:
        """How much the name says: used to pick the most informative name of a cluster."""
        return int(bool(self.modifiers or self.affiliations)) + int(bool(self.place))


def singular(word: str) -> str:
    """'militias' -> 'militia', 'jihadists' -> 'jihadist', 'gunmen' -> 'gunman', 'groups' -> 'group'."""
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def place_key(words: list[str]) -> tuple[str, ...]:
    """'the Gaza Strip' -> ('gaza',); 'Egypt's Sinai Peninsula' -> ('egypt', 'sinai')."""
    roles = load_lexicon().descriptive
    tokens = [re.sub(r"[^a-z0-9]", "", w) for w in words]
    tokens = [t for t in tokens if t and t not in roles["determiner"] and t not in ("al", "el")]
    while len(tokens) > 1 and tokens[-1] in roles["place_word"]:
        tokens.pop()
    return tuple(tokens)


@lru_cache(maxsize=50_000)
def parse_group_name(text: str) -> GroupName | None:
    """The parts of a descriptive group name, or None when the text is not one.

    A bare head ("jihadists", "the group") is not descriptive enough to compare: a name
    needs a modifier or a place. Names with "of" ("sympathizers of Islamic State") name
    another actor and are left alone.
    """
    roles = load_lexicon().descriptive
    words = _POSSESSIVE.sub("", fold(text)).replace(",", " ").split()
    while words and words[0] in roles["determiner"]:
        words.pop(0)
    if not words or "of" in words:
        return None
    place: tuple[str, ...] = ()
    for i, word in enumerate(words):
        if word in roles["locative"] and i > 0:
            place = place_key(words[i + 1:])
            if not place:
                return None
            words = words[:i]
            if words and words[-1] in ("based", "operating", "active"):
                words.pop()
            break
    if not words:
        return None
    head = singular(words[-1])
    before = words[:-1]
    if head in roles["collective"] and before and singular(before[-1]) in roles["head"]:
        head, before = singular(before[-1]), before[:-1]  # "militant groups" = "militants"
    if head not in roles["head"] and head not in roles["collective"]:
        return None
    modifiers, affiliations = set(), set()
    for word in before:
        word = word.strip("'\".")
        if not word:
            continue
        if "-" in word and word.rsplit("-", 1)[1] in roles["affiliation"]:
            affiliations.add(word)
        else:
            modifiers.add(re.sub(r"[^a-z0-9-]", "", word))
    modifiers.discard("")
    if not (modifiers or affiliations or place):
        return None
    return GroupName(head, frozenset(modifiers), frozenset(affiliations), place)


def places_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same place, or one names it more fully ('gaza' / 'gaza city' was folded already)."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return long_[-len(short):] == short or long_[:len(short)] == short


def explain_group_match(a: GroupName, b: GroupName, *, place_a_known: bool = False,
                        place_b_known: bool = False) -> str | None:
    """Why two descriptive names may denote one group, or None.

    place_a_known: a has no place of its own but its document names b's place (and vice versa).
    Identifying modifiers must not contradict ('Shia' vs 'Sunni'): one side's set must contain the
    other's. Affiliations ('ISIS-inspired') only describe whom a group follows, so a name with none
    agrees with any; two names with affiliations must share one.
    """
    if a.head != b.head:
        return None
    if a.place and b.place:
        if not places_agree(a.place, b.place):
            return None
        where = f"in {' '.join(a.place if len(a.place) >= len(b.place) else b.place)}"
    elif a.place and place_b_known or b.place and place_a_known:
        where = f"in {' '.join(a.place or b.place)} (named in the other's document)"
    else:
        return None
    if a.modifiers and b.modifiers and not (a.modifiers <= b.modifiers or b.modifiers <= a.modifiers):
        return None
    if a.affiliations and b.affiliations and not a.affiliations & b.affiliations:
        return None
    return f"same head noun '{a.head}' {where}, modifiers agree"
