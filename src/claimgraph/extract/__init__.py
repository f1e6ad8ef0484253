"""Per-document extraction: actor mentions and claims (with evidence, modality, attribution, attributes).

The public entry point is `extract_document(doc, document)`, a pure function of one document, safe to
run in worker processes. See docs/extraction.md.
"""
from __future__ import annotations

import logging
from functools import cached_property

import numpy
from spacy.tokens import Doc, Span, Token

from ..errors import ClaimgraphError
from ..model import Claim, Document, Evidence, Extraction, Mention
from .actors import ActorTable
from .arguments import ArgumentResolver
from .attribution import Attributor
from .lexicon import load_lexicon
from .modality import APPEAL, PLAN, Modality
from .parse import Parse
from .pairs import Candidate, PairFeaturizer
from .predicates import PredicateMatcher, RawClaim
from .relation_model import load_relation_model
from .structure import StructureFinder
from .timex import resolve_time

log = logging.getLogger(__name__)

__all__ = ["extract_document"]

# How far (in dependency hops) a date or quantity may sit from the predicate and still belong to it.
ATTACH_HOPS = 4


def _line_breaks(paragraph: list[int], text: str) -> list[bool]:
    """Whether each token holds a line break, read off the count of newlines before each token (a
    token's trailing whitespace is never one) instead of making a Token object for every word."""
    after = paragraph[1:] + [text.count("\n")] if paragraph else []
    return [later > here for here, later in zip(paragraph, after)]


def _segment(doc: Doc, text: str, token: Token, sent: Span, breaks: list[bool]) -> tuple[int, int]:
    """Character span of the sentence holding `token`, cut at line breaks so that it never spans
    a heading, caption or boilerplate line, and trimmed of surrounding whitespace."""
    start_tok, end_tok = sent.start, sent.end
    for i in range(token.i - 1, sent.start - 1, -1):
        if breaks[i]:
            start_tok = i + 1
            break
    for i in range(token.i, sent.end):
        if breaks[i]:
            end_tok = i
            break
    span = doc[start_tok:end_tok]
    start, end = span.start_char, span.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _attached(head: list[int], i: int, target: int) -> bool:
    """Whether word `i` hangs off word `target` within ATTACH_HOPS steps up the parse (`head`: each
    word's head index). Positions, not Tokens: spaCy makes a new Token on every access."""
    for _ in range(ATTACH_HOPS + 1):
        if i == target:
            return True
        if head[i] == i:
            return False
        i = head[i]
    return i == target


