"""Structural claims read from names (extract/structure.py), on parses built by hand.

Rows as in test_rules.py: text, head, label, part of speech, tag, lemma, entity (IOB)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimgraph.extract.actors import ActorTable
from claimgraph.extract.arguments import ArgumentResolver
from claimgraph.extract.lexicon import load_lexicon
from claimgraph.extract.parse import Parse
from claimgraph.extract.structure import StructureFinder

pytestmark = pytest.mark.issue(15)

VOCAB = spacy.blank("en").vocab


def _name_anchors(rows: str, **gazetteer_ids: str) -> set[tuple[str, str, str]]:
    """PART_OF claims the names give; `gazetteer_ids` links a word to its entry, as the entity ruler does."""
    table = [line.split() for line in rows.strip().splitlines()]
    words = [r[0] for r in table]
    doc = Doc(VOCAB, words=words, spaces=[True] * (len(words) - 1) + [False],
              heads=[int(r[1]) for r in table], deps=[r[2] for r in table], pos=[r[3] for r in table],
              tags=[r[4] for r in table], lemmas=[r[5] for r in table], ents=[r[6] for r in table])
    for token in doc:
        token.ent_id_ = gazetteer_ids.get(token.text, "")
    lexicon = load_lexicon()
    actors = ActorTable(doc, lexicon, Parse(doc)).build()
    finder = StructureFinder(doc, actors, ArgumentResolver(doc, actors, lexicon), lexicon)
    return {(actors.actors[c.subject].name, c.relation, actors.actors[c.object].name) for c in finder.name_anchors()}


def test_a_state_named_inside_a_bodys_name_owns_it():
    assert _name_anchors("""
The 2 det DET DT the O
U.S. 2 compound PROPN NNP U.S. B-ORG
Senate 3 nsubj PROPN NNP Senate I-ORG
voted 3 ROOT VERB VBD vote O
. 3 punct PUNCT . . O
""") == {("U.S. Senate", "PART_OF", "United States")}


def test_a_state_named_before_a_bodys_name_owns_it():
    assert _name_anchors("""
The 3 det DET DT the O
Kenya 3 compound PROPN NNP Kenya B-GPE
Interior 3 compound PROPN NNP Interior B-ORG
Ministry 4 nsubj PROPN NNP Ministry I-ORG
spoke 4 ROOT VERB VBD speak O
. 4 punct PUNCT . . O
""", Kenya="state_ke") == {("Interior Ministry", "PART_OF", "Kenya")}


def test_a_group_named_after_a_country_is_no_part_of_it():
    # "Forces", "Army", "Council" also head independent groups: only the gazetteer places those
    assert _name_anchors("""
The 3 det DET DT the O
Syrian 3 compound PROPN NNP Syrian B-ORG
National 3 compound PROPN NNP National I-ORG
Council 4 nsubj PROPN NNP Council I-ORG
spoke 4 ROOT VERB VBD speak O
. 4 punct PUNCT . . O
""") == set()


def test_a_place_after_the_head_noun_is_where_the_body_works_not_its_owner():
    assert _name_anchors("""
The 1 det DET DT the O
Mission 4 nsubj PROPN NNP Mission B-ORG
in 1 prep ADP IN in I-ORG
Mali 2 pobj PROPN NNP Mali I-ORG
ended 4 ROOT VERB VBD end O
. 4 punct PUNCT . . O
""") == set()
