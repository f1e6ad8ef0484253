"""Subject rules: who does what a verb or a noun predicate says."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..modality import culprit_copula
from .registry import RULES

if TYPE_CHECKING:
    from ..predicates import PredicateMatcher

Actors = list[list[str]]
# Subject labels of an active clause (the parser's; "expl" is a dummy "there"/"it" and names no one).
ACTIVE_SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")


# -- verbs: rule(matcher, verb, depth, passive) -> actors, or None when the rule does not apply ---------------
@RULES.register("subject.fight_toll", example="Clashes between X and Y left five people dead.")
def fight_toll(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """Nobody, for the dead a fight between two sides left ("X clashed with Y, leaving two people dead",
    "clashes between X and Y left five dead", "X clashed with Y, killing four people"): the report does not say
    which side killed them."""
    parse = m.parse
    lemma = parse.lemma[verb.i]
    if lemma not in m.grammar.result_verbs and not (lemma in m.grammar.toll_verbs and any(
            parse.dep[c] == "dobj" and m.lexicon.actor_kinds.get(parse.lemma[c]) == "civilians"
            for c in parse.children[verb.i])):
        return None
    if parse.dep[verb.i] == "advcl" and _is_fight(m, m.doc[parse.head[verb.i]]) or any(
            parse.dep[c] in ACTIVE_SUBJECT_DEPS and _is_fight(m, m.doc[c]) for c in parse.children[verb.i]):
        return []
    return None


def _is_fight(m: PredicateMatcher, word: Token) -> bool:
    """Whether a verb or noun names a fight between two sides: a lexicon entry of the clash mode ("clashed",
    "exchanged fire", "clashes", "fighting")."""
    table = m.lexicon.verbs if word.pos_ in ("VERB", "AUX") else m.lexicon.nouns
    return any(spec.mode == "clash" for spec in m.lookup(table, m.parse.lemma[word.i], word.lower_))


@RULES.register("subject.misread_root", example="On 6 April, residents protested against the reforms.")
def misread_root(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The noun the parser took for the root, of the main verb it hung on that noun (Parse.misread_main_verb)."""
    if not m.parse.misread_main_verb(verb.i):
        return None
    return m.resolver.resolve(verb.head)


