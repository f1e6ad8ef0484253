"""Object rules: whom or what a predicate's act is done to, slot by slot, then fallbacks."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicon import Predicate
from .registry import RULES
from ..modality import culprit_copula
from .subjects import PASSIVE_SUBJECT_DEPS, apposition, is_violent_event, light_participles, received_from

if TYPE_CHECKING:
    from ..predicates import PredicateMatcher

Actors = list[list[str]]
# Labels that end a clause: the fallback object search does not enter them.
CLAUSE_EDGE_DEPS = ("nsubj", "nsubjpass", "relcl", "ccomp", "advcl", "appos", "parataxis")
PLACE_ENTITIES = ("GPE", "LOC")  # entity labels of a place an act is done in or to


# -- slots: rule(matcher, predicate, spec, passive, slot) -> (actors, whether any object word was seen) ------
def _actors(m: PredicateMatcher, tokens: list[Token], spec: Predicate) -> Actors:
    """The actors the object words are, else the actors their phrases name. What is said or done about an act
    done to someone (the object of a verbal relation or a protest) is about the act's doer ("condemned Israel's
    bombing of Gaza": Israel; "condemned the killing of X" and "welcomed the arrest of X" name no object: X
    suffered it)."""
    found: Actors = []
    about_acts = spec.relation in m.about_acts
    for token in tokens:
        own = m.resolver.resolve(token)
        agents = [slot for p in m.noun_agents(token) for slot in m.resolver.resolve(p)] \
            if about_acts and not own and token.pos_ == "NOUN" else []
        if agents:  # "condemns the transfer of seven activists by the judicial authorities": who did it
            found.extend(agents)
        elif own:
            found.extend(own)
        elif about_acts and token.lemma_ not in spec.needs_theme_word and m.act_on_another(token):
            found.extend(m.noun_subjects(token)[0])
        else:
            found.extend(m.np_actors(token))
    return found


def _act_maker(m: PredicateMatcher, act: Token, clause: Token) -> Actors | None:
    """Whoever made the move an act noun names, apposed to their clause or an adjunct of it ("detained the mayor, a
    move the opposition called a coup", "seized the field in a move Tripoli condemned"; grammar `act_nouns`): what a
    relative clause on the noun says of the move it says of them."""
    parse = m.parse
    if parse.lemma[act.i] not in m.grammar.act_nouns or parse.dep[act.i] not in ("appos", "pobj", "npadvmod", "dobj"):
        return None
    verb = act.i
    for _ in range(4):  # (the parser may hang the apposed move on the clause's last noun)
        if parse.head[verb] == verb:
            return None
        verb = parse.head[verb]
        if parse.pos[verb] in ("VERB", "AUX"):
            # "ordered the armed forces to do whatever is necessary, a move Y criticized": the move is the order,
            # not what it ordered done (an infinitive's clause is its governor's act)
            while parse.dep[verb] == "xcomp" and parse.head[verb] != verb and parse.pos[parse.head[verb]] == "VERB":
                verb = parse.head[verb]
            return m.subjects(m.doc[verb]) if verb != clause.i else None
    return None


def _shared_object(parse, i: int) -> list[int]:
    """The object that verbs in a row share, after the last of them: "beat and detained four supporters",
    "killing, maiming and displacing civilians" (each verb follows the one before it closely, with no
    subject or object of its own, and an "and" or "or" joins the row)."""
    dep, children = parse.dep, parse.children
    joined = any(dep[k] == "cc" for k in children[i])
    while True:
        following = next((c for c in children[i] if dep[c] == "conj" and parse.pos[c] == "VERB" and i < c <= i + 3
                          and not any(dep[s] in ("nsubj", "nsubjpass") for s in children[c])), None)
        if following is None:
            return []
        i = following
        joined = joined or any(dep[k] == "cc" for k in children[i])
        objects = [o for o in children[i] if dep[o] == "dobj"]
        if objects:
            return objects if joined else []


@RULES.register("object.direct", example="Hamas attacked the Israeli convoy.")
def direct_object(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
                  slot: str) -> tuple[Actors, bool]:
    """The direct object; of a passive, its subject or the noun its participle describes."""
    if spec.needs_object_prep:
        return [], False
    parse, doc = m.parse, m.doc
    dep, children = parse.dep, parse.children[predicate.i]
    if passive:
        tokens = [doc[c] for c in children if dep[c] in PASSIVE_SUBJECT_DEPS]
        if not tokens and dep[predicate.i] in ("acl", "relcl"):
            tokens = [predicate.head]  # "the convoy attacked yesterday", "the convoy that was attacked"
        elif not tokens and dep[predicate.i] == "pcomp" and dep[predicate.head.i] == "prep":
            # "the gunmen stormed the studio before being arrested by police": the clause's subject suffered it
            tokens = [doc[c] for c in parse.children[predicate.head.head.i] if dep[c] == "nsubj"]
        elif not tokens and parse.hyphen_participle(predicate.i):
            # "Iran-backed Houthis", "Iran-backed militias": the noun must be an actor itself, by name or by
            # description ("the China-funded port" is a thing, whatever actor it resolves to)
            named = m.resolver.table.actor_at_index(predicate.head.i) is not None
            actors = m.resolver.table.actors
            return [slot for slot in m.resolver.resolve(predicate.head)
                    if named or (slot and not actors[slot[0]].named)], True
    else:
        tokens = [doc[c] for c in children if dep[c] == "dobj"]
        relative = [c for c in children if c < predicate.i and dep[c] in ("dobj", "dep")
                    and parse.lower[c] in m.grammar.plain_relative_pronouns]
        if relative and dep[predicate.i] == "relcl" and (len(tokens) != 1 or dep[relative[0]] == "dep"):
            # "Ansar al-Sharia, which Washington had designated a terrorist organisation": the relative pronoun
            # before the verb is its object and stands for the noun; what follows says what it was made
            tokens = [predicate.head]
        elif len(tokens) > 1:
            # "informs the community that our fighters ambushed a convoy": a "that" beside the verb's own object
            # is the conjunction of a misread content clause, not a relative pronoun standing for the noun above
            tokens = [t for t in tokens if parse.lower[t.i] not in m.grammar.relative_pronouns] or tokens
        if not tokens:  # "kidnapped up to 16 advisers": the parser hangs the count on "up to"
            tokens = [p for prt in children if dep[prt] == "prt" and parse.lower[prt] == m.grammar.count_particle
                      for p in m.pobjs(doc[prt], (m.grammar.count_preposition,))
                      if any(dep[c] == "nummod" for c in parse.children[p.i])]
        if not tokens and dep[predicate.i] == "relcl" and any(
                dep[c] == "dobj" and parse.lower[c] in m.grammar.relative_pronouns for c in children):
            tokens = [predicate.head]  # "the convoy that Hamas attacked"
        if not tokens:
            # "detained opposition figure Jawhar Ben Mbarek at his home": the parser may hang a named object
            # after its title as an adverbial noun (the label of "Friday"); a named person or body is no time
            table = m.resolver.table
            tokens = [doc[c] for c in children if dep[c] == "npadvmod" and c > predicate.i
                      and (actor := table.actor_at_index(c)) is not None and actor.named
                      and actor.type in ("person", "organization")]
        if not tokens:
            tokens = [doc[o] for o in _shared_object(parse, predicate.i)]
        charge = predicate.head
        if not tokens and spec.relation in m.verbal and dep[predicate.i] == "relcl" and \
                parse.lemma[charge.i] in m.grammar.charge_nouns and dep[charge.i] in ("npadvmod", "appos"):
            # "accusing India of backing militants, a charge New Delhi rejected": the charge is the one of the
            # saying or charging verb it is apposed to
            speaker = charge.head
            for _ in range(8):
                if speaker.pos_ == "VERB" and (speaker.lemma_ in m.reporting_verbs or speaker.lemma_ in m.grammar.charge_verbs):
                    return m.subjects(speaker), True
                if speaker.head.i == speaker.i:
                    break
                speaker = speaker.head
        judged = not tokens or all(parse.lower[t.i] in m.grammar.relative_pronouns for t in tokens)
        if judged and spec.relation in m.verbal and dep[predicate.i] == "relcl":
            maker = _act_maker(m, charge, predicate)
            if maker is not None:
                return maker, True
    if spec.actor_object:  # "backed X's plan": the plan is the object, and it is no actor
        return [slot for token in tokens for slot in m.resolver.resolve(token)], bool(tokens)
    found = _actors(m, tokens, spec)
    if not found and spec.relation in m.violent:
        # "ambushed a bus transporting a paramilitary force": the people a vehicle carries were attacked
        found = _actors(m, [c for token in tokens for participle in token.children
                            if participle.dep_ == "acl" and participle.lemma_ in m.grammar.carry_verbs
                            for c in participle.children if c.dep_ == "dobj"], spec)
    if not found and tokens and not passive and all(t.pos_ == "NOUN" for t in tokens):
        # "investigating crimes by X", "condemned attacks by X": an active verb takes no "by" agent,
        # so a "by" phrase the parser hung on the verb names who did the thing in the object
        for token in m.pobjs(predicate, tuple(m.grammar.prepositions.agent)):
            found.extend(m.resolver.resolve(token))
    return found, bool(tokens)


@RULES.register("object.dative", example="Iran gave Hezbollah rockets.")
def dative(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
           slot: str) -> tuple[Actors, bool]:
    """The indirect object ("gave X rockets"), or the direct one when "with" names the thing ("armed X with")."""
    if spec.needs_object_prep:
        return [], False
    parse, doc = m.parse, m.doc
    dep, children = parse.dep, parse.children[predicate.i]
    tokens = [doc[c] for c in children if dep[c] == "dative" and parse.pos[c] != "ADP"]
    if not tokens and any(dep[c] == "prep" and parse.lower[c] in m.grammar.prepositions.instrument for c in children):
        tokens = [doc[c] for c in children if dep[c] == "dobj"]
    return _actors(m, tokens, spec), bool(tokens)


@RULES.register("object.preposition", example="Hamas cooperated with Islamic State.")
def preposition(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
                slot: str) -> tuple[Actors, bool]:
    """The object of the slot's preposition, on the predicate or on its direct object ("attacks on X")."""
    tokens = m.pobjs(predicate, (slot,))
    # "launched attacks on X", "provided assistance to X": the preposition hangs on the object
    if not tokens and predicate.pos_ == "VERB":
        for dobj in (c for c in predicate.children if c.dep_ == "dobj"):
            tokens.extend(m.pobjs(dobj, (slot,)))
            if dobj.lemma_ in m.grammar.quantifier_nouns and slot != m.grammar.of:
                # "suspended part of its aid to Burundi": on what the share is of
                tokens.extend(t for thing in m.pobjs(dobj, (m.grammar.of,)) for t in m.pobjs(thing, (slot,)))
            # "lifted the curfew imposed in Juba", "eased restrictions placed on Gaza"
            for acl in (c for c in dobj.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                tokens.extend(m.pobjs(acl, (slot,)))
    if not tokens and predicate.pos_ == "NOUN":
        # "the attack by ADF elements on MONUSCO peacekeepers": the parser hangs "on Y" on the agent
        tokens = [t for agent in m.noun_agents(predicate) for t in m.pobjs(agent, (slot,))]
        # "sanctions imposed by the United States on X": or on the light verb's participle
        tokens = tokens or [t for participle in light_participles(m, predicate) for t in m.pobjs(participle, (slot,))]
        # "the deployment of 1,000 troops against Boko Haram": or on the thing the noun's "of" phrase names
        if slot != m.grammar.of:
            tokens = tokens or [t for thing in m.pobjs(predicate, (m.grammar.of,)) for t in m.pobjs(thing, (slot,))]
    if not tokens and slot == m.grammar.of and predicate.pos_ == "VERB":  # "voted in favor of X"
        tokens = [t for c in predicate.children if c.lower_ == m.grammar.favor_noun
                  for t in m.pobjs(c, (m.grammar.of,))]
    found = _actors(m, tokens, spec)
    if len(found) == 1 and len(tokens) == 1 and slot in m.grammar.prepositions.between and spec.relation in m.violent:
        found = m.resolver.coordinated_sides(tokens[0]) or found  # "clashes between Bedouin and Druze fighters"
    if not found and tokens and not passive and predicate.pos_ == "VERB" and all(t.pos_ == "NOUN" for t in tokens):
        # "complained of harassment by X": as for a direct object, a "by" phrase the parser hung on the
        # active verb names who did the thing
        for token in m.pobjs(predicate, tuple(m.grammar.prepositions.agent)):
            found.extend(m.resolver.resolve(token))
    return found, bool(tokens)


@RULES.register("object.intended_act", example="Egypt agreed to provide aid to Gaza.")
def intended_act(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
                 slot: str) -> tuple[Actors, bool]:
    """The object of the act a verb intends, threatens or serves ("threatened to ban X"); for an agreement with a
    partner named, none ("agreed with the Misrata council to place all brigades under one command": the brigades are
    what is agreed on, the council the party)."""
    to = m.grammar.infinitive_marker
    if spec.relation in m.symmetric and m.pobjs(predicate, m.grammar.prepositions.partner_with):
        return [], True
    clauses = [c for c in predicate.children if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.lower_ == to for a in c.children))]
    # "staged demonstrations to demand X": the purpose clause may hang on the object
    clauses += [c for d in predicate.children if d.dep_ == "dobj" for c in d.children
                if c.dep_ == "acl" and c.pos_ == "VERB" and any(a.lower_ == to for a in c.children)]
    for clause in clauses:
        if m.verb_of(clause, frozenset({spec.relation})):
            continue  # "staged a sit-in to protest against X's arrest by Y": the protest is read by its own verb
        if spec.relation in m.intent.cooperative and m.verb_of(clause, m.violent):
            return [], True  # "pledged to fight X": X is the foe, no party (the threat is read from the act)
        # "rallied to demand the release of X": a protest is against whoever did the act it is about, not the one
        # the act was done to
        found = clause_object(m, clause, acts_by_doer=spec.relation in m.protests) or place_object(m, clause)
        if found:
            return found, False
    return [], False  # (an intended act's words do not stop the fallback)


