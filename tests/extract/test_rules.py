"""The named extraction rules (extract/rules/), each on a parse built by hand, not by the statistical parser.

Every sentence is written as one row per word: text, head (index), label, part of speech, tag, lemma and
entity (IOB, "O" when left out). Rules are called through the table (RULES[name]), as the matcher does.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.extract.actors import ActorTable
from claimgraph.extract.arguments import ArgumentResolver
from claimgraph.extract.lexicon import Predicate, load_lexicon
from claimgraph.extract.parse import Parse
from claimgraph.extract.predicates import PredicateMatcher
from claimgraph.extract.rules import (
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
    RuleTable,
)

pytestmark = pytest.mark.issue(15)

VOCAB = spacy.blank("en").vocab


def _parse(rows: str) -> tuple[PredicateMatcher, Doc]:
    """A matcher over the hand-built parse of one sentence."""
    table = [line.split() for line in rows.strip().splitlines()]
    words = [r[0] for r in table]
    doc = Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False],
              heads=[int(r[1]) for r in table], deps=[r[2] for r in table], pos=[r[3] for r in table],
              tags=[r[4] for r in table], lemmas=[r[5] for r in table],
              ents=[r[6] if len(r) > 6 else "O" for r in table])
    lexicon = load_lexicon()
    actors = ActorTable(doc, lexicon, Parse(doc)).build()
    return PredicateMatcher(lexicon, ArgumentResolver(doc, actors, lexicon)), doc


def _names(m: PredicateMatcher, found) -> list[str]:
    return [m.resolver.table.actors[slot[0]].name for slot in found or ()]


def _key(m: PredicateMatcher, name: str) -> str:
    return next(key for key, actor in m.resolver.table.actors.items() if actor.name == name)


def _claims(m: PredicateMatcher, doc: Doc) -> set[tuple[str, str, str, str]]:
    """(relation, subject, object, rule) of every claim the matcher reads in the sentence."""
    actors = m.resolver.table.actors
    return {(c.relation, actors[c.subject].name, actors[c.object].name, c.rule)
            for sent in doc.sents for c in m.match_sentence(sent)}


def _spec(relation: str, lemma: str, *slots: str) -> Predicate:
    return Predicate(relation=relation, lemma=lemma, pos="verb", object=slots or ("dobj",))


ACTIVE = """
Hamas 1 nsubj PROPN NNP Hamas B-ORG
attacked 1 ROOT VERB VBD attack
Israel 1 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
"""
PASSIVE = """
Israel 2 nsubjpass PROPN NNP Israel B-GPE
was 2 auxpass AUX VBD be
attacked 2 ROOT VERB VBN attack
by 2 agent ADP IN by
Hamas 3 pobj PROPN NNP Hamas B-ORG
. 2 punct PUNCT . .
"""


# -- the table ---------------------------------------------------------------------------------------------
def test_rules_every_step_names_registered_rules_once():
    steps = [*VERB_SUBJECT_RULES, *NOUN_SUBJECT_RULES, *NOUN_SIDE_RULES, *OBJECT_SLOT_RULES.values(),
             OBJECT_PREPOSITION_RULE, *OBJECT_FALLBACK_RULES, *CLAIM_READING_RULES, *SENTENCE_READING_RULES]
    assert all(name in RULES for name in steps)
    assert sorted(steps) == sorted(rule.name for rule in RULES)  # each rule in one step, none left out


def test_rules_each_says_what_it_reads_with_an_example():
    for rule in RULES:
        assert rule.summary and rule.example.endswith("."), rule.name


def test_rules_a_name_is_registered_once():
    table = RuleTable()
    def read():
        """Reads nothing."""

    table.register("x.y", example="X.")(read)
    with pytest.raises(ValueError, match="registered twice"):
        table.register("x.y", example="X.")(read)
    with pytest.raises(KeyError, match="no rule named"):
        table["x.z"]


# -- subjects of verbs -------------------------------------------------------------------------------------
def test_rule_subject_active_reads_the_subject():
    m, doc = _parse(ACTIVE)
    assert _names(m, RULES["subject.active"].read(m, doc[1], 0, False)) == ["Hamas"]
    assert RULES["subject.active"].read(m, doc[1], 0, True) is None  # a passive's subject is its object
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_subject_passive_agent_reads_the_by_phrase():
    m, doc = _parse(PASSIVE)
    assert _names(m, RULES["subject.passive_agent"].read(m, doc[2], 0, True)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_subject_passive_agent_without_agent_names_nobody():
    m, doc = _parse("""
Israel 2 nsubjpass PROPN NNP Israel B-GPE
was 2 auxpass AUX VBD be
attacked 2 ROOT VERB VBN attack
. 2 punct PUNCT . .
""")
    assert RULES["subject.passive_agent"].read(m, doc[2], 0, True) == []
    assert _claims(m, doc) == set()


def test_rule_subject_reported_clause_stops_at_the_speaker():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
attacked 5 ccomp VERB VBD attack
Israel 1 dobj PROPN NNP Israel B-GPE
, 5 punct PUNCT , ,
Fatah 5 nsubj PROPN NNP Fatah B-ORG
said 5 ROOT VERB VBD say
. 5 punct PUNCT . .
""")
    assert RULES["subject.reported_clause"].read(m, doc[1], 0, False) == []
    assert RULES["subject.reported_clause"].read(m, doc[5], 0, False) == []  # the root
    assert m.subjects(doc[1]) != []  # its own subject comes first


def test_rule_subject_purpose_clause_is_the_main_verbs_subject():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
launched 1 ROOT VERB VBD launch
an 3 det DET DT an
offensive 1 dobj NOUN NN offensive
to 5 aux PART TO to
retake 3 acl VERB VB retake
Rafah 5 dobj PROPN NNP Rafah B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.purpose_clause"].read(m, doc[5], 0, False)) == ["Hamas"]


