"""The parse of one document as plain per-token lists, read once (#7).

Extraction asks the same few questions of the same words over and over (a word's children, its label,
lemma, part of speech). Every spaCy attribute read makes a new Token object and looks its string up
again, which made that cost more than the rules themselves; `Doc.to_array` reads each column once.
"""
from __future__ import annotations

import numpy
from spacy import attrs
from spacy.tokens import Doc, Span

_COLUMNS = [attrs.HEAD, attrs.IDX, attrs.SPACY, attrs.IS_SPACE, attrs.ORTH, attrs.LEMMA, attrs.LOWER, attrs.POS,
            attrs.TAG, attrs.DEP, attrs.ENT_TYPE]
# Strings by hash, for all documents (a string's hash is its own in every vocab): the same words and
# labels come back in every document, and a dict answers quicker than the StringStore.
_NAMES: dict[int, str] = {}
_LOWERED: dict[int, str] = {}  # the same, lowercased (lemmas)
_MAX_NAMES = 1 << 18  # emptied past this, so that a long run does not keep every word it has seen


def _names(column: list[int], strings, names: dict[int, str], lowered: bool = False) -> list[str]:
    try:
        return [names[value] for value in column]
    except KeyError:
        if len(names) > _MAX_NAMES:
            names.clear()
        for value in column:
            if value not in names:
                names[value] = strings[value].lower() if lowered else strings[value]
        return [names[value] for value in column]