@RULES.register("object.condition", example="Hamas threatened to strike unless Israel lifted the siege.")
def condition(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
              slot: str) -> tuple[Actors, bool]:
    """The side a condition is put to: the subject of an "unless" or "if" clause, on the verb, its infinitive, or a
    reported violent act ("warned that his fighters would target ships if the coalition pressed ahead")."""
    tokens: list[Token] = []
    cues = m.lexicon.cue_relations
    for clause in [predicate, *(c for c in predicate.children if c.dep_ == "xcomp" or c.dep_ == "ccomp" and
                                not cues.get(c.lemma_.lower(), frozenset()).isdisjoint(m.violent))]:
        for advcl in (c for c in clause.children if c.dep_ == "advcl" and any(
                d.dep_ == "mark" and d.lower_ in m.intent.hostile_conditions for d in c.children)):
            tokens.extend(c for c in advcl.children if c.dep_ in ("nsubj", "nsubjpass"))
    return _actors(m, tokens, spec), bool(tokens)


@RULES.register("object.clause_subject", example="Egypt demanded that Hamas end its support.")
def clause_subject(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
                   slot: str) -> tuple[Actors, bool]:
    """The subject of the complement clause ("demanded that X end ...", "said X must ...")."""
    tokens: list[Token] = []
    clause_deps = ("ccomp", "xcomp", "acl") if predicate.pos_ == "NOUN" else ("ccomp", "xcomp")
    # "called for X to withdraw": an infinitive with its own subject, which the parser makes an adverbial clause
    for_to = [c for c in predicate.children if c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == m.grammar.infinitive_marker for a in c.children) and any(
        s.dep_ == "nsubj" for s in c.children)]
    # "the accusations made by Burundi that Rwanda trains ...": the parser hangs the content on the participle
    if predicate.pos_ == "NOUN":
        for_to += [c for p in light_participles(m, predicate) for c in p.children if c.dep_ == "ccomp"]
    for clause in [*(c for c in predicate.children if c.dep_ in clause_deps), *for_to]:
        if spec.clause_modal and not any(c.dep_ == "aux" and c.lower_ in spec.clause_modal for c in clause.children):
            continue  # "said X must leave": the modal is the clause's own, not one somewhere in a quote
        if spec.theme_in_clause and spec.needs_theme_word and not _charges(m, clause, spec.needs_theme_word):
            continue  # "said X committed abuses": the wrong is said of the clause's subject
        agents = [p for c in clause.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if spec.theme_in_clause and agents:  # "said detainees had been tortured by soldiers": the soldiers are charged
            tokens.extend(agents)
            continue
        # (a speaker's "we" or "I" charges no one: "'We urge Afghanistan to ...,' Khan said" accuses not his own side)
        tokens.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and not (
            spec.theme_in_clause and (c.lower_ in m.resolver.speaker_pronouns or c.lower_ in m.resolver.self_pronouns)))
    if spec.clause_modal:  # "talks with X must continue": the talks are told, not X
        return [slot for token in tokens for slot in m.resolver.resolve(token)], bool(tokens)
    return _actors(m, tokens, spec), bool(tokens)


