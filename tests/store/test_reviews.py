"""Analyst reviews are validated, stored apart, applied when the graph is read, and undone."""
from __future__ import annotations

import pytest

from claimgraph.errors import ReviewError
from claimgraph.store import Store
from claimgraph.store.reviews import (
    get_claim_reviews, get_entity_reviews, load_graph, record_review, undo_review,
)


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
