"""Candidate actor pairs of a sentence and the features a learned relation model reads.

Every pair of actors that two argument words of one sentence resolve to is a candidate, in both
orders. Its features are what the hand-written rules look at, as data: the word that governs both
(the lowest common ancestor in the parse: "attacked", "talks", "leader"), how each actor hangs
under it (subject, object, which preposition), the words on the path between them, voice, the
actor types and kinds, and whether a rule already read a relation (and which) between them.
`relation_model.RelationModel` turns these into a relation, a direction, or none.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .arguments import ArgumentResolver
from .lexicon import Lexicon
from .parse import Parse

# Words whose heads are actor arguments; modifiers ("rebel-held") and dates are not.
ARGUMENT_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "agent",
                           "npadvmod", "ROOT", "oprd", "compound", "poss", "nmod", "amod"))
ARGUMENT_POS = frozenset(("NOUN", "PROPN", "PRON", "ADJ"))
# More actors than this in one sentence is a list ("delegates from X, Y, Z ..."): its pairs are skipped.
MAX_ACTORS = 10
MAX_PATH = 10  # dependency hops between the two actors


@dataclass(slots=True)
class Candidate:
    """An ordered pair of document-local actors in one sentence."""

    sentence: int  # index into the document's sentences
    subject: str  # local actor key
    object: str
    subject_token: int
    object_token: int
    governor: int  # token index of the word that governs both (the evidence's predicate)
    features: list[str] = field(default_factory=list)


def _ancestors(head: list[int], i: int) -> list[int]:
    chain = [i]
    while head[i] != i and len(chain) <= 40:
        i = head[i]
        chain.append(i)
    return chain


def _depths(chain: list[int]) -> dict[int, int]:
    """Each ancestor of a chain -> its place in it (its first one): hops and the governor are read
    off it without a set and two list.index per pair."""
    return {word: k for k, word in reversed(list(enumerate(chain)))}


def _meet(up_a: list[int], depth_b: dict[int, int]) -> tuple[int, int] | None:
    """The lowest common ancestor of two words, as (its place in `up_a`, its place in b's chain)."""
    for k, word in enumerate(up_a):
        if word in depth_b:
            return k, depth_b[word]
    return None


def _hops(up_a: list[int], depth_b: dict[int, int]) -> int:
    """Dependency hops between two words (no common ancestor: very far)."""
    meet = _meet(up_a, depth_b)
    return meet[0] + meet[1] if meet is not None else 1000


def _arc(parse: Parse, chain: list[int]) -> str:
    """How the top word of `chain` (below the governor) hangs under it: "nsubj", "prep:against"."""
    if not chain:
        return "self"
    top = chain[-1]
    dep = parse.dep[top]
    if dep == "prep" or dep == "agent":
        return f"{dep}:{parse.lower[top]}"
    if dep == "pobj" and len(chain) >= 2:
        return f"pobj:{parse.lower[chain[-1]]}"
    if len(chain) >= 2 and parse.dep[chain[-2]] == "pobj":
        return f"prep:{parse.lower[top]}"
    return dep


class PairFeaturizer:
    """Candidates and their features, one sentence at a time, for one document."""

    def __init__(self, parse: Parse, resolver: ArgumentResolver, lexicon: Lexicon):
        self.parse = parse
        self.resolver = resolver
        self.table = resolver.table
        self._doc = resolver.doc
        # the rules' vocabulary as features: a cue word anywhere on the path says which relation it
        # expresses, so a cue the training stories never used still counts ("shelled" as "attacked")
        self.cue_relations = lexicon.cue_relations
        # (word, word) -> the pair's features that do not depend on its order, for the current sentence
        self._unordered: dict[tuple[int, int], list[str]] = {}
        self._path_words: dict[int, tuple[str, ...]] = {}  # word -> its path features, for the current sentence
        self.role_words = frozenset(lexicon.roles) | frozenset(
            w for w, kind in lexicon.actor_kinds.items() if kind == "title_role")

    def occurrences(self, start: int, end: int) -> list[tuple[str, int]]:
        """(actor key, head word) for every argument word of the sentence that resolves to an actor; an
        actor named twice ("Iraq ... Iraqi officials") has one entry per word."""
        parse, table = self.parse, self.table
        found: list[tuple[str, int]] = []
        seen: set[tuple[str, int]] = set()
        for i in range(start, end):
            if parse.pos[i] not in ARGUMENT_POS or parse.dep[i] not in ARGUMENT_DEPS:
                continue
            # one occurrence per name: the head word of a multi-word name
            named = table.actor_at_index(i)
            if named is not None and start <= parse.head[i] < end and parse.head[i] != i and \
                    table.actor_at_index(parse.head[i]) is named:
                continue
            if named is None and parse.pos[i] == "ADJ":
                continue
            try:
                key = self.resolver.first(self._doc[i])
            except RecursionError:  # a pathological parse: no candidates rather than no document
                continue
            if key and (key, i) not in seen and key in table.actors:
                seen.add((key, i))
                found.append((key, i))
        return found

    def candidates(self, number: int, start: int, end: int,
                   rule_relations: dict[tuple[str, str], list[str]]) -> list[Candidate]:
        words: dict[str, list[int]] = {}  # actor key -> its argument words, first seen first
        for key, i in self.occurrences(start, end):
            words.setdefault(key, []).append(i)
        if len(words) < 2 or len(words) > MAX_ACTORS:
            return []
        head = self.parse.head
        chains = {i: _ancestors(head, i) for found in words.values() for i in found}
        depths = {i: _depths(chain) for i, chain in chains.items()}
        self._unordered, self._path_words = {}, {}
        out = []
        for s_key, s_words in words.items():
            for o_key, o_words in words.items():
                if s_key == o_key:
                    continue
                # the two words of the pair that are closest in the parse (first seen on a tie)
                if len(s_words) == 1 and len(o_words) == 1:
                    s_i, o_i = s_words[0], o_words[0]
                else:
                    s_i, o_i = min(((s, o) for s in s_words for o in o_words),
                                   key=lambda pair: _hops(chains[pair[0]], depths[pair[1]]))
                candidate = self._pair(number, s_key, s_i, o_key, o_i, rule_relations, chains, depths)
                if candidate is not None:
                    out.append(candidate)
        return out

    def _unordered_features(self, s_i: int, o_i: int, governor: int, chain_s: list[int], chain_o: list[int],
                            gov_word: str) -> list[str]:
        parse, table = self.parse, self.table
        passive = any(parse.dep[c] in ("auxpass", "nsubjpass") for c in parse.children[governor])
        features = [f"gov_pos={parse.pos[governor]}", f"hops={min(len(chain_s) + len(chain_o), 6)}",
                    f"passive={passive}"]
        if gov_word != "ARG":
            features.extend(f"gov_cue={relation}" for relation in self.cue_relations.get(gov_word, ()))
            if any(parse.dep[c] == "neg" for c in parse.children[governor]):
                features.append("gov_negated")
        low, high = sorted((s_i, o_i))
        if high - low <= 6:  # the words between two close actors: "X and Y", "X's Y", "X, a Y of Z"
            features.extend(f"between={parse.lemma[i]}" for i in range(low + 1, high)
                            if not table.actor_at_index(i))
        path = chain_s[1:] + chain_o[1:] + ([governor] if governor not in (s_i, o_i) else [])
        for i in path:
            features.extend(self._path_word(i))
        return features

    def _path_word(self, i: int) -> tuple[str, ...]:
        """The features of word i on the path between two actors, made once per sentence: the words
        near the root of a sentence lie on the path of most of its pairs."""
        found = self._path_words.get(i)
        if found is None:
            parse = self.parse
            lemma = parse.lemma[i]
            path = [f"path={lemma}"] if parse.pos[i] in ("VERB", "NOUN", "ADP", "ADJ", "PROPN") and \
                not self.table.actor_at_index(i) else []
            found = self._path_words[i] = (*path, *(f"cue={relation}" for relation in self.cue_relations.get(lemma, ())),
                                           *(("role_on_path",) if lemma in self.role_words else ()))
        return found

    def _pair(self, number: int, s_key: str, s_i: int, o_key: str, o_i: int,
              rule_relations: dict[tuple[str, str], list[str]], chains: dict[int, list[int]],
              depths: dict[int, dict[int, int]]) -> Candidate | None:
        parse, table = self.parse, self.table
        up_s = chains[s_i]
        meet = _meet(up_s, depths[o_i])
        if meet is None:
            return None
        governor = up_s[meet[0]]
        chain_s, chain_o = up_s[:meet[0]], chains[o_i][:meet[1]]
        if len(chain_s) + len(chain_o) > MAX_PATH:
            return None
        subject, obj = table.actors[s_key], table.actors[o_key]
        gov_word = "ARG" if governor in (s_i, o_i) else parse.lemma[governor]
        arc_s, arc_o = _arc(parse, chain_s), _arc(parse, chain_o)
        features = [
            f"gov={gov_word}", f"arcs={arc_s}|{arc_o}",
            f"s_arc={arc_s}", f"o_arc={arc_o}", f"gov_arcs={gov_word}|{arc_s}|{arc_o}",
            f"types={subject.type}|{obj.type}", f"s_type={subject.type}", f"o_type={obj.type}",
            f"kinds={subject.actor_kind}|{obj.actor_kind}", "order=" + ("so" if s_i < o_i else "os"),
        ]
        if gov_word != "ARG":
            features.append(f"gov_type={gov_word}|{subject.type}|{obj.type}")
            # the governor's own cue with how each actor hangs under it: what a rule reads, as one
            # feature that carries over to cue words the training stories never used
            for relation in self.cue_relations.get(gov_word, ()):
                features.extend((f"gov_cue_arcs={relation}|{arc_s}|{arc_o}",
                                 f"gov_cue_kinds={relation}|{subject.actor_kind}|{obj.actor_kind}"))
        # what does not depend on which actor is the subject, made once for both orders of the pair
        key = (min(s_i, o_i), max(s_i, o_i))
        unordered = self._unordered.get(key)
        if unordered is None:
            unordered = self._unordered[key] = self._unordered_features(s_i, o_i, governor, chain_s, chain_o, gov_word)
        features.extend(unordered)
        if governor in (s_i, o_i):  # one actor modifies the other: "Turkish Defense Minister Hulusi Akar"
            inner = chain_o if governor == s_i else chain_s
            side = "o" if governor == s_i else "s"
            features.append(f"inner_{side}=" + ">".join(_arc(parse, inner[:k + 1]) for k in range(min(4, len(inner)))))
            for i in inner[1:]:
                if parse.pos[i] in ("NOUN", "PROPN") and not table.actor_at_index(i):
                    features.append(f"inner_word={parse.lemma[i]}")
                if parse.lemma[i] in self.role_words:
                    features.append(f"inner_role_{side}")
            for child in parse.children[governor]:  # "Roy, a senior fellow at X": the apposed role noun
                if parse.dep[child] in ("appos", "compound") and parse.lemma[child] in self.role_words:
                    features.append(f"head_role_{side}")
        for relation in rule_relations.get((s_key, o_key), ()):
            features.extend((f"rule={relation}", f"rule_gov={relation}|{gov_word}"))
        for relation in rule_relations.get((o_key, s_key), ()):
            features.append(f"rule_rev={relation}")
        if subject.parent_hint == o_key:
            features.append("parent_hint=so")
        if obj.parent_hint == s_key:
            features.append("parent_hint=os")
        return Candidate(sentence=number, subject=s_key, object=o_key, subject_token=s_i, object_token=o_i,
                         governor=governor, features=features)