def _charges(m: PredicateMatcher, clause: Token, wrongs: tuple[str, ...]) -> bool:
    """Whether a reported clause charges its subject: it names a wrong ("said X committed abuses"), not in a
    relative clause about someone in it ("Tein, whom French authorities blame for orchestrating the riots, was
    flown"), or makes it the culprit of a violent act ("said al-Shabaab was behind the attack"; not "was
    responsible for security"), and does not deny it."""
    if any(c.dep_ == "neg" for c in clause.children):
        return False  # "said Hamas was not behind the attack" clears it
    culprit = m.grammar.culprit_prepositions | m.grammar.culprit_adjectives
    aside = {w.i for r in clause.subtree if r.dep_ == "relcl" and r.i != clause.i for w in r.subtree}
    table = m.resolver.table
    for t in clause.subtree:
        word = t.lower_ if t.lower_ in wrongs else t.lemma_.lower()
        if word not in wrongs or t.i in aside:
            continue
        owners = {actor.key for c in t.children if c.dep_ in ("poss", "amod", "compound")
                  and (actor := table.actor_at_index(c.i)) is not None}
        if owners and owners.isdisjoint(k for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                                        for slot in m.resolver.resolve(c) for k in slot):
            continue  # "said Trump's plan will deter Russian aggression": the wrong is another's
        if word not in culprit or any(p.dep_ == "pobj" and culprit_copula(m.parse, m.grammar, p.i) == clause.i
                                      and is_violent_event(m, p) for p in clause.subtree):
            return True
    return False


