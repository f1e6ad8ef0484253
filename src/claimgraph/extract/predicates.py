"""Event relations from the dependency parse: verb and noun predicates, their subject, object and mode.

PredicateMatcher finds the lexicon's predicates in a sentence and reads each one's arguments by walking
the named rules of `extract/rules/` in the order their tables give; it holds the parse helpers they share.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from .arguments import ArgumentResolver
from .lexicon import Lexicon, Predicate
from .rules import (
    CLAIM_READING_RULES,
    NOUN_SIDE_RULES,
    NOUN_SUBJECT_RULES,
    OBJECT_FALLBACK_RULES,
    OBJECT_PREPOSITION_RULE,
    OBJECT_SLOT_RULES,
    RULES,
    SENTENCE_READING_RULES,
    VERB_SUBJECT_RULES,
    RawClaim,
)
from .rules.readings import RESPONSIBILITY_CLAIMED
from .rules.subjects import PASSIVE_SUBJECT_DEPS, struck_explosive

__all__ = ["PredicateMatcher", "RawClaim"]

# The rules of each step, looked up once.
_VERB_SUBJECTS = RULES.steps(VERB_SUBJECT_RULES)
_NOUN_SUBJECTS = RULES.steps(NOUN_SUBJECT_RULES)
_NOUN_SIDES = RULES.steps(NOUN_SIDE_RULES)
_OBJECT_SLOTS = {slot: RULES[name] for slot, name in OBJECT_SLOT_RULES.items()}
_OBJECT_PREPOSITION = RULES[OBJECT_PREPOSITION_RULE]
_OBJECT_FALLBACKS = RULES.steps(OBJECT_FALLBACK_RULES)
_CLAIM_READINGS = RULES.steps(CLAIM_READING_RULES)
_SENTENCE_READINGS = RULES.steps(SENTENCE_READING_RULES)
# Labels that leave a noun phrase's own words: np_actors does not follow them.
_NP_EDGE_DEPS = ("relcl", "acl", "advcl", "ccomp", "punct", "appos", "det", "cc")
# Kinds of unnamed forces that a verb can move or give like a thing ("deployed a battalion", "sent 500 soldiers")
MOVED_KINDS = frozenset({"generic_force", "counted_group"})


class PredicateMatcher:
    """Finds lexicon predicates in a sentence and resolves their arguments to actors."""

    def __init__(self, lexicon: Lexicon, resolver: ArgumentResolver):
        self.lexicon = lexicon
        self.grammar = lexicon.grammar
        self.ontology = lexicon.ontology
        self.intent = lexicon.intent
        self.resolver = resolver
        self.symmetric = lexicon.ontology.symmetric
        self.violent = lexicon.ontology.names(violent=True)
        self.opposed = lexicon.ontology.names(opposed=True)
        self.verbal = lexicon.ontology.names(verbal=True)
        self.decreed = lexicon.ontology.names(decreed=True)
        # nouns of saying whose "from" phrase names who says it
        self._voiced_nouns = self.grammar.appeal_nouns | self.grammar.voiced_nouns
        self.material_cooperation = lexicon.ontology.names(stance="cooperative", verbal=False)
        self.about_acts = self.verbal | lexicon.ontology.names(about_acts=True)
        self.protests = lexicon.ontology.names(about_acts=True) - self.verbal  # done about acts, not said
        self.requests = frozenset(("REQUEST",))  # verbs whose "on"/"to" phrase names the one asked
        # deeds a partner in an adjunct shares (reading.partners): events, not words, not a tie itself
        self.deeds = lexicon.ontology.names(kind="event") - self.verbal - {"COOPERATE"}
        self.place_relations = lexicon.ontology.names(place_object=True)
        # a violent act's cause is no circumstance to look for its target through ("fighting for their freedom")
        self.violent_adjunct = lexicon.grammar.prepositions.adjunct | lexicon.grammar.prepositions.cause
        self.reporting_verbs = lexicon.reporting_cues.verbs
        self.doc = resolver.doc
        self.parse = resolver.table.parse
        # one predicate is tried against several lexicon entries, each asking about its subtree again
        self._nominals: dict[int, list[Token]] = {}
        self._words: dict[int, frozenset[str]] = {}
        self._theme_words: dict[int, frozenset[str]] = {}

    # -- the parse -----------------------------------------------------------------------------
    def is_passive(self, verb: Token) -> bool:
        parse = self.parse
        children = parse.children[verb.i]
        # "remain accused of", "stand accused of", "Backed by X, ...": a participle complement or adverbial is
        # passive too
        return any(parse.dep[c] in ("auxpass", "nsubjpass", "csubjpass") for c in children) or (
            parse.tag[verb.i] == "VBN" and parse.dep[verb.i] in ("acl", "acomp", "oprd", "advcl")
            and not any(parse.dep[c] in ("aux", "nsubj") for c in children) and not parse.misread_main_verb(verb.i)) or \
            parse.hyphen_participle(verb.i)

    def _particle_ok(self, verb: Token, particle: str | None) -> bool:
        if not particle:
            return True
        parse = self.parse
        return any(parse.lower[c] == particle for c in parse.children[verb.i]
                   if parse.dep[c] in ("prt", "advmod", "prep", "dobj"))

    def pobjs(self, head: Token, preps) -> list[Token]:
        """Objects of the given prepositions (a collection of words) under `head`."""
        parse, doc = self.parse, self.doc
        dep, children = parse.dep, parse.children
        out = []
        # (and of a particle's: "handed the town back to the military", where the parser hangs "to" on "back")
        particles = [c for c in children[head.i] if dep[c] == "prt" or dep[c] in ("advmod", "prep") and parse.lower[c] in
                     self.grammar.particles]
        for child in [*children[head.i], *(c for p in particles for c in children[p])]:
            if dep[child] in ("prep", "agent", "dative") and parse.lower[child] in preps:
                # "fired rockets at soldiers (near the temple) and at civilians": the same preposition
                # coordinated with it, or with a phrase on its object, is its too
                word = parse.lower[child]
                inner = [q for p in children[child] if dep[p] == "pobj" for q in children[p] if dep[q] == "prep"]
                also = [c for prep in (child, *inner) for c in children[prep]
                        if dep[c] == "conj" and parse.lower[c] == word]
                for p in (p for prep in (child, *also) for p in children[prep]):
                    if dep[p] == "pobj":
                        out.append(doc[p])
                    elif dep[p] == "pcomp":
                        # "ties with Bedouin tribes going back years": the parser makes the noun the subject
                        # of a participle hanging off the preposition; the noun is the object
                        subjects = [doc[s] for s in children[p] if dep[s] == "nsubj"
                                    and parse.pos[s] in ("NOUN", "PROPN")]
                        out.extend(subjects if parse.tag[p] == "VBG" and subjects else [doc[p]])
        return out

    def noun_agents(self, noun: Token) -> list[Token]:
        """The objects of a noun predicate's "by" phrase, also where the parser hung it on the active verb
        whose object the noun is ("protests the assault by Chinese forces on fishermen"): an active verb's
        "by" phrase naming a noun is no agent of the verb's own."""
        agent = tuple(self.grammar.prepositions.agent)
        found = self.pobjs(noun, agent)
        head = noun.head
        if not found and noun.dep_ == "dobj" and head.pos_ == "VERB" and not self.is_passive(head):
            found = [p for p in self.pobjs(head, agent) if p.i > noun.i and p.pos_ in ("NOUN", "PROPN")]
        if not found:
            # "the detention of 11 journalists by police", "the signing of the plan by X and Y": the parser hangs the
            # agent on what the act is done to
            found = [p for o in self.pobjs(noun, (self.grammar.of,)) for p in self.pobjs(o, agent)]
        if not found and noun.lemma_.lower() in self._voiced_nouns:
            # "calls from ASEAN", "accusations from opposition lawmakers that ..."
            found = self.pobjs(noun, tuple(self.grammar.prepositions.event_source))
        return found

    def names_beneficiary(self, noun: Token) -> bool:
        """Whether an adjunct noun of help says whom the act is for, not who helps ("deployed a battalion in support of
        the government", grammar.yaml `beneficiary_prepositions`; "with the support of X" names the helper)."""
        return noun.dep_ == "pobj" and noun.head.lower_ in self.grammar.beneficiary_prepositions

    def _subtree_nominals(self, token: Token) -> list[Token]:
        """Nouns and pronouns of the word's subtree, in its order (a list kept: do not change it)."""
        found = self._nominals.get(token.i)
        if found is None:
            pos = self.parse.pos
            found = self._nominals[token.i] = [self.doc[i] for i in self.parse.subtree(token.i)
                                               if pos[i] in ("NOUN", "PROPN", "PRON")]
        return found

    def _complement_chain(self, token: Token, steps: int) -> Iterator[Token]:
        """The word, then the words it is a complement or conjunct of (xcomp, ccomp, conj), up to
        `steps` words in all: the verbs whose refusal, threat or intent reaches it. A verb of saying ends it: what
        it reports is not what is intended around it ("would like to inform the public that its troops killed ...")."""
        for _ in range(steps):
            yield token
            if token.dep_ not in ("xcomp", "ccomp", "conj") or token.head.i == token.i:
                return
            reported = token.dep_ == "ccomp" and self.parse.lemma[token.head.i] in self.reporting_verbs
            token = token.head
            if reported:
                yield token
                return

    def refusal(self, predicate: Token) -> str | None:
        """How a cooperative act is declined: "negation" ('would not meet', 'won't sign'), "verb"
        ('refused to lift', 'failed to reach'), or None. A plain negation ('did not arm') denies
        the act; it declines nothing."""
        intent = self.intent
        for token in self._complement_chain(predicate, 4):
            if token.i != predicate.i and token.lemma_.lower() in intent.refusals:
                # negated or not: "did not refuse to talk" is a REJECT denied; a refusing verb that also
                # negates the act ("refused to meet": the meeting did not happen) is "negating verb"
                return "negating verb" if token.lemma_.lower() in self.lexicon.hedging.negation_verbs else "verb"
            children = list(token.children)
            if any(c.dep_ == "neg" for c in children):
                return "negation" if any(c.dep_ == "aux" and c.lower_ in intent.refusal_auxiliaries
                                         for c in children) else None
        return None

    def is_conditional(self, predicate: Token, marks: frozenset[str] | None = None) -> bool:
        """'... will withdraw unless X ...': an act made conditional on the other side is a threat."""
        marks = marks or self.intent.conditions
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
                   for c in predicate.children)

    def governor(self, predicate: Token) -> Token:
        """The verb carrying tense and modality: a noun predicate's light verb ("would tighten the blockade"),
        not any verb it hangs on: in "would violate an embargo on X" and "will defend its ally in its battle
        against Y" the embargo and the battle are not what is promised."""
        if predicate.pos_ in ("NOUN", "PROPN") and predicate.dep_ in ("dobj", "pobj", "nsubjpass"):
            head = predicate.head.head if predicate.dep_ == "pobj" else predicate.head
            if head.pos_ in ("VERB", "AUX") and self.parse.lemma[head.i] in self.lexicon.governing_verbs:
                return head
        return predicate

    def is_threat(self, predicate: Token, verbs: frozenset[str] | None = None) -> bool:
        """'threatened to break off relations', 'vowed to crush X': the act is threatened."""
        return self.intent_verb(predicate, self.intent.threats if verbs is None else verbs) is not None

    def deployment_for(self, predicate: Token) -> Token | None:
        """The deploying verb an act is the infinitive aim of ("deployed troops to Tibú to confront X"): a verb
        with a MOBILIZE entry in the lexicon, the act an adverbial or complement infinitive under it, or a verb
        joined to one ("to encircle Soyapango and hunt down members of MS-13")."""
        while predicate.dep_ == "conj" and predicate.head.pos_ == "VERB" and predicate.head.i < predicate.i:
            predicate = predicate.head
        head = predicate.head
        if predicate.dep_ not in ("advcl", "xcomp") or predicate.pos_ != "VERB" or not any(
                c.dep_ == "aux" and c.lower_ == self.grammar.infinitive_marker for c in predicate.children):
            return None
        mobilizing = head.pos_ == "VERB" and any(spec.relation == "MOBILIZE" for spec in self.lookup(
            self.lexicon.verbs, self.parse.lemma[head.i], head.lower_))
        return head if mobilizing else None

    def intent_verb(self, predicate: Token, verbs: frozenset[str]) -> Token | None:
        """The verb of `verbs` the act is a complement of ('threatened' in 'threatened to attack X'), if any:
        a claim read off the act speaks of that verb, whose own polarity and certainty it takes."""
        governor = self.governor(predicate)
        return next((token for token in self._complement_chain(governor, 4)
                     if token.i != governor.i and token.lemma_.lower() in verbs), None)

    def is_intent(self, predicate: Token) -> bool:
        """A promised or intended act: "will provide", "agreed to withdraw", "is ready to send"."""
        intent = self.intent
        predicate = self.governor(predicate)
        chain = list(self._complement_chain(predicate, 4))
        if any(token.lemma_.lower() in intent.ongoing for token in chain if token.i != predicate.i):
            return False  # "will continue working with X": the work goes on
        for token in chain:
            if any(c.dep_ == "aux" and c.lower_ in intent.auxiliaries for c in token.children):
                return True
            if token.i != predicate.i and token.lemma_.lower() in intent.verbs:
                return True
            if token.lemma_.lower() in intent.adjectives:
                return True
        return False

    # -- subjects ------------------------------------------------------------------------------
    def subjects(self, verb: Token, depth: int = 0) -> list[list[str]]:
        """Actors doing what `verb` says: the first subject rule (VERB_SUBJECT_RULES) that answers."""
        if depth > 5:
            return []
        passive = self.is_passive(verb)
        for rule in _VERB_SUBJECTS:
            found = rule.read(self, verb, depth, passive)
            if found is not None:
                return self._without_otherwise_described(verb, found)
        return []

    def _without_otherwise_described(self, modifier: Token, found: list[list[str]]) -> list[list[str]]:
        """What a modifier of a noun says is said of the noun's conjuncts too ("soldiers and police deployed to
        X"), but not of a conjunct with a description of its own: in "forces affiliated with X and units loyal to Y"
        "affiliated" describes the forces, "loyal" the units."""
        parse = self.parse
        if parse.dep[modifier.i] not in ("acl", "relcl", "amod") or len(found) < 2:
            return found
        noun = parse.head[modifier.i]
        described = [i for i in parse.conjuncts(noun) if any(
            parse.dep[c] in ("acl", "relcl") or parse.dep[c] == "amod" and parse.children[c]
            for c in parse.children[i])]
        apart = {key for i in described if (key := self.resolver.first(self.doc[i])) is not None}
        apart.discard(self.resolver.first(self.doc[noun]))
        return [slot for slot in found if slot[0] not in apart] if apart else found

    def noun_subjects(self, noun: Token) -> tuple[list[list[str]], list[list[str]]]:
        """(subjects, objects from 'between') of a noun predicate."""
        subjects: list[list[str]] = []
        for rule in _NOUN_SUBJECTS:
            found = rule.read(self, noun)
            if found is not None:
                subjects = found
                break
        between: list[list[str]] = []
        for rule in _NOUN_SIDES:
            between.extend(rule.read(self, noun) or ())
        return subjects, between

    def adjective_subjects(self, adjective: Token) -> list[list[str]]:
        """Who an adjective predicate is said of: the subject of its copula ("X is critical of Y", "While
        critical of Y, X warned"), or the noun it describes ("videos critical of Y": who posts them)."""
        parse, doc = self.parse, self.doc
        h = parse.head[adjective.i]
        if h == adjective.i:
            return self.subjects(adjective)
        head = doc[h]
        if parse.dep[adjective.i] == "amod" or (parse.dep[adjective.i] == "acl" and parse.pos[h] == "NOUN"):
            found = self._without_otherwise_described(adjective, self.resolver.resolve(head))
            if not found and parse.dep[h] == "dobj" and parse.pos[parse.head[h]] == "VERB":
                found = self.subjects(head.head)
            return found
        if parse.pos[h] in ("VERB", "AUX"):
            return self.subjects(head)
        return []

    # -- themes and modes ----------------------------------------------------------------------
    def themes(self, predicate: Token, own: set[str] | None = None) -> list[Token]:
        """Words naming what is given or done: object, instrument and purpose nouns (not actors)."""
        out: list[Token] = []
        resolve, actor_at = self.resolver.resolve, self.resolver.table.actor_at_index
        preps = self.grammar.prepositions
        own = set(own or ())  # "strengthened its forces": the subject's own forces are what is moved
        actors, kinds = self.resolver.table.actors, self.lexicon.actor_kinds
        # "deployed a battalion against X", "sent 500 soldiers": unnamed forces are moved as things are given
        resolved = {t.i for t in self._subtree_nominals(predicate)
                    if (found := {k for s in resolve(t) for k in s}) and not found <= own
                    and not (kinds.get(t.lemma_) == "generic_force"
                             and all(actors[k].actor_kind in MOVED_KINDS for k in found))}

        def is_actor(i: int) -> bool:  # i lies in the predicate's subtree; named actors are fixed by now
            return i in resolved or actor_at(i) is not None

        if predicate.dep_ == "relcl" and predicate.head.pos_ == "NOUN" and not is_actor(predicate.head.i) and not any(
                c.dep_ in ("dobj", "nsubjpass") for c in predicate.children):
            # "the weapons it has delivered to the rebels": the noun the clause hangs on is its verb's object
            out.append(predicate.head)
            out.extend(predicate.head.conjuncts)
        for child in predicate.children:
            dep = child.dep_
            if dep == "dobj" and child.lower_ in self.grammar.relative_pronouns and predicate.dep_ == "relcl":
                child = predicate.head  # "the drones that Iran launched at Israel": what "that" stands for
            if dep in ("dobj", "attr", "oprd", "nsubjpass"):
                if not is_actor(child.i):
                    out.append(child)
                    out.extend(child.conjuncts)
                    # "suspended part of its aid": what the share is of
                    if child.lemma_ in self.grammar.quantifier_nouns:
                        out.extend(p for p in self.pobjs(child, (self.grammar.of,)) if not is_actor(p.i))
                # "warned South Korea of retaliation": the parser hangs the theme on the actor object
                out.extend(p for p in self.pobjs(child, preps.object_theme) if not is_actor(p.i))
            elif dep in ("prep", "agent") and child.lower_ in preps.theme:
                for pobj in child.children:
                    # "the deployment of troops": what a noun's "of" names is moved or given, unless it is named
                    if pobj.dep_ == "pobj" and (not is_actor(pobj.i) or predicate.pos_ == "NOUN" and child.lower_ ==
                                                self.grammar.of and actor_at(pobj.i) is None):
                        out.append(pobj)
                        out.extend(pobj.conjuncts)
            elif dep in ("xcomp", "advcl", "ccomp") and child.pos_ == "VERB":
                out.append(child)
        return out

    def modes(self, relation: str, predicate: Token, themes: list[Token]) -> list[tuple[str, Token]]:
        table = self.lexicon.modes.get(relation) or {}
        found: list[tuple[str, Token]] = []
        for theme in themes:
            words = self._theme_words.get(theme.i)
            if words is None:
                parse = self.parse
                words = self._theme_words[theme.i] = frozenset(
                    {parse.lemma[theme.i], parse.lower[theme.i]}
                    | {parse.lemma[c] for c in parse.children[theme.i]
                       if parse.dep[c] in ("amod", "compound", "nmod", "npadvmod")})
            for mode, vocabulary in table.items():
                if not words.isdisjoint(vocabulary) and mode not in (m for m, _ in found):
                    found.append((mode, theme))
                    break
        return found

    def _theme_is_complement(self, predicate: Token, words: tuple[str, ...]) -> bool:
        """Whether one of the words is the predicate's complement, or a modifier of it ("called Israel a terrorist
        state"), or stands in its object's phrase ("held X responsible", "holds X fully responsible", which the parser
        makes a clause of its own, "holds the groups backed by Iran responsible", where it hangs the word on the
        object's last noun)."""
        parse = self.parse
        objects = [c for c in parse.children[predicate.i] if parse.dep[c] == "dobj"]
        complements = [c for c in parse.children[predicate.i] if parse.dep[c] in ("oprd", "acomp", "ccomp", "xcomp")]
        return any(parse.lemma[w] in words or parse.lower[w] in words for w in (
            *complements, *(m for c in complements for m in parse.children[c] if parse.dep[m] in ("amod", "compound")),
            *(w for o in objects for w in parse.descendants(o))))

    def _theme_unowned(self, predicate: Token, words: tuple[str, ...]) -> bool:
        """Whether one of the words in the predicate's phrase names no other side as its owner or doer ("more attacks
        would follow", "will be attacked by our air force"; not "Hezbollah attacks", "attacks by Hezbollah")."""
        parse, table = self.parse, self.resolver.table
        actors = table.actors

        def side(actor) -> set[str]:
            return {actor.key, actor.parent_hint} - {None}

        own = {k for c in parse.children[predicate.i] if parse.dep[c] == "nsubj" for slot in self.resolver.resolve(
            self.doc[c]) for key in slot for k in side(actors[key])}
        for w in parse.descendants(predicate.i):
            if parse.lemma[w] not in words and parse.lower[w] not in words:
                continue
            owners = [c for c in parse.children[w] if parse.dep[c] in ("compound", "poss", "amod", "nmod")]
            owners += [p for c in parse.children[w] if parse.dep[c] in ("prep", "agent") and parse.lower[c] == "by"
                       for p in parse.children[c] if parse.dep[p] == "pobj"]
            if not any((a := table.actor_at_index(o)) is not None and not side(a) & own for o in owners):
                return True
        return False

    def _has_theme_word(self, predicate: Token, words: tuple[str, ...]) -> bool:
        if not words:
            return True
        lemmas = self._words.get(predicate.i)
        if lemmas is None:
            parse = self.parse
            # (not a verb coordinated with it: "met the mediator but rejected the bloc's demand" meets no demand)
            subtree = [predicate.i]
            for word in subtree:
                subtree.extend(c for c in parse.children[word] if not (
                    word == predicate.i and parse.dep[c] == "conj" and parse.pos[c] in ("VERB", "AUX")))
            # a participle's noun is its object ("hostages held by Hamas", "the curfew imposed on Juba")
            noun = (parse.head[predicate.i],) if parse.dep[predicate.i] == "acl" and parse.tag[predicate.i] == "VBN" else ()
            lemmas = self._words[predicate.i] = frozenset(
                {parse.lemma[i] for i in subtree} | {parse.lower[i] for i in subtree}
                | {parse.lower[c] for c in parse.children[predicate.i]}
                | {parse.lemma[i] for i in noun} | {parse.lower[i] for i in noun})
        return not lemmas.isdisjoint(words)

    # -- objects -------------------------------------------------------------------------------
    def objects(self, predicate: Token, spec: Predicate) -> list[list[str]]:
        """Actors the act is done to: the slots the lexicon entry lists, each read by its object rule
        (OBJECT_SLOT_RULES), then the fallbacks (OBJECT_FALLBACK_RULES)."""
        passive = self.parse.pos[predicate.i] == "VERB" and self.is_passive(predicate)
        seen_object = False  # an object that is a thing ("cracked down on the tunnels") blocks the fallback
        for slot in spec.object:
            rule = _OBJECT_SLOTS.get(slot, _OBJECT_PREPOSITION)
            found, saw_words = rule.read(self, predicate, spec, passive, slot)
            if found:
                return found
            seen_object = seen_object or saw_words
        if spec.no_fallback:
            return []
        for rule in _OBJECT_FALLBACKS:
            found = rule.read(self, predicate, spec, seen_object)
            if found is not None:
                return found
        return []

    def _reciprocal_object(self, predicate: Token) -> bool:
        """Whether the predicate's object, or the object of a preposition on it, is "each other" or "one another"."""
        parse, reciprocals = self.parse, self.grammar.reciprocals
        words = [c for c in parse.children[predicate.i] if parse.dep[c] == "dobj"]
        words += [p for c in parse.children[predicate.i] if parse.dep[c] == "prep"
                  for p in parse.children[c] if parse.dep[p] == "pobj"]
        lower, n = parse.lower, len(parse.lower)
        # (the parser takes either word for the head: "each" + "other", "one" + "another")
        return any(first > 0 and reciprocals.get(lower[first]) == lower[first - 1] for w in words
                   for first in (w, w + 1) if first < n)

    def _each_and_the_other(self, predicate: Token) -> list[list[str]]:
        """"X and Y agreed to a truce, but each side accused the other of violating it": the two sides the sentence
        names together before the verb whose subject is "each (side)" and whose object is "the other"."""
        parse, reciprocals = self.parse, self.grammar.reciprocals
        subject = next((c for c in parse.children[predicate.i] if parse.dep[c] == "nsubj"), None)
        obj = next((c for c in parse.children[predicate.i] if parse.dep[c] == "dobj"), None)
        if subject is None or obj is None or parse.lower[obj] not in reciprocals:
            return []
        each = reciprocals[parse.lower[obj]]
        if parse.lower[subject] != each and not any(parse.dep[c] == "det" and parse.lower[c] == each
                                                     for c in parse.children[subject]):
            return []
        for i in range(predicate.sent.start, predicate.i):
            if parse.dep[i] in ("nsubj", "nsubjpass") and i != subject:
                sides = [slot for slot in self.resolver.resolve(self.doc[i]) if slot]
                if len(sides) == 2:
                    return sides
        return []

    def verb_of(self, verb: Token, relations: frozenset[str]) -> bool:
        """Whether a word is a lexicon verb of one of the relations."""
        return any(spec.relation in relations
                   for spec in self.lookup(self.lexicon.verbs, self.parse.lemma[verb.i], verb.lower_))

    def act_on_another(self, noun: Token) -> bool:
        """Whether a noun names an act done to the actor of its "of", "on" or "against" phrase: a hostile
        noun of the lexicon ("the killing of X", "the attack on X") or a grammar `patient_nouns` word ("the
        arrest of X")."""
        parse = self.parse
        if parse.pos[noun.i] not in ("NOUN", "VERB") or parse.ent_type[noun.i]:
            return False
        lemma, lower = parse.lemma[noun.i], parse.lower[noun.i]
        return lemma in self.grammar.patient_nouns or lower in self.grammar.patient_nouns or any(
            spec.relation in self.opposed for spec in self.lookup(self.lexicon.nouns, lemma, lower))

    def np_actors(self, token: Token) -> list[list[str]]:
        """The first actor inside a noun phrase that is not itself an actor ("Recent US Predator attacks",
        "a camp for Congolese refugees", "proposed Israeli changes"), not entering clauses."""
        parse = self.parse
        dep, pos, children = parse.dep, parse.pos, parse.children
        if pos[token.i] not in ("NOUN", "PROPN", "NUM") or parse.lemma[token.i] in self.grammar.commemoration_nouns:
            return []  # "a memorial ceremony for X": X is whom it honours
        owners = self.grammar.prepositions.noun_actor
        queue = [c for c in children[token.i] if dep[c] not in _NP_EDGE_DEPS]
        for acl in (c for c in children[token.i] if dep[c] == "acl" and parse.tag[c] == "VBN"
                    and parse.lower[c] not in self.grammar.brokering_participles):
            queue.extend(a for a in children[acl] if dep[a] == "agent")
        seen = 0
        while queue and seen < 12:
            child = queue.pop(0)
            seen += 1
            if dep[child] == "pobj" and parse.lower[parse.head[child]] not in owners:
                continue
            table, noun = self.resolver.table, parse.lemma[parse.head[child]]
            venue = noun in self.grammar.venue_nouns or noun in table.facility_names or noun in table.not_actors
            if dep[child] in ("compound", "nmod", "amod") and venue and table.is_place_name(child):
                # "withdrew from the Paris accord", "violated the Minsk agreements", "bombed Asmara airport": where,
                # not who
                continue
            if self.resolver.table.actor_at_index(child) is not None or pos[child] in ("NOUN", "PROPN"):
                found = self.resolver.resolve(self.doc[child])
                if not found and parse.head[child] == token.i and parse.lemma[token.i] not in self.lexicon.actor_kinds:
                    found = self.resolver.modifying_force(self.doc[child])  # "a government order": the government
                if found:  # with the words coordinated with it ("travel from India, Bangladesh and Sri Lanka")
                    return found
            if pos[child] in ("VERB", "AUX", "ADJ"):
                continue  # "hackers capable of launching attacks on X": X is not the hackers' owner
            queue.extend(c for c in children[child] if dep[c] not in _NP_EDGE_DEPS and dep[c] != "conj")
            # "crimes committed by X": the agent of a participle names who did it
            for acl in (c for c in children[child] if dep[c] == "acl" and parse.tag[c] == "VBN"):
                queue.extend(a for a in children[acl] if dep[a] == "agent")
        return []

    # -- matching ------------------------------------------------------------------------------
    def match_sentence(self, sent) -> list[RawClaim]:
        """Every claim of the sentence: its predicates' claims, then their readings (CLAIM_READING_RULES,
        SENTENCE_READING_RULES)."""
        claims: list[RawClaim] = []
        parse = self.parse
        for i in range(sent.start, sent.end):  # only a word found in the lexicon becomes a Token
            token = None
            pos, lemma, lower = parse.pos[i], parse.lemma[i], parse.lower[i]
            if pos in ("VERB", "AUX") or (pos == "NOUN" and parse.tag[i] == "VBG"):
                for spec in self.lookup(self.lexicon.verbs, lemma, lower):
                    token = self.doc[i] if token is None else token
                    claims.extend(self._match(token, spec))
            if pos == "ADJ":
                for spec in self.lookup(self.lexicon.adjectives, lemma, lower):
                    token = self.doc[i] if token is None else token
                    claims.extend(self._match(token, spec))
            if pos in ("NOUN", "PROPN") and not parse.ent_type[i]:
                for spec in self.lookup(self.lexicon.nouns, lemma, lower):
                    token = self.doc[i] if token is None else token
                    claims.extend(self._match(token, spec))
            elif self.is_gerund_noun(i):
                # "Fighting between rebels and troops displaced thousands": an -ing form standing as a noun
                # is read as the lexicon's noun ("fighting"), with the noun's sides
                for spec in self.lookup(self.lexicon.nouns, lower, lower):
                    token = self.doc[i] if token is None else token
                    claims.extend(self._match(token, spec))
        read: list[RawClaim] = []
        for claim in claims:
            for rule in _CLAIM_READINGS:
                found = rule.read(self, claim)
                if found is not None:
                    read.append(found)
                    if rule.final:
                        break
        for rule in _SENTENCE_READINGS:
            read.extend(rule.read(self, sent, claims))
        # a threatened act is not done: "threatened to attack X" is THREATEN (read above), not ASSAULT
        hostile = self.intent.hostile
        # (nor is a fight that forces are deployed to fight: the deployment is, read above)
        # (nor is an attack promised: "would not hesitate to strike X", "the army will crush them": THREATEN, read
        # above; a policy announced, "said it would cease aid to X", is decided)
        claims = [c for c in claims if c.relation not in hostile or c.relation == "THREATEN" or not (
            self.is_threat(c.predicate) or c.relation not in self.verbal and c.relation not in self.decreed
            and self.is_intent(c.predicate) or c.relation in self.violent and self.deployment_for(c.predicate))]
        # (nor is a cooperative act promised: "will provide aid to X" is the promise, AGREE, read above)
        promised = {(r.subject, r.object, r.attributes.get("intent")) for r in read if r.rule == "reading:intent"}
        claims = [c for c in claims if (c.subject, c.object, c.relation) not in promised]
        return claims + read

    def _responsibility_claimed(self, predicate: Token) -> list[str]:
        """The named group that claims responsibility, naming no act, in the sentence of a violent act ("...,
        killing 21 people; ISIS-K claimed responsibility"): who did it, by its own word. Not a claim denied or
        said of no one ("no group claimed responsibility")."""
        parse, grammar = self.parse, self.grammar
        for i in range(predicate.sent.start, predicate.sent.end):
            if parse.lemma[i] not in grammar.responsibility_nouns or parse.dep[i] != "dobj":
                continue
            verb = parse.head[i]
            if parse.lemma[verb] not in grammar.responsibility_verbs or any(
                    parse.dep[c] in ("prep", "neg") for c in (*parse.children[i], *parse.children[verb])):
                continue
            for slot in self.subjects(self.doc[verb]):
                actor = self.resolver.table.actors.get(slot[0]) if len(slot) == 1 else None
                if actor is not None and actor.named and actor.type == "organization":
                    return [actor.key]
        return []

    def joined_in_act(self, predicate: Token) -> bool:
        """Whether a verb names the act it is done in ("joined U.S. aircraft in a second round of strikes",
        "joined government forces in driving the militants out"): an -ing verb or an act noun of the lexicon."""
        parse = self.parse
        for prep in parse.children[predicate.i]:
            if parse.dep[prep] != "prep" or parse.lower[prep] not in self.grammar.prepositions.joint_act:
                continue
            for act in parse.children[prep]:
                said = {spec.relation for spec in self.lookup(self.lexicon.verbs, parse.lemma[act], parse.lower[act])}
                if said and said <= self.verbal:
                    continue  # "joined the U.S. in condemning the attack": words, not a deed done together
                if parse.dep[act] == "pcomp" or parse.dep[act] == "pobj" and (
                        parse.tag[act] == "VBG" or self.lookup(self.lexicon.nouns, parse.lemma[act], parse.lower[act])
                        or any(parse.dep[c] == "prep" and parse.lower[c] == self.grammar.of and any(
                            self.lookup(self.lexicon.nouns, parse.lemma[p], parse.lower[p])
                            for p in parse.children[c]) for c in parse.children[act])):
                    return True  # ("in a second round of strikes": the act is the round's)
        return False

    def frees_in_raid(self, predicate: Token) -> bool:
        """Whether a verb of freeing comes after a raid (grammar.yaml `raid_verbs`) by the same doer in its
        sentence: "boarded the tanker, arrested eight pirates and freed the crew", "stormed the camp, freeing 15
        hostages", "police, who stormed the house, freed him" freed someone else's captives."""
        raids = [t for t in predicate.sent if t.i < predicate.i and t.pos_ == "VERB" and t.lemma_ in self.grammar.raid_verbs]
        if not raids:
            return False
        freers = {key for slot in self.subjects(predicate) for key in slot}
        return any(key in freers for raid in raids for slot in self.subjects(raid) for key in slot)

    def is_gerund_noun(self, i: int) -> bool:
        """Whether the word is an -ing verb the parser made a noun phrase's head: a subject, object or
        prepositional object with no subject or object of its own ("Fighting between X and Y displaced ...",
        "displaced by fighting between X and Y")."""
        parse = self.parse
        return parse.pos[i] == "VERB" and parse.tag[i] == "VBG" and \
            parse.dep[i] in ("nsubj", "nsubjpass", "dobj", "pobj", "pcomp") and \
            not any(parse.dep[c] in ("nsubj", "nsubjpass", "dobj", "aux") for c in parse.children[i])

    def lookup(self, table: dict, lemma: str, lower: str) -> list:
        """Lexicon entries for a word by (lowercased) lemma, else by a plain suffix-stripped form: the small
        model's lemmatizer errs on inflections ("staged" -> "stag")."""
        found = table.get(lemma)
        if found:
            return found
        for candidate in self.grammar.base_forms(lower):
            found = table.get(candidate)
            if found:
                return found
        for ending, lexicon_ending in self.grammar.spellings:
            if lemma.endswith(ending):
                found = table.get(lemma[: -len(ending)] + lexicon_ending)
                if found:
                    return found
        return []

    def _places(self, predicate: Token) -> set[str]:
        """Actors that are only where the act happened: places, and what a locative phrase on it names."""
        table = self.resolver.table
        found = {key for key, actor in table.actors.items() if actor.type == "location"}
        # "held a summit in Russia": the place may hang on the verb's object
        heads = [predicate, *(c for c in predicate.children if c.dep_ == "dobj")]
        for prep in (c for head in heads for c in head.children):
            if prep.dep_ == "prep" and (prep.lower_ in self.grammar.prepositions.locative
                                        or prep.lower_ in self.grammar.prepositions.venue):
                # "at a hotel in central Somalia": one step further, as place_object goes
                found.update(key for pobj in prep.children if pobj.dep_ == "pobj"
                             for word in (pobj, *self.pobjs(pobj, self.grammar.prepositions.place_within))
                             for slot in self.resolver.resolve(word) for key in slot[:1])
        return found

    def _match(self, predicate: Token, spec: Predicate) -> list[RawClaim]:
        """The claims of one lexicon entry at one word; none where the rules, following a pathological parse
        from clause to clause, would not end (the rest of the sentence is still read)."""
        try:
            return self._read(predicate, spec)
        except RecursionError:
            return []

    def _read(self, predicate: Token, spec: Predicate) -> list[RawClaim]:
        """The claims of one lexicon entry at one word: its subjects and objects paired, with modes."""
        if not self._particle_ok(predicate, spec.particle) or (
                spec.passive_only and not self.is_passive(predicate)):
            return []
        if spec.relation in self.violent and predicate.pos_ == "VERB" and struck_explosive(self, predicate):
            return []
        parse = self.parse
        if spec.needs_plural and parse.tag[predicate.i] not in ("NNS", "NNPS"):
            return []
        if spec.needs_infinitive and not any(
                parse.dep[c] in ("xcomp", "advcl") and any(parse.dep[a] == "aux" and parse.lower[a] == self.grammar.infinitive_marker
                                                for a in parse.children[c]) for c in parse.children[predicate.i]):
            return []  # "told X to leave" asks; "told X that ..." informs
        if spec.joint_act is not None and spec.joint_act != self.joined_in_act(predicate):
            return []
        if spec.not_rescue and self.frees_in_raid(predicate):
            return []
        if spec.not_question and any(parse.lower[m] in self.grammar.question_marks and parse.dep[m] == "mark"
                                     for c in parse.children[predicate.i] for m in parse.children[c]):
            return []
        if not self._has_theme_word(predicate, spec.needs_theme_word) or (
                spec.not_theme_word and self._has_theme_word(predicate, spec.not_theme_word)) or (
                spec.theme_complement and not self._theme_is_complement(predicate, spec.needs_theme_word)) or (
                spec.own_theme and not self._theme_unowned(predicate, spec.needs_theme_word)):
            return []
        if spec.pos == "adjective":
            subjects, between = self.adjective_subjects(predicate), []
        elif spec.pos == "verb" and parse.pos[predicate.i] in ("VERB", "AUX"):
            subjects = self.subjects(predicate)
            if not subjects and spec.needs_object_prep and not spec.passive_theme and self.is_passive(predicate) \
                    and not any(parse.dep[c] == "agent" for c in parse.children[predicate.i]):
                # "Israel is opposed to X": an adjectival passive whose subject is the actor
                subjects = [s for c in predicate.children if c.dep_ in PASSIVE_SUBJECT_DEPS
                            for s in self.resolver.resolve(c)]
                if spec.passive_only and parse.dep[predicate.i] == "acl":  # "militants linked with the BLA"
                    subjects = subjects or self._without_otherwise_described(
                        predicate, self.resolver.resolve(predicate.head))
            between: list[list[str]] = []
        elif spec.agent_noun:  # "their captors": the noun is the actor doing it
            subjects, between = self.resolver.resolve(predicate), []
        else:
            subjects, between = self.noun_subjects(predicate)
        objects = self.objects(predicate, spec)
        mutual = spec.mutual
        together: list[list[str]] = []  # the parties of one list, split into its first and the rest
        if between:
            if len(between) >= 2 and not spec.mediator:
                mutual = mutual or spec.mutual_between
                # "cooperation between X and Y" pairs X and Y even under "Z welcomed ..."
                subjects, objects = between[:1], objects or between[1:]
            elif subjects:
                objects = objects or between
            elif len(between) >= 2:
                subjects, objects = between[:1], objects or between[1:]
            else:
                objects = objects or between
            if len(between) >= 2 and subjects == between[:1] and all(o in between for o in objects):
                together = between  # the parties the "between" phrase lists
        sides = self._each_and_the_other(predicate)
        if sides:
            subjects, objects, mutual = sides[:1], sides[1:2], True  # "each side accused the other"
        claimer = []
        if spec.relation in self.violent and not between and not any(
                self.resolver.table.actors[key].named for slot in subjects for key in slot):
            claimer = self._responsibility_claimed(predicate)
            if claimer and not subjects:  # "12 people were killed in a bombing, and Boko Haram claimed responsibility"
                subjects, claimer = [claimer], []
        if spec.pos == "noun" and spec.needs_subject and not subjects:
            return []
        if not subjects and spec.relation in self.symmetric and "between" in spec.object and len(objects) >= 2:
            together = objects
            subjects, objects = objects[:1], objects[1:]  # "the ceasefire agreed between X and Y": X and Y agree
        if not subjects:
            return []
        relation = spec.relation
        if not objects and len(subjects) == 1 and spec.mutual and relation in self.violent:
            # "Ngok Dinka and Misseriya herders clashed": one noun, two sides
            named = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
            subjects = (self.resolver.coordinated_sides(named) if named is not None else []) or subjects
        if not objects and len(subjects) >= 2 and self._reciprocal_object(predicate) and not spec.no_subject_pairing:
            subjects, objects, mutual = subjects[:1], subjects[1:], True  # "X and Y blamed each other"
        if not objects and (relation in self.symmetric or spec.mutual) and len(subjects) >= 2 \
                and not spec.no_subject_pairing:
            together = subjects
            subjects, objects = subjects[:1], subjects[1:]
        # "X and Y clashed (in Gaza, in Nairobi)": the two subjects are the sides; a place is where it happened
        # (a meeting's place stays its counterpart, as PLOVER codes "met in Amman")
        # (and "X and Y met / held talks in Amman": the two subjects are the parties, Amman where they met)
        if len(subjects) >= 2 and not spec.no_subject_pairing and (relation in self.symmetric or (
                spec.mutual and not any(c.dep_ in ("dobj", "dative") for c in predicate.children))) \
                and all(slot[0] in self._places(predicate) for slot in objects if slot):
            together = subjects
            subjects, objects = subjects[:1], subjects[1:]
        # "X and Y agreed to strengthen deterrence (against Z)": the two subjects agree with each other;
        # what the agreed act is done to is no party to the agreement
        if relation in self.symmetric and "xcomp_object" in spec.object and len(subjects) >= 2 \
                and not spec.no_subject_pairing:
            together = subjects
            subjects, objects = subjects[:1], subjects[1:]
        if not objects:
            return []
        themes = self.themes(predicate, {k for slot in subjects for k in slot})
        if spec.object_theme_only:
            themes = [t for t in themes if any(t.i == c.i or t in c.conjuncts
                                               for c in predicate.children if c.dep_ == "dobj")]
        allowed = set(spec.themes) if spec.themes else None
        modes = [(m, t) for m, t in self.modes(relation, predicate, themes) if allowed is None or m in allowed]
        if spec.needs_theme and not modes:
            if spec.default_mode is None:
                return []
            modes = [(spec.default_mode, predicate)]
        if spec.mode:
            modes = [(spec.mode, predicate)]
        elif not modes:
            modes = [(spec.default_mode, predicate)]
        relation_modes = set(self.ontology[relation].modes)
        out: list[RawClaim] = []
        table = self.resolver.table
        slot_pairs = [(s, o) for s in subjects for o in objects]
        if relation in self.symmetric:  # "an agreement between X, Y and Z": every two of them agree, not X with each
            slot_pairs += [(a, b) for k, a in enumerate(together[1:], 1) for b in together[k + 1:]]
        for subject_slot, object_slot in slot_pairs:
            subject = subject_slot[0]
            obj = next((o for o in object_slot if o != subject), None)
            if obj is None:
                continue
            if spec.reverse:
                subject, obj = obj, subject
            if spec.object_types and table.actors[obj].type not in spec.object_types:
                continue
            if spec.needs_subject_types and table.actors[subject].type not in spec.needs_subject_types:
                continue
            if table.actors[subject].actor_kind in spec.not_subject_kinds or \
                    table.actors[obj].actor_kind in spec.not_object_kinds or \
                    (spec.not_outlet_object and table.actors[obj].kind in self.resolver.news_kinds) or \
                    (spec.object_kinds and table.actors[obj].actor_kind not in spec.object_kinds):
                continue
            for mode, theme in modes:
                pairs = [(subject, obj), (obj, subject)] if mutual else [(subject, obj)]
                for first, second in pairs:  # "X clashed with Y": both sides fight
                    out.append(RawClaim(predicate=predicate, relation=relation, subject=first, object=second,
                                        rule=f"{spec.pos}:{spec.lemma}",
                                        mode=mode if mode in relation_modes else None,
                                        themes=[t for _, t in modes if t.i != predicate.i], returned=first == obj))
        if claimer:  # "a suicide bomber killed 21 people; ISIS-K claimed responsibility": the bomber and ISIS-K
            doers = {slot[0] for slot in subjects}
            out += [replace(c, subject=claimer[0], rule=RESPONSIBILITY_CLAIMED) for c in out
                    if c.subject in doers and c.object != claimer[0]]
        return out
