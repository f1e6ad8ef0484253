"""Polarity (negation) and certainty (hedges) of a predicate, with the cue words that set them."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Cue
from .lexicon import Lexicon
from .parse import Parse

# Dependency labels along which a governing word's negation or hedge reaches the predicate.
SCOPE_DEPS = frozenset(("xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj", "acl", "relcl",
                        "attr", "oprd", "nsubj", "nsubjpass", "appos", "compound", "amod", "csubj", "ROOT",
                        "parataxis", "dep", "advmod", "npadvmod"))
# Governing clauses that stop the search: past a reporting verb the attribution, not the hedge, applies.
MAX_CLIMB = 6


def _cue(kind: str, token_or_span) -> Cue:
    return Cue(kind=kind, text=token_or_span.text, start=token_or_span.start_char if isinstance(
        token_or_span, Span) else token_or_span.idx, end=token_or_span.end_char if isinstance(
        token_or_span, Span) else token_or_span.idx + len(token_or_span.text))


class Modality:
    """Decides polarity and certainty for predicates of one document."""

    def __init__(self, lexicon: Lexicon, parse: Parse | None = None):
        hedging = lexicon.hedging
        self.neg_words = hedging.negation_words
        self.neg_verbs = hedging.negation_verbs
        self.neg_nouns = hedging.negation_nouns
        self.hedge_adverbs = hedging.adverbs
        self.modals = hedging.modals
        self.hedge_verbs = hedging.verbs
        self.passive_only = hedging.passive_only
        self.phrases = hedging.phrases  # longest first
        self.hedge_nouns = lexicon.grammar.hedge_nouns
        self.parse = parse
        self._assessed: dict[tuple[int, int, int], tuple[bool, bool, list[Cue]]] = {}

    def _chain(self, predicate: int) -> list[int]:
        """The predicate and the words governing it, up to the clause root (and a little beyond)."""
        dep, head = self.parse.dep, self.parse.head
        chain = [predicate]
        i = predicate
        for _ in range(MAX_CLIMB):
            if dep[i] not in SCOPE_DEPS or head[i] == i:  # the root is its own head: taken once
                break
            i = head[i]
            chain.append(i)
        return chain

    def assess(self, predicate: Token, sent: Span) -> tuple[str, str, list[Cue]]:
        """(polarity, certainty, cues) for a predicate in its sentence."""
        # a predicate with several subjects, objects or modes is asked about once per claim, and the
        # answer depends on the parse alone
        if self.parse is None or self.parse.doc is not predicate.doc:
            self.parse, self._assessed = Parse(predicate.doc), {}
        key = (predicate.i, sent.start, sent.end)
        found = self._assessed.get(key)
        if found is None:
            found = self._assessed[key] = self._assess(predicate, sent)
        negated, hedged, cues = found
        return ("negated" if negated else "affirmed"), ("hedged" if hedged else "asserted"), [
            Cue(kind=c.kind, text=c.text, start=c.start, end=c.end) for c in cues]

    def _assess(self, predicate: Token, sent: Span) -> tuple[bool, bool, list[Cue]]:
        parse, doc = self.parse, predicate.doc
        dep, lowers = parse.dep, parse.lower
        cues: list[Cue] = []
        negated, hedged = False, False
        for depth, token in enumerate(self._chain(predicate.i)):
            lemma, pos, children = parse.lemma[token], parse.pos[token], parse.children[token]
            for child in children:
                lower = lowers[child]
                if dep[child] == "neg" or (dep[child] in ("det", "advmod", "preconj") and lower in self.neg_words):
                    # (past the predicate itself, which only the first link of the chain is)
                    if dep[child] == "det" and depth and lemma not in self.neg_nouns:
                        continue
                    negated = not negated
                    cues.append(_cue("negation", doc[child]))
                elif dep[child] in ("advmod", "amod", "npadvmod") and lower in self.hedge_adverbs:
                    hedged = True
                    cues.append(_cue("hedge", doc[child]))
                elif dep[child] == "aux" and lower in self.modals:
                    hedged = True
                    cues.append(_cue("hedge", doc[child]))
            if depth == 0:
                continue
            if lemma in self.neg_verbs and pos == "VERB":
                negated = not negated
                cues.append(_cue("negation", doc[token]))
            if lemma in self.hedge_verbs and pos in ("VERB", "AUX"):
                passive = any(dep[c] in ("auxpass", "nsubjpass", "expl") for c in children) or (
                    any(dep[c] == "nsubj" and lowers[c] == "it" for c in children))
                if lemma not in self.passive_only or passive:
                    hedged = True
                    cues.append(_cue("hedge", doc[token]))
            if lemma in self.hedge_nouns and pos == "NOUN":
                hedged = True
                cues.append(_cue("hedge", doc[token]))
        text = parse.span_text(sent.start, sent.end)
        lower = text.lower()
        for phrase in self.phrases:
            at = lower.find(phrase)
            if at >= 0:
                hedged = True
                start = sent.start_char + at
                cues.append(Cue(kind="hedge", text=text[at:at + len(phrase)], start=start, end=start + len(phrase)))
                break
        return negated, hedged, cues