@RULES.register("object.rejecter", example="Rwanda rejected the accusations made by Burundi.")
def rejecter(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
             slot: str) -> tuple[Actors, bool]:
    """Who rejects or denies a charge it names no target of: the one it was made against."""
    head = predicate.head
    if predicate.pos_ != "NOUN" or head.pos_ != "VERB" or head.lemma_.lower() not in m.grammar.denial_verbs or \
            predicate.dep_ not in ("dobj", "nsubjpass"):
        return [], False
    return m.subjects(head), False


@RULES.register("object.receiver", example="Argentine troops forced the surrender of the Royal Marines garrison.")
def receiver(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
             slot: str) -> tuple[Actors, bool]:
    """Whom a yielding noun with no "to" yields to: the subject of the verb that forces, accepts or takes it
    ("forced the surrender of the garrison", "accepted the surrender of 200 fighters")."""
    head = predicate.head
    if predicate.pos_ != "NOUN" or predicate.dep_ != "dobj" or head.pos_ != "VERB" or \
            head.lemma_.lower() not in m.grammar.yield_takers:
        return [], False
    return m.subjects(head), False


@RULES.register("object.tied_place", example="Rebels seized the town of Paletwa after junta troops withdrew.")
def tied_place(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
               slot: str) -> tuple[Actors, bool]:
    """Where a withdrawal that names no place was from: the place taken in the clause it is tied to ("seized the
    town of Paletwa after junta troops withdrew", "captured Harardhere, and al-Shabaab withdrew without a fight")."""
    head = predicate.head
    if predicate.pos_ != "VERB" or predicate.dep_ not in ("advcl", "conj") or head.pos_ != "VERB" or any(
            c.dep_ == "dobj" for c in predicate.children):
        return [], False
    table = m.resolver.table
    for obj in (c for c in head.children if c.dep_ == "dobj"):
        for word in (obj, *m.pobjs(obj, (m.grammar.of,))):
            actor = table.actor_at_index(word.i)
            if actor is not None and actor.type == "location":
                return [[actor.key]], False
    return place_object(m, head), False