def test_rule_subject_relative_clause_is_the_noun_described():
    m, doc = _parse("""
Fatah 1 nsubj PROPN NNP Fatah B-ORG
condemned 1 ROOT VERB VBD condemn
Hamas 1 dobj PROPN NNP Hamas B-ORG
which 4 nsubj PRON WDT which
attacked 2 relcl VERB VBD attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.relative_clause"].read(m, doc[4], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_subject_participle_is_the_noun_described():
    m, doc = _parse("""
Police 1 nsubj NOUN NNS police
saw 1 ROOT VERB VBD see
Hamas 1 dobj PROPN NNP Hamas B-ORG
attacking 2 acl VERB VBG attack
Israel 3 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.participle"].read(m, doc[3], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_subject_adjective_control_climbs_past_the_adjective():
    m, doc = _parse("""
Israel 1 nsubj PROPN NNP Israel B-GPE
is 1 ROOT AUX VBZ be
willing 1 acomp ADJ JJ willing
to 4 aux PART TO to
attack 2 xcomp VERB VB attack
Hamas 4 dobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.adjective_control"].read(m, doc[4], 0, False)) == ["Israel"]


def test_rule_subject_control_is_the_governing_verbs_object():
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
urged 1 ROOT VERB VBD urge
Hamas 1 dobj PROPN NNP Hamas B-ORG
to 4 aux PART TO to
attack 1 xcomp VERB VB attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.control"].read(m, doc[4], 0, False)) == ["Hamas"]


def test_rule_subject_coordination_shares_the_first_verbs_subject():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
met 1 ROOT VERB VBD meet
Fatah 1 dobj PROPN NNP Fatah B-ORG
and 1 cc CCONJ CC and
attacked 1 conj VERB VBD attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.coordination"].read(m, doc[4], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_subject_prepositional_clause_is_the_governing_verbs_subject():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
succeeded 1 ROOT VERB VBD succeed
in 1 prep ADP IN in
attacking 2 pcomp VERB VBG attack
Israel 3 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.prepositional_clause"].read(m, doc[3], 0, False)) == ["Hamas"]


# -- subjects of nouns -------------------------------------------------------------------------------------
def test_rule_noun_subject_owner_reads_the_possessor():
    m, doc = _parse("""
Hamas 2 poss PROPN NNP Hamas B-ORG
's 0 case PART POS 's
attack 5 nsubj NOUN NN attack
on 2 prep ADP IN on
Israel 3 pobj PROPN NNP Israel B-GPE
failed 5 ROOT VERB VBD fail
. 5 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.owner"].read(m, doc[2])) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "noun:attack") in _claims(m, doc)


def test_rule_noun_subject_light_verb_reads_the_verbs_subject():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
launched 1 ROOT VERB VBD launch
attacks 1 dobj NOUN NNS attack
on 2 prep ADP IN on
Israel 3 pobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert RULES["noun_subject.owner"].read(m, doc[2]) is None
    assert _names(m, RULES["noun_subject.light_verb"].read(m, doc[2])) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "noun:attack") in _claims(m, doc)


def test_rule_noun_subject_between_reads_both_sides():
    m, doc = _parse("""
Talks 5 nsubj NOUN NNS talk
between 0 prep ADP IN between
Israel 1 pobj PROPN NNP Israel B-GPE
and 2 cc CCONJ CC and
Hamas 2 conj PROPN NNP Hamas B-ORG
resumed 5 ROOT VERB VBD resume
. 5 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.between"].read(m, doc[0])) == ["Israel", "Hamas"]
    assert ("CONSULT", "Israel", "Hamas", "noun:talk") in _claims(m, doc)


# -- objects -----------------------------------------------------------------------------------------------
def test_rule_object_direct_reads_the_object_or_a_passives_subject():
    m, doc = _parse(ACTIVE)
    found, saw = RULES["object.direct"].read(m, doc[1], _spec("ASSAULT", "attack"), False, "dobj")
    assert (_names(m, found), saw) == (["Israel"], True)
    m, doc = _parse(PASSIVE)
    found, saw = RULES["object.direct"].read(m, doc[2], _spec("ASSAULT", "attack"), True, "dobj")
    assert (_names(m, found), saw) == (["Israel"], True)


def test_rule_object_dative_reads_the_receiver():
    m, doc = _parse("""
Iran 1 nsubj PROPN NNP Iran B-GPE
gave 1 ROOT VERB VBD give
Hezbollah 1 dative PROPN NNP Hezbollah B-ORG
rockets 1 dobj NOUN NNS rocket
. 1 punct PUNCT . .
""")
    found, saw = RULES["object.dative"].read(m, doc[1], _spec("AID", "give", "dative"), False, "dative")
    assert (_names(m, found), saw) == (["Hezbollah"], True)


LAUNCHED_ATTACKS_ON = """
Hamas 1 nsubj PROPN NNP Hamas B-ORG
launched 1 ROOT VERB VBD launch
attacks 1 dobj NOUN NNS attack
on 2 prep ADP IN on
Israel 3 pobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
"""


def test_rule_object_preposition_reads_the_slots_object_on_the_verb_or_its_object():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
cooperated 1 ROOT VERB VBD cooperate
with 1 prep ADP IN with
Fatah 2 pobj PROPN NNP Fatah B-ORG
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.preposition"].read(m, doc[1], _spec("COOPERATE", "cooperate", "with"), False, "with")
    assert _names(m, found) == ["Fatah"]
    m, doc = _parse(LAUNCHED_ATTACKS_ON)
    found, _ = RULES["object.preposition"].read(m, doc[1], _spec("ASSAULT", "launch", "on"), False, "on")
    assert _names(m, found) == ["Israel"]


def test_rule_object_intended_act_reads_the_object_of_the_act_intended():
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
agreed 1 ROOT VERB VBD agree
to 3 aux PART TO to
provide 1 xcomp VERB VB provide
aid 3 dobj NOUN NN aid
to 3 prep ADP IN to
Gaza 5 pobj PROPN NNP Gaza B-GPE
. 1 punct PUNCT . .
""")
    spec = _spec("AGREE", "agree", "xcomp_object")
    found, saw = RULES["object.intended_act"].read(m, doc[1], spec, False, "xcomp_object")
    assert (_names(m, found), saw) == (["Gaza"], False)


def test_rule_object_condition_reads_whom_the_condition_is_put_to():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
threatened 1 ROOT VERB VBD threaten
to 3 aux PART TO to
strike 1 xcomp VERB VB strike
unless 6 mark SCONJ IN unless
Israel 6 nsubj PROPN NNP Israel B-GPE
withdrew 3 advcl VERB VBD withdraw
. 1 punct PUNCT . .
""")
    found, saw = RULES["object.condition"].read(m, doc[1], _spec("THREATEN", "threaten", "unless"), False, "unless")
    assert (_names(m, found), saw) == (["Israel"], True)


def test_rule_object_clause_subject_reads_the_complements_subject():
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
demanded 1 ROOT VERB VBD demand
that 4 mark SCONJ IN that
Hamas 4 nsubj PROPN NNP Hamas B-ORG
end 1 ccomp VERB VB end
attacks 4 dobj NOUN NNS attack
. 1 punct PUNCT . .
""")
    found, saw = RULES["object.clause_subject"].read(m, doc[1], _spec("REQUEST", "demand", "ccomp"), False, "ccomp")
    assert (_names(m, found), saw) == (["Hamas"], True)


