"""Clusters known by descriptive group names join only when unique (claimgraph.resolve.groupnames)."""
from __future__ import annotations

import pytest

from claimgraph.model import Mention
from claimgraph.resolve import resolve_mentions


def _resolve(documents: list[list[tuple[str, str]]]):
    """One document per list of (name, type); each name is its own local actor. Returns the resolution
    and the entity id of each actor, in order."""
    mentions = []
    for d, names in enumerate(documents):
        for a, (name, type_) in enumerate(names):
            kind = "name" if any(c.isupper() for c in name) else "description"
            mentions.append(Mention(f"d{d}", 0, len(name), name, f"a{a}", name, type_, kind))
    resolution = resolve_mentions(mentions)
    ids = [resolution.actor_entity.get((f"d{d}", f"a{a}")) for d, names in enumerate(documents)
           for a in range(len(names))]
    return resolution, ids


def test_groupnames_joins_placeless_name_when_its_document_names_the_place():
    resolution, ids = _resolve([
        [("ISIS-inspired jihadists in Gaza", "organization")],
        [("Salafi jihadists", "organization"), ("Gaza", "location")],
    ])
    assert ids[0] == ids[1]
    [entity] = [e for e in resolution.entities if e.id == ids[0]]
    assert entity.name == "ISIS-inspired jihadists in Gaza"  # the name that says the most
    assert any(r.startswith("descriptive group name") for r in entity.merge_reasons)


@pytest.mark.parametrize("documents, same", [
    ([[("militants in Gaza", "organization")], [("militant groups in the Gaza Strip", "organization")]], True),
    ([[("Houthi fighters in Yemen", "organization")], [("fighters in Yemen", "organization")]], True),
    ([[("Shia militias in Basra", "organization")], [("Sunni militias in Basra", "organization")]], False),
    ([[("Houthi fighters in Yemen", "organization")], [("Houthi rebels in Yemen", "organization")]], False),
    ([[("jihadists in Gaza", "organization")], [("jihadists in Syria", "organization")]], False),
    # the place is not named in the placeless name's document
    ([[("jihadists in Gaza", "organization")], [("Salafi jihadists", "organization")]], False),
    # two different groups in one document stay apart (the extractor kept them apart)
    ([[("militants in Gaza", "organization"), ("militant groups in the Gaza Strip", "organization")]], False),
    # a person is never a descriptive group
    ([[("Houthi fighters in Yemen", "organization")], [("fighters in Yemen", "person")]], False),
])
def test_groupnames_joins_pairs_only_when_they_agree(documents, same):
    _, ids = _resolve(documents)
    assert (ids[0] == ids[1]) is same, ids


def test_groupnames_ambiguous_candidate_stays_apart():
    _, ids = _resolve([
        [("fighters in Yemen", "organization")],
        [("Houthi fighters in Yemen", "organization")],
        [("Islah fighters in Yemen", "organization")],
    ])
    assert len(set(ids)) == 3