class _Extractor:
    def __init__(self, doc: Doc, document: Document):
        # the parse's columns are read once; its text is rebuilt from the tokens as Doc.text would be
        self.parse = Parse(doc)
        if len(doc) and (doc[-1].idx + len(doc[-1].text_with_ws) != len(document.text)
                         or self.parse.text != document.text):
            raise ClaimgraphError(
                f"{document.source}: the spaCy Doc was not made from document.text; run nlp(document.text)")
        self.doc = doc
        self.document = document
        self.text = document.text
        lexicon = load_lexicon()
        self.lexicon = lexicon
        self.grammar = lexicon.grammar
        ontology = lexicon.ontology
        # ties of belonging are read from descriptions, not asserted as events: negation and hedges do not apply
        self.membership = ontology.membership
        # structural relations (membership, defection) may join an actor to its own parent
        self.structural = ontology.structural
        self.verbal = ontology.names(verbal=True)
        self.weapon_relations = ontology.with_attribute("weapon")
        self.hostile = ontology.names(stance="hostile")
        self.people_targets = ontology.names(people_target=True)
        self.place_modes = frozenset(mode for name in self.people_targets for mode in ontology[name].place_modes)
        # token.sent and sent.ents walk the whole doc on every call: index them once (#7)
        self.sents = list(doc.sents)
        self.table = ActorTable(doc, lexicon, self.parse).build()
        self.resolver = ArgumentResolver(doc, self.table, lexicon)
        self.breaks = _line_breaks(self.resolver.paragraph, self.text)
        self.structure = StructureFinder(doc, self.table, self.resolver, lexicon)
        self.structure.register_branches()
        self.matcher = PredicateMatcher(lexicon, self.resolver)
        self.modality = Modality(lexicon, self.parse)
        self.attributor = Attributor(doc, self.table, self.resolver, lexicon, outlet=document.outlet,
                                     sents=self.sents)
        self._asking: set[int] = set()
        self._reading_sides = False
        self.resolver.speaker_side = self._speaker_side
        self.resolver.speaker = self._speaker
        self.resolver.person_sides = self._sides_of
        self.weapon_words = lexicon.modes.get("AID", {}).get("weapons", frozenset())
        self.model = load_relation_model()
        self.opposed = lexicon.ontology.names(opposed=True)
        self.cooperative = lexicon.ontology.names(stance="cooperative")
        self.with_own = self.cooperative - lexicon.ontology.names(domestic=True)  # not between member and whole
        self.sent_index = [0] * len(doc)
        for number, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_index[i] = number
        # (entity, label, root token) by sentence: every claim of the sentence looks at them
        self.sent_ents: list[list[tuple[Span, str, int]]] = [[] for _ in self.sents]
        self._quantities: dict[tuple[int, int], list[int]] = {}
        for ent in self.parse.ents:
            self.sent_ents[self.sent_index[ent.start]].append((ent, ent.label_, ent.root.i))

    def run(self) -> Extraction:
        raw = self.rule_claims()
        if self.model is not None:
            raw = self.decide(raw, self.pair_candidates(raw))
        # a news outlet reports; a ministry or a command publishing its own release is a party to it
        narrator = None if self.issuer is not None else self.own_outlet
        # "Erdogan ... Turkey": a member does not cooperate with, meet or back its own organization
        belongs = {frozenset((item.subject, item.object)) for item in raw if item.relation in self.membership}
        raw = self._without_places_for_people(raw)
        claims, seen = [], set()
        for item in raw:
            if narrator in (item.subject, item.object) and item.relation not in self.opposed and \
                    item.relation not in self.structural:
                # "told VOA", "VOA asked the ministry": the outlet reporting, not a party to events ("VOA's Urdu
                # Service", "VOA's Katherine Michaelson" are its own)
                continue
            if item.relation in self.with_own and frozenset((item.subject, item.object)) in belongs:
                continue
            claim = self._claim(item)
            if claim is None:
                continue
            key = (claim.subject, claim.relation, claim.mode, claim.object, claim.evidence.start)
            if key in seen:
                continue
            seen.add(key)
            claims.append(claim)
        return Extraction(document=self.document, mentions=self._mentions(claims), claims=claims)

    @cached_property
    def own_outlet(self) -> str | None:
        """The actor that is the document's own outlet, when the text names it."""
        outlet = (self.document.outlet or "").casefold()
        if not outlet:
            return None
        return next((key for key, actor in self.table.actors.items()
                     if outlet in (n.casefold() for n in (actor.name, *actor.aliases))), None)

    def rule_claims(self) -> list[RawClaim]:
        """What the hand-written rules read: lexicon predicates, then titles and descriptions."""
        raw: list[RawClaim] = []
        for sent in self.sents:
            raw.extend(self.matcher.match_sentence(sent))
        raw.extend(self.structure.members())
        raw.extend(self.structure.parts_of())
        raw.extend(self.structure.modifier_members())
        raw.extend(self._joined_members(raw))
        return self.structure.post_holders(raw)

    def pair_candidates(self, raw: list[RawClaim]) -> list[Candidate]:
        """Every ordered actor pair of every sentence, with the rules' readings among its features."""
        read: list[dict[tuple[str, str], list[str]]] = [{} for _ in self.sents]
        for item in raw:
            read[self.sent_index[item.predicate.i]].setdefault((item.subject, item.object), []).append(item.relation)
        featurizer = PairFeaturizer(self.parse, self.resolver, self.lexicon)
        out: list[Candidate] = []
        for number, sent in enumerate(self.sents):
            out.extend(featurizer.candidates(number, sent.start, sent.end, read[number]))
        return out

    def decide(self, raw: list[RawClaim], candidates: list[Candidate]) -> list[RawClaim]:
        """The model's decision over every candidate pair: a pair no rule read becomes a claim when the
        model scores it at or above the relation's threshold; a rule's claim keeps the model's score
        of its pair as provenance (rules are the model's strongest features, not its rivals)."""
        model = self.model
        by_pair = {(c.sentence, c.subject, c.object): c for c in candidates}
        row_of = {key: row for row, key in enumerate(by_pair)}
        matrix = model.probabilities([c.features for c in by_pair.values()])
        kept: list[RawClaim] = []
        read: set[tuple[int, str, str, str]] = set()
        # pairs a rule read as one acting against the other ("X, who is under EU sanctions"): no membership
        hostile = {(self.sent_index[item.predicate.i], frozenset((item.subject, item.object)))
                   for item in raw if item.relation in self.hostile}
        for item in raw:
            number = self.sent_index[item.predicate.i]
            row = row_of.get((number, item.subject, item.object))
            if item.relation in model.column and row is not None:
                item.score = float(matrix[row, model.column[item.relation]])
            kept.append(item)
            read.add((number, item.subject, item.relation, item.object))
        symmetric = self.lexicon.symmetric
        keys = list(by_pair)
        # only the (pair, relation) cells at or above the relation's threshold can add a claim
        for row, column in numpy.argwhere(matrix >= model.thresholds).tolist():
            number, subject, obj = key = keys[row]
            relation, score = model.relations[column], float(matrix[row, column])
            if (number, subject, relation, obj) in read or (
                    relation in symmetric and (number, obj, relation, subject) in read):
                continue
            other = row_of.get((number, obj, subject))
            if relation in symmetric and other is not None and matrix[other, column] > score:
                continue  # the better-scored order speaks for the pair
            if self._owner_of_read(by_pair[key].object_token, (number, subject, relation), read):
                continue
            if relation in self.membership and (number, frozenset((subject, obj))) in hostile:
                continue
            governor = self.doc[by_pair[key].governor]
            if relation in self.membership and self.modality.assess(governor, self.sents[number])[0] == "negated":
                continue  # "Paul Kagame no longer leads the RPF": a tie the sentence denies
            if relation in self.verbal and not self._says(number, relation):
                continue  # words are said with words: no cue of the relation, no claim of it
            read.add((number, subject, relation, obj))
            kept.append(RawClaim(predicate=governor, relation=relation, subject=subject,
                                 object=obj, rule="model", score=score))
        return kept

    def _without_places_for_people(self, raw: list[RawClaim]) -> list[RawClaim]:
        """A violent or coercive act, or a protest, is done to the people the sentence names, not to the place
        they were in ("raided Masala village, killing 14 civilians": the civilians, not the village; "seized the
        town of Minova after clashes with the FARDC": the FARDC). A place stays the object when the sentence names
        no one its doer did it to ("the bombing of Gaza"), and a blockade or curfew is on a place's people."""
        actors, parse, place_nouns = self.table.actors, self.parse, self.table.not_actors
        if not any(item.relation in self.people_targets for item in raw):
            return raw
        said: dict[str, list[int]] = {}  # actor -> the last words of its mentions
        for mention in self.table.mentions:
            said.setdefault(mention.actor, []).append(mention.end - 1)

        def place(item: RawClaim) -> bool:
            target = actors.get(item.object)
            if target is None or item.mode in self.place_modes or not target.named:
                return False
            if target.type == "location":
                return True
            # a name the model typed otherwise, said in this sentence as a place ("the town of Minova",
            # "Masala village (Beni)", tagged GPE); a state named, by its name or its capital, only as where the act
            # happened ("a strike in northwest Syria that killed a commander", "raided a hotel in Mogadishu")
            sent = self.sents[self.sent_index[item.predicate.i]]
            found_place = False
            for root in said.get(item.object, ()):
                if not sent.start <= root < sent.end:
                    continue
                head = parse.head[root]
                if target.type == "state":
                    # where the act happened, unless the sentence also names the state as a side ("an insurgency
                    # against the Somali government ... the bombing of a hotel in Mogadishu"; "12 Lesotho
                    # nationals" only says whose nationals they are)
                    if parse.dep[root] in ("compound", "amod", "nmod") and \
                            self.resolver.first(self.doc[head]) != item.object:
                        continue
                    if not (parse.dep[root] == "pobj" and parse.lower[head] in self.grammar.prepositions.place_within):
                        return False
                    found_place = True
                    continue
                if parse.ent_type[root] in ("GPE", "LOC", "FAC") or (
                        parse.dep[root] in ("appos", "compound") and parse.lemma[head] in place_nouns) or (
                        parse.dep[root] == "pobj" and parse.lower[head] == self.grammar.of and
                        parse.lemma[parse.head[head]] in place_nouns):
                    return True
            return found_place

        def doer(item: RawClaim) -> tuple[int, str]:
            return self.sent_index[item.predicate.i], item.subject

        # each claim's place test once (it reads the object's mentions): (claim, done to a place)
        acts = [(item, place(item)) for item in raw if item.relation in self.people_targets and item.object in actors]
        people = {doer(item) for item, at_place in acts if not at_place and actors[item.object].type != "location"}
        dropped = {id(item) for item, at_place in acts if at_place and doer(item) in people}
        return [item for item in raw if id(item) not in dropped]

    def _says(self, number: int, relation: str) -> bool:
        """Whether the sentence has a word of the relation's lexicon (by lemma or by form)."""
        sent, parse = self.sents[number], self.parse
        cues = self.lexicon.cue_words.get(relation, frozenset())
        return any(parse.lemma[i] in cues or parse.lower[i] in cues for i in range(sent.start, sent.end))

    def _owner_of_read(self, token: int, head: tuple[int, str, str], read: set[tuple[int, str, str, str]]
                       ) -> bool:
        """Whether the word is the "of" owner of an actor a rule already made the object of the same act
        by the same subject ("clashed with sympathizers of X": the sympathizers were hit, not X)."""
        parse = self.parse
        if parse.dep[token] != "pobj" or parse.lower[parse.head[token]] != "of":
            return False
        owned = self.resolver.first(self.doc[parse.head[parse.head[token]]])
        return owned is not None and (*head, owned) in read

    # -- speakers ------------------------------------------------------------------------------
    def _speaker_side(self, token: Token) -> list[str]:
        """Whom "we" / "our" / "us" may stand for, best first: the side of the source of the words it is
        in -- the source itself when an organization or state speaks; when a person does, the
        organizations or states this document makes them a member of (titles, descriptions), then the
        person (the only candidate when no side is known). Only a source named in the pronoun's own
        sentence counts: one carried over from a quote's closing sentence is too often someone else."""
        if token.i in self._asking:
            return []  # "we said": the pronoun is the source itself
        source = self._source_of(token)
        if source is None:
            # "Today we struck an ISIS camp" in a command's own press release
            issuer = self.issuer if self.issuer is not None else self.release_voice
            return [issuer] if issuer is not None else []
        actor = self.table.actors.get(source)
        if actor is None or actor.type != "person":
            return [source]
        return [*self._person_sides.get(actor.key, ()), actor.key]

    def _speaker(self, token: Token) -> list[str]:
        """Whom "I" / "my" stands for: the source of the words it is in, named in its own sentence."""
        source = self._source_of(token)
        return [source] if source is not None else []

    def _source_of(self, token: Token) -> str | None:
        """The actor who says the words a pronoun is in, named in the pronoun's own sentence ("I said":
        none, the pronoun is the source itself)."""
        if token.i in self._asking:
            return None
        self._asking.add(token.i)
        try:
            source = self.attributor.attribute(token, self.sents[self.sent_index[token.i]], carried=False)
        finally:
            self._asking.discard(token.i)
        return source.actor if source is not None else None

    @cached_property
    def issuer(self) -> str | None:
        """The body that issued the document, when it is a state or one of a state's or an organization's
        bodies named in the text (a ministry's or a command's press release), not a news outlet."""
        key = self.own_outlet
        actor = self.table.actors.get(key) if key is not None else None
        if actor is None or actor.type not in ("state", "organization"):
            return None
        entry = self.table.gazetteer.get(actor.gazetteer_id) if actor.gazetteer_id else None
        if actor.type == "state" or (entry is not None and entry.kind not in self.lexicon.news_kinds):
            return key
        head = actor.name.split()[-1].lower() if actor.name.split() else ""
        return key if entry is None and head in self.lexicon.named_bodies else None

    @cached_property
    def release_voice(self) -> str | None:
        """The body a text speaks for when it opens as a statement does: its first sentence's verb in the
        present tense with an organization or state for subject ("MONUSCO strongly condemns ...", "The Ministry
        of Defence announces ..."); a news report tells the past ("X condemned"). Used for "we" and "our" that no
        source in their own sentence speaks, where the document's metadata names no issuer."""
        if not self.sents:
            return None
        root = self.sents[0].root
        parse = self.parse
        # ("The Syrian Democratic Forces condemn ...": a plural name, whose verb the tagger may take for a bare one)
        if parse.tag[root.i] in ("VBZ", "VBP") or parse.tag[root.i] == "VB" and not any(
                parse.dep[c] in ("aux", "auxpass") for c in parse.children[root.i]):
            subjects = self.matcher.subjects(root)
        elif any(parse.tag[c] in ("VBZ", "VBP") and parse.dep[c] == "auxpass" for c in parse.children[root.i]):
            # "The Media Foundation for West Africa is alarmed by ...": its own subject (a news lede's "X has
            # cleared out ..." tells the past)
            subjects = [slot for c in parse.children[root.i] if parse.dep[c] in ("nsubj", "nsubjpass")
                        for slot in self.resolver.resolve(self.doc[c])]
        else:
            return None
        for slot in subjects:
            actor = self.table.actors.get(slot[0]) if slot else None
            if actor is not None and actor.type in ("organization", "state"):
                return actor.key
        return None

    def _sides_of(self, person: str) -> list[str]:
        """The organizations and states a person is a member of; none while the memberships are being read (the
        structure rules resolve words too)."""
        if self._reading_sides:
            return []
        self._reading_sides = True
        try:
            return self._person_sides.get(person, [])
        finally:
            self._reading_sides = False

    @cached_property
    def _person_sides(self) -> dict[str, list[str]]:
        """Person -> the organizations and states the document makes it a member of, first found first."""
        sides: dict[str, list[str]] = {}
        for item in self.structure.members():
            if item.relation in self.membership and item.object in self.table.actors:
                found = sides.setdefault(item.subject, [])
                if item.object not in found:
                    found.append(item.object)
        return sides

    # -- claims --------------------------------------------------------------------------------
    def _joined_members(self, raw: list[RawClaim]) -> list[RawClaim]:
        """A person who joined a group ("before joining the ELN") is a member of it, whatever they left."""
        out = []
        for item in raw:
            person = self.table.actors.get(item.subject)
            if item.relation != "DEFECT" or item.predicate.lemma_.lower() not in self.grammar.join_lemmas or \
                    person is None or person.type != "person":
                continue
            sent = self.sents[self.sent_index[item.predicate.i]]
            polarity, certainty, _ = self.modality.assess(item.predicate, sent)
            if polarity == "affirmed" and certainty == "asserted":  # structure claims carry no hedge
                out.append(RawClaim(predicate=item.predicate, relation="MEMBER_OF", subject=item.subject,
                                    object=item.object, attributes={"role": "member"}, rule="reading:joined"))
        return out

    def _claim(self, item: RawClaim) -> Claim | None:
        if item.subject == item.object:
            return None
        if item.subject not in self.table.actors or item.object not in self.table.actors:
            return None
        subject, obj = self.table.actors[item.subject], self.table.actors[item.object]
        if item.relation not in self.structural and item.relation not in self.verbal and (
                subject.parent_hint == obj.key or obj.parent_hint == subject.key):
            # "the Egyptian military demolished homes on Egypt's side": not an act on itself (but a state
            # does order, urge or accuse its own forces)
            return None
        if item.relation in self.structural and obj.parent_hint == subject.key:
            return None  # a whole is no member or part of its own part ("the C.A.R." of "C.A.R. forces")
        predicate = item.predicate
        number = self.sent_index[predicate.i]
        sent = self.sents[number]
        start, end = _segment(self.doc, self.text, predicate, sent, self.breaks)
        if end <= start:
            return None
        if item.relation in self.membership:
            polarity, certainty, cues = "affirmed", "asserted", []
        else:
            polarity, certainty, cues = self.modality.assess(predicate, sent)
            if any(cue.kind in (APPEAL, PLAN) for cue in cues):
                # "urged X to withdraw": asked for (the REQUEST is the claim); "plans to meet X": not yet done
                return None
            if item.refused_by_negation:  # the "not" of "would not meet" is the refusal, which happened
                polarity = "affirmed" if polarity == "negated" else "negated"
        source = self.attributor.attribute(predicate, sent)
        evidence = Evidence(
            document_id=self.document.id, text=self.text[start:end], start=start, end=end,
            attributed_to=source.name if source else None, attributed_actor=source.actor if source else None,
            attribution_kind=source.kind if source else None, certainty=certainty, polarity=polarity,
            cues=cues + ([source.cue] if source else []),
            provenance=self._provenance(item))
        attributes = dict(item.attributes)
        if item.relation not in self.membership:
            attributes.update(self._attributes(item, sent, self.sent_ents[number]))
        return Claim(document_id=self.document.id, subject=item.subject, relation=item.relation,
                     object=item.object, evidence=evidence, mode=item.mode, polarity=polarity,
                     certainty=certainty, attributes=attributes)

    def _provenance(self, item: RawClaim) -> dict:
        found = {"rule": item.rule or "unnamed"}
        if item.score is not None:
            found.update(model=self.model.name, score=round(item.score, 4))
        return found

    def _attributes(self, item: RawClaim, sent: Span, ents: list[tuple[Span, str, int]]) -> dict:
        predicate, parse = item.predicate, self.parse
        out: dict = {}
        dates = [ent for ent, label, root in ents if label in ("DATE", "TIME")
                 and _attached(parse.head, root, predicate.i)]
        if not dates:  # a sentence-initial "In early December," often hangs off another word
            dates = [ent for ent, label, _ in ents if label == "DATE" and ent.start < predicate.i]
        if dates:
            ent = dates[0]
            resolved = resolve_time(ent.text, self.document.published, self.grammar.time)
            if resolved is not None:
                out["time"] = resolved
        used = {item.subject, item.object}
        place_preps = self.grammar.prepositions.place_attribute
        for ent, label, root in ents:
            if label in ("GPE", "LOC", "FAC") and parse.dep[root] == "pobj" and \
                    parse.lower[parse.head[root]] in place_preps and _attached(parse.head, root, predicate.i):
                actor = self.table.actor_at_index(root)
                if actor is None or actor.key not in used:
                    out["place"] = self.table._span_name(ent)
                    break
        for theme in item.themes:
            words = {theme.lemma_.lower()} | {c.lemma_.lower() for c in theme.children}
            if words & self.weapon_words and item.relation in self.weapon_relations:
                out["weapon"] = self.doc[theme.left_edge.i:theme.i + 1].text
                break
        for i in self._quantity_words(sent):
            if _attached(parse.head, i, predicate.i):
                if parse.ent_type[i] in ("MONEY", "QUANTITY"):
                    out["quantity"] = next(e for e, _, _ in ents if e.start <= i < e.end).text
                else:
                    out["quantity"] = parse.orth[i]
                break
        if item.relation == "DEFECT":
            left = self._defected_from(predicate, item)
            if left:
                out["from"] = left
        return out

    def _quantity_words(self, sent: Span) -> list[int]:
        """Words of the sentence that may give a quantity, found once for all of its claims."""
        key = (sent.start, sent.end)
        found = self._quantities.get(key)
        if found is None:
            lower, ent_type = self.parse.lower, self.parse.ent_type
            quantity_words = self.grammar.quantity_words
            # ("several days ago" dates the event; it does not count anything)
            found = self._quantities[key] = [i for i in range(sent.start, sent.end)
                                             if (lower[i] in quantity_words and ent_type[i] not in ("DATE", "TIME"))
                                             or ent_type[i] in ("MONEY", "QUANTITY")]
        return found

    def _defected_from(self, predicate: Token, item: RawClaim) -> str | None:
        grammar = self.grammar
        leave, ties = grammar.leave_lemmas, grammar.tie_nouns
        spec_from_subject = predicate.lemma_.lower() == grammar.lose_lemma
        if spec_from_subject:
            return item.subject
        heads = [predicate]
        if predicate.dep_ in ("advcl", "xcomp", "conj", "pcomp") and predicate.head.pos_ == "VERB":
            heads.append(predicate.head)
        # "severing relations with X and joining Y", "left X and joined Y": the conjoined leaving verb
        heads.extend(c for c in (*predicate.conjuncts, *predicate.head.conjuncts)
                     if c.lemma_.lower() in leave and c not in heads)
        for head in heads:
            children = list(head.children)
            for child in list(children):  # "severing relations with X": the preposition hangs off the noun
                if child.dep_ == "dobj" and child.lemma_.lower() in ties and head.lemma_.lower() in leave:
                    children.extend(child.children)
            for child in children:
                if child.dep_ == "prep" and (child.lower_ in grammar.prepositions.left or (
                        child.lower_ in grammar.prepositions.cut_with and head.lemma_.lower() in leave)) or (
                        child.dep_ == "dobj" and head.lemma_.lower() in grammar.leave_object_lemmas):
                    targets = [p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "prep" else [child]
                    for target in targets:
                        slots = self.resolver.resolve(target)
                        for slot in slots:
                            for key in slot:
                                actor = self.table.actors.get(key)
                                if key not in (item.object, item.subject) and actor and actor.type == "organization":
                                    return key
        return None

    # -- mentions ------------------------------------------------------------------------------
    def _mentions(self, claims: list[Claim]) -> list[Mention]:
        out = []
        # an unnamed actor ("residents", "the minister") is kept only where it takes part in a claim:
        # every such noun of a corpus would otherwise become an entity of its own
        in_claims = {key for claim in claims for key in (claim.subject, claim.object)}
        for span in self.table.mentions:
            actor = self.table.actors.get(span.actor)
            if actor is None or (actor.denotes and not actor.described_force and actor.key not in in_claims):
                continue
            start, end = self.parse.char_span(span.start, span.end)
            out.append(Mention(
                document_id=self.document.id, start=start, end=end, text=self.text[start:end],
                actor=actor.key, name=actor.name, type=actor.type, kind=span.kind,
                gazetteer_id=actor.gazetteer_id, aliases=list(actor.aliases), parent_hint=actor.parent_hint,
                actor_kind=actor.actor_kind))
        return out


def extract_document(doc: Doc, document: Document) -> Extraction:
    """Mentions and claims of one document.

    Args:
        doc: the spaCy Doc of `document.text` made by `claimgraph.nlp.load_nlp()`.
        document: the Document the text belongs to (its id, outlet and publication date are used).
    Returns:
        An Extraction whose evidence offsets point into `document.text`.
    """
    return _Extractor(doc, document).run()