@RULES.register("object.asker", example="Otunbayeva asked Russia to send peacekeepers, but Moscow declined.")
def asker(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
          slot: str) -> tuple[Actors, bool]:
    """Whom a refusal naming nothing answers: the one who, earlier in the sentence, asked its subject
    ("X asked Russia to send peacekeepers to Osh, but Moscow declined")."""
    if predicate.pos_ != "VERB" or any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in predicate.children):
        return [], False
    refusers = {slot[0] for slot in m.subjects(predicate) if slot}
    for token in m.doc[predicate.sent.start:predicate.i]:
        if token.pos_ == "VERB" and m.verb_of(token, m.requests) and any(
                slot and slot[0] in refusers for c in token.children if c.dep_ == "dobj"
                for slot in m.resolver.resolve(c)):
            return m.subjects(token), True
    return [], False


@RULES.register("object.move_doer", example="Police detained the mayor, a move the opposition called a coup.")
def move_doer(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
              slot: str) -> tuple[Actors, bool]:
    """Who did what a relative clause's noun stands for ("X seized the oil field, a move Y described as a
    provocation", "in a move Y called a coup"; grammar `act_nouns`): the subject of the clause the noun is
    apposed to or an adjunct of."""
    parse = m.parse
    noun = parse.head[predicate.i]
    if parse.dep[predicate.i] == "conj" and any(
            parse.lemma[k] in m.grammar.act_nouns and parse.dep[k] in ("nmod", "compound", "npadvmod")
            for s in parse.children[predicate.i] if parse.dep[s] == "nsubj" for k in parse.children[s]):
        # "X seized two villages, a move Armenia's ministry called a provocation": the parser makes the verb a
        # conjunct of the clause before and the noun a modifier of its subject
        return m.subjects(m.doc[noun]), False
    if parse.dep[predicate.i] not in ("relcl", "acl"):
        return [], False
    return _act_maker(m, m.doc[noun], predicate) or [], False


