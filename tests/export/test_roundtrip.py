"""Exports of real built corpora (the demo; 200+ documents: the 89 VOA stories and synthetic
reports) that import cleanly (#14):
FollowTheMoney validated with `followthemoney`, GEXF and GraphML read back with networkx, CSV as a
spreadsheet reads it. Gazetteer ids (`state_sy`) are the ones that broke FtM: these corpora have many."""
from __future__ import annotations

import csv
import json
import re
from datetime import date

import networkx as nx
import pytest
from followthemoney import model, registry

from claimgraph.export.csv import COLUMNS, write_csv
from claimgraph.export.ftm import write_ftm
from claimgraph.export.ftm_ids import from_ftm_id
from claimgraph.export.graph import write_gexf, write_graphml
from claimgraph.store import Store
from claimgraph.store.reviews import load_graph

pytestmark = [pytest.mark.slow, pytest.mark.issue(14)]

LINK_ENDS = {"Membership": ("member", "organization"), "UnknownLink": ("subject", "object"),
             "Event": ("organizer", "involved")}


@pytest.fixture(params=["demo_template", "corpus_template"], scope="module")
def built(request) -> str:
    """A corpus built by the real pipeline (read only: exports never write to the store)."""
    return str(request.getfixturevalue(request.param))


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(Store(built), with_text=True)