def test_rule_object_in_clause_finds_the_first_actor_of_the_clause():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
turned 1 ROOT VERB VBD turn
to 1 prep ADP IN to
Israel 2 pobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    spec = _spec("REQUEST", "turn")
    assert RULES["object.direct"].read(m, doc[1], spec, False, "dobj") == ([], False)
    assert _names(m, RULES["object.in_clause"].read(m, doc[1], spec, False)) == ["Israel"]
    assert RULES["object.in_clause"].read(m, doc[1], spec, True) is None  # a thing was the object
    assert _names(m, m.objects(doc[1], spec)) == ["Israel"]


def test_rule_object_place_reads_a_named_place():
    m, doc = _parse("""
Troops 1 nsubj NOUN NNS troop
imposed 1 ROOT VERB VBD impose
a 3 det DET DT a
curfew 1 dobj NOUN NN curfew
in 1 prep ADP IN in
Abidjan 4 pobj PROPN NNP Abidjan B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["object.place"].read(m, doc[1], _spec("COERCE", "impose"), False)) == ["Abidjan"]
    assert RULES["object.place"].read(m, doc[1], _spec("ACCUSE", "impose"), False) is None  # no place object


# -- readings ----------------------------------------------------------------------------------------------
def _xcomp_attack(governor: str, lemma: str) -> tuple[PredicateMatcher, Doc]:
    return _parse(f"""
Israel 1 nsubj PROPN NNP Israel B-GPE
{governor} 1 ROOT VERB VBD {lemma}
to 3 aux PART TO to
attack 1 xcomp VERB VB attack
Hamas 3 dobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")


def _claim(m: PredicateMatcher, predicate, relation: str, subject: str, obj: str) -> RawClaim:
    return RawClaim(predicate=predicate, relation=relation, subject=_key(m, subject), object=_key(m, obj))


def test_rule_reading_readiness_is_a_mobilization():
    m, doc = _xcomp_attack("prepared", "prepare")
    found = RULES["reading.readiness"].read(m, _claim(m, doc[3], "ASSAULT", "Israel", "Hamas"))
    assert (found.relation, found.rule, found.attributes) == ("MOBILIZE", "reading:readiness", {"intent": "ASSAULT"})
    assert ("MOBILIZE", "Israel", "Hamas", "reading:readiness") in _claims(m, doc)


def test_rule_reading_deployment_aim_is_a_mobilization_not_a_fight():
    m, doc = _parse("""
Rwanda 1 nsubj PROPN NNP Rwanda B-GPE
deployed 1 ROOT VERB VBD deploy
troops 1 dobj NOUN NNS troop
to 4 aux PART TO to
fight 1 advcl VERB VB fight
Hamas 4 dobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    found = RULES["reading.deployment_aim"].read(m, _claim(m, doc[4], "ASSAULT", "Rwanda", "Hamas"))
    assert (found.relation, found.rule, found.predicate.i) == ("MOBILIZE", "reading:deployment_aim", 1)
    claims = _claims(m, doc)
    assert ("MOBILIZE", "Rwanda", "Hamas", "reading:deployment_aim") in claims
    assert not any(claim[0] == "ASSAULT" for claim in claims)  # the aim is not yet fought
    # the other side of the fight is deployed against no one
    assert RULES["reading.deployment_aim"].read(m, _claim(m, doc[4], "ASSAULT", "Hamas", "Rwanda")) is None


def test_rule_reading_threat_is_a_threat():
    m, doc = _xcomp_attack("threatened", "threaten")
    found = RULES["reading.threat"].read(m, _claim(m, doc[3], "ASSAULT", "Israel", "Hamas"))
    assert (found.relation, found.rule) == ("THREATEN", "reading:threat")
    assert ("THREATEN", "Israel", "Hamas", "reading:threat") in _claims(m, doc)


def test_rule_reading_refusal_by_verb_and_by_negation():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
refused 1 ROOT VERB VBD refuse
to 3 aux PART TO to
meet 1 xcomp VERB VB meet
Fatah 3 dobj PROPN NNP Fatah B-ORG
. 1 punct PUNCT . .
""")
    found = RULES["reading.refusal"].read(m, _claim(m, doc[3], "CONSULT", "Hamas", "Fatah"))
    # "refuse" negates the meeting (a negation verb), so the REJECT read off it flips back to affirmed
    assert (found.relation, found.refused_by_negation) == ("REJECT", True)
    m, doc = _parse("""
Hamas 3 nsubj PROPN NNP Hamas B-ORG
would 3 aux AUX MD would
not 3 neg PART RB not
meet 3 ROOT VERB VB meet
Fatah 3 dobj PROPN NNP Fatah B-ORG
. 3 punct PUNCT . .
""")
    found = RULES["reading.refusal"].read(m, _claim(m, doc[3], "CONSULT", "Hamas", "Fatah"))
    assert (found.relation, found.refused_by_negation) == ("REJECT", True)


EGYPT_WILL_HELP = """
Egypt 2 nsubj PROPN NNP Egypt B-GPE
will 2 aux AUX MD will
help 2 ROOT VERB VB help
{0} 2 dobj PROPN NNP {0} B-{1}
. 2 punct PUNCT . .
"""


def test_rule_reading_intent_is_an_agreement_with_no_place():
    m, doc = _parse(EGYPT_WILL_HELP.format("Hamas", "ORG"))
    found = RULES["reading.intent"].read(m, _claim(m, doc[2], "AID", "Egypt", "Hamas"))
    assert (found.relation, found.rule, found.attributes) == ("AGREE", "reading:intent", {"intent": "AID"})
    m, doc = _parse(EGYPT_WILL_HELP.format("Gaza", "GPE"))  # a place is no party to the promise
    assert RULES["reading.intent"].read(m, _claim(m, doc[2], "AID", "Egypt", "Gaza")) is None


def test_rule_reading_joint_act_gives_the_act_to_both_partners():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
cooperated 1 ROOT VERB VBD cooperate
with 1 prep ADP IN with
Fatah 2 pobj PROPN NNP Fatah B-ORG
in 1 prep ADP IN in
the 6 det DET DT the
killing 4 pobj NOUN NN killing
of 6 prep ADP IN of
Egyptian 9 amod ADJ JJ egyptian B-NORP
soldiers 7 pobj NOUN NNS soldier
. 1 punct PUNCT . .
""")
    found = RULES["reading.joint_act"].read(m, doc[:], [_claim(m, doc[1], "COOPERATE", "Hamas", "Fatah")])
    assert {(c.relation, _names(m, [[c.subject]])[0], c.rule) for c in found} == {
        ("ASSAULT", "Hamas", "reading:joint-act"), ("ASSAULT", "Fatah", "reading:joint-act")}



TOGETHER_WITH = """
Hamas 6 nsubj PROPN NNP Hamas B-ORG
, 0 punct PUNCT , ,
together 3 advmod ADV RB together
with 0 prep ADP IN with
{} 3 pobj PROPN NNP {} B-{}
, 0 punct PUNCT , ,
intercepted 6 ROOT VERB VBD intercept
the 8 det DET DT the
drones 6 dobj NOUN NNS drone
. 6 punct PUNCT . .
"""


def test_rule_reading_partners_makes_allies_of_bodies_in_an_act_with_no_other_actor():
    m, doc = _parse(TOGETHER_WITH.format("Fatah", "Fatah", "ORG"))
    found = RULES["reading.partners"].read(m, doc[:], [])
    assert {(c.relation, *_names(m, [[c.subject], [c.object]]), c.rule) for c in found} == {
        ("COOPERATE", "Hamas", "Fatah", "reading:partner")}
    m, doc = _parse(TOGETHER_WITH.format("Haniyeh", "Haniyeh", "PERSON"))  # a person beside a body: no alliance
    assert RULES["reading.partners"].read(m, doc[:], []) == []

# -- short event reports (events branch) ---------------------------------------------------------------------
KILLED_IN_BATTLE = """
Joseph 2 nsubjpass PROPN NNP Joseph B-PERSON
was 2 auxpass AUX VBD be
killed 2 ROOT VERB VBN kill
in 2 prep ADP IN in
a 5 det DET DT a
battle 3 pobj NOUN NN battle
with 5 prep ADP IN with
police 6 pobj NOUN NNS police
. 2 punct PUNCT . .
"""
DIED_IN_ATTACK = """
Soldiers 1 nsubj NOUN NNS soldier
died 1 ROOT VERB VBD die
in 1 prep ADP IN in
an 4 det DET DT an
attack 2 pobj NOUN NN attack
by 4 prep ADP IN by
Hamas 5 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
"""


def test_rule_subject_event_agent_is_the_other_side_of_the_battle():
    m, doc = _parse(KILLED_IN_BATTLE)
    assert _names(m, RULES["subject.event_agent"].read(m, doc[2], 0, True)) == ["police"]
    assert RULES["subject.event_agent"].read(m, doc[2], 0, False) is None  # an active verb names its own subject
    assert ("ASSAULT", "police", "Joseph", "verb:kill") in _claims(m, doc)


def test_rule_subject_event_agent_is_the_doer_of_the_attack_someone_died_in():
    m, doc = _parse(DIED_IN_ATTACK)
    assert _names(m, RULES["subject.event_agent"].read(m, doc[1], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "soldiers", "verb:die") in _claims(m, doc)
    m, doc = _parse("""
Soldiers 1 nsubj NOUN NNS soldier
died 1 ROOT VERB VBD die
in 1 prep ADP IN in
the 4 det DET DT the
attack 2 pobj NOUN NN attack
. 1 punct PUNCT . .
""")
    assert RULES["subject.event_agent"].read(m, doc[1], 0, False) == []  # who died did nothing
    assert _claims(m, doc) == set()


def test_rule_subject_event_agent_leaves_a_passive_that_is_no_harm():
    m, doc = _parse("""
Aid 2 nsubjpass NOUN NN aid
was 2 auxpass AUX VBD be
delivered 2 ROOT VERB VBN deliver
during 2 prep ADP IN during
an 5 det DET DT an
attack 3 pobj NOUN NN attack
by 5 prep ADP IN by
Hamas 6 pobj PROPN NNP Hamas B-ORG
. 2 punct PUNCT . .
""")
    assert RULES["subject.event_agent"].read(m, doc[2], 0, True) is None


def test_rule_object_own_subject_is_the_one_harmed():
    m, doc = _parse(DIED_IN_ATTACK)
    spec = _spec("ASSAULT", "die", "own_subject")
    found, saw = RULES["object.own_subject"].read(m, doc[1], spec, False, "own_subject")
    assert (_names(m, found), saw) == (["soldiers"], True)


def test_rule_subject_charged_party_is_the_one_charged_not_the_accuser():
    m, doc = _parse("""
Police 1 nsubj NOUN NNS police
charged 1 ROOT VERB VBD charge
Hamas 1 dobj PROPN NNP Hamas B-ORG
with 1 prep ADP IN with
attacking 3 pcomp VERB VBG attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.charged_party"].read(m, doc[4], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)
    assert not any(c[:3] == ("ASSAULT", "police", "Israel") for c in _claims(m, doc))
    m, doc = _parse("""
Police 1 nsubj NOUN NNS police
charged 1 ROOT VERB VBD charge
him 1 dobj PRON PRP he
with 1 prep ADP IN with
attacking 3 pcomp VERB VBG attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert RULES["subject.charged_party"].read(m, doc[4], 0, False) == []  # an unknown "him", not the police


def test_rule_subject_relative_clause_on_an_act_is_the_actor_inside_it():
    m, doc = _parse("""
An 1 det DET DT an
operation 7 nsubj NOUN NN operation
by 1 prep ADP IN by
Hamas 2 pobj PROPN NNP Hamas B-ORG
which 5 nsubj PRON WDT which
killed 1 relcl VERB VBD kill
soldiers 5 dobj NOUN NNS soldier
ended 7 ROOT VERB VBD end
. 7 punct PUNCT . .
""")
    assert _names(m, RULES["subject.relative_clause"].read(m, doc[5], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "soldiers", "verb:kill") in _claims(m, doc)


def test_rule_noun_subject_owner_reads_the_agent_of_a_series():
    m, doc = _parse("""
Nigeria 1 nsubj PROPN NNP Nigeria B-GPE
saw 1 ROOT VERB VBD see
a 3 det DET DT a
wave 1 dobj NOUN NN wave
of 3 prep ADP IN of
kidnappings 4 pobj NOUN NNS kidnapping
of 5 prep ADP IN of
children 6 pobj NOUN NNS child
by 3 prep ADP IN by
gangs 8 pobj NOUN NNS gang
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.owner"].read(m, doc[5])) == ["gangs"]
    assert ("ASSAULT", "gangs", "children", "noun:kidnapping") in _claims(m, doc)


def test_matcher_reads_a_gerund_subject_as_the_noun_with_both_sides_fighting():
    m, doc = _parse("""
Fighting 5 nsubj VERB VBG fight
between 0 prep ADP IN between
rebels 1 pobj NOUN NNS rebel
and 2 cc CCONJ CC and
police 2 conj NOUN NNS police
displaced 5 ROOT VERB VBD displace
thousands 5 npadvmod NOUN NNS thousand
. 5 punct PUNCT . .
""")
    assert m.is_gerund_noun(0)
    claims = _claims(m, doc)
    assert ("ASSAULT", "rebels", "police", "noun:fighting") in claims
    assert ("ASSAULT", "police", "rebels", "noun:fighting") in claims


def test_rule_subject_event_agent_is_the_doer_of_a_when_clause():
    m, doc = _parse("""
Soldiers 2 nsubjpass NOUN NNS soldier
were 2 auxpass AUX VBD be
killed 2 ROOT VERB VBN kill
when 5 advmod SCONJ WRB when
Hamas 5 nsubj PROPN NNP Hamas B-ORG
attacked 2 advcl VERB VBD attack
. 2 punct PUNCT . .
""")
    assert _names(m, RULES["subject.event_agent"].read(m, doc[2], 0, True)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "soldiers", "verb:kill") in _claims(m, doc)
    m, doc = _parse("""
Soldiers 2 nsubjpass NOUN NNS soldier
were 2 auxpass AUX VBD be
killed 2 ROOT VERB VBN kill
when 5 advmod SCONJ WRB when
Hamas 5 nsubj PROPN NNP Hamas B-ORG
arrived 2 advcl VERB VBD arrive
. 2 punct PUNCT . .
""")
    assert RULES["subject.event_agent"].read(m, doc[2], 0, True) is None  # arriving is no violent act


def test_rule_subject_event_agent_reads_who_an_attack_came_from():
    m, doc = _parse("""
Troops 1 nsubj NOUN NNS troop
came 1 ROOT VERB VBD come
under 1 prep ADP IN under
attack 2 pobj NOUN NN attack
from 3 prep ADP IN from
Hamas 4 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.event_agent"].read(m, doc[1], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "troops", "verb:come") in _claims(m, doc)
    m, doc = _parse("""
Kenya 1 nsubj PROPN NNP Kenya B-GPE
came 1 ROOT VERB VBD come
under 1 prep ADP IN under
pressure 2 pobj NOUN NN pressure
from 3 prep ADP IN from
Hamas 4 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    assert RULES["subject.event_agent"].read(m, doc[1], 0, False) is None  # pressure is no violent event
    assert not any(c[0] == "ASSAULT" for c in _claims(m, doc))


def test_rule_object_owner_reads_whom_the_captors_hold():
    m, doc = _parse("""
Hamas 1 poss PROPN NNP Hamas B-ORG
kidnappers 2 nsubj NOUN NNS kidnapper
fled 2 ROOT VERB VBD flee
. 2 punct PUNCT . .
""")
    spec = Predicate(relation="ASSAULT", lemma="kidnapper", pos="noun", object=("owner", "of"), agent_noun=True)
    found, saw = RULES["object.owner"].read(m, doc[1], spec, False, "owner")
    assert (_names(m, found), saw) == (["Hamas"], True)
    assert ("ASSAULT", "kidnappers", "Hamas", "noun:kidnapper") in _claims(m, doc)


# -- verbal relations: who is asked, criticized or met, and what is only a thing or a place -----------------
def test_rule_subject_control_of_a_passive_participle_is_the_noun_it_describes():
    m, doc = _parse("""
a 1 det DET DT a
meeting 8 nsubj NOUN NN meeting
requested 1 acl VERB VBN request
by 2 agent ADP IN by
Egypt 3 pobj PROPN NNP Egypt B-GPE
to 6 aux PART TO to
discuss 2 xcomp VERB VB discuss
Gaza 6 dobj PROPN NNP Gaza B-GPE
opened 8 ROOT VERB VBD open
. 8 punct PUNCT . .
""")
    # the meeting discusses, not Egypt who asked for it (and the meeting is no actor)
    assert RULES["subject.control"].read(m, doc[6], 0, False) == []


def test_rule_noun_subject_apposition_reads_the_actor_described():
    m, doc = _parse("""
Ramirez 7 nsubj PROPN NNP Ramirez B-PERSON
, 0 punct PUNCT , ,
a 3 det DET DT a
critic 0 appos NOUN NN critic
of 3 prep ADP IN of
Ortega 4 pobj PROPN NNP Ortega B-PERSON
, 0 punct PUNCT , ,
lives 7 ROOT VERB VBZ live
. 7 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.apposition"].read(m, doc[3])) == ["Ramirez"]
    assert ("ACCUSE", "Ramirez", "Ortega", "noun:critic") in _claims(m, doc)
    m, doc = _parse("""
Ramirez 1 nsubj PROPN NNP Ramirez B-PERSON
is 1 ROOT AUX VBZ be
a 3 det DET DT a
critic 1 attr NOUN NN critic
of 3 prep ADP IN of
Ortega 4 pobj PROPN NNP Ortega B-PERSON
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.apposition"].read(m, doc[3])) == ["Ramirez"]
    assert ("ACCUSE", "Ramirez", "Ortega", "noun:critic") in _claims(m, doc)


def test_rule_object_clause_subject_with_a_modal_takes_only_an_actor_subject_of_a_modal_clause():
    spec = Predicate(relation="REQUEST", lemma="say", pos="verb", object=("ccomp",), needs_object_prep=True,
                     clause_modal=("must",))
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
said 1 ROOT VERB VBD say
Hamas 4 nsubj PROPN NNP Hamas B-ORG
must 4 aux AUX MD must
leave 1 ccomp VERB VB leave
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.clause_subject"].read(m, doc[1], spec, False, "ccomp")
    assert _names(m, found) == ["Hamas"]
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
said 1 ROOT VERB VBD say
Hamas 3 nsubj PROPN NNP Hamas B-ORG
left 1 ccomp VERB VBD leave
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.clause_subject"].read(m, doc[1], spec, False, "ccomp")
    assert found == []  # no modal: a report, not a demand
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
said 1 ROOT VERB VBD say
talks 5 nsubj NOUN NNS talk
with 2 prep ADP IN with
Israel 3 pobj PROPN NNP Israel B-GPE
must 5 aux AUX MD must
continue 1 ccomp VERB VB continue
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.clause_subject"].read(m, doc[1], spec, False, "ccomp")
    assert found == []  # the talks must continue: Israel is asked nothing


def test_rule_object_clause_subject_with_theme_in_clause_needs_the_wrong_said_of_the_subject():
    spec = Predicate(relation="ACCUSE", lemma="say", pos="verb", object=("ccomp",), needs_object_prep=True,
                     needs_theme_word=("crimes",), theme_in_clause=True)
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
said 1 ROOT VERB VBD say
Hamas 3 nsubj PROPN NNP Hamas B-ORG
committed 1 ccomp VERB VBD commit
crimes 3 dobj NOUN NNS crime
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.clause_subject"].read(m, doc[1], spec, False, "ccomp")
    assert _names(m, found) == ["Hamas"]
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
said 1 ROOT VERB VBD say
Hamas 3 nsubj PROPN NNP Hamas B-ORG
left 1 ccomp VERB VBD leave
, 1 punct PUNCT , ,
citing 1 advcl VERB VBG cite
crimes 5 dobj NOUN NNS crime
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.clause_subject"].read(m, doc[1], spec, False, "ccomp")
    assert found == []


def test_rule_object_direct_of_an_actor_object_entry_is_no_owner_of_a_thing():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
opposes 1 ROOT VERB VBZ oppose
Egyptian 3 amod ADJ JJ egyptian B-NORP
investment 1 dobj NOUN NN investment
. 1 punct PUNCT . .
""")
    spec = Predicate(relation="REJECT", lemma="oppose", pos="verb", actor_object=True)
    assert RULES["object.direct"].read(m, doc[1], spec, False, "dobj") == ([], True)


def test_adjective_predicate_reads_its_copulas_subject():
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
is 1 ROOT AUX VBZ be
critical 1 acomp ADJ JJ critical
of 2 prep ADP IN of
Hamas 3 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    assert ("ACCUSE", "Egypt", "Hamas", "adjective:critical") in _claims(m, doc)


def test_symmetric_subjects_that_meet_in_a_place_are_each_others_party():
    m, doc = _parse("""
Hamas 3 nsubj PROPN NNP Hamas B-ORG
and 0 cc CCONJ CC and
Fatah 0 conj PROPN NNP Fatah B-ORG
met 3 ROOT VERB VBD meet
at 3 prep ADP IN at
a 6 det DET DT a
hotel 4 pobj NOUN NN hotel
in 6 prep ADP IN in
Cairo 7 pobj PROPN NNP Cairo B-GPE
. 3 punct PUNCT . .
""")
    claims = {(r, s, o) for r, s, o, _ in _claims(m, doc) if r == "CONSULT"}
    assert ("CONSULT", "Hamas", "Fatah") in claims
    assert not any("Cairo" in (s, o) or "Egypt" in (s, o) for _, s, o in claims)


def test_needs_infinitive_tells_a_request_from_a_report():
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
told 1 ROOT VERB VBD tell
Hamas 1 dobj PROPN NNP Hamas B-ORG
to 4 aux PART TO to
leave 1 xcomp VERB VB leave
. 1 punct PUNCT . .
""")
    assert ("REQUEST", "Egypt", "Hamas", "verb:tell") in _claims(m, doc)
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
told 1 ROOT VERB VBD tell
Hamas 1 dobj PROPN NNP Hamas B-ORG
that 4 mark SCONJ IN that
talks 5 nsubj NOUN NNS talk
ended 1 ccomp VERB VBD end
. 1 punct PUNCT . .
""")
    assert not any(c[0] == "REQUEST" for c in _claims(m, doc))


def test_a_participle_complement_is_passive():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
remains 1 ROOT VERB VBZ remain
accused 1 acomp VERB VBN accuse
of 2 prep ADP IN of
attacking 3 pcomp VERB VBG attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert m.is_passive(doc[2])  # "remains accused of": Hamas is the accused, not the accuser
    assert not any(c[0] == "ACCUSE" for c in _claims(m, doc))


def test_rule_object_preposition_of_a_thing_takes_the_by_phrase_on_the_verb():
    m, doc = _parse("""
Fatah 1 nsubj PROPN NNP Fatah B-ORG
complained 1 ROOT VERB VBD complain
of 1 prep ADP IN of
harassment 2 pobj NOUN NN harassment
by 1 prep ADP IN by
Hamas 4 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    found, saw = RULES["object.preposition"].read(m, doc[1], _spec("ACCUSE", "complain", "of"), False, "of")
    assert (_names(m, found), saw) == (["Hamas"], True)


def test_rule_object_clause_subject_reads_a_for_to_clause():
    m, doc = _parse("""
Egypt 1 nsubj PROPN NNP Egypt B-GPE
called 1 ROOT VERB VBD call
for 5 mark SCONJ IN for
Israel 5 nsubj PROPN NNP Israel B-GPE
to 5 aux PART TO to
withdraw 1 advcl VERB VB withdraw
. 1 punct PUNCT . .
""")
    found, _ = RULES["object.clause_subject"].read(m, doc[1], _spec("REQUEST", "call", "ccomp"), False, "ccomp")
    assert _names(m, found) == ["Israel"]
    assert ("REQUEST", "Egypt", "Israel", "verb:call") in _claims(m, doc)


# -- "we" in reported speech --------------------------------------------------------------------------------
def _extractor(rows: str):
    """The whole extractor over the hand-built parse of one sentence."""
    from claimgraph.extract import _Extractor
    from claimgraph.model import Document
    table = [line.split() for line in rows.strip().splitlines()]
    words = [r[0] for r in table]
    doc = Doc(VOCAB, words=words, spaces=[True] * (len(words) - 2) + [False, False],
              heads=[int(r[1]) for r in table], deps=[r[2] for r in table], pos=[r[3] for r in table],
              tags=[r[4] for r in table], lemmas=[r[5] for r in table],
              ents=[r[6] if len(r) > 6 else "O" for r in table])
    return _Extractor(doc, Document.from_text(doc.text, source="test")), doc


def _key_of(ex, name: str) -> str:
    return next(key for key, actor in ex.table.actors.items() if actor.name == name)


def _we_names(ex, token) -> list[list[str]]:
    return [[ex.table.actors[key].name for key in slot] for slot in ex.resolver.resolve(token)]


def test_we_in_a_reported_clause_is_the_speaking_organization():
    ex, doc = _extractor("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
said 1 ROOT VERB VBD say
we 3 nsubj PRON PRP we
attacked 1 ccomp VERB VBD attack
Israel 3 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _we_names(ex, doc[2]) == [["Hamas"]]


def test_we_in_a_reported_clause_is_the_speaking_persons_side_then_the_person():
    ex, doc = _extractor("""
Hamas 3 compound PROPN NNP Hamas B-ORG
leader 3 compound NOUN NN leader
Ismail 3 compound PROPN NNP Ismail B-PERSON
Haniyeh 4 nsubj PROPN NNP Haniyeh I-PERSON
said 4 ROOT VERB VBD say
we 6 nsubj PRON PRP we
attacked 4 ccomp VERB VBD attack
Israel 6 dobj PROPN NNP Israel B-GPE
. 4 punct PUNCT . .
""")
    assert _we_names(ex, doc[5]) == [["Hamas", "Ismail Haniyeh"]]
    assert ex.resolver.first(doc[5]) == _key_of(ex, "Hamas")


def test_we_said_by_a_person_of_no_known_side_is_the_person():
    ex, doc = _extractor("""
Ismail 1 compound PROPN NNP Ismail B-PERSON
Haniyeh 2 nsubj PROPN NNP Haniyeh I-PERSON
said 2 ROOT VERB VBD say
we 4 nsubj PRON PRP we
attacked 2 ccomp VERB VBD attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 2 punct PUNCT . .
""")
    assert _we_names(ex, doc[3]) == [["Ismail Haniyeh"]]


def test_we_outside_anyones_words_is_nobody():
    ex, doc = _extractor("""
We 1 nsubj PRON PRP we
attacked 1 ROOT VERB VBD attack
Israel 1 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _we_names(ex, doc[0]) == []
    # the subject of the reporting verb is the source itself, not someone it stands for
    ex, doc = _extractor("""
We 1 nsubj PRON PRP we
said 1 ROOT VERB VBD say
Hamas 3 nsubj PROPN NNP Hamas B-ORG
attacked 1 ccomp VERB VBD attack
Israel 3 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _we_names(ex, doc[0]) == []


def test_a_learned_act_on_the_owner_of_what_a_rule_found_hit_is_dropped():
    ex, doc = _extractor("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
clashed 1 ROOT VERB VBD clash
with 1 prep ADP IN with
Jaljalat 2 pobj PROPN NNP Jaljalat B-ORG
of 3 prep ADP IN of
Fatah 4 pobj PROPN NNP Fatah B-ORG
. 1 punct PUNCT . .
""")
    hamas, jaljalat = _key_of(ex, "Hamas"), _key_of(ex, "Jaljalat")
    assert ex._owner_of_read(5, (0, hamas, "ASSAULT"), {(0, hamas, "ASSAULT", jaljalat)})
    assert not ex._owner_of_read(5, (0, hamas, "ACCUSE"), {(0, hamas, "ASSAULT", jaljalat)})
    assert not ex._owner_of_read(3, (0, hamas, "ASSAULT"), {(0, hamas, "ASSAULT", jaljalat)})  # not an "of" owner


# -- participles joined to their doer, and nouns that name a tie ---------------------------------------------
def test_rule_subject_hyphen_agent_is_the_actor_joined_to_the_participle():
    m, doc = _parse("""
Iran 2 npadvmod PROPN NNP Iran B-GPE
- 2 punct PUNCT HYPH -
backed 3 amod VERB VBN back
Houthis 4 nsubj PROPN NNPS Houthis B-ORG
attacked 4 ROOT VERB VBD attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 4 punct PUNCT . .
""")
    assert _names(m, RULES["subject.hyphen_agent"].read(m, doc[2], 0, True)) == ["Iran"]
    assert _names(m, RULES["subject.hyphen_agent"].read(m, doc[4], 0, False)) == []  # not a participle: no answer
    assert ("SUPPORT", "Iran", "Houthis", "verb:back") in _claims(m, doc)
    assert ("ASSAULT", "Houthis", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_object_apposed_reads_whom_an_owned_tie_noun_is_said_of():
    m, doc = _parse("""
Egypt 2 poss PROPN NNP Egypt B-GPE
's 0 case PART POS 's
ally 6 nsubj NOUN NN ally
, 2 punct PUNCT , ,
France 2 appos PROPN NNP France B-GPE
, 2 punct PUNCT , ,
protested 6 ROOT VERB VBD protest
. 6 punct PUNCT . .
""")
    spec = _spec("COOPERATE", "ally", "of", "apposed")
    found, saw = RULES["object.apposed"].read(m, doc[2], spec, False, "apposed")
    assert (_names(m, found), saw) == (["France"], True)
    assert ("COOPERATE", "Egypt", "France", "noun:ally") in _claims(m, doc)


def test_rule_object_apposed_needs_an_owner_of_the_noun():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
is 1 ROOT AUX VBZ be
a 3 det DET DT a
ally 1 attr NOUN NN ally
. 1 punct PUNCT . .
""")
    found, saw = RULES["object.apposed"].read(m, doc[3], _spec("COOPERATE", "ally", "of", "apposed"), False, "apposed")
    assert (found, saw) == ([], False)


# -- claimed and repelled acts -------------------------------------------------------------------------------
def test_rule_noun_subject_claimed_is_who_claimed_the_act():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
claimed 1 ROOT VERB VBD claim
the 3 det DET DT the
attack 1 dobj NOUN NN attack
on 3 prep ADP IN on
Israel 4 pobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.claimed"].read(m, doc[3])) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "noun:attack") in _claims(m, doc)


def test_rule_subject_claimed_act_is_who_took_credit():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
took 1 ROOT VERB VBD take
credit 1 dobj NOUN NN credit
for 2 prep ADP IN for
attacking 3 pcomp VERB VBG attack
Israel 4 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["subject.claimed_act"].read(m, doc[4], 0, False)) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Israel", "verb:attack") in _claims(m, doc)


def test_rule_object_repeller_is_the_target_of_a_repelled_attack():
    m, doc = _parse("""
Israel 1 nsubj PROPN NNP Israel B-GPE
repelled 1 ROOT VERB VBD repel
an 3 det DET DT an
attack 1 dobj NOUN NN attack
by 3 prep ADP IN by
Hamas 4 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    spec = Predicate(relation="ASSAULT", lemma="attack", pos="noun", object=("on",))
    assert _names(m, RULES["object.repeller"].read(m, doc[3], spec, True)) == ["Israel"]
    assert ("ASSAULT", "Hamas", "Israel", "noun:attack") in _claims(m, doc)


def test_rule_noun_subject_adjunct_is_the_clause_subject_of_a_fight_in_its_time_phrase():
    m, doc = _parse("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
seized 1 ROOT VERB VBD seize
Rafah 1 dobj PROPN NNP Rafah B-GPE
after 1 prep ADP IN after
clashes 3 pobj NOUN NNS clash
with 4 prep ADP IN with
Fatah 5 pobj PROPN NNP Fatah B-ORG
. 1 punct PUNCT . .
""")
    assert _names(m, RULES["noun_subject.adjunct"].read(m, doc[4])) == ["Hamas"]
    assert ("ASSAULT", "Hamas", "Fatah", "noun:clash") in _claims(m, doc)


def test_rule_noun_subject_adjunct_leaves_the_harmed_to_the_fights_doer():
    m, doc = _parse("""
Soldiers 1 nsubj NOUN NNS soldier
died 1 ROOT VERB VBD die
amid 1 prep ADP IN amid
fighting 2 pobj NOUN NN fighting
with 3 prep ADP IN with
Hamas 4 pobj PROPN NNP Hamas B-ORG
. 1 punct PUNCT . .
""")
    assert RULES["noun_subject.adjunct"].read(m, doc[3]) is None
    assert not any(subject == "soldiers" for _, subject, _, _ in _claims(m, doc))


# -- what is said of an act done to someone is said of its doer; measures aim, they do not strike ------------
def test_a_verbal_relation_on_an_act_done_to_someone_names_its_doer_not_its_patient():
    killing = """
Kenya 1 nsubj PROPN NNP Kenya B-GPE
condemned 1 ROOT VERB VBD condemn
the 3 det DET DT the
killing 1 dobj NOUN NN killing
of 3 prep ADP IN of
Somali 6 amod ADJ JJ somali B-NORP
civilians 4 pobj NOUN NNS civilian
. 1 punct PUNCT . .
"""
    m, doc = _parse(killing)
    assert not any(relation == "ACCUSE" for relation, *_ in _claims(m, doc))
    bombing = """
Kenya 1 nsubj PROPN NNP Kenya B-GPE
condemned 1 ROOT VERB VBD condemn
Israel 4 poss PROPN NNP Israel B-GPE
's 2 case PART POS 's
bombing 1 dobj NOUN NN bombing
of 4 prep ADP IN of
Gaza 5 pobj PROPN NNP Gaza B-GPE
. 1 punct PUNCT . .
"""
    m, doc = _parse(bombing)
    assert ("ACCUSE", "Kenya", "Israel", "verb:condemn") in _claims(m, doc)
    assert not any(c[0] == "ACCUSE" and c[2] == "Gaza" for c in _claims(m, doc))


def test_a_violent_participle_on_a_measure_is_no_attack_by_its_authors():
    m, doc = _parse("""
The 1 det DET DT the
Senate 2 nsubj PROPN NNP Senate B-ORG
passed 2 ROOT VERB VBD pass
legislation 2 dobj NOUN NN legislation
targeting 3 acl VERB VBG target
Turkey 4 dobj PROPN NNP Turkey B-GPE
. 2 punct PUNCT . .
""")
    assert not any(relation == "ASSAULT" for relation, *_ in _claims(m, doc))


def test_a_learned_verbal_claim_needs_a_word_of_its_relation_in_the_sentence():
    ex, doc = _extractor("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
launched 1 ROOT VERB VBD launch
attacks 1 dobj NOUN NNS attack
against 2 prep ADP IN against
Israel 3 pobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert not ex._says(0, "ACCUSE")
    assert ex._says(0, "ASSAULT")
    ex, doc = _extractor("""
Hamas 1 nsubj PROPN NNP Hamas B-ORG
blamed 1 ROOT VERB VBD blame
Israel 1 dobj PROPN NNP Israel B-GPE
. 1 punct PUNCT . .
""")
    assert ex._says(0, "ACCUSE")
