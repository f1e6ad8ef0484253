"""Analyst reviews are validated, stored apart, applied when the graph is read, and undone."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import reviewing
from claimgraph.errors import ReviewError
from claimgraph.store import Store
from claimgraph.store.reviews import (
    get_claim_reviews, get_entity_reviews, load_graph, record_review, undo_review,
)

SRC = Path(__file__).resolve().parents[2] / "src" / "claimgraph"


def _aid_group(store: Store) -> str:
    [group] = [g for g in store.claim_groups() if g.relation == "AID"]
    return group.id


@pytest.mark.parametrize("actions, expected", [
    (["confirm"], "confirmed"),
    (["reject"], "rejected"),
    (["reject", "confirm"], "confirmed"),
    (["confirm", "reject"], "rejected"),
])
def test_reviews_latest_claim_decision_stands(workbench_db, actions, expected):
    store = Store(workbench_db)
    group_id = _aid_group(store)
    for action in actions:
        record_review(store, action, group_id, user="analyst")
    assert get_claim_reviews(store.reviews()) == {group_id: expected}


def test_reviews_rejected_claim_hidden_unless_asked(workbench_db):
    store = Store(workbench_db)
    group_id = _aid_group(store)
    record_review(store, "reject", group_id, user="analyst", payload={"note": "one source only"})
    graph = load_graph(store)
    assert group_id not in {g.id for g in graph.groups}
    assert [g.id for g in graph.rejected] == [group_id]
    marked = load_graph(store, include_rejected=True)
    assert group_id in {g.id for g in marked.groups} and marked.review_of(group_id) == "rejected"


def test_reviews_undo_restores_claim(workbench_db):
    store = Store(workbench_db)
    group_id = _aid_group(store)
    review_id = record_review(store, "reject", group_id, user="analyst")
    assert undo_review(store, review_id)
    assert group_id in {g.id for g in load_graph(store).groups}
    assert not undo_review(store, review_id)  # already undone
    [row] = store.reviews(include_undone=True)
    assert row["user"] == "analyst" and row["deleted_at"] is not None


def test_reviews_survive_graph_replacement(workbench_db, workbench_fixture):
    """A rebuild replaces machine output; the review (keyed by the stable group id) applies again."""
    store = Store(workbench_db)
    group_id = _aid_group(store)
    record_review(store, "reject", group_id, user="analyst")
    extractions = workbench_fixture.make_extractions(workbench_fixture.make_documents())
    store.replace_graph(*workbench_fixture.make_graph(extractions))
    assert group_id not in {g.id for g in load_graph(store).groups}


@pytest.mark.parametrize("action, target, payload, message", [
    ("approve", "x", {}, "unknown review action"),
    ("reject", "no-such-claim", {}, "no claim"),
    ("rename", "no-such-entity", {"name": "X"}, "no entity"),
    ("rename", "e-gulf", {"name": "  "}, "non-empty"),
    ("merge", "e-gulf", {"other": "e-gulf"}, "another entity"),
    ("merge", "e-gulf", {"other": "nobody"}, "another entity"),
    ("split", "e-gulf", {"alias": "Not A Name"}, "one name of"),
])
def test_reviews_bad_review_refused(workbench_db, action, target, payload, message):
    store = Store(workbench_db)
    with pytest.raises(ReviewError, match=message):
        record_review(store, action, target, user="analyst", payload=payload)
    assert store.reviews() == []


def test_reviews_user_required(workbench_db):
    store = Store(workbench_db)
    with pytest.raises(ReviewError, match="user"):
        record_review(store, "confirm", _aid_group(store), user=" ")


@pytest.mark.parametrize("action, payload, expected", [
    ("merge", {"entities": ["e-gulf", "e-sinaloa"]}, {"entities": ["e-gulf", "e-sinaloa"]}),
    ("split", {"entity": "e-gulf", "alias": "Clan del Golfo"}, {"entity": "e-gulf", "alias": "Clan del Golfo"}),
    ("rename", {"entity": "e-gulf", "name": "Clan del Golfo"}, {"entity": "e-gulf", "name": "Clan del Golfo"}),
])
def test_reviews_entity_reviews_in_resolution_shape(workbench_db, action, payload, expected):
    """The flat shape resolve/reviews.py reads: action plus its keys at the top level."""
    store = Store(workbench_db)
    store.add_review(action, "e-gulf", user="analyst", payload=payload)
    store.add_review("confirm", _aid_group(store), user="analyst")  # claim reviews stay out
    [flat] = get_entity_reviews(store.reviews())
    assert flat["action"] == action and flat["user"] == "analyst"
    assert {k: flat[k] for k in expected} == expected


DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"
NEW_ARTICLE = """Militants clash with army near border

