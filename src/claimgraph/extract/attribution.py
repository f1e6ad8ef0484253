"""Who said it: reporting verbs, 'according to', quotes, and introductions carried to what follows."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Cue
from .actors import ActorTable
from .arguments import ArgumentResolver
from .lexicon import Lexicon

# Hops up the parse from a predicate to the reporting verb that governs it.
MAX_CLIMB = 8
OUTLET_WORDS = frozenset("times post news press herald tribune journal gazette television radio tv channel "
                         "agency media magazine daily review monitor guardian telegraph observer".split())
QUOTE_OPEN = "\u201c\""
QUOTE_CLOSE = "\u201d\""


@dataclass
class Source:
    name: str
    actor: str | None
    kind: str  # person | outlet | organization | anonymous | state
    cue: Cue


class Attributor:
    """Finds the source of each sentence or predicate of one document."""

    def __init__(self, doc: Doc, table: ActorTable, resolver: ArgumentResolver, lexicon: Lexicon,
                 outlet: str | None = None):
        self.doc = doc
        self.table = table
        self.resolver = resolver
        reporting = lexicon.reporting
        self.verbs = frozenset(reporting["verbs"])
        self.exposition = frozenset(reporting["exposition_verbs"])
        self.anonymous = frozenset(reporting["anonymous_nouns"])
        self.according = tuple(reporting["according_to"])
        self.outlet = (outlet or "").lower()
        self.carried: dict[int, Source] = {}  # sentence start token -> source carried from elsewhere
        self._carry()

    # -- naming a source -------------------------------------------------------------------------
    def _source(self, token: Token, cue_token: Token) -> Source | None:
        """A source from the subject of a reporting verb (or the object of 'according to')."""
        cue = Cue(kind="attribution", text=cue_token.text, start=cue_token.idx, end=cue_token.idx + len(cue_token))
        if token.lower_ in ("i", "we", "you"):
            return None
        actor = self.table.actor_at(token)
        if actor is None:
            slots = self.resolver.resolve(token)
            key = slots[0][0] if slots and slots[0] else None
            actor = self.table.actors.get(key) if key else None
            if actor is not None and token.lemma_.lower() in self.anonymous and token.pos_ == "NOUN" and \
                    actor.type != "state" and token.tag_ in ("NNS", "NNPS"):
                actor = None  # "Hamas sources": anonymous people, not the group speaking
        # the source as written ("Israeli officials"); a pronoun is replaced by whom it refers to
        name = actor.name if actor is not None and token.pos_ == "PRON" else self._name_phrase(token)
        if actor is not None and self.table.actor_at(token) is None:
            named = next((c for c in token.children if c.dep_ in ("appos", "compound")
                          and self.table.token_actor.get(c.i) == actor.key), None)
            if named is not None:  # "the analyst Maria Lopez": the name, not the title
                name = self._name_phrase(named)
        if actor is not None:
            if actor.type == "person":
                kind = "person"
            elif actor.type == "state" or actor.parent_hint and actor.kind:
                kind = "state"
            elif actor.kind == "media" or set(actor.name.lower().split()) & OUTLET_WORDS or \
                    (self.outlet and actor.name.lower() in self.outlet):
                kind = "outlet"
            else:
                kind = "organization"
            if token.lemma_.lower() in self.anonymous and token.pos_ == "NOUN" and actor.type == "state":
                kind = "state"
            return Source(name=name, actor=actor.key, kind=kind, cue=cue)
        if token.lemma_.lower() in self.anonymous or token.pos_ == "NOUN":
            return Source(name=name, actor=None, kind="anonymous", cue=cue)
        return None

    def _name_phrase(self, token: Token) -> str:
        """The source's words: modifiers and head, without trailing clauses ('Palestinian sources')."""
        actor = self.table.actor_at(token)
        if actor is not None:
            for mention in self.table.mentions:
                if mention.start <= token.i < mention.end:
                    return self.table._span_name(self.doc[mention.start:mention.end])
        lefts = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "poss", "nummod", "det")]
        start = min([t.left_edge.i for t in lefts] + [token.i])
        while start < token.i and self.doc[start].dep_ == "det":
            start += 1
        return self.doc[start:token.i + 1].text

    def _from_verb(self, verb: Token) -> Source | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and child.lower_ == "it"):
                if child.dep_ == "nsubjpass":
                    return None  # "X is said to ...": a hedge, the source unnamed
                return self._source(child, verb)
        return None

    def according_to(self, sent: Span) -> Source | None:
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                pobj = next((c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._source(pobj, token)
            if token.lower_ in ("citing", "quoting") and token.dep_ in ("advcl", "prep", "acl"):
                dobj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
                if dobj is not None:
                    return self._source(dobj, token)
        return None

    # -- per predicate ---------------------------------------------------------------------------
    def attribute(self, predicate: Token, sent: Span) -> Source | None:
        token = predicate
        for _ in range(MAX_CLIMB):
            if token.head is token:
                break
            child, token = token, token.head
            if token.lemma_.lower() in self.verbs and token.pos_ in ("VERB", "AUX") and child.dep_ in (
                    "ccomp", "parataxis", "dep"):
                source = self._from_verb(token)
                if source is not None:
                    return source
        # the predicate's own clause is a parenthetical report ("X attacked Y, Z said")
        root = sent.root
        if root is not predicate and root.lemma_.lower() in self.verbs and any(
                c.dep_ in ("ccomp", "parataxis") for c in root.children):
            source = self._from_verb(root)
            if source is not None and predicate.is_ancestor(root) is False and root.is_ancestor(predicate):
                return source
        source = self.according_to(sent)
        if source is not None:
            return source
        source = self._trailing_report(predicate, sent)
        if source is not None:
            return source
        return self.carried.get(sent.start)

    def _trailing_report(self, predicate: Token, sent: Span) -> Source | None:
        """'..., Avi X of The Outlet reported Sunday.': a reporting verb closing the sentence after a comma,
        whose words since the comma name the source (the parser often attaches them elsewhere)."""
        # the sentence's last verb (a title line may have been glued in front, so not sent.root)
        verb = next((t for t in reversed(sent) if t.pos_ in ("VERB", "AUX") and t.i > predicate.i), None)
        if verb is None or verb.lemma_.lower() not in self.verbs or verb.pos_ != "VERB":
            return None
        comma = next((t for t in reversed(sent[: verb.i - sent.start]) if t.text == ","), None)
        if comma is None or comma.i <= predicate.i or verb.i - comma.i > 12:
            return None
        words = [t for t in self.doc[comma.i + 1:verb.i] if not t.is_space]
        if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")
                     and not (comma.i < t.head.i < verb.i and not t.head.is_space)), None)
        return self._source(head, verb) if head is not None else None

    # -- carrying over sentences ---------------------------------------------------------------
    def _carry(self) -> None:
        """Sentences inside a quotation take the source named outside it; an introduction ending in ':'
        carries to the next paragraph; an exposition ("officials outlined ...") to the rest of its paragraph."""
        doc = self.doc
        sents = list(doc.sents)
        paragraph = self.resolver.paragraph
        # quotations: a source named in the sentence that closes the quote covers every sentence in it
        text = doc.text
        open_at = None
        spans: list[tuple[int, int]] = []
        for i, ch in enumerate(text):
            if ch in QUOTE_OPEN and (open_at is None or ch == "\u201c"):
                if ch == '"' and open_at is not None:
                    spans.append((open_at, i))
                    open_at = None
                else:
                    open_at = i
            elif ch in QUOTE_CLOSE and open_at is not None:
                spans.append((open_at, i))
                open_at = None
            elif ch == "\n" and open_at is not None and text[i:i + 2] == "\n\n":
                open_at = None
        for start, end in spans:
            inside = [s for s in sents if s.start_char < end and s.end_char > start]
            if len(inside) < 2:
                continue
            closing = inside[-1]
            source = self._sentence_source(closing, after=end)
            if source is None and closing.end_char < end + 3:
                # the reporting clause is the next sentence ("... said Zilber.")
                following = [s for s in sents if s.start_char >= closing.end_char][:1]
                source = self._sentence_source(following[0], after=end) if following else None
            if source is not None:
                for s in inside:
                    self.carried.setdefault(s.start, source)
        for index, sent in enumerate(sents):
            last = next((t for t in reversed(sent) if not t.is_space), None)
            if last is None:
                continue
            root = sent.root
            if last.text == ":" and root.lemma_.lower() in self.verbs:
                source = self._from_verb(root)
                if source is None:
                    continue
                para = paragraph[last.i] + 1
                for later in sents[index + 1:]:
                    first = next((t for t in later if not t.is_space), None)
                    if first is None:
                        continue
                    if paragraph[first.i] > para:
                        break
                    if paragraph[first.i] == para:
                        self.carried.setdefault(later.start, source)
            elif root.lemma_.lower() in self.exposition and not any(c.dep_ == "ccomp" for c in root.children):
                source = self._from_verb(root)
                if source is None:
                    continue
                para = paragraph[root.i]
                for later in sents[index + 1:]:
                    first = next((t for t in later if not t.is_space), None)
                    if first is None or paragraph[first.i] != para:
                        break
                    self.carried.setdefault(later.start, source)

    def _sentence_source(self, sent: Span, *, after: int) -> Source | None:
        for token in sent:
            if token.idx > after and token.lemma_.lower() in self.verbs and token.pos_ == "VERB":
                source = self._from_verb(token)
                if source is not None:
                    return source
        return None