@RULES.register("object.adjunct_doer", example="At the request of Mozambique, Rwanda deployed troops.")
def adjunct_doer(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
                 slot: str) -> tuple[Actors, bool]:
    """Who does the act a request noun is an adjunct of ("at the request of X, Y deployed troops"): the one
    asked."""
    prep, verb = predicate.head, predicate.head.head
    if predicate.pos_ != "NOUN" or predicate.dep_ != "pobj" or prep.dep_ != "prep" or m.names_beneficiary(predicate):
        return [], False
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("nsubj", "nsubjpass") and prep.i > verb.i:
        # "Prosecutors, with the support of the police, captured ...": the parser hangs the adjunct on the
        # subject before the verb; the subject is the one helped
        return m.resolver.resolve(verb), False
    if verb.pos_ != "VERB":
        return [], False
    if m.is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children):
        # "at the request of X, Y's forces have been deployed": whose forces were sent was asked ("troops were sent":
        # the troops)
        sent = [c for c in verb.children if c.dep_ == "nsubjpass"]
        owners = [o for c in sent for o in c.children if o.dep_ == "poss"]
        return [slot for word in (owners or sent) for slot in m.resolver.resolve(word)], False
    return m.subjects(verb), False


@RULES.register("object.bearer", example="Consuelo Porras, who is under US sanctions, raided the offices.")
def bearer(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
           slot: str) -> tuple[Actors, bool]:
    """Who bears a measure a noun names: the subject of the clause it is "under", "in" or faced in ("X is under US
    sanctions", "X faces EU sanctions", "X remains in Thai custody"; grammar `bearing_prepositions`,
    `bearing_verbs`)."""
    parse, grammar = m.parse, m.grammar
    head = parse.head[predicate.i]
    if parse.dep[predicate.i] == "pobj" and parse.lower[head] in grammar.bearing_prepositions:
        verb = parse.head[head]
    elif parse.dep[predicate.i] == "dobj" and parse.lemma[head] in grammar.bearing_verbs:
        verb = head
    else:
        return [], False
    if parse.pos[verb] not in ("VERB", "AUX"):
        return [], False
    if m.is_passive(m.doc[verb]):  # "X was placed under sanctions", "X is held in Thai custody"
        return [slot for c in parse.children[verb] if parse.dep[c] == "nsubjpass"
                for slot in m.resolver.resolve(m.doc[c])], True
    return m.subjects(m.doc[verb]), True