By Staff Reporter, March 3, 2021

Fighters of the Lord's Resistance Army attacked an army patrol near the border on Sunday, officials said.
The Ugandan army reportedly arrested two commanders of the group after the clash.
"""


def _entity_names(store: Store) -> dict[str, str]:
    return {e.id: e.name for e in store.entities()}


@pytest.mark.slow
def test_reviews_survive_rebuild_on_same_and_new_sources(demo_db, tmp_path):
    """#6 acceptance: reject a claim, merge two entities, rename one; rebuild twice; export."""
    from claimgraph.export import build_export
    from claimgraph.export.graph import build_network
    from claimgraph.pipeline import build

    store = Store(demo_db)
    people = sorted((e for e in store.entities() if e.type == "person"), key=lambda e: (e.mentions, e.id))
    keep, other = people[0], people[1]
    top = store.entities()[0]
    rejected = next(g for g in store.claim_groups()
                    if not {g.subject, g.object} & {keep.id, other.id, top.id})
    reviewing.record_review(store, "merge", keep.id, user="analyst", payload={"other": other.id})
    reviewing.record_review(store, "rename", top.id, user="analyst", payload={"name": "Renamed by analyst"})
    reviewing.record_review(store, "reject", rejected.id, user="analyst")

    def check(store: Store) -> None:
        names = _entity_names(store)
        assert other.id not in names and keep.id in names
        merged = next(e for e in store.entities() if e.id == keep.id)
        assert other.name in merged.aliases
        assert names[top.id] == "Renamed by analyst"
        assert rejected.id in {g.id for g in store.claim_groups()}  # machine output keeps it ...
        graph = load_graph(store)
        assert rejected.id not in {g.id for g in graph.groups}  # ... every view hides it
        export = build_export(store)
        assert rejected.id not in {c["id"] for c in export["claims"]}
        assert other.id not in {e["id"] for e in export["entities"]}
        assert "Renamed by analyst" in {e["name"] for e in export["entities"]}
        assert build_network(graph).nodes[top.id]["label"] == "Renamed by analyst"

    check(store)
    build([str(DEMO)], demo_db)  # same sources: nothing new, the graph is rebuilt
    check(Store(demo_db))
    new = tmp_path / "new"
    new.mkdir()
    (new / "lra.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    report = build([str(DEMO), str(new)], demo_db)  # a new source joins
    assert report.ingested == 1
    check(Store(demo_db))


@pytest.mark.slow
def test_reviews_undo_merge_restores_entities(demo_db):
    store = Store(demo_db)
    people = sorted((e for e in store.entities() if e.type == "person"), key=lambda e: (e.mentions, e.id))
    before = _entity_names(store)
    review_id = reviewing.record_review(store, "merge", people[0].id, user="analyst",
                                        payload={"other": people[1].id})
    assert people[1].id not in _entity_names(store)
    assert reviewing.undo_review(store, review_id)
    assert _entity_names(store) == before


@pytest.mark.issue(13)
def test_reviews_store_never_runs_the_pipeline(workbench_db):
    """The store only keeps reviews; claimgraph.reviewing rebuilds the graph (a layer above)."""
    import ast

    for path in (SRC / "store").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert "pipeline" not in (node.module or "") and "reviewing" not in (node.module or ""), path
    store = Store(workbench_db)
    before = _entity_names(store)
    first, second = list(before)[:2]
    record_review(store, "merge", first, user="analyst", payload={"other": second})
    assert _entity_names(store) == before  # stored, not applied: no rebuild from inside the store
    assert get_entity_reviews(store.reviews())[0]["entities"] == [first, second]
    store.close()