@pytest.fixture(scope="module")
def ftm_entities(built, tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("ftm") / "graph.ftm.json"
    write_ftm(Store(built), out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_ftm_every_link_keeps_both_ends(ftm_entities, graph):
    ids = {e["id"] for e in ftm_entities}
    links = [e for e in ftm_entities if e["schema"] in LINK_ENDS]
    missing = [e["id"] for e in links
               if any(not set(e["properties"].get(p, [])) & ids for p in LINK_ENDS[e["schema"]])]
    assert missing == []
    # every claim became a link: none left out for want of an end
    assert sorted(from_ftm_id(e["id"])[1] for e in links) == sorted(g.id for g in graph.groups)
    # the corpus exercises the bug: links to gazetteer actors, whose ids hold "_"
    gazetteer_ends = [e for e in links for p in LINK_ENDS[e["schema"]]
                      if "_" in from_ftm_id(e["properties"][p][0])[1]]
    assert len(gazetteer_ends) >= 5


def test_ftm_entities_validate(ftm_entities):
    ids = {e["id"] for e in ftm_entities}
    assert len(ids) == len(ftm_entities)
    for data in ftm_entities:
        assert registry.entity.validate(data["id"]), data["id"]  # an id others can refer to
        schema = model.get(data["schema"])
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value by its FtM type
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]
        schema.validate(data)
        for prop in schema.properties.values():  # entity references point inside the export
            if prop.type.name == "entity":
                assert set(data["properties"].get(prop.name, [])) <= ids, (data["id"], prop.name)


def test_ftm_mentions_keep_resolved(ftm_entities):
    actors = {e["id"] for e in ftm_entities if e["id"].startswith("cg-entity-")}
    mentions = [e for e in ftm_entities if e["schema"] == "Mention"]
    assert mentions
    assert [m["id"] for m in mentions if not set(m["properties"].get("resolved", [])) & actors] == []


def test_ftm_event_date_is_the_event_time(ftm_entities, graph):
    groups = {g.id: g for g in graph.groups}
    events = [e for e in ftm_entities if e["schema"] == "Event"]
    from_text = 0
    for event in events:
        group = groups[from_ftm_id(event["id"])[1]]
        props = event["properties"]
        time = group.attributes.get("time")
        if time:  # the text's own time: startDate is its first day, date the span it shares
            assert props["startDate"] == [time["start"]], event["id"]
            shared = props["date"][0]  # (a span across years, "since 2020" in 2025, shares no year: its first day)
            assert time["start"].startswith(shared)
            assert time["end"].startswith(shared) or (time["start"][:4] != time["end"][:4] and shared == time["start"])
            assert ("endDate" in props) == (time["end"] != time["start"])
            from_text += props["date"][0] != (group.first_reported or "")[:len(props["date"][0])]
        elif group.first_reported:  # the report date only as the fallback, and said so
            assert props["date"] == [group.first_reported[:10]], event["id"]
            assert "no event time in the text" in props["description"][0]
    assert from_text >= 3  # events whose date is not the day they were reported


FORMATS = [("graphml", write_graphml, nx.read_graphml), ("gexf", write_gexf, nx.read_gexf)]


@pytest.mark.parametrize("name, write, read", FORMATS)
def test_graph_export_reads_back_with_parents_and_time(built, graph, tmp_path, name, write, read):
    out = tmp_path / f"graph.{name}"
    write(Store(built), out)
    network = read(str(out))
    entities = graph.entities
    with_parents = 0
    for node, data in network.nodes(data=True):
        parents = [p for p in entities[node].parents if p in entities]
        assert data["part_of"].split("; ") if parents else data["part_of"] == "", node
        assert [p for p in data["part_of"].split("; ") if p] == parents, node
        assert set(parents) <= set(network.nodes), node  # part_of never names a missing node
        with_parents += bool(parents)
    assert with_parents >= 3
    groups = {g.id: g for g in graph.groups}
    assert network.number_of_edges() == len(groups)
    dated = 0
    for _, _, key, data in network.edges(keys=True, data=True):
        group = groups[key]
        assert int(data["weight"]) == int(data["origins"]) == group.origins
        if group.attributes.get("time") or group.first_reported:
            start, end = date.fromisoformat(data["start"]), date.fromisoformat(data["end"])
            assert start <= end and data["time_basis"] in ("event", "report")
            dated += 1
        else:  # no date to give: no time on the edge (GEXF), an empty one (GraphML), and said so
            assert not data.get("start") and data["time_basis"] == "undated"
    assert dated >= 10


def test_gexf_time_is_gexf_time(built, tmp_path):
    out = tmp_path / "graph.gexf"
    write_gexf(Store(built), out)
    text = out.read_text(encoding="utf-8")
    # Gephi's timeline: a dynamic graph whose edges carry start/end as its own date attributes
    assert re.search(r'<graph [^>]*mode="dynamic"', text) and re.search(r'<graph [^>]*timeformat="date"', text)
    assert re.search(r'<edge [^>]*start="\d{4}-\d\d-\d\d"[^>]*end="\d{4}-\d\d-\d\d"', text)
    assert "<parent" not in text  # networkx's GEXF hierarchy (what `parents` turned into)


@pytest.mark.parametrize("name, write, read", FORMATS)
def test_graph_export_isolates_optional(built, graph, tmp_path, name, write, read):
    default = read(str(tmp_path / f"a.{name}")) if write(Store(built), tmp_path / f"a.{name}") else None
    everyone = read(str(tmp_path / f"b.{name}")) if write(Store(built), tmp_path / f"b.{name}", isolates=True) else None
    assert everyone.number_of_nodes() == len(graph.entities)
    assert default.number_of_nodes() < everyone.number_of_nodes()
    parents = {p for n in default.nodes for p in graph.entities[n].parents}
    assert [n for n in default.nodes if default.degree(n) == 0 and n not in parents] == []


def test_csv_bom_and_names_beside_ids(built, graph, tmp_path):
    write_csv(Store(built), tmp_path / "t")
    tables = {}
    for name in COLUMNS:
        raw = (tmp_path / "t" / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # UTF-8 byte-order mark: spreadsheets read UTF-8
        tables[name] = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
        assert list(tables[name][0]) == COLUMNS[name]
    names = {e.id: e.name for e in graph.entities.values()}
    groups = {g.id: g for g in graph.groups}
    assert len(tables["evidence.csv"]) == sum(len(g.evidence) for g in groups.values())
    for row in tables["evidence.csv"]:
        group = groups[row["claim"]]
        assert (row["subject"], row["relation"], row["object"]) == (group.subject, group.relation, group.object)
        assert row["subject_name"].lstrip("'") == names[group.subject]
        assert row["object_name"].lstrip("'") == names[group.object]
        text = graph.documents[row["document"]].text
        assert text[int(row["start"]):int(row["end"])] == row["text"].removeprefix("'") or row["text"].startswith("'")
    for row in tables["entities.csv"]:
        parents = [p for p in row["parents"].split("; ") if p]
        assert row["parent_names"].split("; ") == [names[p] for p in parents] if parents else not row["parent_names"]
