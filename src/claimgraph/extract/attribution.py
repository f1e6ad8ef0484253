"""Who said it: reporting verbs, 'according to', quotes, and introductions carried to what follows."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Cue
from .actors import ActorTable
from .arguments import ArgumentResolver
from .lexicon import Lexicon

# Hops up the parse from a predicate to the reporting verb that governs it.
MAX_CLIMB = 8
QUOTE_OPEN = "\u201c\""
QUOTE_CLOSE = "\u201d\""
_QUOTE_EVENTS = re.compile("[" + re.escape(QUOTE_OPEN + QUOTE_CLOSE) + "\n]")


@dataclass
class Source:
    name: str
    actor: str | None
    kind: str  # person | outlet | organization | anonymous | state
    cue: Cue


class Attributor:
    """Finds the source of each sentence or predicate of one document."""

    def __init__(self, doc: Doc, table: ActorTable, resolver: ArgumentResolver, lexicon: Lexicon,
                 outlet: str | None = None, *, sents: list[Span] | None = None):
        self.doc = doc
        self.sents = list(doc.sents) if sents is None else sents  # found anew on every access
        self.text = table.parse.text
        self.table = table
        self.resolver = resolver
        reporting = lexicon.reporting_cues
        self.verbs = reporting.verbs
        self.exposition = reporting.exposition_verbs
        self.anonymous = reporting.anonymous_nouns
        self.according = reporting.according_to
        self.grammar = lexicon.grammar
        self.outlet = (outlet or "").lower()
        self.carried: dict[int, Source] = {}  # sentence start token -> source carried from elsewhere
        # what a sentence offers as a source (before resolving it), asked again for each of its claims
        self._sentence_cues: dict[tuple[str, int, int], tuple[int, ...] | None] = {}
        self._carry()

    # -- naming a source -------------------------------------------------------------------------
    def _source(self, token: Token, cue_token: Token) -> Source | None:
        """A source from the subject of a reporting verb (or the object of 'according to')."""
        cue = Cue(kind="attribution", text=cue_token.text, start=cue_token.idx, end=cue_token.idx + len(cue_token))
        if token.lower_ in self.grammar.not_source_pronouns:
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
            elif actor.kind == "media" or set(actor.name.lower().split()) & self.grammar.outlet_words or \
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
        parse = self.table.parse
        for child in parse.children[verb.i]:
            dep = parse.dep[child]
            if dep in ("nsubj", "nsubjpass") and not (dep == "nsubjpass" and
                                                      parse.lower[child] == self.grammar.impersonal_pronoun):
                if dep == "nsubjpass":
                    return None  # "X is said to ...": a hedge, the source unnamed
                return self._source(self.doc[child], verb)
        return None

    def _per_sentence(self, find, sent: Span) -> tuple[int, ...] | None:
        key = (find.__name__, sent.start, sent.end)
        if key not in self._sentence_cues:
            self._sentence_cues[key] = find(sent)
        return self._sentence_cues[key]

    def according_to(self, sent: Span) -> Source | None:
        found = self._per_sentence(self._according_words, sent)
        return self._source(self.doc[found[0]], self.doc[found[1]]) if found is not None else None

    def _according_words(self, sent: Span) -> tuple[int, int] | None:
        """(source word, cue word) of the sentence's first "according to X" or "citing X"."""
        parse = self.table.parse
        lower, dep, children = parse.lower, parse.dep, parse.children
        according, to = self.grammar.according
        for i in range(sent.start, sent.end):
            if lower[i] == according and i + 1 < len(lower) and lower[i + 1] == to:
                pobj = next((c for c in children[i + 1] if dep[c] == "pobj"), None)
                if pobj is not None:
                    return pobj, i
            if lower[i] in self.grammar.citing_verbs and dep[i] in ("advcl", "prep", "acl"):
                dobj = next((c for c in children[i] if dep[c] in ("dobj", "pobj")), None)
                if dobj is not None:
                    return dobj, i
        return None

    # -- per predicate ---------------------------------------------------------------------------
    def attribute(self, predicate: Token, sent: Span, *, carried: bool = True) -> Source | None:
        """Who says what `predicate` reports; `carried=False` keeps to sources named in its own sentence."""
        parse = self.table.parse
        child = predicate.i
        for _ in range(MAX_CLIMB):
            token = parse.head[child]
            if token == child:  # the root is its own head
                break
            if parse.lemma[token] in self.verbs and parse.pos[token] in ("VERB", "AUX") and parse.dep[child] in (
                    "ccomp", "parataxis", "dep"):
                source = self._from_verb(self.doc[token])
                if source is not None:
                    return source
            child = token
        # the predicate's own clause is a parenthetical report ("X attacked Y, Z said")
        found = self._per_sentence(self._reporting_root, sent)
        root = self.doc[found[0]] if found is not None else None
        if root is not None and root.i != predicate.i:
            source = self._from_verb(root)
            if source is not None and predicate.is_ancestor(root) is False and root.is_ancestor(predicate):
                return source
        source = self.according_to(sent)
        if source is not None:
            return source
        source = self._trailing_report(predicate, sent)
        if source is not None:
            return source
        return self.carried.get(sent.start) if carried else None

    def _reporting_root(self, sent: Span) -> tuple[int] | None:
        root = sent.root
        if root.lemma_.lower() in self.verbs and any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
            return (root.i,)
        return None

    def _trailing_report(self, predicate: Token, sent: Span) -> Source | None:
        """'..., Avi X of The Outlet reported Sunday.': a reporting verb closing the sentence after a comma,
        whose words since the comma name the source (the parser often attaches them elsewhere)."""
        found = self._per_sentence(self._trailing_words, sent)
        if found is None or found[0] <= predicate.i:  # the predicate must come before the comma
            return None
        _, head, verb = found
        return self._source(self.doc[head], self.doc[verb])

    def _trailing_words(self, sent: Span) -> tuple[int, int, int] | None:
        """(comma, source word, verb) of a trailing report, whatever the predicate."""
        # the sentence's last verb (a title line may have been glued in front, so not sent.root)
        verb = next((t for t in reversed(sent) if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in self.verbs or verb.pos_ != "VERB":
            return None
        comma = next((t for t in reversed(sent[: verb.i - sent.start]) if t.text == ","), None)
        if comma is None or verb.i - comma.i > 12:
            return None
        words = [t for t in self.doc[comma.i + 1:verb.i] if not t.is_space]
        if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        head = next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")
                     and not (comma.i < t.head.i < verb.i and not t.head.is_space)), None)
        return (comma.i, head.i, verb.i) if head is not None else None

    # -- carrying over sentences ---------------------------------------------------------------
    def _carry(self) -> None:
        """Sentences inside a quotation take the source named outside it; an introduction ending in ':'
        carries to the next paragraph; an exposition ("officials outlined ...") to the rest of its paragraph."""
        sents = self.sents
        paragraph = self.resolver.paragraph
        # quotations: a source named in the sentence that closes the quote covers every sentence in it
        text = self.text
        open_at = None
        spans: list[tuple[int, int]] = []
        for match in _QUOTE_EVENTS.finditer(text):  # no other character changes the state
            i, ch = match.start(), match.group()
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
        parse = self.table.parse

        def first_word(sent: Span) -> int | None:
            return next((i for i in range(sent.start, sent.end) if not parse.is_space[i]), None)

        for index, sent in enumerate(sents):
            last = next((i for i in range(sent.end - 1, sent.start - 1, -1) if not parse.is_space[i]), None)
            if last is None:
                continue
            root = sent.root
            lemma = parse.lemma[root.i]
            if parse.orth[last] == ":" and lemma in self.verbs:
                source = self._from_verb(root)
                if source is None:
                    continue
                para = paragraph[last] + 1
                for later in sents[index + 1:]:
                    first = first_word(later)
                    if first is None:
                        continue
                    if paragraph[first] > para:
                        break
                    if paragraph[first] == para:
                        self.carried.setdefault(later.start, source)
            elif lemma in self.exposition and not any(parse.dep[c] == "ccomp" for c in parse.children[root.i]):
                source = self._from_verb(root)
                if source is None:
                    continue
                para = paragraph[root.i]
                for later in sents[index + 1:]:
                    first = first_word(later)
                    if first is None or paragraph[first] != para:
                        break
                    self.carried.setdefault(later.start, source)

    def _sentence_source(self, sent: Span, *, after: int) -> Source | None:
        for token in sent:
            if token.idx > after and token.lemma_.lower() in self.verbs and token.pos_ == "VERB":
                source = self._from_verb(token)
                if source is not None:
                    return source
        return None
