"""extract_document on written sentences about many conflicts (tests/fixtures/extraction_cases.yaml)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from claimgraph.extract import extract_document
from claimgraph.extract.lexicon import load_lexicon
from claimgraph.model import Document
from claimgraph.relations import load_ontology

CASES = yaml.safe_load((Path(__file__).parents[1] / "fixtures" / "extraction_cases.yaml").read_text())["cases"]
SYMMETRIC = load_ontology().symmetric


def _extract(nlp, text: str, published: str | None = None):
    document = Document.from_text(text, source="test.txt", published=published or "2020-01-01")
    return extract_document(nlp(text), document)


def _names(extraction) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for mention in extraction.mentions:
        out.setdefault(mention.actor, [mention.name, *mention.aliases, mention.text])
    return out


def _is(names: list[str], wanted: str) -> bool:
    wanted = wanted.lower()
    return any(wanted in name.lower() for name in names)


def _parse(spec: str) -> tuple[str, str, str | None, str]:
    match = re.match(r"^(.*?)\s+([A-Z_]{3,})(?:/(\w+))?(?:\s+(.*))?$", spec)
    assert match, spec
    return match.group(1), match.group(2), match.group(3), match.group(4) or ""


def _find(extraction, spec: str):
    subject, relation, mode, obj = _parse(spec)
    names = _names(extraction)
    for claim in extraction.claims:
        if claim.relation != relation or (mode and claim.mode != mode):
            continue
        s, o = names.get(claim.subject, []), names.get(claim.object, [])
        if _is(s, subject) and (not obj or _is(o, obj)):
            return claim
        if relation in SYMMETRIC and _is(o, subject) and (not obj or _is(s, obj)):
            return claim
    return None


def _case_id(case: dict) -> str:
    return case["text"][:40]


@pytest.mark.slow
@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=c["xfail"], strict=False))
                                  if c.get("xfail") else c for c in CASES], ids=_case_id)
def test_extract_written_case(nlp, case):
    extraction = _extract(nlp, case["text"], case.get("published"))
    for spec in case["expect"]:
        claim = _find(extraction, spec)
        assert claim is not None, f"missing {spec}; got {[(c.subject, c.relation, c.object) for c in extraction.claims]}"
        if "polarity" in case:
            assert claim.polarity == case["polarity"]
        if "certainty" in case:
            assert claim.certainty == case["certainty"]
        if "attributed_to" in case:
            assert claim.evidence.attributed_to == case["attributed_to"]
    for spec in case.get("absent", []):
        assert _find(extraction, spec) is None, f"unexpected {spec}"


@pytest.mark.slow
@pytest.mark.parametrize("text", [c["text"] for c in CASES[:20]])
def test_extract_evidence_is_grounded(nlp, text):
    extraction = _extract(nlp, "Heading line\n\n" + text + "\n\nShare this story")
    full = extraction.document.text
    for claim in extraction.claims:
        evidence = claim.evidence
        assert full[evidence.start:evidence.end] == evidence.text
        assert "\n" not in evidence.text and "Share" not in evidence.text


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", [
    ("In early December, the ELN attacked the Colombian army.", "2017-02-09", ("2016-12-01", "2016-12-10")),
    ("In March 2015, Boko Haram attacked the Nigerian army.", "2017-02-09", ("2015-03-01", "2015-03-31")),
])
def test_extract_time_is_resolved_against_publication(nlp, text, published, expected):
    extraction = _extract(nlp, text, published)
    claim = next(c for c in extraction.claims if c.relation == "ASSAULT")
    assert (claim.attributes["time"]["start"], claim.attributes["time"]["end"]) == expected


@pytest.mark.slow
def test_extract_quoted_passage_takes_speaker(nlp):
    text = ("\u201cThe cartel pays the militia every week. The Zetas also provide the Gulf Cartel with rifles,\u201d "
            "the analyst Maria Lopez said.")
    extraction = _extract(nlp, text)
    claim = _find(extraction, "Zetas AID/weapons Gulf Cartel")
    assert claim is not None and claim.evidence.attributed_to == "Maria Lopez"


@pytest.mark.slow
def test_extract_introduction_carries_to_next_paragraph(nlp):
    text = ("Reuters reported on the fighting:\n\n"
            "The Allied Democratic Forces attacked the Congolese army near Beni.\n\n"
            "The Ugandan army attacked the Allied Democratic Forces near Beni.")
    extraction = _extract(nlp, text)
    first = _find(extraction, "Allied Democratic Forces ASSAULT Congolese military")
    second = _find(extraction, "Ugandan military ASSAULT Allied Democratic Forces")
    assert first.evidence.attributed_to == "Reuters"
    assert second.evidence.attributed_to is None


@pytest.mark.slow
def test_extract_acronym_is_an_alias(nlp):
    extraction = _extract(nlp, "The Popular Resistance Committees (PRC) attacked Israel. The PRC fired rockets at Sderot.")
    keys = {m.actor for m in extraction.mentions if m.text in ("Popular Resistance Committees", "PRC")}
    assert len(keys) == 1


@pytest.mark.slow
def test_extract_demonym_army_is_part_of_state(nlp):
    extraction = _extract(nlp, "Egypt said the Egyptian army destroyed the tunnels.")
    mention = next(m for m in extraction.mentions if m.name == "Egyptian military")
    state = next(m for m in extraction.mentions if m.actor == mention.parent_hint)
    assert state.name == "Egypt"


def test_extract_lexicon_covers_every_relation():
    lexicon = load_lexicon()
    covered = {p.relation for table in (lexicon.verbs, lexicon.nouns) for ps in table.values() for p in ps}
    assert set(lexicon.relations) - load_ontology().membership <= covered


@pytest.mark.slow
@pytest.mark.parametrize("text,mention,name,kind", [
    ("Al-Shabaab controls much of Somalia. The group also trains fighters.", "The group", "Shabaab", "description"),
    ("Joaquin Guzman escaped in 2015. He later met with Sean Penn.", "He", "Joaquin Guzman", "pronoun"),
])
def test_extract_coreference_is_a_mention(nlp, text, mention, name, kind):
    extraction = _extract(nlp, text)
    found = next(m for m in extraction.mentions if m.text == mention)
    assert found.kind == kind and any(name in n for n in (found.name, *found.aliases))  # "Joaquín Guzmán" too
