"""The relation ontology (data/relations.yaml) as code reads it: typed, checked, asked by property."""
from __future__ import annotations

import pytest

from claimgraph import relations
from claimgraph.errors import DataFileError
from claimgraph.relations import load_ontology

pytestmark = pytest.mark.issue(15)


def test_relations_properties_come_from_the_file():
    ontology = load_ontology()
    assert ontology.symmetric == {"COOPERATE", "CONSULT", "AGREE"}
    assert ontology.membership == {"MEMBER_OF", "PART_OF"}
    assert ontology.structural == {"MEMBER_OF", "PART_OF", "DEFECT"}
    assert ontology.names(opposed=True) == {"ASSAULT", "COERCE"}
    assert ontology.with_attribute("weapon") == {"AID", "ASSAULT", "COERCE"}
    assert ontology["AID"].modes[0] == "weapons" and "AID" in ontology


@pytest.mark.parametrize("spec,message", [
    ({"kind": "event", "colour": "red"}, "unknown propert"),
    ({"kind": "event", "tie": "loose"}, "tie 'loose'"),
    ({"symmetric": True}, "needs a kind"),
])
def test_relations_bad_property_names_the_relation(monkeypatch, spec, message):
    monkeypatch.setattr(relations, "read_relations", lambda: {"NEW": spec})
    relations.load_ontology.cache_clear()
    try:
        with pytest.raises(DataFileError, match=f"NEW: .*{message}|{message}"):
            relations.load_ontology()
    finally:
        relations.load_ontology.cache_clear()