@RULES.register("object.own_subject", example="21 passengers died in an attack by the rebels.")
def own_subject(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
                slot: str) -> tuple[Actors, bool]:
    """The verb's own subject, for verbs whose subject is the one harmed ("X died in an attack by Y")."""
    if passive:
        return [], False
    tokens = [c for c in predicate.children if c.dep_ == "nsubj"]
    return _actors(m, tokens, spec), bool(tokens)


@RULES.register("object.owner", example="The schoolgirls were freed by their captors.")
def owner(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
          slot: str) -> tuple[Actors, bool]:
    """The possessor of a noun that names the doer ("the students' captors": those held); a possessive pronoun
    only where it stands for one the noun's own clause names ("the students were freed by their captors"):
    the light coreference often resolves one to another actor of the story."""
    tokens = [c for c in predicate.children if c.dep_ == "poss" and (c.pos_ != "PRON" or _bound_in_clause(m, c))]
    return _actors(m, tokens, spec), bool(tokens)


def _bound_in_clause(m: PredicateMatcher, pronoun: Token) -> bool:
    """Whether a pronoun stands for a core argument (subject or object) of the clause its phrase hangs on."""
    noun = pronoun.head
    clause = noun.head
    while clause.dep_ in ("agent", "prep", "pobj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    own = {key for slot in m.resolver.resolve(pronoun) for key in slot}
    named = {key for c in clause.children if c.i != noun.i and c.dep_ in ("nsubj", "nsubjpass", "dobj")
             for slot in m.resolver.resolve(c) for key in slot}
    return bool(own) and own <= named


@RULES.register("object.apposed", example="Saudi Arabia's closest ally, Egypt, sent troops.")
def apposed(m: PredicateMatcher, predicate: Token, spec: Predicate, passive: bool,
            slot: str) -> tuple[Actors, bool]:
    """The actor a relational noun is said of, when its owner is the subject: "Egypt's ally, France",
    "China, which has been North Korea's closest ally" (apposed, or the subject of its copula)."""
    if not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and m.resolver.table.actor_at(c))
               for c in predicate.children):
        return [], False  # "X is a key ally in the war": no owner, so the noun's subject is the one apposed
    found = apposition(m, predicate) or []
    for child in predicate.children:
        if child.dep_ == "appos":
            found.extend(m.resolver.resolve(child))
    return found, bool(found)


# -- fallbacks: rule(matcher, predicate, spec, seen_object) -> actors, or None when it does not apply --------
@RULES.register("object.recipient", example="The attack by the RSF drew condemnation from the United Nations.")
def recipient(m: PredicateMatcher, predicate: Token, spec: Predicate, seen_object: bool) -> Actors | None:
    """The subject of a receiving verb, to whom a noun predicate's "from" giver does it ("X faced criticism
    from Y"): for a verbal relation, of an act the doer ("the attack by X drew condemnation")."""
    if predicate.pos_ != "NOUN" or not received_from(m, predicate):
        return None
    head = predicate.head
    receivers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.dep_ == "relcl" and receivers and all(c.lower_ in m.grammar.relative_pronouns for c in receivers):
        # "attacked the convoy, a move that drew condemnation from the UN": the move's maker
        maker = _act_maker(m, head.head, head)
        if maker is not None:
            return maker or None
    return _actors(m, receivers, spec) or None


@RULES.register("object.in_clause", example="Hamas turned to Israel for help.")
def in_clause(m: PredicateMatcher, predicate: Token, spec: Predicate, seen_object: bool) -> Actors | None:
    """The first actor inside the verb's own clause, when no slot found one and its object is no thing. Not
    through a violent act's cause ("Ukrainians who are fighting for their freedom and for national security"
    fight no one named there)."""
    if predicate.pos_ != "VERB" or spec.pos != "verb" or spec.needs_object_prep or spec.reverse or seen_object:
        return None
    adjunct = m.violent_adjunct if spec.relation in m.violent else m.grammar.prepositions.adjunct
    # ("helped dislodge insurgents from Palma": whom the act that help is given to is done to is no one helped)
    return clause_object(m, predicate, adjunct, through_acts=spec.relation not in m.material_cooperation) or None


