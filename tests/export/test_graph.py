"""GraphML and GEXF exports read back with networkx, attributes intact, reviews applied."""
from __future__ import annotations

import networkx as nx
import pytest

from claimgraph.export.graph import write_gexf, write_graphml
from claimgraph.store import Store
from claimgraph.store.reviews import record_review

FORMATS = [("graphml", write_graphml, nx.read_graphml), ("gexf", write_gexf, nx.read_gexf)]


@pytest.mark.parametrize("name, write, read", FORMATS)
def test_graph_roundtrip_with_networkx(workbench_db, tmp_path, name, write, read):
    out = tmp_path / f"graph.{name}"
    counts = write(Store(workbench_db), out)
    network = read(str(out))
    assert network.number_of_nodes() == counts["nodes"] == 7
    assert network.number_of_edges() == counts["edges"] == 7
    node = network.nodes["e-sinaloa"]
    assert node["type"] == "organization" and "the cartel" in node["aliases"] and int(node["mentions"]) > 0
    [aid] = [d for _, _, d in network.edges(data=True) if d["relation"] == "AID"]
    assert aid["mode"] == "weapons" and int(aid["origins"]) == 2 and int(aid["documents"]) == 3
    assert aid["certainty"] == "asserted" and aid["first_date"] == "2023-05-02" and aid["last_date"] == "2023-05-05"


@pytest.mark.parametrize("name, write, read", FORMATS)
def test_graph_reviews_applied(workbench_db, tmp_path, name, write, read):
    store = Store(workbench_db)
    groups = {g.relation: g.id for g in store.claim_groups()}
    record_review(store, "reject", groups["CONSULT"], user="analyst")
    record_review(store, "confirm", groups["AID"], user="analyst")
    out = tmp_path / f"graph.{name}"
    write(store, out)
    edges = [d for _, _, d in read(str(out)).edges(data=True)]
    assert "CONSULT" not in {d["relation"] for d in edges}
    assert [d["review"] for d in edges if d["relation"] == "AID"] == ["confirmed"]


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_graph_cli_export(workbench_db, tmp_path, name):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    out = tmp_path / f"g.{name}"
    result = CliRunner().invoke(app, ["export", "--db", workbench_db, "--format", name, str(out)])
    assert result.exit_code == 0, result.output
    assert "7 nodes, 7 edges" in " ".join(result.output.split()) and out.exists()


@pytest.mark.issue(14)
def test_graph_cli_isolates_flag(workbench_db, tmp_path, workbench_fixture):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    store = Store(workbench_db)
    # rejecting the militia's only claim leaves it an isolate
    record_review(store, "reject", workbench_fixture.group_id_for(store, "e-militia", "ASSAULT", "e-police"),
                  user="analyst")
    runner = CliRunner()
    kept = runner.invoke(app, ["export", "--db", workbench_db, "-f", "gexf", str(tmp_path / "a.gexf")])
    everyone = runner.invoke(app, ["export", "--db", workbench_db, "-f", "gexf", "--isolates",
                                   str(tmp_path / "b.gexf")])
    assert kept.exit_code == everyone.exit_code == 0, kept.output + everyone.output
    assert "(6 nodes" in " ".join(kept.output.split()) and "(7 nodes" in " ".join(everyone.output.split())
    nodes = nx.read_gexf(str(tmp_path / "a.gexf")).nodes
    # Mexico has no claim of its own but the police are part of it: kept, so part_of resolves
    assert "e-militia" not in nodes and "e-mexico" in nodes
    assert "e-militia" in nx.read_gexf(str(tmp_path / "b.gexf")).nodes
    refused = runner.invoke(app, ["export", "--db", workbench_db, "-f", "csv", "--isolates", str(tmp_path / "c")])
    assert refused.exit_code != 0 and "--isolates works with --format graphml or gexf only" in refused.output


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_graph_cli_unwritable_path_is_one_line(workbench_db, tmp_path, name):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    out = tmp_path / "missing-folder" / f"g.{name}"
    result = CliRunner().invoke(app, ["export", "--db", workbench_db, "-f", name, str(out)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # no traceback
    shown = " ".join(result.output.split())
    assert f"g.{name}:" in "".join(result.output.split()) and "no such folder" in shown
    assert not out.parent.exists()
