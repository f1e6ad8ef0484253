"""Acceptance on a written war corpus with several sides (#12): built end to end with the trained model."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import pipeline
from claimgraph.export.jsonexport import build_export
from claimgraph.settings import Settings
from claimgraph.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.issue(12)]

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "war_corpus"
# Words of a side, not of a state, an army or a named group: no such entity may hold an alias with one.
SIDE_WORDS = ("rebel", "opposition", "regime")
SPECIFIC_KINDS = ("state", "military", "armed_group", "unit", "paramilitary", "political_organization")
IS_SPELLINGS = ("IS", "ISIS", "ISIL", "Isis", "Daesh", "Islamic State")


def _build(tmp_path_factory, outlet: str | None):
    db = str(tmp_path_factory.mktemp("war") / "war.db")
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    assert len(files) >= 20
    pipeline.build(files, db, settings=Settings(offline=True, outlet=outlet), workers=1)
    store = Store(db)
    try:
        return (store.entities(), list(store.claim_groups()), build_export(store), list(store.iter_mentions()),
                store.actor_entities())
    finally:
        store.close()


@pytest.fixture(scope="module")
def war_graph(tmp_path_factory):
    """The corpus as one outlet's plain text: `--outlet Test Wire`."""
    return _build(tmp_path_factory, "Test Wire")


@pytest.fixture(scope="module")
def war_graph_no_outlet(tmp_path_factory):
    """The same plain text with no outlet given: every file of unknown outlet."""
    return _build(tmp_path_factory, None)


def _us_arms_ypg(groups):
    """The claim three articles repeat unattributed: the United States sent weapons to the YPG."""
    return next(g for g in groups if (g.subject, g.relation, g.mode, g.object) == ("state_us", "AID", "weapons", "ypg"))


def test_war_corpus_no_specific_actor_holds_a_side_alias(war_graph):
    from claimgraph.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    entities, *_ = war_graph
    for entity in entities:
        entry = gazetteer.get(entity.gazetteer_id) if entity.gazetteer_id else None
        if entry is None or entry.kind not in SPECIFIC_KINDS:
            continue
        own = {a.lower() for a in entry.names}
        wrong = [a for a in entity.aliases if a.lower() not in own and any(w in a.lower() for w in SIDE_WORDS)]
        assert not wrong, f"{entity.name} holds {wrong}: {entity.merge_reasons}"


def test_war_corpus_sides_never_land_in_a_state_army_or_named_group(war_graph):
    from claimgraph.gazetteer import load_gazetteer
    from claimgraph.resolve.gazindex import build_index
    from claimgraph.resolve.screen import is_generic_name

    index = build_index(load_gazetteer())
    entities, _, _, store_mentions, actor_entity = war_graph
    by_id = {e.id: e for e in entities}
    sides = {(m.document_id, m.actor): m.name for m in store_mentions if is_generic_name(m.name, index)}
    assert {"Syrian rebels", "Syrian opposition"} <= set(sides.values()), sides
    for key, name in sides.items():
        entity = by_id[actor_entity[key]]
        entry = index.gazetteer.get(entity.gazetteer_id) if entity.gazetteer_id else None
        assert entry is None or entry.kind not in SPECIFIC_KINDS, (name, entity.name, entity.merge_reasons)


def test_war_corpus_islamic_state_spellings_are_one_entity(war_graph):
    entities, *_ = war_graph
    holders = {alias: e.id for e in entities for alias in e.aliases if alias in IS_SPELLINGS}
    assert set(holders) >= {"ISIS", "ISIL", "Isis", "Daesh", "Islamic State"}
    assert set(holders.values()) == {"islamic_state"}


def test_war_corpus_sides_are_actors_of_their_own(war_graph):
    entities, *_ = war_graph
    by_alias = {alias: e for e in entities for alias in e.aliases}
    for name in ("Kurdish forces", "Iranian-backed militias"):
        assert by_alias[name].gazetteer_id is None, by_alias[name]
    assert by_alias["Syrian army"].id == "mil_sy" and by_alias["Syrian troops"].id == "mil_sy"


def test_war_corpus_one_outlet_is_one_origin(war_graph):
    _, groups, *_ = war_graph
    assert groups
    repeated = [g for g in groups if g.documents > 1]
    assert repeated, "the corpus repeats some claims across articles"
    for group in repeated:
        assert group.unknown_outlet_documents == 0
        assert group.origins == len({o.key for o in group.origin_list})
        assert all(o.kind != "unknown_outlet" for o in group.origin_list)
        unattributed = [e for e in group.evidence if not e.attributed_to]
        if len(unattributed) == len(group.evidence):  # only the outlet stands behind it: one origin
            assert group.origins == 1, group


def test_war_corpus_repeated_claim_of_one_outlet_is_one_origin(war_graph):
    group = _us_arms_ypg(war_graph[1])
    assert group.documents >= 3
    assert (group.origins, group.unknown_outlet_documents) == (1, 0)
    assert group.origin_list[0].name == "Test Wire"


def test_war_corpus_without_outlet_documents_are_counted_apart(war_graph_no_outlet):
    group = _us_arms_ypg(war_graph_no_outlet[1])
    assert group.documents >= 3
    assert group.origins == 0 and group.unknown_outlet_documents == group.documents
    assert {o.kind for o in group.origin_list} == {"unknown_outlet"}


def test_war_corpus_export_marks_unknown_outlet_claims_weak(war_graph_no_outlet, war_graph):
    import json

    import jsonschema

    schema = json.loads((Path(pipeline.__file__).parent / "export" / "schema.json").read_text())
    for graph, weak in ((war_graph_no_outlet, True), (war_graph, False)):
        export = graph[2]
        jsonschema.validate(export, schema)
        group = _us_arms_ypg(graph[1])
        claim = next(c for c in export["claims"] if c["id"] == group.id)
        assert claim["weak"] is weak
        assert claim["unknown_outlet_documents"] == (group.documents if weak else 0)
