"""Document-local actors: named mentions, in-document aliases and acronyms, demonyms and collectives."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..gazetteer import load_gazetteer
from .lexicon import SELF_NAME_DEPS, Lexicon
from .parse import Parse

# spaCy entity labels that can name an actor, and the actor type they give.
LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "NORP": "organization",
               "LOC": "location"}
# Name prefixes that transliterations add or drop ("al-Menei" ~ "Menei").
# Prepositions after which a name is read as a place ("fighting in Sinai", "smuggled into Gaza").
_NAME_PREFIX = re.compile(r"^(the|al|el|ad|ar|as|ash|an|at|az|ul|bin|ibn)[-\s]+", re.I)
_POSSESSIVE = re.compile(r"'s?$")
_NOT_NAME_CHAR = re.compile(r"[^\w\s-]")


# Names are compared pairwise while building the table (and again by later stages): the same few
# strings are normalized thousands of times per document, so the pure result is kept.
@lru_cache(maxsize=4096)
def normalize_name(text: str) -> str:
    """Key for comparing names inside one document: lowercase, no article/al- prefix or possessive."""
    text = text.lower().replace("\u2019", "'")
    text = _POSSESSIVE.sub("", text)
    text = _NOT_NAME_CHAR.sub(" ", text)
    words = [_NAME_PREFIX.sub("", w) for w in text.split()]
    return " ".join(w for w in words if w and w != "the")


# the kinds of a state's armed institutions ("the Egyptian army", "Kenyan police")
STATE_FORCE_KINDS = frozenset({"military", "police", "security"})
# the kinds a described group keeps from its head noun ("Afghan refugees", "Iran-backed militants")
DESCRIBED_KINDS = frozenset({"civilians", "generic_force"})


@dataclass
class Actor:
    key: str
    name: str
    type: str
    gazetteer_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    parent_hint: str | None = None
    kind: str = ""  # gazetteer kind or demonym institution (military, police, ...)
    named: bool = True  # False for collectives named by a description ("Rwandan rebels")
    # what an unnamed actor is (data/cues/actor_kinds.yaml): generic_force, civilians, title_role, ...
    denotes: str = ""
    # a force described by more than its kind noun ("Kurdish forces", "Iran-backed militias") is an entity of its
    # own even where it takes part in no claim; a bare kind noun ("police") or described civilians are not
    described_force: bool = False

    @property
    def actor_kind(self) -> str:
        """named, descriptive, generic_force, civilians, title_role, unit or counted_group."""
        if self.denotes:
            return self.denotes
        if self.named:
            return "generic_force" if self.kind in STATE_FORCE_KINDS and not self.gazetteer_id \
                else "named"
        return "descriptive"


@dataclass
class MentionSpan:
    start: int  # token index
    end: int
    actor: str
    kind: str  # name | alias | acronym | pronoun | description | demonym


class ActorTable:
    """The actors of one document and the token spans that mention them."""

    def __init__(self, doc: Doc, lexicon: Lexicon, parse: Parse | None = None):
        self.doc = doc
        self.parse = Parse(doc) if parse is None else parse  # shared by every stage that holds the table
        self.lexicon = lexicon
        self.actors: dict[str, Actor] = {}
        self.mentions: list[MentionSpan] = []
        self.token_actor: dict[int, str] = {}  # token index -> actor key, for named mentions
        self._by_key: dict[str, str] = {}  # gazetteer id or normalized name -> actor key
        self._counter = 0  # keys are never reused, even after merges
        self._span_names: dict[tuple[int, int], str] = {}  # (start, end) -> _span_name, asked for again and again
        # (actor key, start) of every mention, brought up to date on each has_mention: the mentions
        # are appended from several places, and an unnamed actor's resolution asks on every word
        self._mention_starts: set[tuple[str, int]] = set()
        self._indexed = 0  # mentions[:_indexed] are in _mention_starts
        self.gazetteer = load_gazetteer()
        words = lexicon.actor_words
        self.institutions = words.institutions
        self.not_institution_compounds = words.not_institution_compounds
        self.institution_heads = words.institution_heads
        self.collective = words.collective
        self.not_actors = words.not_actors
        self.owned_targets = words.owned_targets
        self.facility_names = words.facility_names
        self.weapon_nouns = words.weapon_nouns
        self.origin_nouns = words.origin_nouns
        self.not_collective = words.not_collective
        self.org_words = words.org_words
        self.people_suffixes = words.people_suffixes
        self.role_nouns = words.role_nouns
        self.thing_suffixes = words.thing_suffixes
        self.locative = lexicon.grammar.prepositions.locative
        self.venue_nouns = lexicon.grammar.venue_nouns
        self.named_bodies = lexicon.named_bodies
        self.private_body_words = words.private_body_words

    # -- registry -----------------------------------------------------------------------------
    def new_actor(self, name: str, type_: str, *, gazetteer_id: str | None = None, kind: str = "",
                  named: bool = True) -> Actor:
        lookup = gazetteer_id or f"name:{normalize_name(name)}"
        if lookup in self._by_key:
            actor = self.actors[self._by_key[lookup]]
            if actor.type == "person" and type_ != "person" and not actor.gazetteer_id:
                actor.type = type_  # one name, two labels: the model's PERSON is the usual mistake
            if name not in actor.aliases:
                actor.aliases.append(name)
            return actor
        self._counter += 1
        key = f"a{self._counter}"
        actor = Actor(key=key, name=name, type=type_, gazetteer_id=gazetteer_id, aliases=[name], kind=kind,
                      named=named)
        if gazetteer_id and (entry := self.gazetteer.get(gazetteer_id)):
            actor.name, actor.type, actor.kind = entry.name, entry.type, entry.kind
        self.actors[key] = actor
        self._by_key[lookup] = key
        return actor

    def add_mention(self, start: int, end: int, actor: Actor, kind: str) -> None:
        self.mentions.append(MentionSpan(start, end, actor.key, kind))
        if kind in ("name", "alias", "acronym", "demonym"):
            text = self._name_of(start, end) if 0 <= start < end <= len(self.doc) else \
                self._span_name(self.doc[start:end])
            if text not in actor.aliases:
                actor.aliases.append(text)
            for i in range(start, end):
                self.token_actor.setdefault(i, actor.key)

    def has_mention(self, key: str, start: int) -> bool:
        """Whether a mention of actor `key` starts at token `start`."""
        for mention in self.mentions[self._indexed:]:
            self._mention_starts.add((mention.actor, mention.start))
        self._indexed = len(self.mentions)
        return (key, start) in self._mention_starts

    # -- building -----------------------------------------------------------------------------
    def build(self) -> "ActorTable":
        for ent in self.parse.ents:
            if ent.label_ in LABEL_TYPES:
                self._add_entity(ent)
        self._vote_places()
        self._link_acronyms()
        self._describe_by_apposition()
        self._join_self_names()
        self._merge_short_names()
        self._find_surnames()
        self._gazetteer_parents()
        return self

    def _vote_places(self) -> None:
        """A name the model tags now ORG, now GPE ("Sinai") is a place when most of its mentions read as
        one: tagged GPE/LOC, after a locative preposition ("in Sinai") or joined to a place ("Gaza and
        Sinai"). Names carrying an organization word ("Sinai Province") keep their type."""
        parse = self.parse
        votes: dict[str, dict[str, int]] = {}
        for ent in parse.ents:
            label = ent.label_
            if label not in LABEL_TYPES or ent.ent_id_:
                continue
            root = ent.root.i
            actor = self.actor_at_index(root)
            if actor is None or actor.gazetteer_id or actor.kind:
                continue
            dep, head = parse.dep[root], parse.head[root]
            if label in ("GPE", "LOC") or (dep == "pobj" and parse.lower[head] in self.locative) or \
                    self._arrived_at(root) or (
                    dep == "conj" and parse.ent_type[head] in ("GPE", "LOC")
                    and not self.doc[head].ent_id_ and parse.pos[head] == "PROPN"):
                vote = "location"
            else:
                vote = LABEL_TYPES[label]
            tally = votes.setdefault(actor.key, {})
            tally[vote] = tally.get(vote, 0) + 1
        for key, tally in votes.items():
            actor = self.actors[key]
            words = set(normalize_name(actor.name).split())
            if actor.type == "location" or words & self.org_words:
                continue
            if actor.type == "person" and len(words) > 1:
                continue  # people's full names are rarely places; a lone "Sinai" tagged PERSON may be
            others = max((n for t, n in tally.items() if t != "location"), default=0)
            if tally.get("location", 0) > others:
                actor.type = "location"

    def _arrived_at(self, i: int) -> bool:
        """Whether the name at word i is where a verb of going leads ("deployed 500 soldiers to Khiam", "entered
        Kidal"; grammar.yaml `arrival_verbs`)."""
        parse, grammar = self.parse, self.lexicon.grammar
        head = parse.head[i]
        if parse.dep[i] == "dobj":
            return parse.lemma[head] in grammar.entry_verbs
        return parse.dep[i] == "pobj" and parse.lower[head] in grammar.prepositions.arrival and \
            parse.lemma[parse.head[head]] in grammar.arrival_verbs

    def _find_surnames(self) -> None:
        """A person's surname alone, missed by the model ("Guzman later met ..."), is that person."""
        surnames: dict[str, Actor] = {}
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):  # "Guzman" of "Joaquín Guzmán", alias "Joaquin Guzman"
                words = name.split()
                if actor.type == "person" and len(words) >= 2 and words[-1][:1].isupper():
                    surnames.setdefault(words[-1], actor)
        parse = self.parse
        for i, text in enumerate(parse.orth if surnames else ()):
            actor = surnames.get(text)
            # the tagger may read a sentence-initial surname as a common noun ("Trump met with Kim")
            if actor is not None and i not in self.token_actor and (
                    parse.pos[i] == "PROPN" or parse.pos[i] == "NOUN" and text[:1].isupper() and not text.isupper()):
                self.add_mention(i, i + 1, actor, "alias")

    def _gazetteer_parents(self) -> None:
        """Parents the gazetteer knows, when the parent is mentioned in this document too. (Not of people: a
        leader's state is no part of the leader, and arresting a former president is an act on someone else;
        `known_body` gives it where a title asks for it.)"""
        by_gid = self._by_gazetteer_id()
        for actor in self.actors.values():
            if actor.type != "person" and not actor.parent_hint:
                actor.parent_hint = self.known_body(actor, by_gid)

    def _by_gazetteer_id(self) -> dict[str, str]:
        return {a.gazetteer_id: a.key for a in self.actors.values() if a.gazetteer_id}

    def known_body(self, actor: Actor, by_gid: dict[str, str] | None = None) -> str | None:
        """The first of the actor's gazetteer parents this document mentions too ("President William Ruto" in
        a story that names Kenya: Kenya)."""
        entry = self.gazetteer.get(actor.gazetteer_id) if actor.gazetteer_id else None
        if entry is None:
            return None
        by_gid = self._by_gazetteer_id() if by_gid is None else by_gid
        return next((by_gid[p] for p in entry.parents if p in by_gid), None)

    def _span_name(self, ent: Span) -> str:
        """The entity text without a leading article or a trailing possessive."""
        return self._name_of(ent.start, ent.end)

    def _name_of(self, start: int, end: int) -> str:
        """_span_name of tokens start..end-1."""
        name = self._span_names.get((start, end))
        if name is None:
            name = self._span_names[(start, end)] = self._trimmed_text(start, end)
        return name

    def _trimmed_text(self, start: int, end: int) -> str:
        parse = self.parse
        # "the\xa0Times": a no-break space is its own token
        tokens = [i for i in range(start, end) if not parse.is_space[i]]
        while tokens and parse.lower[tokens[0]].strip() in ("the", "a", "an"):
            tokens = tokens[1:]
        while tokens and (parse.tag[tokens[-1]] == "POS" or parse.is_space[tokens[-1]]):
            tokens = tokens[:-1]
        if not tokens:
            return parse.span_text(start, end)
        return parse.span_text(tokens[0], tokens[-1] + 1)

    def _add_entity(self, ent: Span) -> None:
        parse, label = self.parse, ent.label_
        gid = ent.ent_id_ or None
        root = ent.root.i
        head = parse.head[root]
        if ent.end < len(parse.lemma) and parse.lemma[ent.end] in self.origin_nouns:
            return  # "passengers of Punjabi and Saraiki ethnicity", "of Syrian descent": what people are, no actor
        if label in ("PERSON", "ORG") and not gid and len(ent) == 1 and parse.dep[root] in ("compound", "amod") \
                and parse.tag[head] == "NNS" and parse.lemma[head] in self.collective and not ent[0].is_upper:
            # "Salafi jihadists", "Yoruba leaders": a people's name the model took for a person (an abbreviation
            # is an organization's: "ZIPRA camps")
            self._add_demonym(ent, None)
            return
        if label in ("PERSON", "ORG") and not gid and 1 < len(ent) <= 3 and parse.dep[root] == "compound" \
                and head == ent.end and parse.tag[head] == "NNS" and parse.lemma[head] in self.collective \
                and not {parse.lower[i] for i in range(ent.start, ent.end)} & self.org_words:
            # "Sinai Bedouin tribes", "Kachin Hill tribes": a people's name before a collective noun
            actor = self._demonym_group(normalize_name(ent.text), parse.span_text(ent.start, head + 1))
            self.add_mention(ent.start, ent.end, actor, "demonym")
            return
        if label == "NORP":
            self._add_demonym(ent, gid)
            return
        if parse.lower[root] in self.not_actors and not gid and label != "ORG" or \
                parse.lower[root] in self.facility_names and not gid and len(ent) > 1:
            return  # ("the Olympic Hotel", "the Salang highway": a site, not who acts)
        if parse.lemma[root] in self.venue_nouns and not gid and len(ent) > 1:
            return  # "the Good Friday Agreement", "the Dayton Accords": an agreement is nobody
        if not gid and label in ("PERSON", "ORG", "PRODUCT") and self._modifies(root, self.weapon_nouns):
            return  # "an Exocet missile", "Stinger missiles": a weapon's model, not who fires it
        name = self._span_name(ent)
        if not normalize_name(name):
            return  # "the", "al-" or a space the model tagged on its own names nobody
        type_ = LABEL_TYPES[label]
        before_place, before_site = self._names_a_place_noun(root), self._modifies(root, self.facility_names)
        if label == "ORG" and len(ent) == 1 and ent[0].is_upper and self._modifies(root, self.owned_targets):
            before_place = False  # "raided ZIPRA camps": an organization's camps, not a camp named after a place
        if gid and (entry := self.gazetteer.get(gid)):
            type_ = entry.type
        elif (label != "ORG" and before_place) or before_site:
            type_ = "location"  # "JFK airport", "the Dadaab and Kakuma camps", "Spriggs Payne airfield": a place
        if label != "PERSON" and (self._modifies(root, self.venue_nouns) or before_site or before_place) and (
                not gid or self.is_capital(gid, ent.text)):
            # "the Dayton agreement", "the Oslo accord": where it was made, no party; "Asmara airport": where the
            # site stands (a capital's name there is no state)
            type_, gid = "location", None
        actor = self.new_actor(name, type_, gazetteer_id=gid)
        self.add_mention(ent.start, ent.end, actor, "name")

    def _names_a_place_noun(self, root: int) -> bool:
        """Whether a name modifies a place noun (actors.yaml `not_actors`), itself or as a conjunct."""
        parse = self.parse
        while parse.dep[root] == "conj" and parse.head[root] != root:
            root = parse.head[root]
        head = parse.head[root]
        return parse.dep[root] in ("compound", "nmod") and head > root and parse.lemma[head] in self.not_actors

    def _modifies(self, root: int, nouns: frozenset[str]) -> bool:
        """Whether a name modifies a following noun of the set: an agreement or a meeting ("the Dayton agreement",
        grammar.yaml `venue_nouns`), a weapon ("an Exocet missile", actors.yaml `weapon_nouns`)."""
        parse = self.parse
        head = parse.head[root]
        return parse.dep[root] in ("compound", "nmod", "amod") and head > root and parse.lemma[head] in nouns

    def is_capital(self, gid: str, name: str) -> bool:
        """Whether a name is the capital of the gazetteer's entry `gid`, not its own name ("Minsk" of Belarus)."""
        entry = self.gazetteer.get(gid)
        return entry is not None and name in entry.capitals

    def _institution(self, noun: Token) -> str | None:
        if any(c.dep_ == "compound" and c.lower_ in self.not_institution_compounds for c in noun.children):
            return None  # "a foreign policy think tank in Washington" is no American tank
        own = next((kind for kind, words in self.institutions.items()
                    if noun.lemma_.lower() in words or noun.lower_ in words), None)
        if own is not None and noun.lemma_.lower() in self.institution_heads:  # "the Fiji Police Force" is police
            # (not "government forces": a word of the state itself says whose they are, not which)
            return next((kind for c in noun.children if c.dep_ == "compound" and c.i < noun.i
                         and (kind := self._institution(c)) not in (None, "state")), own)
        return own

    def _add_demonym(self, ent: Span, gid: str | None) -> None:
        """'Egyptian army' -> Egyptian military (part of Egypt); 'Egyptians' -> Egypt; 'Salafi jihadists'."""
        root = ent.root
        while root.dep_ == "conj" and root.head.ent_type_ == "NORP":  # "Hungarian and Romanian officials"
            root = root.head
        head = root.head if root.dep_ in ("amod", "compound", "nmod") else None
        if head is None:
            # "Kyrgyz and Uzbek border guards" parsed as "Kyrgyz" and "Uzbek border guards": the noun is shared
            head = next((c for c in root.children if c.dep_ == "conj" and c.pos_ == "NOUN" and any(
                t.ent_type_ == "NORP" and t.dep_ in ("amod", "compound") for t in c.lefts)), None)
        noun = head if head is not None and head.pos_ in ("NOUN", "PROPN") and head.i >= ent.end else None
        # "Egyptian military vehicles", "Kenyan police officers": the institution noun may itself modify the head
        # (the officers are police, not the military their noun alone would make them)
        if ent.end < len(self.doc) and (noun is None or ent.end < noun.i and self.is_people_noun(noun)) and \
                self._institution(self.doc[ent.end]):
            noun = self.doc[ent.end]
        body = self._qualified_body(ent) if gid else None
        if body is not None:
            # "the Indian foreign ministry", "Afghan foreign ministry spokesperson X": a ministry its words qualify is
            # a body of the state (a bare "the Indian ministry" speaks for the state itself)
            state = self.new_actor(ent.text, "state", gazetteer_id=gid)
            actor = self.new_actor(self.doc[ent.start:body.i + 1].text, "organization", named=False)
            actor.parent_hint = state.key
            self.add_mention(ent.start, body.i + 1, actor, "description")
            for i in range(ent.end, body.i + 1):
                self.token_actor.setdefault(i, actor.key)
            self.mentions.append(MentionSpan(ent.start, ent.end, state.key, "demonym"))
            return
        kind = self._institution(noun) if noun is not None else None
        if gid and noun is not None and kind is None and noun.lemma_.lower() in self.named_bodies and (
                noun.pos_ == "NOUN" or noun.is_title) and not any(
                t.lower_ in self.private_body_words for t in self.doc[ent.end:noun.i]) and not any(
                c.dep_ == "poss" for c in noun.children):  # "VOA's Somali Service" is VOA's
            # "the Moroccan counterterror agency", "the Indian foreign ministry": a body of the state, named by
            # its whole phrase (one state has many agencies)
            state = self.new_actor(ent.text, "state", gazetteer_id=gid)
            shared = self._shared_noun_words(ent, noun)
            body = self.new_actor(" ".join([ent.text, *shared]) if shared else self.doc[ent.start:noun.i + 1].text,
                                  "organization", named=False)
            body.parent_hint = state.key
            if shared:  # "Kyrgyz and Uzbek border guards": "Kyrgyz" stands for its body
                self.add_mention(ent.start, ent.end, body, "description")
                for i in range(ent.start, ent.end):
                    self.token_actor.setdefault(i, body.key)
            else:
                self.add_mention(ent.start, noun.i + 1, body, "description")
            self.mentions.append(MentionSpan(ent.start, ent.end, state.key, "demonym"))
            return
        if gid and noun is not None and kind is None and noun.lemma_.lower() in self.collective:
            gid = None  # "Croatian extremists", "Kurdish rebels": a group of that people, not the state
        if gid:
            state = self.new_actor(ent.text, "state", gazetteer_id=gid)
            if noun is None:
                # "Egyptians"; "Russian-backed separatists" (the state does the backing); "Turkish-American"
                if ent.root.tag_ in ("NNPS", "NNS") or ent.text.endswith("s") or (
                        root.dep_ == "npadvmod" and self.parse.hyphen_participle(root.head.i)) or (
                        head is not None and head.ent_type_ == "NORP" and head.i > root.i
                        and any(c.tag_ == "HYPH" for c in head.children)):  # "Turkish-American talks"
                    self.add_mention(ent.start, ent.end, state, "demonym")
                return
            if kind == "state" or kind is None:
                self.add_mention(ent.start, ent.end, state, "demonym")
            elif kind:
                inst = self.new_actor(f"{state.name} {kind}" if False else f"{ent.text} {kind}", "organization",
                                      kind=kind)
                inst.parent_hint = state.key
                phrase = self.doc[ent.start:noun.i + 1].text if noun.i == ent.end else ent.text
                if phrase not in inst.aliases:
                    inst.aliases.append(phrase)
                self.add_mention(ent.start, ent.end, inst, "demonym")
                # the demonym names the state too, so the parent hint points at a mentioned actor
                self.mentions.append(MentionSpan(ent.start, ent.end, state.key, "demonym"))
            return
        # A group named by a demonym: "Salafis", "Salafi jihadists", "Kurdish rebels".
        base = normalize_name(ent.text).rstrip("s")
        plural_group = noun is not None and noun.tag_ == "NNS" and self.is_people_noun(noun)
        if noun is not None and noun.lemma_.lower() in self.not_actors and (
                noun.tag_ == "NNS" or any(c.dep_ == "compound" for c in noun.lefts)):
            return  # "Sahrawi refugee camps", "Palestinian camps": places ("the Sahrawi camp" may be a side)
        if noun is not None and (noun.lemma_.lower() in self.collective or kind or plural_group):
            phrase = self.doc[ent.start:noun.i + 1].text if noun.i == ent.end else f"{ent.text} {noun.text}"
            actor = self._demonym_group(base, phrase)
            self.mark_kind(actor, noun)
            self.add_mention(ent.start, ent.end, actor, "demonym")
        elif noun is None and (ent.root.tag_ in ("NNPS", "NNS") or ent.text.endswith("s")):
            actor = self._demonym_group(base, ent.text)
            self.add_mention(ent.start, ent.end, actor, "demonym")

    def _qualified_body(self, ent: Span) -> Token | None:
        """The body noun after a demonym and the one or two lowercase words that say which body it is ("Indian
        foreign ministry", "Pakistani interior ministry spokesman"), none of them a name."""
        for i in range(ent.end + 1, min(ent.end + 3, len(self.doc))):
            if not all(t.is_lower and not t.ent_type_ and t.pos_ in ("ADJ", "NOUN")
                       and t.lower_ not in self.private_body_words for t in self.doc[ent.end:i]):
                break  # ("a French news agency" is no body of France)
            word = self.doc[i]
            if word.lemma_.lower() in self.named_bodies and word.is_lower and word.pos_ in ("NOUN", "PROPN"):
                return word
        return None

    def _shared_noun_words(self, ent: Span, noun: Token) -> list[str]:
        """The words of a noun another demonym shares with this one ("border guards" of "Kyrgyz and Uzbek border
        guards", for "Kyrgyz"); none when the noun is this demonym's alone."""
        others = [t.i for t in self.doc[ent.end:noun.i] if t.ent_type_ == "NORP"]
        return [t.text for t in self.doc[others[-1] + 1:noun.i + 1]] if others else []

    def _demonym_group(self, base: str, phrase: str) -> Actor:
        lookup = f"norp:{base}"
        if lookup in self._by_key:
            actor = self.actors[self._by_key[lookup]]
            if phrase not in actor.aliases:
                actor.aliases.append(phrase)
            if len(phrase.split()) > 1 and len(actor.name.split()) == 1:
                actor.name = phrase
            return actor
        actor = self.new_actor(phrase, "organization", named=False)
        self._by_key[lookup] = actor.key
        return actor

    def _link_acronyms(self) -> None:
        """'the Islamic State (IS)': the bracketed short form is an alias of the name before it."""
        doc = self.doc
        for mention in list(self.mentions):
            end = mention.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                short = doc[end + 1]
                if short.is_upper or short.text[:1].isupper():
                    actor = self.actors[mention.actor]
                    self._alias(short.text, actor)
                    self.add_mention(end + 1, end + 2, actor, "acronym")

    def _describe_by_apposition(self) -> None:
        """'The main Hutu rebel group, Forces for ... (FDD)': the apposed description is an alias."""
        parse = self.parse
        for mention in list(self.mentions):
            actor = self.actors.get(mention.actor)
            if actor is None or mention.kind != "name" or actor.type != "organization":
                continue
            root = self.doc[mention.start:mention.end].root.i
            nouns = [c for c in parse.children[root] if parse.dep[c] == "appos"]
            if parse.dep[root] == "appos":
                nouns.append(parse.head[root])
            for noun in nouns:
                if parse.pos[noun] != "NOUN" or noun in self.token_actor:
                    continue
                noun = self.doc[noun]
                words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "det" and not t.is_punct]
                text = " ".join(t.text for t in words)
                if 1 < len(words) <= 6 and text not in actor.aliases:
                    actor.aliases.append(text)

    def _join_self_names(self) -> None:
        """"The Clan del Golfo, which calls itself the Gaitanist Army of Colombia": one group, two names; "a cell
        calling itself the Lions of the Caliphate": the cell is the named group (grammar.yaml `self_naming_verbs`
        with a reflexive object)."""
        parse, grammar = self.parse, self.lexicon.grammar
        # (from the reflexives, a few words a document, not from every word)
        for reflexive in [r for r, lower in enumerate(parse.lower) if lower in grammar.reflexives]:
            i = parse.head[reflexive]
            if parse.dep[reflexive] != "dobj" or parse.lemma[i] not in grammar.self_naming_verbs or \
                    parse.dep[i] not in ("relcl", "acl"):
                continue
            # (the parser hangs the name as a complement, a second object or an adverbial noun)
            name = next((actor for c in parse.children[i] if parse.dep[c] in SELF_NAME_DEPS
                         and parse.lower[c] not in grammar.reflexives
                         and (actor := self.actor_at_index(c)) is not None), None)
            if name is None or name.type != "organization":
                continue
            head = parse.head[i]
            group = self.actor_at_index(head) or next(  # "the Jund al-Aqsa group, which calls itself ..."
                (actor for c in parse.children[head] if parse.dep[c] == "compound" and c < head
                 and (actor := self.actor_at_index(c)) is not None), None)
            if group is None and parse.pos[head] == "NOUN":  # "a cell calling itself ...": the cell is it
                self.token_actor[head] = name.key
            elif group is not None and group.type == "organization":
                self._merge(name, group)

    def _alias(self, text: str, actor: Actor) -> None:
        lookup = f"name:{normalize_name(text)}"
        other = self._by_key.get(lookup)
        if other and other != actor.key:
            self._merge(self.actors[other], actor)
        self._by_key[lookup] = actor.key
        if text not in actor.aliases:
            actor.aliases.append(text)

    def _merge(self, loser: Actor, winner: Actor) -> None:
        if loser.key == winner.key:
            return
        for mention in self.mentions:
            if mention.actor == loser.key:
                mention.actor = winner.key
        self._mention_starts, self._indexed = set(), 0  # mentions changed actor: index them again
        for i, key in list(self.token_actor.items()):
            if key == loser.key:
                self.token_actor[i] = winner.key
        for alias in loser.aliases:
            if alias not in winner.aliases:
                winner.aliases.append(alias)
        for lookup, key in list(self._by_key.items()):
            if key == loser.key:
                self._by_key[lookup] = winner.key
        for actor in self.actors.values():
            if actor.parent_hint == loser.key:
                actor.parent_hint = winner.key
        winner.gazetteer_id = winner.gazetteer_id or loser.gazetteer_id
        if not winner.gazetteer_id and len(loser.name) > len(winner.name):
            winner.name = loser.name
        del self.actors[loser.key]

    def _merge_short_names(self) -> None:
        """'Haniyeh' -> 'Ismail Haniyeh'; 'Qassam Brigades' -> 'Izz ad-Din al-Qassam Brigades';
        'PRC' -> 'Popular Resistance Committees' when the initials match."""
        actors = sorted(self.actors.values(), key=lambda a: -len(a.name))
        words: dict[str, list[str]] = {}  # name -> its normalized words (names compared pairwise)
        for short in sorted(self.actors.values(), key=lambda a: len(a.name)):
            if short.key not in self.actors or short.gazetteer_id or not short.named:
                continue
            short_words = normalize_name(short.name).split()
            if not short_words:
                continue
            # "Maimane says ...", tagged ORG, after "Mmusi Maimane": the man's surname, whatever the model's label
            lone_org = short.type == "organization" and len(short_words) == 1 and \
                not set(short_words) & self.org_words
            for long in actors:
                if long.key == short.key or long.key not in self.actors or not long.named or long.type != short.type \
                        and not (lone_org and long.type == "person"):
                    continue
                long_words = words.get(long.name)
                if long_words is None:
                    long_words = words[long.name] = normalize_name(long.name).split()
                if len(long_words) <= len(short_words):
                    continue
                if long.type != short.type:  # a lone organization name and a person
                    if long_words[-1] == short_words[0]:
                        self._merge(short, long)
                        break
                    continue
                suffix = long_words[-len(short_words):] == short_words
                person_part = short.type == "person" and set(short_words) <= set(long_words)
                initials = (len(short_words) == 1 and short.name.isupper() and len(short.name) >= 2
                            and "".join(w[0] for w in long.name.split() if w[:1].isupper()) == short.name)
                if suffix or person_part or initials:
                    self._merge(short, long)
                    break

    # -- queries ------------------------------------------------------------------------------
    def is_person_noun(self, noun: Token) -> bool:
        """Whether a singular noun names one person ("journalist", "president"), not a body ("militia")."""
        lemma = noun.lemma_.lower()
        return noun.tag_ == "NN" and lemma not in self.not_collective and (
            lemma in self.role_nouns or (lemma.endswith(self.people_suffixes)
                                         and not lemma.endswith(self.thing_suffixes)))

    def is_people_noun(self, noun: Token) -> bool:
        """Whether a common noun names people ("rebels", "prisoners", "doctors") rather than things
        ("goods", "lorries", "riots"): the collective lexicon, else an agent-noun ending."""
        lemma = noun.lemma_.lower()
        if lemma in self.not_collective:
            return False
        if lemma in self.collective:
            return True
        return lemma.endswith(self.people_suffixes) and not lemma.endswith(self.thing_suffixes)


    def mark_kind(self, actor: Actor, head: Token) -> None:
        """"Chinese tourists", "Afghan refugees": a described group of civilians keeps that kind, so the
        readings closed to civilians (a state visit, a concession) stay closed to it; "Iran-backed militants",
        "rebels in Darfur" keep their head's kind of an armed force ("backed" by a state is military help)."""
        kind = self.lexicon.actor_kinds.get(head.lemma_.lower())
        if not actor.denotes and kind in DESCRIBED_KINDS:
            actor.denotes = kind
            actor.described_force = kind == "generic_force"

    def is_place_name(self, i: int) -> bool:
        """Whether the name at word i names a place: a location, or a state by its capital ("Minsk", "Doha")."""
        actor = self.actor_at_index(i)
        if actor is None:
            return False
        entry = self.gazetteer.get(actor.gazetteer_id) if actor.gazetteer_id else None
        return actor.type == "location" or entry is not None and self.parse.orth[i] in {
            word for capital in entry.capitals for word in capital.split()}

    def actor_at(self, token: Token) -> Actor | None:
        key = self.token_actor.get(token.i)
        return self.actors.get(key) if key else None

    def actor_at_index(self, i: int) -> Actor | None:
        key = self.token_actor.get(i)
        return self.actors.get(key) if key else None
