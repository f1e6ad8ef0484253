"""claimgraph.evaluate: the scoring rules on small hand-made exports."""
from __future__ import annotations

import pytest

from claimgraph.evaluate import normalize, score_export

GOLD = {
    "entities": [{"name": "Sinaloa Cartel", "aliases": ["Sinaloa Cartel"], "parents": []},
                 {"name": "Los Chapitos", "aliases": ["Chapitos"], "parents": ["Sinaloa Cartel"]},
                 {"name": "Mexico", "aliases": ["Mexico"], "parents": []}],
    "relations": [{"subject": "Mexico", "relation": "COERCE", "object": "Sinaloa Cartel", "core": True},
                  {"subject": "Sinaloa Cartel", "relation": "COOPERATE", "object": "Mexico", "core": False}],
}


def _export(*claims):
    entities = [{"id": "e1", "name": "Mexico"}, {"id": "e2", "name": "Chapitos"}, {"id": "e3", "name": "Sinaloa Cartel"}]
    return {"documents": [], "entities": entities,
            "claims": [{"id": str(i), "subject": s, "relation": r, "object": o} for i, (s, r, o) in enumerate(claims)]}


@pytest.mark.parametrize("text,key", [("The Times of Israel", "times of israel"), ("Hamas's", "hamas")])
def test_evaluate_normalize(text, key):
    assert normalize(text) == key


def test_evaluate_lenient_accepts_child_entity():
    result = score_export(GOLD, _export(("e1", "COERCE", "e2")))
    assert result["strict"].recall == 0.0
    assert result["lenient"].recall == 0.5 and result["lenient"].core_recall == 1.0


def test_evaluate_symmetric_relation_matches_reversed():
    result = score_export(GOLD, _export(("e1", "COOPERATE", "e3"), ("e3", "ASSAULT", "e1")))
    assert result["strict"].recall == 0.5
    assert result["strict"].precision == 0.5
    assert result["strict"].per_relation["ASSAULT"]["predicted"] == 1
