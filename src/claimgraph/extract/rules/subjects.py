"""Subject rules: who does what a verb or a noun predicate says."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .registry import RULES

if TYPE_CHECKING:
    from ..predicates import PredicateMatcher

Actors = list[list[str]]
# Subject labels of an active clause (the parser's; "expl" is a dummy "there"/"it" and names no one).
ACTIVE_SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")


# -- verbs: rule(matcher, verb, depth, passive) -> actors, or None when the rule does not apply ---------------
@RULES.register("subject.active", example="Hamas attacked the convoy.")
def active_subject(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of an active verb, or the subject of a participle standing as the subject."""
    if passive:
        return None
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    for child in children[verb.i]:
        if dep[child] in ACTIVE_SUBJECT_DEPS:
            if parse.pos[child] == "VERB":  # "The Red Cross operating in Iraq said": the participle's subject
                inner = next((c for c in children[child] if dep[c] == "nsubj"), None)
                return resolve(doc[inner]) if inner is not None else []
            child = doc[child]
            return resolve(child) or m.np_actors(child)
    return None


@RULES.register("subject.passive_agent", example="The convoy was attacked by Hamas.")
def passive_agent(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The "by" agent of a passive verb; a passive without one names no actor."""
    if not passive:
        return None
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    for child in children[verb.i]:
        if dep[child] == "agent":
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    pobj = doc[pobj]
                    return resolve(pobj) or m.np_actors(pobj)
    return []


@RULES.register("subject.reported_clause", example="Israel attacked Gaza, Hamas said.")
def reported_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """Nobody, at the root or in a reported clause: the speaker is not the actor of what is reported."""
    parse = m.parse
    h = parse.head[verb.i]
    if h == verb.i or (parse.lemma[h] in m.reporting_verbs and parse.dep[verb.i] in ("ccomp", "parataxis",
                                                                                      "advcl", "conj")):
        return []
    return None


@RULES.register("subject.purpose_clause", example="The army launched an offensive to retake Mosul.")
def purpose_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of the verb whose object a purpose clause hangs on ("waged a campaign to defeat X")."""
    parse, resolve = m.parse, m.resolver.resolve
    dep, pos = parse.dep, parse.pos
    h = parse.head[verb.i]
    # (not after a coordinated verb, whose attachment the small parser often gets wrong)
    if dep[verb.i] in ("relcl", "acl") and any(dep[c] == "aux" and parse.lower[c] == m.grammar.infinitive_marker
                                               for c in parse.children[verb.i]) \
            and dep[h] == "dobj" and pos[parse.head[h]] == "VERB" and dep[parse.head[h]] != "conj" \
            and not resolve(m.doc[h]):
        return m.subjects(m.doc[h].head, depth + 1)
    return None


@RULES.register("subject.relative_clause", example="Hamas, which attacked the convoy, denied it.")
def relative_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The noun a relative clause describes."""
    if m.parse.dep[verb.i] != "relcl":
        return None
    return m.resolver.resolve(m.doc[m.parse.head[verb.i]])


@RULES.register("subject.participle", example="Fighters planting bombs were seen near the base.")
def participle(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The noun an -ing participle describes, else the subject of the verb whose object that noun is."""
    parse = m.parse
    if parse.dep[verb.i] != "acl" or parse.tag[verb.i] != "VBG":
        return None
    h = parse.head[verb.i]
    head = m.doc[h]
    found = m.resolver.resolve(head)
    if not found and parse.dep[h] == "dobj" and parse.pos[parse.head[h]] == "VERB":
        return m.subjects(head.head, depth + 1)  # "issued a declaration demanding that ..."
    return found


@RULES.register("subject.adjective_control", example="Israel is willing to withdraw from Gaza.")
def adjective_control(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of the clause whose adjective governs the infinitive ("X is ready to ...")."""
    parse = m.parse
    h = parse.head[verb.i]
    if parse.dep[verb.i] == "xcomp" and parse.pos[h] == "ADJ" and parse.dep[h] in ("acomp", "amod", "oprd") \
            and parse.head[h] != h:
        return m.subjects(m.doc[h].head, depth + 1)
    return None


@RULES.register("subject.control", example="The UN urged Hamas to release the hostages.")
def control(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The controller of an infinitive: the governing verb's object ("urged X to"), its passive subject
    ("X is believed to"), else its subject ("X continues to")."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    if parse.dep[verb.i] != "xcomp":
        return None
    dep, children = parse.dep, parse.children
    h = parse.head[verb.i]
    dobj = next((c for c in children[h] if dep[c] == "dobj"), None)
    controller = resolve(doc[dobj]) if dobj is not None else []
    if controller:
        return controller
    for child in children[h]:
        if dep[child] in PASSIVE_SUBJECT_DEPS:
            return resolve(doc[child])
    if dep[h] == "acl" and m.is_passive(doc[h]):
        # "a meeting requested by X to discuss Y": the meeting discusses, not X who asked for it
        return resolve(doc[parse.head[h]])
    return m.subjects(doc[h], depth + 1) if parse.pos[h] in ("VERB", "AUX") else []


@RULES.register("subject.coordination", example="Hamas met Egyptian officials and attacked the convoy.")
def coordination(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of the verb a coordinated or adverbial clause hangs on (not past a passive's)."""
    parse = m.parse
    relation = parse.dep[verb.i]
    if relation not in ("conj", "advcl"):
        return None
    h = parse.head[verb.i]
    if parse.pos[h] not in ("VERB", "AUX"):
        return []
    if relation == "advcl" and any(parse.dep[c] in PASSIVE_SUBJECT_DEPS for c in parse.children[h]):
        return []
    return m.subjects(m.doc[h], depth + 1)


@RULES.register("subject.prepositional_clause", example="Hamas was accused of attacking the convoy.")
def prepositional_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of the verb, or the noun, that a preposition introducing the clause hangs on."""
    parse = m.parse
    h = parse.head[verb.i]
    if parse.dep[verb.i] != "pcomp" or parse.dep[h] != "prep":
        return None
    governor = parse.head[h]
    if parse.pos[governor] in ("VERB", "AUX"):
        return m.subjects(m.doc[governor], depth + 1)
    if parse.pos[governor] in ("NOUN", "PROPN"):
        return m.resolver.resolve(m.doc[governor])
    return None


# -- nouns: rule(matcher, noun) -> actors, or None when the rule does not apply -------------------------------
@RULES.register("noun_subject.owner", example="Hamas's attack on the convoy killed three.")
def noun_owner(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The possessor, a named modifier ("Israeli airstrikes") or the "by" agent of a noun predicate."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    agent = m.grammar.prepositions.agent
    subjects: Actors = []
    for child in children[noun.i]:
        named_modifier = dep[child] in ("compound", "nmod", "amod") and (parse.ent_type[child]
                                                                         or parse.pos[child] == "PROPN")
        if dep[child] == "poss" or named_modifier:
            subjects.extend(resolve(doc[child]))
        elif dep[child] in ("prep", "agent") and parse.lower[child] in agent:
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    subjects.extend(resolve(doc[pobj]))
    return subjects or None


@RULES.register("noun_subject.light_verb", example="Hamas built up ties with Islamic State.")
def light_verb(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The subject of the light verb whose object the noun predicate is ("launched attacks on X")."""
    # "X launched a mediation between Y and Z": X mediates, Y and Z are the others
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == m.grammar.of and head.head.lemma_.lower() in m.grammar.series_nouns:
        noun, head = head.head, head.head.head  # "carried out a series of airstrikes": the series stands aside
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in m.grammar.prepositions.light_verb_object:
        head = head.head
    elif noun.dep_ == "conj":
        head = noun.head
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ == "dobj":
            head = head.head
    if noun.dep_ in ("dobj", "pobj", "conj") and head.pos_ == "VERB" and head.lemma_.lower() in m.grammar.light_verbs:
        return m.subjects(head)
    return None


@RULES.register("noun_subject.apposition", example="Masih Alinejad, a vocal critic of Tehran, was targeted.")
def apposition(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The actor a noun predicate is said of: apposed to it ("X, a critic of Y") or its copula's subject
    ("X is a critic of Y")."""
    parse = m.parse
    dep, h = parse.dep[noun.i], parse.head[noun.i]
    if dep == "appos":
        return m.resolver.resolve(m.doc[h]) or None
    if dep == "attr" and parse.pos[h] in ("VERB", "AUX") and parse.lemma[h] == "be":
        return m.subjects(m.doc[h]) or None
    return None


@RULES.register("noun_subject.between", example="Talks between Israel and Hamas resumed.")
def between(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The parties "between" or "among" whom a noun predicate happens."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    words = m.grammar.prepositions.between
    sides: Actors = []
    for child in children[noun.i]:
        if dep[child] == "prep" and parse.lower[child] in words:
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    sides.extend(resolve(doc[pobj]))
    return sides
