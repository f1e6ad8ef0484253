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


def test_lexicon_grammar_words_hold_no_yaml_booleans():
    text = (resources.files("claimgraph") / "data" / "lang" / "en" / "grammar.yaml").read_text(encoding="utf-8")
    assert not [w for w in _words(yaml.safe_load(text)) if isinstance(w, bool)], "quote on/off/yes/no"


def test_lexicon_grammar_is_typed_and_complete():
    grammar = load_lexicon().grammar
    assert grammar.language == "en"
    assert "on" in grammar.prepositions.theme and "launch" in grammar.light_verbs
    assert grammar.time.month_number["december"] == 12
    assert grammar.time.part_days["end of"] == (21, None)


def test_lexicon_is_read_once_and_shared():
    lexicon = load_lexicon()
    assert load_lexicon() is lexicon
    assert lexicon.intent.cooperative == lexicon.ontology.names(stance="cooperative")
    assert lexicon.symmetric == frozenset({"COOPERATE", "CONSULT", "AGREE"})


def test_lexicon_missing_grammar_key_names_the_file(monkeypatch):
    from claimgraph.errors import DataFileError
    from claimgraph.extract import lexicon as module

    real = module.read_data_yaml
    monkeypatch.setattr(module, "read_data_yaml", lambda *parts: {k: v for k, v in real(*parts).items()
                                                              if k != "light_verbs"})
    with pytest.raises(DataFileError, match="data/lang/en/grammar.yaml"):
        module.read_grammar("en")
