"""Polarity (negation) and certainty (hedges) of a predicate, with the cue words that set them."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Cue
from .lexicon import Lexicon

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

    def __init__(self, lexicon: Lexicon):
        neg = lexicon.modality["negation"]
        hedge = lexicon.modality["hedge"]
        self.neg_words = frozenset(neg["words"])
        self.neg_verbs = frozenset(neg["verbs"])
        self.neg_nouns = frozenset(neg["nouns"])
        self.hedge_adverbs = frozenset(hedge["adverbs"])
        self.modals = frozenset(hedge["modals"])
        self.hedge_verbs = frozenset(hedge["verbs"])
        self.passive_only = frozenset(hedge["passive_only"])
        self.phrases = tuple(sorted(hedge["phrases"], key=len, reverse=True))

    def _chain(self, predicate: Token) -> list[Token]:
        """The predicate and the words governing it, up to the clause root (and a little beyond)."""
        chain = [predicate]
        token = predicate
        for _ in range(MAX_CLIMB):
            if token.head is token or token.dep_ not in SCOPE_DEPS:
                break
            token = token.head
            chain.append(token)
        return chain

    def assess(self, predicate: Token, sent: Span) -> tuple[str, str, list[Cue]]:
        """(polarity, certainty, cues) for a predicate in its sentence."""
        cues: list[Cue] = []
        negated, hedged = False, False
        chain = self._chain(predicate)
        for depth, token in enumerate(chain):
            lemma = token.lemma_.lower()
            for child in token.children:
                lower = child.lower_
                if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and lower in self.neg_words):
                    if child.dep_ == "det" and depth and lemma not in self.neg_nouns and token is not predicate:
                        continue
                    negated = not negated
                    cues.append(_cue("negation", child))
                elif child.dep_ in ("advmod", "amod", "npadvmod") and lower in self.hedge_adverbs:
                    hedged = True
                    cues.append(_cue("hedge", child))
                elif child.dep_ == "aux" and lower in self.modals:
                    hedged = True
                    cues.append(_cue("hedge", child))
            if depth == 0:
                continue
            if lemma in self.neg_verbs and token.pos_ == "VERB":
                negated = not negated
                cues.append(_cue("negation", token))
            if lemma in self.hedge_verbs and token.pos_ in ("VERB", "AUX"):
                passive = any(c.dep_ in ("auxpass", "nsubjpass", "expl") for c in token.children) or (
                    any(c.dep_ == "nsubj" and c.lower_ == "it" for c in token.children))
                if lemma not in self.passive_only or passive:
                    hedged = True
                    cues.append(_cue("hedge", token))
            if lemma in ("report", "reports") and token.pos_ == "NOUN":
                hedged = True
                cues.append(_cue("hedge", token))
        text = sent.text
        lower = text.lower()
        for phrase in self.phrases:
            at = lower.find(phrase)
            if at >= 0:
                hedged = True
                start = sent.start_char + at
                cues.append(Cue(kind="hedge", text=text[at:at + len(phrase)], start=start, end=start + len(phrase)))
                break
        return ("negated" if negated else "affirmed"), ("hedged" if hedged else "asserted"), cues