@RULES.register("subject.active", example="Hamas attacked the convoy.")
def active_subject(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of an active verb, or the subject of a participle standing as the subject."""
    if passive:
        return None
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    subjects = [c for c in children[verb.i] if dep[c] in ACTIVE_SUBJECT_DEPS]
    for child in subjects:
        if parse.pos[child] == "VERB":  # "The Red Cross operating in Iraq said": the participle's subject
            inner = next((c for c in children[child] if dep[c] == "nsubj"), None)
            return resolve(doc[inner]) if inner is not None else []
        if dep[verb.i] == "relcl" and parse.lower[child] in m.grammar.relative_words:
            # "an operation by X, which killed Y", "the attack on a camp near El Fasher, which killed Y":
            # subject.relative_clause
            found = resolve(doc[child])
            return None if not found or _no_doer(m, verb.head, found) or _harm_of_act(m, verb, verb.head) else found
        found = resolve(doc[child]) or m.np_actors(doc[child])
        if found or child == subjects[-1]:
            # (a heading run into the sentence is a subject with no actor before the real one: "Recent
            # attacks Since January, the BLA has ramped up attacks ...")
            return found
    return None


@RULES.register("subject.hyphen_agent", example="Iran-backed militias attacked the base.")
def hyphen_agent(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The actor joined to a participle by a hyphen ("Iran-backed", "Russian-backed") does what it says."""
    parse = m.parse
    if not parse.hyphen_participle(verb.i):
        return None
    return [slot for c in parse.children[verb.i] if c < verb.i and parse.dep[c] in ("npadvmod", "compound", "nmod")
            for slot in m.resolver.resolve(m.doc[c])]


@RULES.register("subject.event_agent", example="Arnel Joseph was killed in a gun battle with police.")
def event_agent(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """Who did a harm that names no doer but the violent event it happened in: the doer of that event
    ("killed in an attack by X", "died in an Israeli airstrike"), or the other side of a clash ("killed in a
    gun battle with police"). For a passive of a hostile verb with no "by" agent, and for verbs whose subject is
    the one harmed ("died": grammar `undergo_verbs`; "lost their lives": `life_nouns`; "came under attack from
    X": `prepositions.undergo`), whose harm with no doer named names nobody."""
    parse = m.parse
    dep, children = parse.dep, parse.children
    if not passive and undergoes(m, verb):
        return event_doers(m, verb)  # (with no such event nobody is named: the one who died did nothing)
    undergo = m.grammar.prepositions.undergo
    if not passive and any(is_violent_event(m, noun) for noun in m.pobjs(verb, undergo)):
        return event_doers(m, verb, undergo)  # "came under attack from X"; "came under attack" names nobody
    if not passive or any(dep[c] == "agent" for c in children[verb.i]) or not m.verb_of(verb, m.opposed):
        return None  # (an aid delivered during an attack is not the attacker's aid)
    return event_doers(m, verb) or None


def undergoes(m: PredicateMatcher, verb: Token) -> bool:
    """Whether the verb's subject is the one harmed ("died": grammar `undergo_verbs`; "lost their lives")."""
    parse = m.parse
    return parse.lemma[verb.i] in m.grammar.undergo_verbs or any(
        parse.dep[c] == "dobj" and parse.lemma[c] in m.grammar.life_nouns for c in parse.children[verb.i])


def violent_nouns(m: PredicateMatcher, noun: Token) -> list:
    """The lexicon's violent noun predicates a word is (by its own form first: "fighting" as the parser's
    verb is the noun "fighting", not "fight")."""
    specs = m.lookup(m.lexicon.nouns, noun.lower_, noun.lower_) or \
        m.lookup(m.lexicon.nouns, m.parse.lemma[noun.i], noun.lower_)
    return [spec for spec in specs if spec.relation in m.violent]


def is_violent_event(m: PredicateMatcher, noun: Token) -> bool:
    """Whether the word, or a word coordinated with it, names a violent event ("attack", "gun battle")."""
    return any(violent_nouns(m, n) for n in (noun, *noun.conjuncts))


def _no_doer(m: PredicateMatcher, noun: Token, found: Actors) -> bool:
    """Whether a noun a relative clause hangs on can do no act: a place, or a thing its owner stands for (not a
    body of its people: "Kyrgyzstan's foreign ministry, which accused Dushanbe of ...")."""
    actors, resolver = m.resolver.table.actors, m.resolver
    lemma = noun.lemma_.lower()
    owned = (lemma in resolver.owned_targets or noun.lower_ in resolver.owned_targets) and lemma not in resolver.member_nouns
    return owned or all(slot and actors[slot[0]].type == "location" for slot in found)


def _harm_of_act(m: PredicateMatcher, verb: Token, noun: Token) -> bool:
    """Whether a harm a relative clause tells ("which left two soldiers dead", "that killed five") hangs on the
    target of a violent act whose phrase the noun is in ("the ambush by X on a patrol of the 3rd Division,
    which left ..."): the act did the harm, not the target hit by it."""
    lemma = m.parse.lemma[verb.i]
    return (lemma in m.grammar.result_verbs or any(lemma in m.lexicon.cue_words.get(r, ()) for r in m.violent)) and \
        _act_above(m, noun) is not None


def _act_above(m: PredicateMatcher, noun: Token) -> Token | None:
    """The violent act whose prepositional phrases the noun sits in ("the attack ... on a camp near X")."""
    parse = m.parse
    i = noun.i
    for _ in range(4):
        if parse.dep[i] != "pobj" or parse.dep[parse.head[i]] != "prep":
            return None
        i = parse.head[parse.head[i]]
        if parse.pos[i] == "NOUN" and is_violent_event(m, m.doc[i]):
            return m.doc[i]
    return None


def _act_inside(m: PredicateMatcher, noun: Token, relative: Token) -> Token | None:
    """The last violent act named before a relative word in the phrase the noun ends ("claimed responsibility for
    the bombing at a checkpoint in which 12 soldiers were killed": the parser hangs the clause on "checkpoint", or
    on "responsibility")."""
    top = noun
    for _ in range(4):
        if top.dep_ != "pobj" or top.head.dep_ != "prep":
            break
        top = top.head.head
    return next((t for t in reversed(list(top.subtree)) if t.i < relative.i and t.pos_ == "NOUN"
                 and is_violent_event(m, t)), None)


def event_doers(m: PredicateMatcher, verb: Token, preps: frozenset[str] | None = None) -> Actors:
    """The doers of the violent events a verb's "in"/"during" phrase names (grammar `prepositions.event`), else
    of the violent act of its "when" clause."""
    found: Actors = []
    events = False
    source = m.grammar.prepositions.event_source
    for event in m.pobjs(verb, preps or m.grammar.prepositions.event):
        if event.lower_ in m.grammar.relative_words and verb.dep_ == "relcl":
            # "the ambush near Banibangou in which 29 soldiers were killed": the ambush (the parser may hang the
            # clause on a noun inside the act's phrases: "the attack by the rebels in which ...")
            event = verb.head if is_violent_event(m, verb.head) else _act_above(m, verb.head) or \
                _act_inside(m, verb.head, event) or verb.head
        for noun in (event, *event.conjuncts):
            for spec in violent_nouns(m, noun):
                events = True
                doers, between = m.noun_subjects(noun)
                if not doers and spec.mode == "clash" and not between:
                    doers = m.objects(noun, spec)  # "a gun battle with police": the other side
                if not doers:  # "came under attack from Taliban fighters"
                    doers = [slot for p in m.pobjs(noun, source) for slot in m.resolver.resolve(p)]
                found.extend(slot for slot in doers if slot not in found)
                if doers:
                    break
    if events and not found:
        # "came under fire from Israeli forces", "died in the attack on the train by armed militants": the parser
        # hangs the source, or the act's "by" agent, on the verb (an active one: a passive's agent is its own)
        preps = source if m.is_passive(verb) else (*source, *m.grammar.prepositions.agent)
        found = [slot for p in m.pobjs(verb, tuple(preps)) for slot in m.resolver.resolve(p)]
    if not found:
        # "five soldiers were killed when militants attacked their base": the doer of the violent act
        # of a "when" clause (grammar `event_clause_marks`)
        clauses = [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"]
        for clause in (c for c in clauses if _event_clause(m, c)):
            if struck_explosive(m, clause):  # "... when their vehicle struck a roadside bomb planted by X"
                found.extend(slot for slot in planters(m, clause) if slot not in found)
            elif m.verb_of(clause, m.violent):
                found.extend(slot for slot in m.subjects(clause) if slot not in found)
        if not found:
            # "were killed when militants linked to Al-Qaeda overran a post": the parser takes the participle of
            # the subject's description for the "when" clause's verb, and hangs the act, with no subject, beside
            # it or above it
            for act in (c for c in clauses if m.verb_of(c, m.violent) and not any(
                    d.dep_ in ("nsubj", "nsubjpass") for d in c.children)):
                for clause in (c for c in (*clauses, *act.children) if c.dep_ == "advcl" and c.i < act.i
                               and m.parse.tag[c.i] == "VBN" and _event_clause(m, c)):
                    found.extend(slot for slot in m.subjects(clause) if slot not in found)
    return found


def _event_clause(m: PredicateMatcher, clause: Token) -> bool:
    """Whether a clause is marked as the event something happened in ("when", grammar `event_clause_marks`)."""
    return any(d.dep_ in ("mark", "advmod") and d.lower_ in m.grammar.event_clause_marks for d in clause.children)


def struck_explosive(m: PredicateMatcher, verb: Token) -> bool:
    """Whether the verb says its subject ran into an explosive ("their vehicle struck a mine", grammar
    `collide_verbs`, `explosive_nouns`): the subject is harmed, whoever planted it did the harm."""
    parse = m.parse
    return parse.lemma[verb.i] in m.grammar.collide_verbs and any(
        parse.dep[c] == "dobj" and parse.lemma[c] in m.grammar.explosive_nouns for c in parse.children[verb.i])


def planters(m: PredicateMatcher, clause: Token) -> Actors:
    """Who the explosives a clause names belong to or were planted by ("a bomb planted by X", "a mine laid by
    Y"): the actor inside each explosive's noun phrase."""
    return [slot for i in m.parse.subtree(clause.i) if m.parse.lemma[i] in m.grammar.explosive_nouns
            for slot in m.np_actors(m.doc[i])]


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
    # "X was designated a terrorist organisation by Y": the parser hangs the agent on the predicate noun
    for complement in (c for c in children[verb.i] if dep[c] in ("dobj", "oprd", "attr")):
        for pobj in m.pobjs(doc[complement], m.grammar.prepositions.agent):
            return resolve(pobj)
    return _reporting_force(m, verb)


def _reporting_force(m: PredicateMatcher, verb: Token) -> Actors:
    """The force that reports an act of its own operations in the passive ("the army said 20 militants were killed
    in an operation"; grammar.yaml `operation_nouns`)."""
    parse, grammar = m.parse, m.grammar
    reporting = parse.head[verb.i]
    if parse.dep[verb.i] != "ccomp" or parse.lemma[reporting] not in m.reporting_verbs:
        return []
    if parse.lemma[verb.i] not in grammar.operation_verbs and not any(
            parse.lemma[p] in grammar.operation_nouns for c in parse.children[verb.i] if parse.dep[c] == "prep"
            for p in parse.children[c] if parse.dep[p] == "pobj"):
        return []
    forces = []
    for slot in m.subjects(m.doc[reporting]):
        actor = m.resolver.table.actors.get(slot[0]) if slot else None
        if actor is None:
            continue
        # (a gazetteer actor's kind is its entry's; "the Security Council" is no force)
        named_force = any(word in grammar.force_name_words for word in actor.name.lower().split()) and \
            actor.kind not in m.resolver.unarmed_kinds
        if actor.actor_kind == "generic_force" or actor.kind in grammar.force_kinds or named_force:
            forces.append(slot)
    return forces


@RULES.register("subject.reported_clause", example="Israel attacked Gaza, Hamas said.")
def reported_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """Nobody, at the root or in a reported clause: the speaker is not the actor of what is reported."""
    parse = m.parse
    h = parse.head[verb.i]
    if h == verb.i or (parse.lemma[h] in m.reporting_verbs and parse.dep[verb.i] in ("ccomp", "parataxis",
                                                                                      "advcl", "conj")):
        if parse.dep[verb.i] == "conj" and (parse.lemma[verb.i] in m.reporting_verbs
                                             or parse.lemma[verb.i] in m.lexicon.addressing_verbs):
            return None  # "X stressed the need for calm and urged people to stay home": a second thing X says
        if parse.dep[verb.i] == "conj" and _series_start(m, verb.i, h) != h:
            return None  # "X announces that its team boarded the tanker, arrested eight pirates": the team's
        if parse.dep[verb.i] == "advcl" and parse.tag[verb.i] == "VBG" and not any(
                parse.dep[c] in ("nsubj", "nsubjpass", "mark") for c in parse.children[verb.i]):
            return None  # "X said ..., accusing Y of ...", "X claimed the attacks, primarily targeting Y": X's own
        return []
    return None


@RULES.register("subject.purpose_clause", example="The army launched an offensive to retake Mosul.")
def purpose_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The subject of the verb whose object a purpose clause hangs on ("waged a campaign to defeat X"); the
    noun's own owner or "by" agent when it names one ("welcomed the decision by Bangladesh to lift ..."), or an act
    noun's "of" ("the decision of the EU to impose ...")."""
    parse, resolve = m.parse, m.resolver.resolve
    dep, pos = parse.dep, parse.pos
    h = parse.head[verb.i]
    if dep[verb.i] == "acl" and pos[h] == "NOUN" and any(
            dep[c] == "aux" and parse.lower[c] == m.grammar.infinitive_marker for c in parse.children[verb.i]):
        owners = [m.doc[c] for c in parse.children[h] if dep[c] == "poss"]
        # ("the decision of the European Union to impose sanctions": an act noun's "of" names who acts)
        agents = (*m.grammar.prepositions.agent, *((m.grammar.of,) if parse.lemma[h] in m.grammar.act_nouns else ()))
        found = [slot for c in [*owners, *m.pobjs(m.doc[h], agents)] for slot in resolve(c)]
        if found:
            return found
    # (not after a coordinated verb, whose attachment the small parser often gets wrong)
    if dep[verb.i] in ("relcl", "acl") and any(dep[c] == "aux" and parse.lower[c] == m.grammar.infinitive_marker
                                               for c in parse.children[verb.i]) \
            and dep[h] == "dobj" and pos[parse.head[h]] == "VERB" and dep[parse.head[h]] != "conj" \
            and not resolve(m.doc[h]):
        return m.subjects(m.doc[h].head, depth + 1)
    return None


@RULES.register("subject.relative_clause", example="Hamas, which attacked the convoy, denied it.")
def relative_clause(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The noun a relative clause describes; when that noun is an act of the lexicon, the actor inside it
    ("an operation conducted by NISA, which resulted in the deaths of X")."""
    if m.parse.dep[verb.i] != "relcl":
        return None
    head = m.doc[m.parse.head[verb.i]]
    found = m.resolver.resolve(head)
    event = _act_above(m, head)  # the violent act whose phrase the noun sits in, if any
    # ("an airstrike against fighters who were attacking X": people who did it themselves, not the airstrike's harm)
    by_people = any(c.dep_ == "nsubj" and c.lower_ in m.resolver.person_relatives for c in verb.children)
    if found and (_no_doer(m, head, found) or _harm_of_act(m, verb, head) and not by_people) and not passive:
        # "the attack by X on a camp near El Fasher, which killed Y", "an attack on a police station that
        # killed two policemen": the clause hangs on the nearest noun, a place or a thing; what killed is the
        # act whose phrase it is in
        # ("the collapse of a canopy in Novi Sad, which killed 16 people": a place kills no one)
        return m.noun_subjects(event)[0] if event is not None else []
    if not found and not passive and m.lookup(m.lexicon.nouns, m.parse.lemma[head.i], head.lower_):
        found = m.np_actors(head)
    if not found and not passive and is_violent_event(m, head):
        found = m.noun_subjects(head)[0]  # "X claimed the bombing, which killed five": the bombing's doer
    if not found and not passive and m.parse.lemma[head.i] in m.grammar.explosive_nouns:
        # "X were behind a roadside bomb that killed two rangers", "a bomb planted by X that killed five"
        found = claimed_by(m, head) or m.np_actors(head)
    if not found and not passive and event is not None:
        found = m.noun_subjects(event)[0]  # "the bombing of a market that killed four": the bombing's doer
    if found and _culprit_denied(m, event or head):
        return []  # "X was not behind the bomb that killed ...": the clause's own polarity cannot say so
    return found


def _culprit_denied(m: PredicateMatcher, noun: Token) -> bool:
    """Whether the noun is what a negated culprit frame names ("X was not behind / responsible for the bomb")."""
    copula = culprit_copula(m.parse, m.grammar, noun.i)
    return copula is not None and any(m.parse.dep[c] == "neg" for c in m.parse.children[copula])


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
        if parse.lemma[h] in m.grammar.measure_nouns and m.verb_of(verb, m.violent):
            return []  # "passed legislation targeting Turkey": the law's aim, no attack by its authors
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
    dep, children = parse.dep, parse.children
    h = parse.head[verb.i]
    dobj = next((c for c in children[h] if dep[c] == "dobj"), None)
    if dep[verb.i] == "advcl" and dobj is not None and parse.lemma[dobj] in m.grammar.pressure_nouns and any(
            dep[c] == "aux" and parse.lower[c] == m.grammar.infinitive_marker for c in children[verb.i]):
        # "putting pressure on Beijing to release them": the one pressed is to act
        pressed = [slot for pobj in m.pobjs(doc[h], m.grammar.pressure_prepositions) for slot in resolve(pobj)]
        if pressed:
            return pressed
    if dep[verb.i] != "xcomp":
        return None
    if parse.lemma[h] in m.grammar.purpose_verbs:
        # "summoned the ambassador to protest the detention": the one who summons protests (a passive names no one)
        return [] if any(dep[c] in PASSIVE_SUBJECT_DEPS for c in children[h]) else m.subjects(doc[h], depth + 1)
    controller = resolve(doc[dobj]) if dobj is not None else []
    if not controller and dobj is None and m.verb_of(doc[h], m.requests):
        # "called on X to lift the siege", "appealed to X to ...": the one asked does it
        controller = [slot for pobj in m.pobjs(doc[h], m.grammar.prepositions.addressee) for slot in resolve(pobj)]
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
    h = parse.head[verb.i]
    if relation == "dep" and parse.tag[h] == "VBG" and parse.tag[verb.i] in ("VBD", "VBZ") and \
            parse.orth[verb.i - 1] == "," and any(parse.dep[c] == "nsubj" for c in parse.children[h]):
        # "forces, acting in coordination with Y, neutralised Z", parsed as the participle's clause with the
        # finite verb hung on it: the participle's subject does both
        return m.subjects(m.doc[h], depth + 1)
    if relation not in ("conj", "advcl"):
        return None
    if parse.pos[h] not in ("VERB", "AUX"):
        return []
    if relation == "advcl" and any(parse.dep[c] in PASSIVE_SUBJECT_DEPS for c in parse.children[h]):
        return []
    if relation == "advcl" and parse.tag[verb.i] == "VBG":
        found = _result_of_named_act(m, m.doc[h])
        if found:
            return found
    if relation == "conj" and parse.dep[h] == "ccomp" and verb.i >= 2 and parse.lower[verb.i - 1] == "and" and \
            parse.orth[verb.i - 2] == "," and m.verb_of(verb, m.verbal) and parse.pos[parse.head[h]] == "VERB":
        # "The ministry said Indian troops had crossed the line, and urged New Delhi to ...": the parser hangs the
        # demand on the reported clause; it is the speaker's, a second act of the verb that reports
        return m.subjects(m.doc[parse.head[h]], depth + 1)
    if relation == "conj" and parse.dep[h] == "pcomp":
        # "accused Kenyan police of abducting and killing critics": a conjunct shares its verb's frame
        found = charged_party(m, m.doc[h], depth, passive)
        if found is not None:
            return found
    if relation == "conj":
        # a finite verb is no conjunct of a bare infinitive ("calls on X to cease fire and reminds all parties")
        h = parse.coordinated_with(verb.i)
        h = _series_start(m, verb.i, h)
        patients = [c for c in parse.children[h] if parse.dep[c] in PASSIVE_SUBJECT_DEPS]
        if patients and not passive and _active_finite(parse, verb.i):
            # "the Secretary-General is alarmed by the shelling and urges X": who is alarmed urges, whoever alarmed
            # (a bare participle shares the passive: "was arrested and sentenced for the murder of X", "was flown to
            # France and placed in detention")
            return [slot for c in patients for slot in m.resolver.resolve(m.doc[c])]
    return m.subjects(m.doc[h], depth + 1)


def _result_of_named_act(m: PredicateMatcher, verb: Token) -> Actors:
    """The doers of the violent act a verb's object names, when a result participle hangs on a verb of words
    ("condemns the Russian airstrikes that hit a market, killing nine civilians": the parser hangs "killing" on
    "condemns"): the airstrikes killed them, not who condemns. (Who repels or foils an attack, "killing four
    militants", did the killing.)"""
    if not m.verb_of(verb, m.verbal) and m.parse.lemma[verb.i] not in m.reporting_verbs:
        return []
    for noun in (c for c in verb.children if c.dep_ == "dobj" and is_violent_event(m, c)):
        doers, _ = m.noun_subjects(noun)
        if doers:
            return doers
    return []


def _active_finite(parse, i: int) -> bool:
    """Whether the verb is finite and active: a present tense, or a past one with an object or clause of its
    own (a past "-ed" form with none may be a participle sharing an earlier passive)."""
    tag = parse.tag[i]
    return tag in ("VBZ", "VBP") or tag == "VBD" and any(
        parse.dep[c] in ("dobj", "ccomp", "xcomp", "dative") for c in parse.children[i])


def _series_start(m: PredicateMatcher, i: int, head: int) -> int:
    """The clause a comma series of verbs continues: "suspended its work after armed men stormed its office,
    beat two staff members and set an ambulance on fire" lists what the men did, though the parser hangs
    "beat" on "suspended"."""
    parse = m.parse
    children = parse.children[i]
    if i < 2 or parse.orth[i - 1] != "," or not any(parse.dep[c] == "cc" for c in children) or \
            not any(parse.dep[c] == "conj" and c > i for c in children):
        return head
    for clause in parse.children[head]:
        if parse.dep[clause] in ("advcl", "ccomp") and clause < i and m.doc[clause].right_edge.i in (i - 2, i - 1) and \
                parse.pos[clause] == "VERB" and not any(parse.dep[c] == "conj" for c in parse.children[clause]):
            return clause
    return head


@RULES.register("subject.charged_party", example="Police charged him with terrorizing residents.")
def charged_party(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The one accused, charged or held for the act in an "of", "with" or "for" clause: the object of the
    charging verb (grammar `charge_verbs`: "charged X with killing Y"), or its passive subject ("X was
    convicted of killing Y"); never the accuser."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    h = parse.head[verb.i]
    # (also the doer of an act the charge's verb governs: "accused the FLNC of trying to intimidate the
    # assembly"; a planned one is no act, which modality says: "accused of planning to kidnap X")
    if parse.dep[verb.i] != "pcomp" or parse.dep[h] != "prep":
        return None
    governor = parse.head[h]
    if parse.dep[governor] == "pobj" and parse.dep[parse.head[governor]] == "agent":
        # "soldiers have been accused by rights groups of torturing inmates": the parser hangs the charge on the
        # accusers; it is the charging verb's
        governor = parse.head[parse.head[governor]]
    if parse.pos[governor] not in ("VERB", "AUX") or not _answers_for(m, parse.lemma[governor]):
        return None
    dep = parse.dep
    for deps in (("dobj",), PASSIVE_SUBJECT_DEPS):
        charged = [doc[c] for c in parse.children[governor] if dep[c] in deps]
        if charged:
            return [slot for token in charged for slot in resolve(token)]
    if parse.tag[governor] == "VBN" and dep[governor] in ("acomp", "advcl", "oprd"):
        # "two soldiers stand accused of bombing the base": the participle is said of the subject above it
        charged = [doc[c] for c in parse.children[parse.head[governor]] if dep[c] == "nsubj"]
        if charged:
            return [slot for token in charged for slot in resolve(token)]
    return None


def _answers_for(m: PredicateMatcher, lemma: str) -> bool:
    """Whether a verb's object answers for the act of its "for", "of" or "with" phrase: charged with it
    ("blamed X for the strike"), or credited with it ("praised the army for dismantling X")."""
    return lemma in m.grammar.charge_verbs or lemma in m.grammar.credit_verbs


def claimed_by(m: PredicateMatcher, word: Token) -> Actors | None:
    """Who claimed an act: the subject of a claim verb whose object it is ("X claimed the attack"), or of the
    verb of a responsibility noun whose "for" phrase it is ("X claimed responsibility for the bombing", "X
    took credit for attacking Y"); or who is charged with it ("blames X for the strike"); None when the word
    is no claimed act."""
    parse, grammar = m.parse, m.grammar
    h = parse.head[word.i]
    if parse.dep[word.i] == "dobj" and parse.pos[h] == "VERB" and parse.lemma[h] in grammar.claim_verbs:
        return m.subjects(m.doc[h])
    # "the bombing claimed by the FLNC"
    claimed = [p for c in parse.children[word.i] if parse.dep[c] == "acl" and parse.lemma[c] in grammar.claim_verbs
               for p in m.pobjs(m.doc[c], grammar.prepositions.agent)]
    if claimed:
        return [slot for p in claimed for slot in m.resolver.resolve(p)] or None
    # "blamed the attack on al-Shabaab", "the assassination, which officials attributed to the cartel"
    # (a "which" clause the parser hangs on the act's "of" phrase is the act's: "the assassination of the mayor,
    # which officials attributed to ...")
    nouns = [word.i, *(p for o in parse.children[word.i] if parse.dep[o] == "prep" and parse.lower[o] == grammar.of
                       for p in parse.children[o] if parse.dep[p] == "pobj")]
    laid = h if parse.dep[word.i] == "dobj" and parse.lemma[h] in grammar.attribution_verbs else next(
        (c for n in nouns for c in parse.children[n] if parse.dep[c] == "relcl" and
         parse.lemma[c] in grammar.attribution_verbs and (n == word.i or any(
             parse.lower[r] in grammar.thing_relatives for r in parse.children[c]))), None)
    if laid is not None:
        found = [slot for p in m.pobjs(m.doc[laid], grammar.attribution_prepositions) for slot in m.resolver.resolve(p)]
        if found:
            return found
    if parse.dep[word.i] == "pobj" and parse.dep[h] == "prep" and parse.lower[h] in grammar.charge_prepositions and \
            parse.pos[parse.head[h]] == "VERB" and _answers_for(m, parse.lemma[parse.head[h]]):
        # "Kataib Hezbollah, which Washington blames for a drone strike that killed ...": the one charged
        charge = parse.head[h]
        charged = [m.doc[c] for c in parse.children[charge] if parse.dep[c] in ("dobj", "nsubjpass")]
        if not charged and parse.tag[charge] == "VBN" and parse.dep[charge] in ("acomp", "advcl", "oprd"):
            # "two soldiers stand accused of the bombing of the base": said of the subject above the participle
            charged = [m.doc[c] for c in parse.children[parse.head[charge]] if parse.dep[c] == "nsubj"]
        found = [slot for c in charged for slot in m.resolver.resolve(c)]
        if found:
            return found
    if parse.dep[word.i] in ("pobj", "pcomp") and parse.dep[h] == "prep":
        noun = parse.head[h]
        verb = parse.head[noun]
        if parse.lemma[noun] in grammar.responsibility_nouns and parse.dep[noun] == "dobj" and \
                parse.pos[verb] == "VERB" and parse.lemma[verb] in grammar.responsibility_verbs:
            return m.subjects(m.doc[verb])
        # "X were behind a roadside bomb that killed ...", "X was responsible for the bombing": the culprit
        if parse.lower[h] in grammar.culprit_prepositions and parse.lemma[noun] == grammar.copula:
            return m.subjects(m.doc[noun])
        if parse.lemma[noun] in grammar.culprit_adjectives and parse.dep[noun] == "acomp" and \
                parse.lemma[verb] == grammar.copula:
            return m.subjects(m.doc[verb])
    return None


@RULES.register("subject.claimed_act", example="The BLA took credit for attacking a military convoy.")
def claimed_act(m: PredicateMatcher, verb: Token, depth: int, passive: bool) -> Actors | None:
    """The one who claimed the act a verb names ("took credit for attacking X")."""
    if m.parse.dep[verb.i] != "pcomp":
        return None
    return claimed_by(m, verb)


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
def _series_of(m: PredicateMatcher, noun: Token) -> Token | None:
    """The series noun a noun predicate is counted in ("a series of airstrikes", "a wave of kidnappings")."""
    h = m.parse.head[noun.i]
    if m.parse.dep[noun.i] == "pobj" and m.parse.lower[h] == m.grammar.of and \
            m.parse.lemma[m.parse.head[h]] in m.grammar.series_nouns:
        return m.doc[m.parse.head[h]]
    return None


@RULES.register("noun_subject.owner", example="Hamas's attack on the convoy killed three.")
def noun_owner(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The possessor, a named modifier ("Israeli airstrikes") or the "by" agent of a noun predicate."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    agent = m.grammar.prepositions.agent
    subjects: Actors = []
    # the noun's own "by" phrase is read below, with one the parser hung on the verb (noun_agents)
    words = [c for c in children[noun.i] if not (dep[c] in ("prep", "agent") and parse.lower[c] in agent)]
    series = _series_of(m, noun)
    if series is not None:
        # "a wave of kidnappings of children by gangs": the parser hangs the agent on the series noun
        words.extend(c for c in children[series.i] if dep[c] in ("prep", "agent") and parse.lower[c] in agent)
    # "the Turkish drone strike", "a Russian missile attack", "the Russian Federation's massive missile and drone
    # attack": the name on the weapon before the noun is its own
    words.extend(g for c in children[noun.i] if dep[c] in ("compound", "nmod") and parse.pos[c] == "NOUN"
                 and not m.resolver.table.actor_at_index(c) for g in children[c]
                 if g < c and dep[g] in ("amod", "compound", "poss"))
    for led in (c for c in children[noun.i] if parse.hyphen_participle(c) and parse.lemma[c] in m.lexicon.lead_verbs):
        # "the Washington-led war against Islamic State": who leads it wages it
        subjects.extend(slot for g in children[led] if g < led and dep[g] in ("npadvmod", "compound", "nmod")
                        for slot in resolve(doc[g]))
    for child in words:
        named_modifier = dep[child] in ("compound", "nmod", "amod") and (parse.ent_type[child]
                                                                         or parse.pos[child] == "PROPN")
        if dep[child] == "poss" and parse.lemma[noun.i] in m.grammar.patient_nouns and not any(
                dep[c] == "prep" and parse.lower[c] == m.grammar.of for c in children[noun.i]):
            continue  # "demands his immediate release": his is the one released ("Israel's release of X": Israel)
        if dep[child] == "poss":
            # "Russia and Iran deepened their cooperation": "their" is both subjects of the light verb
            both = light_verb(m, noun) if parse.lower[child] in m.resolver.plural_pronouns else None
            subjects.extend(both if both and len(both) >= 2 else resolve(doc[child]))
        elif named_modifier:  # "the Jeddah talks", "the Gaza ceasefire": a place before the noun is where
            actors = m.resolver.table.actors
            subjects.extend(slot for slot in resolve(doc[child]) if not slot or actors[slot[0]].type != "location")
            if not any(subjects):
                subjects.extend(m.resolver.modifying_force(doc[child]))  # "Coalition airstrikes against X"
        elif dep[child] == "compound":
            subjects.extend(m.resolver.modifying_force(doc[child]))  # "police raids on opposition offices"
        elif dep[child] in ("prep", "agent") and (parse.lower[child] in agent or parse.lower[child] == m.grammar.of and (
                parse.lemma[noun.i] in m.grammar.adjunct_agent_nouns and not m.names_beneficiary(noun)
                or parse.lemma[noun.i] in m.grammar.intransitive_act_nouns)):
            for pobj in children[child]:  # "the attack by X", "at the request of X"
                if dep[pobj] == "pobj":
                    subjects.extend(resolve(doc[pobj]))
    subjects.extend(slot for pobj in m.noun_agents(noun) for slot in resolve(pobj))
    if not subjects:
        # "the arrest of 37 members of Los Lobos during a joint operation by the police and the army": the
        # operation's agents made the arrest
        # (the parser may hang the phrase on the verb that announces the noun)
        holders = (noun.i, parse.head[noun.i]) if dep[noun.i] == "dobj" else (noun.i,)
        subjects.extend(slot for holder in holders for prep in children[holder] if dep[prep] == "prep"
                        and parse.lower[prep] in m.grammar.prepositions.event
                        for operation in children[prep] if dep[operation] == "pobj"
                        for by in children[operation] if dep[by] in ("prep", "agent") and parse.lower[by] in agent
                        for pobj in children[by] if dep[pobj] == "pobj" for slot in resolve(doc[pobj]))
    # "the accusations made by Rwanda", "sanctions imposed by the United States on X"
    subjects.extend(slot for participle in light_participles(m, noun) for pobj in m.pobjs(participle, tuple(agent))
                    for slot in resolve(pobj))
    return subjects or None


def light_participles(m: PredicateMatcher, noun: Token) -> list[Token]:
    """The light verbs' participles a noun predicate takes ("the accusations made by X", "sanctions imposed
    on Y"): their agent, prepositions and content clause are the noun's; not a content clause of its own ("the
    claim that the attack was orchestrated by X": X did the attack, not the claim)."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and c.lemma_.lower() in m.grammar.light_verbs
            and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)]


def received_from(m: PredicateMatcher, noun: Token) -> list[Token]:
    """The "from" phrase of a noun predicate its verb's subject receives ("drew condemnation from the UN")."""
    head = noun.head
    if noun.dep_ != "dobj" or head.lemma_.lower() not in m.grammar.receiving_verbs:
        return []
    source = m.grammar.prepositions.event_source
    return [*m.pobjs(noun, source), *m.pobjs(head, source)]


@RULES.register("noun_subject.source", example="The attack drew condemnation from the United Nations.")
def source(m: PredicateMatcher, noun: Token) -> Actors | None:
    """Who gives what a noun predicate names to the subject of a receiving verb: its "from" phrase."""
    givers = received_from(m, noun)
    if not givers:
        return None
    return [slot for giver in givers for slot in m.resolver.resolve(giver)] or None


@RULES.register("noun_subject.light_verb", example="Hamas built up ties with Islamic State.")
def light_verb(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The subject of the light verb whose object the noun predicate is ("launched attacks on X")."""
    # "X launched a mediation between Y and Z": X mediates, Y and Z are the others
    head = noun.head
    series = _series_of(m, noun)
    if series is not None:
        noun, head = series, series.head  # "carried out a series of airstrikes": the series stands aside
    taking_part = False
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in m.grammar.prepositions.light_verb_object:
        head = head.head
        taking_part = head.lemma_.lower() in m.grammar.participation_verbs  # "took part in the assault on X"
    elif noun.dep_ == "conj":
        head = noun.head
        while head.dep_ == "conj":
            head = head.head
        if head.dep_ == "dobj":
            head = head.head
    copula = taking_part and head.pos_ == "AUX" and noun.lemma_.lower() in m.grammar.state_nouns
    if noun.dep_ in ("dobj", "pobj", "conj") and (head.pos_ == "VERB" or copula) and (
            head.lemma_.lower() in m.grammar.light_verbs or taking_part):
        if head.dep_ == "acl" and head.tag_ == "VBN" and not any(c.dep_ == "agent" for c in head.children):
            return m.resolver.resolve(head.head)  # "FARDC units engaged in operations against the ADF"
        return m.subjects(head)
    return None


@RULES.register("noun_subject.participants", example="Talks in which Putin and Poroshenko took part ended late.")
def participants(m: PredicateMatcher, noun: Token) -> Actors | None:
    """Who took part in what a noun names, said in a relative clause on it ("marathon talks in which Putin,
    Poroshenko, Merkel and Hollande took part"): the clause's subjects."""
    for clause in noun.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in m.grammar.participation_verbs and any(
                prep.dep_ == "prep" and any(w.dep_ == "pobj" and w.lower_ in m.grammar.relative_pronouns
                                            for w in prep.children) for prep in clause.children):
            return m.subjects(clause) or None
    return None


@RULES.register("noun_subject.claimed", example="Al-Shabab claimed responsibility for the attack on the base.")
def claimed(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The one who claimed the act a noun names ("X claimed the attack", "X claimed responsibility for it")."""
    return claimed_by(m, noun)


@RULES.register("noun_subject.adjunct", example="M23 seized Goma after clashes with Congolese troops.")
def adjunct(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The subject of the active verb a fight's time phrase hangs on ("seized Goma after clashes with Y"): it
    took part in the fighting too, also through the time it filled ("after a day of fighting with Y"). (Not of a
    visit or a meeting: "said during a visit to Beijing" is
    a journey, and a speaker is often no party to the meeting it speaks after.)"""
    parse = m.parse
    h = parse.head[noun.i]
    if parse.dep[noun.i] == "pobj" and parse.lower[h] == m.grammar.of and \
            parse.lemma[parse.head[h]] in m.grammar.duration_nouns and parse.dep[parse.head[h]] == "pobj" and \
            any(parse.dep[c] == "prep" for c in parse.children[noun.i]):
        # "after a day of heavy fighting with Y": the time the fight filled ("agreed to a ceasefire after five days
        # of fighting that killed 40 people" names no other side: the dead are no one side's)
        h = parse.head[parse.head[h]]
    elif parse.dep[noun.i] != "pobj":
        return None
    if parse.lower[h] not in m.grammar.prepositions.event_adjunct or not any(
            spec.mutual or spec.mutual_between for n in (noun, *noun.conjuncts) for spec in violent_nouns(m, n)) \
            and not _talks_with(m, noun):
        return None  # (a one-sided act is not: "vowed to end militia rule after the killing of X")
    verb = parse.head[h]
    if parse.pos[verb] != "VERB" or m.is_passive(m.doc[verb]) or undergoes(m, m.doc[verb]):
        return None  # "died amid fighting with X": the one who died is harmed, the fighting's doer is X
    return m.subjects(m.doc[verb]) or None


def _talks_with(m: PredicateMatcher, noun: Token) -> bool:
    """Whether the noun is talks held "with" someone ("Following talks with Putin, Lukashenko ..."): who acts
    after them held them (a meeting with no "with" may be anyone's: "said after the cabinet meeting")."""
    specs = m.lookup(m.lexicon.nouns, m.parse.lemma[noun.i], noun.lower_)
    return any(spec.relation in m.lexicon.symmetric and spec.relation not in m.violent for spec in specs) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)


@RULES.register("noun_subject.manner", example="Togolese forces, in coordination with Burkinabe units, struck.")
def manner(m: PredicateMatcher, noun: Token) -> Actors | None:
    """Who act "in coordination with", "in a joint operation with" or "in conjunction with" someone (grammar
    `partner_nouns`): the subject of the verb the phrase hangs on, or the subject noun itself when the parser
    hangs the phrase there ("its troops, in a joint operation with X, cleared ...", "forces, acting in
    coordination with Y, ...")."""
    parse = m.parse
    h = parse.head[noun.i]
    if parse.dep[noun.i] != "pobj" or parse.dep[h] != "prep" or parse.lemma[noun.i] not in m.grammar.partner_nouns \
            or parse.lower[h] not in m.grammar.prepositions.joint_act:
        return None  # ("would address clan elders about the offensive against X": no manner, and not theirs)
    doer = parse.head[h]
    if parse.pos[doer] == "PUNCT" and parse.head[doer] != doer:
        doer = parse.head[doer]  # "its troops, in a joint operation with X,": the phrase hangs on the comma
    if parse.pos[doer] in ("VERB", "AUX"):
        if is_violent_event(m, noun):
            return None  # "killed in an operation": the verb's doers are the event's (subject.event_agent)
        return m.subjects(m.doc[doer]) or None
    if parse.pos[doer] in ("NOUN", "PROPN", "PRON"):
        return m.resolver.resolve(m.doc[doer]) or None
    return None


@RULES.register("noun_subject.apposition", example="Masih Alinejad, a vocal critic of Tehran, was targeted.")
def apposition(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The actor a noun predicate is said of: apposed to it ("X, a critic of Y") or its copula's subject
    ("X is a critic of Y")."""
    parse = m.parse
    dep, h = parse.dep[noun.i], parse.head[noun.i]
    if dep == "appos":
        return m.resolver.resolve(m.doc[h]) or None
    if dep == "attr" and parse.pos[h] in ("VERB", "AUX") and parse.lemma[h] == m.grammar.copula:
        return m.subjects(m.doc[h]) or None
    return None


@RULES.register("noun_subject.misread_verb",
                example="The ministry condemns the shelling by the army and calls on Dushanbe to withdraw.")
def misread_verb(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The subject of a present-tense verb a bare plural "noun" is coordinated under: the parser misreads
    "... condemns the shelling of X and calls on Y to withdraw" (a press release's usual sentence) as the
    shelling and the calls. Only a plural with no determiner of its own, after "and", below an object of a
    verb in the present tense ("VBZ"), as the misread verb would be."""
    parse = m.parse
    i = noun.i
    if parse.dep[i] != "conj" or parse.tag[i] != "NNS" or i == 0 or parse.lower[i - 1] != m.grammar.and_word or \
            any(parse.dep[c] in ("det", "poss", "amod", "nummod", "compound") for c in parse.children[i]):
        return None
    up = parse.head[i]
    for _ in range(6):  # up the first conjunct's phrase to the verb it is the object of
        if parse.pos[up] in ("VERB", "AUX") or parse.head[up] == up:
            break
        up = parse.head[up]
    if parse.tag[up] != "VBZ":
        return None
    return m.subjects(m.doc[up]) or None


@RULES.register("noun_subject.between", example="Talks between Israel and Hamas resumed.")
def between(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The parties "between" or "among" whom a noun predicate happens, also through a participle on it ("the
    agreement signed between X and Y") or the verb of its happening ("clashes erupted between X and Y", "the
    clashes that erupted between X and Y")."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    words = m.grammar.prepositions.between
    sides: Actors = []
    heads = [noun.i, *(c for c in children[noun.i] if dep[c] == "acl" and parse.tag[c] == "VBN")]
    if dep[noun.i] == "nsubj" and parse.lemma[noun.head.i] in m.grammar.occurrence_verbs:
        heads.append(noun.head.i)  # "clashes erupted in Tripoli between X and Y"
    heads.extend(c for c in children[noun.i] if dep[c] == "relcl" and parse.lemma[c] in m.grammar.occurrence_verbs)
    for child in (c for h in heads for c in children[h]):
        if dep[child] == "prep" and parse.lower[child] in words:
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    found = resolve(doc[pobj])
                    # "clashes between Bedouin and Druze fighters": one noun, two sides of a fight
                    split = m.resolver.coordinated_sides(doc[pobj]) if len(found) < 2 and any(
                        spec.mutual or spec.mutual_between for spec in violent_nouns(m, noun)) else []
                    sides.extend(split or found)
    return sides


@RULES.register("noun_subject.hyphen_pair", example="Turkish-American cooperation has deepened.")
def hyphen_pair(m: PredicateMatcher, noun: Token) -> Actors | None:
    """The two parties a hyphen joins before a noun predicate ("Turkish-American cooperation", "Kenya-Somalia
    talks", "the Iran-Iraq war"): the parser hangs the first on the second."""
    parse, doc, resolve = m.parse, m.doc, m.resolver.resolve
    dep, children = parse.dep, parse.children
    for second in children[noun.i]:
        if dep[second] not in ("amod", "compound") or not parse.ent_type[second]:
            continue
        for first in children[second]:
            if first < second and dep[first] in ("amod", "compound") and parse.ent_type[first] and any(
                    parse.tag[p] == "HYPH" and first < p < second for p in children[second]):
                sides = resolve(doc[first]) + resolve(doc[second])
                if len(sides) >= 2:
                    return sides
    return []

