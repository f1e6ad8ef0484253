"""Readings: further PLOVER claims read off a claim already found (promised, threatened, refused, readied,
joint acts)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .registry import RULES, RawClaim

# the rule of an attack's claim read for the group that claimed responsibility for it (predicates.py): the group
# is behind the attacker, not its ally
RESPONSIBILITY_CLAIMED = "reading:responsibility-claimed"

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..predicates import PredicateMatcher


# -- of one claim: rule(matcher, claim) -> a further claim, or None -----------------------------------------
@RULES.register("reading.readiness", example="The army is prepared to resume shelling Gaza.")
def readiness(m: PredicateMatcher, claim: RawClaim) -> RawClaim | None:
    """MOBILIZE for violence being readied ("prepared to resume shelling X"), as PLOVER codes it."""
    if claim.relation in m.violent and m.is_threat(claim.predicate, m.intent.readiness):
        return RawClaim(predicate=claim.predicate, relation="MOBILIZE", subject=claim.subject,
                        rule="reading:readiness", object=claim.object, mode=None,
                        attributes={"intent": claim.relation})
    return None


@RULES.register("reading.deployment_aim", example="Rwanda deployed 1,000 troops to Cabo Delgado to fight insurgents.",
                final=True)
def deployment_aim(m: PredicateMatcher, claim: RawClaim) -> RawClaim | None:
    """MOBILIZE against whom forces are deployed, sent or dispatched to fight ("deployed troops to Tibú to
    confront ELN fighters"): the fight is the deployment's aim, not yet fought (the violent claim is dropped)."""
    if claim.relation not in m.violent:
        return None
    deployment = m.deployment_for(claim.predicate)
    if deployment is None or not any(claim.subject in slot[:1] for slot in m.subjects(deployment)):
        return None  # (not the other side of a mutual fight)
    return RawClaim(predicate=deployment, relation="MOBILIZE", subject=claim.subject, rule="reading:deployment_aim",
                    object=claim.object, mode="troops", attributes={"intent": claim.relation})


@RULES.register("reading.threat", example="Israel threatened to bomb Hamas.", final=True)
def threat(m: PredicateMatcher, claim: RawClaim) -> RawClaim | None:
    """THREATEN for a hostile act promised, threatened or put on a condition, or any act made conditional."""
    governor = m.governor(claim.predicate)
    # (a decreed act announced to come is done, no threat: "announced it would cease military aid to X")
    if claim.relation != "THREATEN" and not _sent_there(m, claim) and (
            (claim.relation in m.intent.hostile and (
                m.is_intent(claim.predicate) and claim.relation not in m.decreed or m.is_threat(claim.predicate)
                or m.is_conditional(governor, m.intent.hostile_conditions)))
            or m.is_conditional(governor)):
        # "threatened to attack X": the threat is what happened, with its own polarity and certainty
        said = m.intent_verb(claim.predicate, m.intent.threats) or m.intent_verb(claim.predicate, m.intent.verbs)
        if claim.returned and said is not None and claim.subject not in {key for slot in m.subjects(said)
                                                                          for key in slot}:
            return None  # "X vowed to fight Y": Y fights back in the act, but made no threat
        if claim.predicate.dep_ == "xcomp" and claim.predicate.head.lemma_.lower() in m.lexicon.hedging.ending_verbs:
            return None  # "warned that his men would stop fighting X": an act to be given up threatens no one
        return RawClaim(predicate=said or claim.predicate, relation="THREATEN", subject=claim.subject,
                        rule="reading:threat",
                        object=claim.object, mode=None, attributes={"intent": claim.relation})
    return None


def _sent_there(m: PredicateMatcher, claim: RawClaim) -> bool:
    """Whether the claim's object is where its forces go ("troops would be deployed to Lamu", "will send troops to
    Poland"): a destination, not a target (grammar.yaml `prepositions.destination`)."""
    table = m.resolver.table
    return claim.relation == "MOBILIZE" and any(
        prep.lower_ in m.grammar.prepositions.destination and (actor := table.actor_at_index(place.i)) is not None
        and actor.key == claim.object
        for prep in claim.predicate.children if prep.dep_ == "prep" for place in prep.children if place.dep_ == "pobj")


@RULES.register("reading.refusal", example="Hamas refused to meet Fatah.", final=True)
def refusal(m: PredicateMatcher, claim: RawClaim) -> RawClaim | None:
    """REJECT for a cooperative act refused ("refused to lift") or declined ("would not meet")."""
    if claim.relation not in m.intent.cooperative or claim.predicate.pos_ not in ("VERB", "AUX"):
        return None
    how = m.refusal(claim.predicate)
    if not how:
        return None
    return RawClaim(predicate=claim.predicate, relation="REJECT", subject=claim.subject, rule="reading:refusal",
                    object=claim.object, mode=None, attributes={"refused": claim.relation},
                    refused_by_negation=how in ("negation", "negating verb"))


@RULES.register("reading.intent", example="Egypt will provide aid to the Palestinian Authority.", final=True)
def intent(m: PredicateMatcher, claim: RawClaim) -> RawClaim | None:
    """AGREE for a cooperative act promised or intended ("will provide", "agreed to withdraw").

    The promise stands for the act, which is not yet done: PredicateMatcher drops the act's own claim."""
    # (a place the act is done in or left is no party to the promise: "would withdraw from Kupiansk")
    if claim.relation in m.intent.cooperative and claim.relation != "AGREE" and \
            claim.predicate.pos_ in ("VERB", "AUX") and m.is_intent(claim.predicate) and \
            m.resolver.table.actors[claim.object].type != "location":
        # "agreed to withdraw": the agreement is what happened, with its own polarity and certainty
        said = m.intent_verb(claim.predicate, m.intent.verbs)
        return RawClaim(predicate=said or claim.predicate, relation="AGREE", subject=claim.subject,
                        rule="reading:intent",
                        object=claim.object, mode=None, attributes={"intent": claim.relation})
    return None


@RULES.register("reading.protest_demand", example="Thousands marched to demand the resignation of the president.")
def protest_demand(m: PredicateMatcher, claim: RawClaim) -> RawClaim | None:
    """PROTEST against the one a march or protest demands something of ("marched to demand the resignation of
    X", "protested, demanding the release of Y by Z"): whom the demonstrators ask is whom they demonstrate against."""
    if claim.relation != "REQUEST" or claim.predicate.dep_ not in ("xcomp", "advcl"):
        return None
    protest = claim.predicate.head
    if protest.pos_ != "VERB" or not any(spec.relation == "PROTEST" for spec in m.lookup(
            m.lexicon.verbs, m.parse.lemma[protest.i], protest.lower_)):
        return None
    return RawClaim(predicate=protest, relation="PROTEST", subject=claim.subject, rule="reading:protest_demand",
                    object=claim.object, mode="demonstrate")


# -- of a sentence and all its claims: rule(matcher, sentence, claims) -> further claims -----------------------
@RULES.register("reading.joint_act", example="Hamas cooperated with Islamic State in the killing of soldiers.")
def joint_act(m: PredicateMatcher, sent: Span, claims: list[RawClaim]) -> list[RawClaim]:
    """The hostile act both partners did: "X cooperated with Y in the killing of Z" is X and Y to Z."""
    out: list[RawClaim] = []
    joint = m.grammar.prepositions.joint_act
    for claim in claims:
        if claim.relation != "COOPERATE":
            continue
        acts = [p for prep in claim.predicate.children if prep.dep_ == "prep" and prep.lower_ in joint
                for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
        for act in acts:
            for spec in m.lookup(m.lexicon.nouns, m.parse.lemma[act.i], act.lower_):
                if spec.relation not in m.intent.hostile:
                    continue
                modes = set(m.ontology[spec.relation].modes)
                for slot in m.objects(act, spec):
                    for actor in (claim.subject, claim.object):
                        if slot and slot[0] not in (claim.subject, claim.object):
                            out.append(RawClaim(predicate=act, relation=spec.relation, subject=actor,
                                                rule="reading:joint-act", object=slot[0],
                                                mode=spec.mode if spec.mode in modes else None))
    return out


@RULES.register("reading.partners", example="Somali forces, in coordination with ATMIS, attacked al-Shabaab.")
def partners(m: PredicateMatcher, sent: Span, claims: list[RawClaim]) -> list[RawClaim]:
    """A partner named in an adjunct of an act ("in coordination with Y", "together with Y", "in a joint
    operation with Y", "alongside Y"), on the verb or on its subject, does the act too, and is the doer's
    ally in it: of a deed, not of words (verbal relations) or of structure. An act with no other actor in it
    ("X, together with Y, repelled the assaults", "intercepted the drones") still makes them allies, when both are
    bodies (a judge who "heard the case along with" two others is no ally of theirs)."""
    out: list[RawClaim] = []
    preps, lower = m.grammar.prepositions, m.parse.lower
    if not any(lower[i] in preps.partner or lower[i] in preps.partner_with for i in range(sent.start, sent.end)):
        return out  # every partner is named by one of these words: most sentences have none
    seen = set()
    claimed = {claim.predicate.i for claim in claims}
    actors = m.resolver.table.actors
    for verb in sent:
        if verb.pos_ != "VERB" or verb.i in claimed or m.parse.lemma[verb.i] in m.reporting_verbs or any(
                spec.relation in m.verbal for spec in m.lookup(m.lexicon.verbs, m.parse.lemma[verb.i], verb.lower_)):
            continue
        for partner in _partners(m, verb):
            for slot in m.subjects(verb):
                if slot and slot[0] != partner and "person" not in (actors[slot[0]].type, actors[partner].type):
                    out.append(RawClaim(predicate=verb, relation="COOPERATE", subject=slot[0], object=partner,
                                        rule="reading:partner", mode=None))
    for claim in claims:
        if claim.relation not in m.deeds or claim.object in (None, claim.subject):
            continue
        seen.add((claim.predicate.i, claim.subject, claim.object))
        if (claim.predicate.i, claim.object, claim.subject) in seen:
            continue  # the other side of a clash ("X, along with Y, clashed with Z"): Y is not Z's partner
        for partner in _partners(m, claim.predicate):
            if partner not in (claim.subject, claim.object):
                out.append(RawClaim(predicate=claim.predicate, relation=claim.relation, subject=partner,
                                    object=claim.object, rule="reading:partner", mode=claim.mode))
                out.append(RawClaim(predicate=claim.predicate, relation="COOPERATE", subject=claim.subject,
                                    object=partner, rule="reading:partner", attributes={"joint": claim.relation},
                                    mode="military" if claim.relation in m.violent else None))
    return out


def _grammatical_subjects(m: PredicateMatcher, predicate) -> set[str]:
    """The actors the predicate's own subject names (a noun's: whoever its clause makes its doer)."""
    if predicate.pos_ == "NOUN":
        return {key for slot in m.noun_subjects(predicate)[0] for key in slot}
    return {key for c in predicate.children if c.dep_ == "nsubj" for slot in m.resolver.resolve(c) for key in slot}


def _partners(m: PredicateMatcher, predicate) -> list[str]:
    parse, grammar = m.parse, m.grammar
    preps = grammar.prepositions
    # (an act noun's light verb and its subject: "X, together with Y, launched an operation against Z"; not when the
    # noun names its own doer: "X, together with Y, repelled an aggression by Z" is no partner of Z's)
    verbs = [predicate, predicate.head] if predicate.pos_ == "NOUN" and predicate.dep_ == "dobj" and not any(
        c.dep_ == "prep" and c.lower_ == "by" for c in predicate.children) else [predicate]
    heads = [*verbs, *(c for verb in verbs for c in verb.children if c.dep_ == "nsubj")]
    # "X, acting in coordination with Y, neutralised Z": a participle of the doer or the act
    heads += [c for h in heads for c in h.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"]
    words = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and (child.lower_ in preps.partner or child.lower_ in preps.partner_with and any(
                    a.dep_ == "advmod" and a.lower_ in grammar.partner_adverbs for a in child.children)):
                words.append(child)  # "alongside Y", "together with Y"
            elif child.dep_ in ("advmod", "prep") and child.lower_ in grammar.partner_adverbs:  # "along with Y"
                words.extend(c for c in child.children if c.dep_ == "prep" and c.lower_ in preps.partner_with)
            elif child.dep_ == "prep":  # "in coordination with Y", "in a joint operation with Y"
                words.extend(w for p in child.children if p.dep_ == "pobj" and parse.lemma[p.i] in grammar.partner_nouns
                             for w in p.children if w.dep_ == "prep" and w.lower_ in preps.partner_with)
    return [slot[0] for prep in words for p in prep.children if p.dep_ == "pobj" and not _own_people(p)
            for slot in m.resolver.resolve(p) if slot]


def _own_people(noun) -> bool:
    """"along with 30 of his fighters": the doer's own people, who share the act but are no partner of theirs."""
    nouns = [noun, *(o for c in noun.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj")]
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for n in nouns for c in n.children)


def _joint(m: PredicateMatcher, claim: RawClaim) -> bool:
    """Whether a deed is done together: "jointly" or "together" ("state police and the army jointly detained X"),
    or named "joint", with a third party too ("X and Y warships conducted joint patrols with Z")."""
    children = claim.predicate.children
    if claim.relation in m.deeds and any(
            c.dep_ == "advmod" and c.lower_ in m.grammar.partner_adverbs for c in children):
        return True
    return (claim.relation in m.deeds or claim.relation == "COOPERATE") and any(
        c.dep_ == "dobj" and any(a.dep_ == "amod" and a.lower_ in m.grammar.partner_adjectives for a in c.children)
        for c in children)


@RULES.register("reading.co_agents", example="Russia, Iran and Syria launched an offensive against the rebels.")
def co_agents(m: PredicateMatcher, sent: Span, claims: list[RawClaim]) -> list[RawClaim]:
    """Actors who do one violent act (or any deed "jointly") to the same target together are allies in it:
    COOPERATE between the subjects of one predicate ("X and Y attacked Z"); sides of a clash are each other's
    objects, not allies.
    Two states that condemn or sanction the same side are not thereby working together."""
    by_act: dict[tuple[int, str, str], list[str]] = {}
    for claim in claims:
        if (claim.relation in m.violent or _joint(m, claim)) and claim.object not in (None, claim.subject) and \
                claim.rule != RESPONSIBILITY_CLAIMED:
            subjects = by_act.setdefault((claim.predicate.i, claim.relation, claim.object), [])
            if claim.subject not in subjects:
                subjects.append(claim.subject)
    out: list[RawClaim] = []
    # "Tajik and Kyrgyz troops exchanged fire, leaving three servicemen dead": who fight each other in the
    # sentence are no allies in what they did together
    enemies = {frozenset((c.subject, c.object)) for c in claims if c.relation in m.violent}
    for (i, relation, target), subjects in by_act.items():
        sides = {c.object for c in claims if c.predicate.i == i and c.subject == target}
        # (a fight's target fights back at all of them: "Kenyan and Somali troops fought al-Shabaab" are allies,
        # but not those the grammatical subject fought: "clashes with the FARDC and Wazalendo militias")
        if sides.issuperset(subjects) and target not in _grammatical_subjects(m, m.doc[i]):
            sides = set()
        allies = [s for s in subjects if s not in sides]
        group = m.resolver.included_in
        for k, first in enumerate(allies):
            for second in allies[k + 1:]:
                if frozenset((first, second)) in enemies or group.get(first, first) == group.get(second, second):
                    continue  # (nor are a group and those it includes: "armed groups, including the ELN and X")
                out.append(RawClaim(predicate=m.doc[i], relation="COOPERATE", subject=first, object=second,
                                    rule="reading:co-agents", attributes={"joint": relation},
                                    mode="military" if relation in m.violent else None))
    return out
