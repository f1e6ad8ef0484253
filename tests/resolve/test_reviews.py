"""Analyst merge, split and rename applied on top of resolution (claimgraph.resolve.reviews)."""
from __future__ import annotations

from claimgraph.model import Mention
from claimgraph.resolve import resolve_mentions
from claimgraph.resolve.reviews import make_split_id


def _mention(document_id: str, name: str, type_: str = "person") -> Mention:
    return Mention(document_id, 0, len(name), name, "a1", name, type_)


MENTIONS = [_mention("d1", "Abu Hamza al-Masri"), _mention("d2", "Abu Hamza al-Muhajir"),
            _mention("d3", "Mustafa Kamel Mustafa"), _mention("d4", "Mustafa Kamel Mustafa")]


def test_reviews_merge_joins_two_entities_and_is_explained():
    base = resolve_mentions(MENTIONS)
    a, b = base.actor_entity[("d1", "a1")], base.actor_entity[("d3", "a1")]
    merged = resolve_mentions(MENTIONS, reviews=[{"action": "merge", "entities": [a, b]}])
    assert merged.actor_entity[("d1", "a1")] == merged.actor_entity[("d3", "a1")] == a
    assert any("merged by analyst review" in r for r in merged.by_id()[a].merge_reasons)
    # the other shape: entity into target
    again = resolve_mentions(MENTIONS, reviews=[{"action": "merge", "entity": b, "into": a}])
    assert again.actor_entity == merged.actor_entity


def test_reviews_split_moves_actors_with_that_alias_to_a_stable_new_entity():
    base = resolve_mentions(MENTIONS)
    keep, other = base.actor_entity[("d1", "a1")], base.actor_entity[("d2", "a1")]
    assert keep != other
    reviews = [{"action": "merge", "entities": [keep, other]},
               {"action": "split", "entity": keep, "alias": "Abu Hamza al-Muhajir"}]
    split = resolve_mentions(MENTIONS, reviews=reviews)
    assert split.actor_entity[("d2", "a1")] == make_split_id(keep, "Abu Hamza al-Muhajir")
    assert split.actor_entity[("d1", "a1")] == keep
    assert resolve_mentions(MENTIONS, reviews=reviews).actor_entity == split.actor_entity


def test_reviews_rename_keeps_the_id():
    base = resolve_mentions(MENTIONS)
    entity_id = base.actor_entity[("d3", "a1")]
    renamed = resolve_mentions(MENTIONS, reviews=[{"action": "rename", "entity": entity_id, "name": "Abu Hamza"}])
    assert renamed.by_id()[entity_id].name == "Abu Hamza"


def test_reviews_unknown_entities_are_skipped():
    base = resolve_mentions(MENTIONS)
    after = resolve_mentions(MENTIONS, reviews=[{"action": "merge", "entities": ["gone", "nothing"]},
                                                {"action": "split", "entity": "gone", "alias": "x"},
                                                {"action": "explode"}])
    assert after.actor_entity == base.actor_entity
