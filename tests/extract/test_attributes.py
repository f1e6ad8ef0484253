"""Claim attributes (place, quantity, time) and negation cues, on sentences about other conflicts.

These guard the token comparisons of extraction: spaCy makes a new Token object on every access,
so a test by identity never holds and once silently dropped every place and quantity.
"""
from __future__ import annotations

from claimgraph.extract import extract_document
from claimgraph.model import Document


def _claims(nlp, text: str, relation: str):
    document = Document.from_text(text, "mem://attributes", published="2024-03-10")
    extraction = extract_document(nlp(document.text), document)
    names = {m.actor: m.name for m in extraction.mentions}
    return [(names[c.subject], names[c.object], c) for c in extraction.claims if c.relation == relation]


def test_attributes_money_is_the_quantity_and_the_year_is_resolved(nlp):
    [(subject, obj, claim)] = _claims(nlp, "Qatar gave $2 billion to Hamas last year.", "AID")
    assert (subject, obj, claim.mode) == ("Qatar", "Hamas", "funding")
    assert claim.attributes["quantity"] == "$2 billion"
    assert (claim.attributes["time"]["start"], claim.attributes["time"]["end"]) == ("2023-01-01", "2023-12-31")


def test_attributes_a_word_of_a_date_is_not_a_quantity(nlp):
    [(_, _, claim)] = _claims(nlp, "Several days ago, Iran sent drones to the Houthis.", "AID")
    assert "quantity" not in claim.attributes
    assert claim.attributes["time"]["start"] == "2024-03-07"
    assert claim.attributes["weapon"] == "drones"


def test_attributes_place_of_a_negated_attack_with_one_negation_cue(nlp):
    text = "Officials said Russia did not attack Ukrainian forces near Kharkiv."
    [(subject, _, claim)] = _claims(nlp, text, "ASSAULT")
    assert subject == "Russia" and claim.polarity == "negated"
    assert claim.attributes["place"] == "Kharkiv"
    assert [cue.text for cue in claim.evidence.cues if cue.kind == "negation"] == ["not"]


def test_refusal_needs_a_refusal_auxiliary_and_is_affirmed(nlp):
    """'would not meet' declines a meeting (a REJECT that happened); 'did not arm' only denies arming."""
    [(subject, obj, claim)] = _claims(nlp, "Ethiopia would not meet Egyptian officials.", "REJECT")
    assert (subject, obj, claim.polarity) == ("Ethiopia", "Egypt", "affirmed")
    assert _claims(nlp, "Turkey did not arm the Syrian rebels.", "REJECT") == []
    [(_, _, denied)] = _claims(nlp, "Mali did not refuse to negotiate with ECOWAS.", "REJECT")
    assert denied.polarity == "negated"
