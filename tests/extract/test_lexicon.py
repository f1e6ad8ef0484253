"""The extraction data files: every predicate names a known relation and mode, and word lists hold words."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from claimgraph.extract.lexicon import load_lexicon

CUES = resources.files("claimgraph") / "data" / "cues"


def _words(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item)
    else:
        yield value


@pytest.mark.parametrize("name", sorted(p.name for p in CUES.iterdir() if p.name.endswith(".yaml")))
def test_lexicon_word_lists_hold_no_yaml_booleans(name):
    data = yaml.safe_load((CUES / name).read_text(encoding="utf-8"))
    assert not [w for w in _words(data) if isinstance(w, bool)], "quote on/off/yes/no in " + name


@pytest.mark.parametrize("name", sorted(p.name for p in (CUES / "predicates").iterdir() if p.name.endswith(".yaml")))
def test_lexicon_predicate_files_have_a_source_header(name):
    text = (CUES / "predicates" / name).read_text(encoding="utf-8")
    assert text.startswith("#") and "Licence" in text.split("relation:")[0]


def test_lexicon_reads_on_as_a_preposition():
    lexicon = load_lexicon()
    attack = next(p for p in lexicon.nouns["attack"] if p.relation == "ASSAULT")
    assert "on" in attack.object


def test_lexicon_every_predicate_mode_is_declared():
    lexicon = load_lexicon()
    for table in (lexicon.verbs, lexicon.nouns):
        for predicates in table.values():
            for predicate in predicates:
                modes = set(lexicon.relations[predicate.relation].get("modes") or ())
                if predicate.mode:
                    assert predicate.mode in modes, (predicate.relation, predicate.lemma, predicate.mode)