@RULES.register("object.place", example="Troops imposed a curfew in Abidjan.")
def place(m: PredicateMatcher, predicate: Token, spec: Predicate, seen_object: bool) -> Actors | None:
    """A named place the act is done in or to, for relations whose object may be a place (place_object; never a
    violent act: "struck oil facilities in northeast Syria" is no attack on Syria, and the issue's own example,
    "attack the rebel-held province of Idlib", no Russian attack on Syria), nor for a reading whose object only
    prepositions other than a place's give ("warned against hospital care in Vietnam" is no threat to Vietnam)."""
    if predicate.pos_ != "VERB" or spec.pos != "verb" or spec.reverse or spec.relation not in m.place_relations or \
            spec.needs_object_prep and m.grammar.prepositions.place.isdisjoint(spec.object):
        return None
    return place_object(m, predicate)


@RULES.register("object.repeller", example="The army repelled an attack by ISWAP on its base.")
def repeller(m: PredicateMatcher, predicate: Token, spec: Predicate, seen_object: bool) -> Actors | None:
    """The one who repelled, foiled or survived a violent act named by a noun: its target."""
    parse = m.parse
    h = parse.head[predicate.i]
    if predicate.pos_ != "NOUN" or spec.relation not in m.violent or parse.dep[predicate.i] != "dobj" or \
            parse.pos[h] != "VERB" or parse.lemma[h] not in m.grammar.repel_verbs:
        return None
    return m.subjects(m.doc[h])


def clause_object(m: PredicateMatcher, predicate: Token, adjunct: frozenset[str] | None = None,
                  acts_by_doer: bool = False, through_acts: bool = True) -> Actors:
    """The first actor inside the predicate's own clause, reached through its object or prepositional
    phrases ("demanded a truce with X", "reneged on its commitment to X"), not through `adjunct` phrases
    (the grammar's circumstances by default), nor, without `through_acts`, through an infinitive on the predicate
    ("helped dislodge X"); with `acts_by_doer`, an act done to someone stands for its doer, or for nobody ("to
    demand the release of X")."""
    parse = m.parse
    dep, children = parse.dep, parse.children
    adjunct = m.grammar.prepositions.adjunct if adjunct is None else adjunct
    opening = ("dobj", "prep", "dative", "xcomp", "attr") if through_acts else ("dobj", "prep", "dative", "attr")
    queue = [c for c in children[predicate.i] if dep[c] in opening]
    seen = 0
    while queue and seen < 25:
        token = queue.pop(0)
        seen += 1
        if dep[token] in CLAUSE_EDGE_DEPS:
            continue
        if dep[token] == "pobj" and parse.lower[parse.head[token]] in adjunct or parse.hyphen_participle(token):
            continue  # (nor who brokered or backed what the phrase names: "agreed to a Russian-brokered truce")
        if parse.lower[token] == m.grammar.according[0]:
            continue  # "withdrew without a fight, according to local elders": who says so, not the object
        if parse.pos[token] in ("NOUN", "PROPN", "PRON") or m.resolver.table.actor_at_index(token) is not None:
            found = m.resolver.resolve(m.doc[token])
            if found:
                return found[:1]
            if acts_by_doer and m.act_on_another(m.doc[token]):
                return m.noun_subjects(m.doc[token])[0][:1]
        queue.extend(c for c in children[token] if dep[c] not in ("nsubj", "nsubjpass", "punct"))
    return []


def place_object(m: PredicateMatcher, predicate: Token) -> Actors:
    """A named place the act is done in or to ("imposed a curfew in Abidjan", "arrived in Amman")."""
    parse = m.parse
    preps = m.grammar.prepositions
    heads = [predicate, *(m.doc[c] for c in parse.children[predicate.i] if parse.dep[c] == "dobj")]
    for head in heads:
        for pobj in m.pobjs(head, preps.place):
            # "fired at targets in Jericho": one step further when the target is not itself a place
            for word in [pobj, *m.pobjs(pobj, preps.place_within)]:
                actor = m.resolver.table.actor_at_index(word.i)
                if actor is not None and parse.ent_type[word.i] in PLACE_ENTITIES and \
                        actor.type in ("location", "state"):
                    return [[actor.key]]
    return []
