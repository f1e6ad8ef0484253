"""The document page's text cutting, outlet summaries, the review queue and the changes view."""
from __future__ import annotations

import pytest

from claimgraph.model import Document, Entity
from claimgraph.store import Store
from claimgraph.store.reviews import load_graph
from claimgraph.web.changes import build_changes
from claimgraph.web.documentview import cut_text, summarize_document_page, summarize_outlet
from claimgraph.web.queue import build_queue, suspicious_aliases

pytestmark = pytest.mark.issue(14)


def test_documentview_cut_text_overlapping_spans():
    text = "Alpha beta gamma delta."
    pieces = cut_text(text, [(0, 10, "g1", "ev-g1-0"), (6, 16, "g2", "ev-g2-0"), (6, 16, "g3", "ev-g3-0")])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.claims) for p in pieces] == [
        ("Alpha ", ["g1"]), ("beta", ["g1", "g2", "g3"]), (" gamma", ["g2", "g3"]), (" delta.", [])]
    assert pieces[1].anchors == ["ev-g2-0", "ev-g3-0"]


def test_documentview_page_highlights_every_evidence(workbench_db):
    store = Store(workbench_db)
    graph = load_graph(store, include_rejected=True)
    for document in store.iter_documents():
        page = summarize_document_page(graph, document)
        assert "".join(p["text"] for p in page["pieces"]) == document.text
        evidence = [(e.start, e.end) for g in graph.groups for e in g.evidence if e.document_id == document.id]
        covered = {i for p in page["pieces"] if p["claims"] for i in range(p["start"], p["end"])}
        assert all(set(range(s, e)) <= covered for s, e in evidence)
        assert page["spans"] == len(evidence) and not page["ungrounded"]


def test_documentview_outlet_summary(workbench_db):
    graph = load_graph(Store(workbench_db))
    outlet = summarize_outlet(graph, "Aggregator Daily")
    assert len(outlet["documents"]) == 1 and outlet["copies"] == 1
    assert summarize_outlet(graph, "No Such Outlet") is None


@pytest.mark.parametrize("name, aliases, odd", [
    ("Islamic State", ["Islamic State", "IS", "the Islamic State group"], []),
    ("Hamas", ["Hamas", "Islamic Resistance Movement", "Houthis"], ["Islamic Resistance Movement", "Houthis"]),
    ("Syrian Democratic Forces", ["SDF", "Syrian Democratic Forces"], []),
])
def test_queue_suspicious_aliases(name, aliases, odd):
    assert suspicious_aliases(Entity(id="e", name=name, type="organization", aliases=aliases)) == odd


def test_queue_ranks_contradicted_and_single_origin_attacks(workbench_db):
    graph = load_graph(Store(workbench_db))
    items = build_queue(graph)
    assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)
    contradicted = [i for i in items if i.kind == "contradicted"]
    assert contradicted and all(i.claim["contradicted"] for i in contradicted)
    assert all(i.claim["relation"] == "ASSAULT" and i.claim["origins"] == 1
               for i in items if i.kind == "violent_single_origin")


def test_changes_since_the_last_build(workbench_db, workbench_fixture):
    """A build that brings a new document keeps the old graph's groups; the view compares with it."""
    store = Store(workbench_db)
    first = store.previous_graph()
    assert first["groups"] == {} and first["rebuilt_at"]  # the fixture's build was the first
    extractions = workbench_fixture.make_extractions(workbench_fixture.make_documents())
    entities, actor_entity, groups = workbench_fixture.make_graph(extractions)
    store.replace_graph(entities, actor_entity, groups)  # same documents (a review's rebuild): no snapshot
    assert store.previous_graph()["groups"] == {}
    # a new document arrives: one claim gains an origin, one becomes contradicted, one is new
    from claimgraph.model import Extraction
    store.save_extractions([Extraction(document=Document.from_text("A later report.", source="later.txt"))])
    gained, flipped, *_ = sorted(groups, key=lambda g: g.id)
    gained.origins += 1
    was_contradicted = flipped.contradicted
    flipped.contradicted = True
    new = type(gained)(id="g-new", subject=gained.subject, relation="THREATEN", object=gained.object,
                       origins=1, documents=1)
    store.replace_graph(entities, actor_entity, groups + [new])
    changes = build_changes(load_graph(store), store.previous_graph())
    assert not changes["first_build"]
    assert [c["id"] for c in changes["new"]] == ["g-new"]
    assert [(c["id"], c["origins_before"], c["origins"]) for c in changes["gained"]] == [
        (gained.id, gained.origins - 1, gained.origins)]
    assert [c["id"] for c in changes["contradicted"]] == ([] if was_contradicted else [flipped.id])
