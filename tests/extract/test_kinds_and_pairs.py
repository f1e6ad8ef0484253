"""Actor kinds, candidate pairs and claim provenance (#15), on hand-built parses and on model output.

The hand-built parses pin the rules to a known tree: a change of spaCy model cannot make them pass
or fail by accident.
"""
from __future__ import annotations

import functools

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.extract import _Extractor, extract_document
from claimgraph.extract.relation_model import load_relation_model
from claimgraph.model import Document


def _parsed(words, heads, deps, pos, tags, lemmas) -> tuple[Doc, Document]:
    """A Doc with the given tree (heads are absolute indexes) and the Document of its text."""
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    return doc, Document.from_text(doc.text, source="hand.txt", published="2024-05-01")


def _militants_killed_two_civilians():
    return _parsed(["Militants", "killed", "two", "civilians", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "nummod", "dobj", "punct"], ["NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
                   ["NNS", "VBD", "CD", "NNS", "."], ["militant", "kill", "two", "civilian", "."])


def test_kinds_unnamed_attacker_and_counted_victims_make_a_claim():
    doc, document = _militants_killed_two_civilians()
    extraction = extract_document(doc, document)
    kinds = {m.name: m.actor_kind for m in extraction.mentions}
    # a counted group is named with its count; a capital that only starts the sentence is no name
    assert kinds == {"militants": "generic_force", "two civilians": "counted_group"}
    names = {m.actor: m.name for m in extraction.mentions}
    [claim] = extraction.claims
    assert (names[claim.subject], claim.relation, claim.mode, names[claim.object]) == \
        ("militants", "ASSAULT", "kill", "two civilians")
    assert claim.evidence.provenance["rule"] == "verb:kill"


def test_kinds_a_sent_force_is_a_theme_not_an_actor():
    # "sent troops to X": the troops are what is sent (AID personnel to X), not an actor receiving it
    doc, document = _parsed(["Kenya", "sent", "troops", "to", "Somalia", "."], [1, 1, 1, 1, 3, 1],
                            ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                            ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                            ["NNP", "VBD", "NNS", "IN", "NNP", "."], ["Kenya", "send", "troop", "to", "Somalia", "."])
    doc.ents = [doc.char_span(0, 5, label="GPE"), doc.char_span(doc.text.index("Somalia"),
                                                                doc.text.index("Somalia") + 7, label="GPE")]
    extraction = extract_document(doc, document)
    assert not any(m.actor_kind != "named" for m in extraction.mentions)


def test_kinds_unnamed_actors_without_a_claim_are_not_mentions():
    doc, document = _parsed(["Residents", "slept", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
                            ["NOUN", "VERB", "PUNCT"], ["NNS", "VBD", "."], ["resident", "sleep", "."])
    assert extract_document(doc, document).mentions == []


def test_pairs_features_carry_the_rules_reading_and_the_frame():
    doc, document = _militants_killed_two_civilians()
    extractor = _Extractor(doc, document)
    candidates = extractor.pair_candidates(extractor.rule_claims())
    names = {key: actor.name for key, actor in extractor.table.actors.items()}
    by_pair = {(names[c.subject], names[c.object]): set(c.features) for c in candidates}
    assert set(by_pair) == {("militants", "two civilians"), ("two civilians", "militants")}
    forward, backward = by_pair[("militants", "two civilians")], by_pair[("two civilians", "militants")]
    assert {"gov=kill", "arcs=nsubj|dobj", "rule=ASSAULT", "kinds=generic_force|counted_group"} <= forward
    assert {"arcs=dobj|nsubj", "rule_rev=ASSAULT"} <= backward and "rule=ASSAULT" not in backward


def test_model_scores_and_provenance_of_model_claims():
    model = load_relation_model()
    assert model is not None and "ASSAULT" in model.heads
    doc, document = _militants_killed_two_civilians()
    scores = model.scores(_Extractor(doc, document).pair_candidates([])[0].features)
    assert all(0.0 <= score <= 1.0 for score in scores.values())


@pytest.mark.slow
def test_model_adds_membership_the_rules_do_not_read(nlp):
    # an apposed role with "at": no title rule reads it; the model, trained on VOA, does. (With "the East-West
    # Center" the pair scored 0.501 against the 0.5 threshold, and any retraining flipped it; an organization the
    # gazetteer knows scores 0.9 in the same construction, before and after the events branch's retraining.)
    text = "Denny Roy, a researcher at the International Crisis Group, said the talks would fail."
    document = Document.from_text(text, source="test.txt", published="2021-03-01")
    extraction = extract_document(nlp(text), document)
    names = {m.actor: m.name for m in extraction.mentions}
    found = {(names[c.subject], c.relation, names[c.object]): c.evidence.provenance for c in extraction.claims}
    provenance = found.get(("Denny Roy", "MEMBER_OF", "International Crisis Group"))
    assert provenance is not None, found
    assert provenance["model"] == load_relation_model().name and 0.5 <= provenance["score"] <= 1.0


def _kinds_and_pairs(nlp, text: str) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """Actor name -> kind for every actor of a candidate pair, and the candidate pairs by name."""
    document = Document.from_text(text, source="test.txt", published="2024-05-01")
    extractor = _Extractor(nlp(text), document)
    candidates = extractor.pair_candidates(extractor.rule_claims())
    actors = extractor.table.actors
    kinds = {actors[key].name: actors[key].actor_kind for c in candidates for key in (c.subject, c.object)}
    return kinds, {(actors[c.subject].name, actors[c.object].name) for c in candidates}


@pytest.mark.slow
@pytest.mark.parametrize("text,expected,pair", [
    # a counted group keeps its count in its name; a capital that only starts the sentence is dropped
    ("Gunmen stormed a hotel on Tuesday, leaving at least five people dead.",
     {"gunmen": "generic_force", "at least five people": "counted_group"}, ("gunmen", "at least five people")),
    ("In a statement, al-Shabab said it had killed more than 10 people.",
     {"more than 10 people": "counted_group"}, None),
    # groups and bodies named by what they are or do
    ("A court later sentenced Zamora to six years in prison.", {"court": "descriptive"}, ("court", "Zamora")),
    ("Prosecutors say Amirov hired two men to kill the reporter.",
     {"prosecutors": "descriptive", "two men": "counted_group"}, ("prosecutors", "Amirov")),
    ("Antonio Banjai worked with the archaeologists for two years.",
     {"archaeologists": "descriptive"}, ("Antonio Banjai", "archaeologists")),
    ("Local elders and government officials were meeting at the hotel.",
     {"local elders": "civilians", "government officials": "descriptive"}, None),
    ("Authorities arrested the publisher in 2022.", {"authorities": "generic_force"}, None),
    ("The attackers singled out security personnel and shot them.",
     {"attackers": "generic_force", "security personnel": "generic_force"}, ("attackers", "security personnel")),
    # people described as armed are a force, not civilians
    ("Armed men abducted two journalists in Conakry.",
     {"armed men": "generic_force", "two journalists": "counted_group"}, ("armed men", "two journalists")),
])
def test_kinds_unnamed_actors_become_candidates(nlp, text, expected, pair):
    kinds, pairs = _kinds_and_pairs(nlp, text)
    for name, kind in expected.items():
        assert kinds.get(name) == kind, (name, kinds)
    if pair is not None:
        assert pair in pairs, pairs


@pytest.mark.slow
def test_kinds_two_counted_groups_of_a_document_are_two_actors(nlp):
    text = "Militants killed 31 people on Monday. Police arrested five people on Tuesday."
    kinds, _ = _kinds_and_pairs(nlp, text)
    assert kinds.get("31 people") == kinds.get("five people") == "counted_group"


@pytest.mark.slow
@pytest.mark.parametrize("text,not_actor", [
    ("Commanders in the Gaza Strip met on Monday with Hamas leaders.", "Commanders"),  # post holders somewhere
    ("Sudan allowed UN inspectors into Darfur.", "UN inspectors"),  # the UN stands for its inspectors
    ("The Free Syrian Army lost hundreds of members to Jabhat al-Nusra.", "hundreds of members"),  # a theme
    ("Russian hackers tried to hack into the servers of the Ukrainian army.", "servers"),  # a thing
])
def test_kinds_nouns_that_are_no_actor_of_their_own(nlp, text, not_actor):
    kinds, _ = _kinds_and_pairs(nlp, text)
    assert not any(name.lower() == not_actor.lower() for name in kinds), kinds


@pytest.mark.slow
def test_pairs_use_the_closest_words_of_an_actor_named_twice(nlp):
    # "Russia" is named in the speech clause and again as the attacker: the pair with Ukraine is read
    # from the words closest to each other, a path the 10-hop limit allows
    text = ("Russia, which has repeatedly denied targeting civilians, said on Friday that Russian "
            "troops had attacked Ukraine's energy sites.")
    _, pairs = _kinds_and_pairs(nlp, text)
    assert {p for p in pairs if "Ukraine" in p} != set(), pairs


@pytest.mark.slow
def test_pairs_a_surname_tagged_as_a_common_noun_is_the_person(nlp):
    # the tagger reads a sentence-initial "Trump" as the noun "trump": still the Donald Trump named before
    text = "President Donald Trump said he wants talks. Trump met with Kim at the Singapore summit."
    _, pairs = _kinds_and_pairs(nlp, text)
    assert ("Donald Trump", "Kim") in pairs, pairs


def _relations_published_by(nlp, text: str, outlet: str) -> set[tuple[str, str, str]]:
    """(subject, relation, object) names of the claims of one text published by `outlet`."""
    document = Document.from_text(text, source="story.txt", outlet=outlet)
    extraction = extract_document(nlp(document.text), document)
    names = {m.actor: m.name for m in extraction.mentions}
    return {(names.get(c.subject), c.relation, names.get(c.object)) for c in extraction.claims}


@pytest.mark.slow
def test_the_documents_own_outlet_is_no_party_to_its_events(nlp):
    text = ("The Taliban asked Voice of America to stop publishing. "
            "Taliban fighters detained two Voice of America reporters in Kandahar.")
    relations = functools.partial(_relations_published_by, nlp, text)

    # read in another outlet's story, the request is a claim; in VOA's own story VOA is the narrator
    assert ("Taliban", "REQUEST", "Voice of America") in relations("Kabul Times")
    own = relations("Voice of America")
    assert not any(r == "REQUEST" and "Voice of America" in (s or "") + (o or "") for s, r, o in own)
    assert any(r == "COERCE" and s == "Taliban" for s, r, o in own)  # violence against its people stays


@pytest.mark.slow
def test_the_documents_own_outlet_keeps_its_staff_and_services(nlp):
    text = ("The Taliban told Voice of America the ban would stay. "
            "Murtaza Zehri of VOA's Urdu Service contributed to this report.")
    own = _relations_published_by(nlp, text, "Voice of America")
    assert ("Urdu Service", "PART_OF", "Voice of America") in own
    assert ("Murtaza Zehri", "MEMBER_OF", "Urdu Service") in own
    assert not any(r == "CONSULT" for _s, r, _o in own)  # talking to it stays the outlet reporting


@pytest.mark.slow
def test_we_in_a_press_release_is_the_issuing_body(nlp):
    text = ("U.S. Central Command officials met Iraqi commanders in Baghdad. "
            "Today we killed a senior ISIS leader near Idlib.")
    relations = functools.partial(_relations_published_by, nlp, text)

    # the command's own release: "we" is the command, and its meetings are its own acts
    own = relations("U.S. Central Command")
    assert ("U.S. Central Command", "ASSAULT", "Islamic State") in own
    assert ("U.S. Central Command", "CONSULT", "Iraqi commanders") in own
    # a news outlet's "we" is no party to the strike
    assert not any(r == "ASSAULT" for _, r, _ in relations("Voice of America"))


def test_softmax_model_shares_probability_with_no_relation():
    from claimgraph.extract.relation_model import RelationHead, RelationModel

    heads = {"ASSAULT": RelationHead("ASSAULT", 0.0, {"gov=attack": 3.0}, 0.6),
             "CONSULT": RelationHead("CONSULT", 0.0, {"gov=meet": 3.0}, 0.6)}
    model = RelationModel("tiny", heads, none=RelationHead("NONE", 1.0, {}, 1.01))
    attack, meet, other = model.probabilities([["gov=attack", "unseen"], ["gov=meet"], ["gov=say"]]).tolist()
    assert attack[0] > 0.8 > attack[1] and meet[1] > 0.8 > meet[0]
    assert sum(other) < 0.5  # "no relation" takes the rest: nothing reaches a threshold
    assert model.scores(["gov=attack"])["ASSAULT"] == attack[0]
    assert (model.probabilities([["gov=attack"]]) >= model.thresholds).tolist() == [[True, False]]
