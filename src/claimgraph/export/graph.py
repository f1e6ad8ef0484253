"""GraphML and GEXF exports for graph tools (Gephi, Cytoscape, networkx, Neo4j import) via networkx."""
from __future__ import annotations

import logging
from pathlib import Path

import networkx as nx

from ..store import Store
from ..store.reviews import ReviewedGraph, load_graph

log = logging.getLogger(__name__)

# GraphML and GEXF hold scalar attributes only: lists are joined with this separator.
LIST_SEPARATOR = "; "


def build_network(graph: ReviewedGraph) -> nx.MultiDiGraph:
    """Entities as nodes, claim groups as edges keyed by their id; attributes are plain scalars.

    Every attribute is present on every node (and every edge) with the same type, because
    GEXF and GraphML declare one type per attribute and Gephi rejects gaps of another type.
    """
    network = nx.MultiDiGraph()
    for entity in graph.entities.values():
        network.add_node(entity.id, label=entity.name, type=entity.type,
                         aliases=LIST_SEPARATOR.join(entity.aliases), mentions=int(entity.mentions),
                         parents=LIST_SEPARATOR.join(entity.parents), gazetteer_id=entity.gazetteer_id or "")
    for group in graph.groups:
        if group.subject not in graph.entities or group.object not in graph.entities:
            log.warning("claim %s names an unknown entity; left out of the graph export", group.id)
            continue
        network.add_edge(
            group.subject, group.object, key=group.id, id=group.id,
            label=f"{group.relation} ({group.mode})" if group.mode else group.relation,
            relation=group.relation, mode=group.mode or "", polarity=group.polarity,
            certainty=group.certainty, origins=int(group.origins), documents=int(group.documents),
            outlets=int(group.outlets), contradicted=bool(group.contradicted),
            unknown_outlet_documents=int(group.unknown_outlet_documents), weak=group.origins == 0,  # #12
            first_date=group.first_reported or "", last_date=group.last_reported or "",
            review=graph.review_of(group.id) or "",
        )
    return network


def write_graphml(store: Store, out: str | Path) -> dict[str, int]:
    """Write the reviewed graph as GraphML; returns counts for the CLI."""
    network = build_network(load_graph(store))
    nx.write_graphml(network, str(out), encoding="utf-8")
    return {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}


def write_gexf(store: Store, out: str | Path) -> dict[str, int]:
    """Write the reviewed graph as GEXF 1.2; returns counts for the CLI."""
    network = build_network(load_graph(store))
    nx.write_gexf(network, str(out), encoding="utf-8")
    return {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}