class Parse:
    """Columns of one Doc by token index, with the strings spaCy's `*_` attributes give (`orth` is
    Token.text; `lemma` is lowercased, as every rule compares it), the tree as index lists and the
    entities. `text` is the document's text (Doc.text, which is rebuilt on every access)."""

    def __init__(self, doc: Doc, text: str | None = None):
        self.doc = doc
        count = len(doc)
        strings = doc.vocab.strings
        if count:
            array = doc.to_array(_COLUMNS)
            # HEAD is stored as an unsigned offset: read it back signed
            self.head: list[int] = (array[:, 0].astype(numpy.int64) + numpy.arange(count)).tolist()
            idx, spacy, is_space, orth, lemma, lower, pos, tag, dep, ent_type = array[:, 1:].T.tolist()
        else:
            self.head, idx, spacy, is_space, orth, lemma, lower, pos, tag, dep, ent_type = [[] for _ in range(11)]
        self.idx: list[int] = idx
        self.spacy: list[int] = spacy  # 1 where a space follows the token
        self.is_space: list[int] = is_space
        self.orth: list[str] = _names(orth, strings, _NAMES)
        self.lemma: list[str] = _names(lemma, strings, _LOWERED, lowered=True)
        self.lower: list[str] = _names(lower, strings, _NAMES)
        self.pos: list[str] = _names(pos, strings, _NAMES)
        self.tag: list[str] = _names(tag, strings, _NAMES)
        self.dep: list[str] = _names(dep, strings, _NAMES)
        self.ent_type: list[str] = _names(ent_type, strings, _NAMES)
        # Token.children: every word whose head it is, left to right. Tuples (most of them the empty
        # one): lists would stay tracked by the garbage collector for as long as the document is worked on
        found: dict[int, list[int]] = {}
        for i, head in enumerate(self.head):
            if head != i:
                if head in found:
                    found[head].append(i)
                else:
                    found[head] = [i]
        self.children: list[tuple[int, ...]] = [()] * count
        for head, words in found.items():
            self.children[head] = tuple(words)
        self._subtrees: dict[int, tuple[int, ...]] = {}
        self._conjuncts: dict[int, tuple[int, ...]] = {}
        self.text = self.rebuilt_text() if text is None else text
        self.ents: tuple[Span, ...] = doc.ents

    def rebuilt_text(self) -> str:
        """What Doc.text gives: every token's text and its trailing space."""
        return "".join([word + " " if space else word for word, space in zip(self.orth, self.spacy)])

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Span.start_char and Span.end_char of tokens start..end-1."""
        if start >= end:
            piece = self.doc[start:end]
            return piece.start_char, piece.end_char
        return self.idx[start], self.idx[end - 1] + len(self.orth[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """Span.text of tokens start..end-1, as a slice of the document's text."""
        first, last = self.char_span(start, end)
        return self.text[first:last]

    def subtree(self, i: int) -> tuple[int, ...]:
        """Token.subtree as indices, in its order: the left children's subtrees, the word, the right ones'."""
        done = self._subtrees
        found = done.get(i)
        if found is not None:
            return found
        stack = [i]  # children before their head (~word: its children are done), without recursion
        while stack:
            word = stack.pop()
            if word >= 0:
                stack.append(~word)
                stack.extend([child for child in self.children[word] if child not in done])
                continue
            word = ~word
            found = []
            for child in self.children[word]:
                if child > word:
                    break
                found += done[child]
            found.append(word)
            for child in self.children[word]:
                if child > word:
                    found += done[child]
            done[word] = tuple(found)
        return done[i]

    def descendants(self, i: int) -> list[int]:
        """The words of Token.subtree, in no particular order (quicker than `subtree`'s)."""
        found = [i]
        for word in found:
            found.extend(self.children[word])
        return found

    def hyphen_participle(self, i: int) -> bool:
        """A participle joined by a hyphen to the one who does it, before a noun: "Iran-backed militias",
        "Saudi-led coalition" (the agent hangs on the participle, the noun is what is backed or led)."""
        return self.tag[i] == "VBN" and self.dep[i] == "amod" and any(
            self.tag[c] == "HYPH" for c in self.children[i])

    def misread_main_verb(self, i: int) -> bool:
        """"On 6 April, residents of Lautoka protested outside ...": after a fronted time phrase the parser may
        take the subject noun for the sentence's root and hang the main verb on it as a participle. A past form
        with no auxiliary and no "by" agent, under a root noun that a fronted phrase and a comma open, is the
        sentence's verb and the noun its subject; so is one the tagger calls a past tense with an object of its own
        ("The rebels handed over the town to the army")."""
        h = self.head[i]
        if self.dep[i] != "acl" or self.tag[i] not in ("VBN", "VBD") or self.head[h] != h or \
                self.pos[h] not in ("NOUN", "PROPN") or h > i:
            return False
        if any(self.dep[c] in ("aux", "auxpass", "agent") for c in self.children[i]):
            return False
        if self.tag[i] == "VBD" and any(self.dep[c] == "dobj" for c in self.children[i]):
            return True
        return any(self.dep[c] in ("prep", "npadvmod", "advmod") and c < h for c in self.children[h]) and any(
            self.dep[c] == "punct" and c < h for c in self.children[h])

    def coordinated_with(self, conjunct: int) -> int:
        """The verb a conjunct verb is coordinated with: its head, but for a finite verb under a bare infinitive
        the finite verb of its own tense above ("calls on X to cease fire and reminds all parties": "reminds"
        goes with "calls", not "cease"; "said forces would eliminate X and urged Y": "urged" with "said"), and
        for a singular verb under a plural one, the singular above ("demands that all parties cease hostilities
        and urges X": "urges" goes with "demands")."""
        up = self.head[conjunct]
        if self.tag[conjunct] == "VBZ" and self.tag[up] in ("VBD", "VBN") and self.dep[up] in ("relcl", "acl"):
            # "condemns the raid that left dozens dead and urges X": a present tense is no conjunct of a past
            # relative clause, but of the present verb whose object that clause describes
            verb = self.head[up]
            for _ in range(4):  # up the described noun's phrase ("the raid in the favelas that left ...")
                if self.tag[verb] == "VBZ" or self.head[verb] == verb:
                    break
                verb = self.head[verb]
            return verb if self.tag[verb] == "VBZ" else up
        if self.tag[conjunct] not in ("VBZ", "VBD") or not (
                self.tag[up] == "VB" or self.tag[conjunct] == "VBZ" and self.tag[up] == "VBP"):
            return up
        # (and through the noun an infinitive describes: "condemns the decision of X to reinstate Cuba on the list
        # and calls on Y": "calls" goes with "condemns")
        for _ in range(5):
            if self.dep[up] not in ("xcomp", "ccomp", "advcl", "acl", "dobj", "pobj", "prep") or self.head[up] == up:
                break
            up = self.head[up]
            if self.tag[up] == self.tag[conjunct]:
                return up
        return self.head[conjunct]

    def conjuncts(self, i: int) -> tuple[int, ...]:
        """Token.conjuncts as indices: the words coordinated with word i, not itself."""
        found = self._conjuncts.get(i)
        if found is None:
            found = self._conjuncts[i] = self._coordinated(i)
        return found

    def first_conjunct(self, i: int) -> int:
        """The first of the words a word is coordinated with ("killed a combatant and his partner": "combatant")."""
        while self.head[i] != i and self.dep[i] == "conj":
            i = self.head[i]
        return i

    def _coordinated(self, i: int) -> tuple[int, ...]:
        dep = self.dep
        if dep[i] != "conj" and "conj" not in [dep[child] for child in self.children[i]]:
            return ()  # most words: nothing to walk
        start = self.first_conjunct(i)
        output, queue = [start], [start]
        for word in queue:
            for child in self.children[word]:
                if child > word and self.dep[child] == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(word for word in output if word != i)
