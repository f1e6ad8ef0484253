"""Documents of unknown outlet are counted apart from independent origins; headlines inherit attribution (#12)."""
from __future__ import annotations

import pytest

from claimgraph.corroborate import group_claims
from claimgraph.corroborate.rollup import rollup_groups
from claimgraph.model import Claim, Document, Evidence, Mention
from claimgraph.resolve import resolve_mentions

pytestmark = pytest.mark.issue(12)

TEXT = "The United States sent weapons to the YPG."


def _graph(documents: dict[str, Document], claims: list[Claim]):
    mentions = [Mention(d, 0, 1, name, key, name, "organization" if key == "y" else "state")
                for d in documents for key, name in (("u", "United States"), ("y", "YPG"))]
    resolution = resolve_mentions(mentions)
    entities = {e.id: e for e in resolution.entities}
    return group_claims(claims, actor_entity=resolution.actor_entity, documents=documents, entities=entities), \
        resolution, entities


def _aid(document_id: str, text: str = TEXT, start: int = 40, **attribution) -> Claim:
    return Claim(document_id, "u", "AID", "y", Evidence(document_id, text, start, start + len(text), **attribution),
                 mode="weapons")


def test_unknown_outlets_counted_apart_not_as_origins():
    documents = {f"d{i}": Document(f"d{i}", "", f"d{i}.txt") for i in range(10)}
    groups, _, _ = _graph(documents, [_aid(d) for d in documents])
    (group,) = groups
    assert (group.documents, group.origins, group.unknown_outlet_documents) == (10, 0, 10)
    assert group.outlets == 0  # a file of unknown outlet is no outlet of its own
    assert {o.kind for o in group.origin_list} == {"unknown_outlet"}


def test_unknown_outlets_one_outlet_is_one_origin():
    documents = {f"d{i}": Document(f"d{i}", "", f"d{i}.txt", outlet="Test Wire") for i in range(10)}
    groups, _, _ = _graph(documents, [_aid(d) for d in documents])
    (group,) = groups
    assert (group.documents, group.origins, group.unknown_outlet_documents) == (10, 1, 0)


def test_unknown_outlets_mixed_with_known_and_rolled_up():
    documents = {"a": Document("a", "", "a.txt", outlet="Gazette"), "b": Document("b", "", "b.txt", outlet="Herald"),
                 "c": Document("c", "", "c.txt"), "d": Document("d", "", "d.txt")}
    groups, _, entities = _graph(documents, [_aid(d) for d in documents])
    (group,) = groups
    assert (group.origins, group.unknown_outlet_documents) == (2, 2)  # "2 origins, plus 2 documents of unknown outlet"
    assert group.outlets == 2
    (rolled,) = rollup_groups(groups, entities, documents)
    assert (rolled.origins, rolled.unknown_outlet_documents, rolled.outlets) == (2, 2, 2)


def test_unknown_outlets_headline_inherits_body_attribution():
    title = "US sends weapons to YPG"
    body = "The United States sent weapons to the YPG, Reuters reported."
    documents = {"a": Document("a", "", "a.txt", outlet="Gazette", title=title)}
    claims = [_aid("a", title, 0), _aid("a", body, len(title) + 2, attributed_to="Reuters", attribution_kind="outlet")]
    groups, _, _ = _graph(documents, claims)
    (group,) = groups
    assert group.origins == 1, group.origin_list
    assert group.origin_list[0].name != "Gazette"


def test_unknown_outlets_headline_alone_keeps_publisher_origin():
    title = "US sends weapons to YPG"
    documents = {"a": Document("a", "", "a.txt", outlet="Gazette", title=title)}
    groups, _, _ = _graph(documents, [_aid("a", title, 0)])
    assert [o.name for o in groups[0].origin_list] == ["Gazette"]


def test_unknown_outlets_headline_inherits_attribution_of_another_relation():
    title = "US backs YPG"
    body = "The United States sent weapons to the YPG, Reuters reported."
    documents = {"a": Document("a", "", "a.txt", outlet="Gazette", title=title)}
    headline = Claim("a", "u", "SUPPORT", "y", Evidence("a", title, 0, len(title)))
    claims = [headline, _aid("a", body, len(title) + 2, attributed_to="Reuters", attribution_kind="outlet")]
    groups, _, _ = _graph(documents, claims)
    support = next(g for g in groups if g.relation == "SUPPORT")
    assert [o.name for o in support.origin_list] != ["Gazette"]
    assert support.origin_list[0].key == next(g for g in groups if g.relation == "AID").origin_list[0].key
