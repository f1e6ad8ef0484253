"""The rules that read claims from a parse, by name, and the order each step of the matcher tries them.

A rule is a small function in one of the modules here, registered with `@RULES.register(name,
example=...)` and a one-line docstring saying what it reads. `extract/predicates.py` (PredicateMatcher)
walks these tables: to add a rule, write it beside its kind and put its name in the step's tuple below
(docs/extraction.md, "Adding a rule").
"""
from __future__ import annotations

from . import objects, readings, subjects  # noqa: F401  (they register their rules)
from .registry import RULES, RawClaim, Rule, RuleTable

# Who does what a verb says: the first rule that answers (a list, even empty) decides; a rule that does not
# apply answers None. The later ones climb to the clause the verb depends on.
VERB_SUBJECT_RULES = (
    "subject.fight_toll",
    "subject.misread_root",
    "subject.hyphen_agent",
    "subject.event_agent",
    "subject.active",
    "subject.passive_agent",
    "subject.reported_clause",
    "subject.purpose_clause",
    "subject.relative_clause",
    "subject.participle",
    "subject.adjective_control",
    "subject.control",
    "subject.coordination",
    "subject.charged_party",
    "subject.claimed_act",
    "subject.prepositional_clause",
)
# Who does what a noun predicate says ("Hamas's attack on X"): the first rule that answers decides.
NOUN_SUBJECT_RULES = (
    "noun_subject.owner",
    "noun_subject.source",
    "noun_subject.light_verb",
    "noun_subject.participants",
    "noun_subject.claimed",
    "noun_subject.adjunct",
    "noun_subject.manner",
    "noun_subject.apposition",
    "noun_subject.misread_verb",
)
# The parties a noun predicate names together ("talks between X and Y"), paired by the matcher.
NOUN_SIDE_RULES = (
    "noun_subject.between",
    "noun_subject.hyphen_pair",
)
# The object, slot by slot as the lexicon entry lists them (`object:` in data/cues/predicates/*.yaml);
# a slot not named here is a preposition ("with", "on", "against").
OBJECT_SLOT_RULES = {
    "dobj": "object.direct",
    "dative": "object.dative",
    "ccomp": "object.clause_subject",
    "xcomp_object": "object.intended_act",
    "unless": "object.condition",
    "own_subject": "object.own_subject",
    "owner": "object.owner",
    "apposed": "object.apposed",
    "rejecter": "object.rejecter",
    "adjunct_doer": "object.adjunct_doer",
    "bearer": "object.bearer",
    "move_doer": "object.move_doer",
    "asker": "object.asker",
    "receiver": "object.receiver",
    "tied_place": "object.tied_place",
}
OBJECT_PREPOSITION_RULE = "object.preposition"
# When no slot gave an actor: the first fallback that answers decides.
OBJECT_FALLBACK_RULES = (
    "object.recipient",
    "object.in_clause",
    "object.place",
    "object.repeller",
)
# Further PLOVER readings of each claim read, in order; after a `final` one answers, the rest are skipped.
CLAIM_READING_RULES = (
    "reading.deployment_aim",
    "reading.readiness",
    "reading.threat",
    "reading.refusal",
    "reading.intent",
    "reading.protest_demand",
)
# Readings of all the claims of a sentence together, after the claims' own readings.
SENTENCE_READING_RULES = (
    "reading.joint_act",
    "reading.partners",
    "reading.co_agents",
)

__all__ = [
    "CLAIM_READING_RULES",
    "NOUN_SIDE_RULES",
    "NOUN_SUBJECT_RULES",
    "OBJECT_FALLBACK_RULES",
    "OBJECT_PREPOSITION_RULE",
    "OBJECT_SLOT_RULES",
    "RULES",
    "SENTENCE_READING_RULES",
    "VERB_SUBJECT_RULES",
    "RawClaim",
    "Rule",
    "RuleTable",
]
