"""Polarity and certainty of claims (#15, causes 5 and 3): the scope of negations and hedges, plans,
threats, requests and travel. Each case is one sentence with the exact polarity and certainty of a claim,
and the claims that must not appear."""
from __future__ import annotations

import pytest

from claimgraph.extract import extract_document
from claimgraph.model import Document
from claimgraph.relations import load_ontology

SYMMETRIC = load_ontology().symmetric

# (text, claim "Subject RELATION Object", polarity, certainty)
CASES = [
    # hedge and negation adverbs scope over the act they govern
    ("Turkey is hardly likely to attack the Kurds.", "Turkey ASSAULT Kurds", "negated", "hedged"),
    ("Turkey is unlikely to attack the Kurds.", "Turkey ASSAULT Kurds", "negated", "hedged"),
    ("Turkey is likely to attack the Kurds.", "Turkey ASSAULT Kurds", "affirmed", "hedged"),
    ("Hamas no longer attacks Israel.", "Hamas ASSAULT Israel", "negated", "asserted"),
    ("Putin never met Zelensky.", "Putin CONSULT Zelensky", "negated", "asserted"),
    # a negation reaches only its clause: not a coordinated verb with its own auxiliary or subject
    ("Turkey does not consider the YPG terrorists, and has supported them.", "Turkey SUPPORT People's Protection",
     "affirmed", "asserted"),
    ("Hamas did not attack Israel and killed Egyptians.", "Hamas ASSAULT Israel", "negated", "asserted"),
    ("Hamas did not attack or kill Israelis.", "Hamas ASSAULT Israel", "negated", "asserted"),
    ("Israel rejected the proposal and attacked Hamas.", "Israel ASSAULT Hamas", "affirmed", "asserted"),
    # negating verbs, and their negation
    ("Russia denied attacking Ukraine.", "Russia ASSAULT Ukraine", "negated", "asserted"),
    ("Hamas refused to meet Fatah.", "Hamas CONSULT Fatah", "negated", "asserted"),
    ("Hamas refused to meet Fatah.", "Hamas REJECT Fatah", "affirmed", "asserted"),
    ("Hamas did not refuse to meet Fatah.", "Hamas REJECT Fatah", "negated", "asserted"),
    ("Israel and Hamas failed to agree on a ceasefire.", "Israel AGREE Hamas", "negated", "asserted"),
    ("Israel and Hamas failed to agree on a ceasefire.", "Israel REJECT Hamas", "affirmed", "asserted"),
    ("There is no evidence that Iran funded Hezbollah.", "Iran AID Hezbollah", "negated", "asserted"),
    ("Israel did not rule out striking Iran.", "Israel ASSAULT Iran", "affirmed", "hedged"),
    ("Israel ruled out striking Iran.", "Israel ASSAULT Iran", "negated", "asserted"),
    # conditions and questions do not assert
    ("If Israel attacks Iran, Hezbollah will respond.", "Israel ASSAULT Iran", "affirmed", "hedged"),
    ("Did Russia attack Ukraine?", "Russia ASSAULT Ukraine", "affirmed", "hedged"),
    # expectations, plans and intentions are not acts: no claim at all (ABSENT below)
    ("Egypt agreed to provide aid to Gaza.", "Egypt AID Gaza", "affirmed", "hedged"),
    # the agreement, the threat, the request happened: they take their own verb's modality
    ("Egypt agreed to provide aid to Gaza.", "Egypt AGREE Gaza", "affirmed", "asserted"),
    ("Israel threatened to attack Hamas.", "Israel THREATEN Hamas", "affirmed", "asserted"),
    ("Israel did not threaten to attack Hamas.", "Israel THREATEN Hamas", "negated", "asserted"),
    ("Egypt called on Israel to stop attacks on Hamas.", "Egypt REQUEST Israel", "affirmed", "asserted"),
]

# (text, claims that must not appear)
ABSENT = [
    ("Putin plans to meet Erdogan.", ["Putin AGREE Erdogan", "Putin CONSULT Erdogan"]),
    ("Putin is expected to meet Erdogan.", ["Putin CONSULT Erdogan"]),
    ("The United States intends to send weapons to Ukraine.", ["United States AGREE Ukraine", "United States AID Ukraine"]),
    ("Sri Lanka's president is scheduled to visit New Delhi next month.", ["Sri Lanka CONSULT India"]),
    ("Israel threatened to attack Hamas.", ["Israel ASSAULT Hamas"]),
    ("Hamas vowed to attack Israel.", ["Hamas ASSAULT Israel"]),
    ("Egypt called on Israel to stop attacks on Hamas.", ["Israel ASSAULT Hamas"]),
    # travel with no meeting stated is no CONSULT (VOA guidelines, #15); "visited", "arrived in", "met" are
    ("Erdogan traveled to Moscow.", ["Erdogan CONSULT Russia"]),
    ("Erdogan flew to Moscow on Monday.", ["Erdogan CONSULT Russia"]),
    ("The number of refugees declined to 230,000 after the agreement between Kenya and Somalia.", []),
]


def _extract(nlp, text: str):
    document = Document.from_text(text, source="test.txt", published="2020-01-01")
    return extract_document(nlp(text), document)


def _find(extraction, spec: str):
    words = spec.split()
    at = next(i for i, w in enumerate(words) if w.isupper() and len(w) > 2 and "_" not in w or w == "MEMBER_OF")
    subject, relation, obj = " ".join(words[:at]).lower(), words[at], " ".join(words[at + 1:]).lower()
    names: dict[str, list[str]] = {}
    for mention in extraction.mentions:
        names.setdefault(mention.actor, [mention.name, *mention.aliases, mention.text])

    def named(key: str, wanted: str) -> bool:
        return any(wanted in name.lower() for name in names.get(key, []))

    return [c for c in extraction.claims if c.relation == relation and (
        (named(c.subject, subject) and named(c.object, obj))
        or (relation in SYMMETRIC and named(c.object, subject) and named(c.subject, obj)))]


@pytest.mark.slow
@pytest.mark.parametrize("text,spec,polarity,certainty", CASES, ids=[f"{c[0][:40]}|{c[1]}" for c in CASES])
def test_modality_of_claim(nlp, text, spec, polarity, certainty):
    found = _find(_extract(nlp, text), spec)
    assert found, f"missing {spec}"
    assert {(c.polarity, c.certainty) for c in found} == {(polarity, certainty)}


@pytest.mark.slow
@pytest.mark.parametrize("text,absent", ABSENT)
def test_modality_no_claim(nlp, text, absent):
    extraction = _extract(nlp, text)
    for spec in absent:
        assert not _find(extraction, spec), f"unexpected {spec}"
    if not absent:  # "declined to 230,000" is no refusal: nothing it reads is negated
        assert all(c.polarity == "affirmed" for c in extraction.claims)
