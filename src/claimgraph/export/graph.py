"""GraphML and GEXF exports for graph tools (Gephi, Cytoscape, networkx, Neo4j import) via networkx."""
from __future__ import annotations

import logging
from pathlib import Path

import networkx as nx

from ..claimtime import claim_time
from ..errors import ClaimgraphError
from ..store import Store
from ..store.reviews import ReviewedGraph, load_graph

log = logging.getLogger(__name__)

# GraphML and GEXF hold scalar attributes only: lists are joined with this separator.
LIST_SEPARATOR = "; "


def _ancestors(entity_ids: set[str], graph: ReviewedGraph) -> set[str]:
    """The entities these are part of, transitively (so every `part_of` id names a node of the export)."""
    found, stack = set(), list(entity_ids)
    while stack:
        for parent in graph.entities[stack.pop()].parents:
            if parent in graph.entities and parent not in found and parent not in entity_ids:
                found.add(parent)
                stack.append(parent)
    return found


def build_network(graph: ReviewedGraph, *, isolates: bool = False) -> nx.MultiDiGraph:
    """Entities as nodes, claim groups as edges keyed by their id; attributes are plain scalars.

    Every attribute is present on every node (and every edge) with the same type, because
    GEXF and GraphML declare one type per attribute and Gephi rejects gaps of another type.
    The one exception is an edge's `start`/`end`, left out when the claim is undated: GEXF reads
    them as its own time attributes, where an empty value would be an invalid date.

    Args:
        graph: the reviewed graph.
        isolates: keep entities that no exported claim touches (left out by default; an entity
            that a kept one is part of stays, so `part_of` never names a missing node).
    """
    entities = graph.entities
    groups = []
    for group in graph.groups:
        if group.subject not in entities or group.object not in entities:
            log.warning("claim %s names an unknown entity; left out of the graph export", group.id)
            continue
        groups.append(group)
    if isolates:
        kept = set(entities)
    else:
        kept = {g.subject for g in groups} | {g.object for g in groups}
        kept |= _ancestors(kept, graph)
    network = nx.MultiDiGraph()
    for entity in entities.values():
        if entity.id not in kept:
            continue
        # `part_of`, not `parents`: networkx writes a GEXF node attribute named `parents` as GEXF's
        # own hierarchy, one <parent for=...> per character of the string (issue 14)
        parents = [p for p in entity.parents if p in entities]
        network.add_node(entity.id, label=entity.name, type=entity.type,
                         aliases=LIST_SEPARATOR.join(entity.aliases), mentions=int(entity.mentions),
                         part_of=LIST_SEPARATOR.join(parents),
                         part_of_names=LIST_SEPARATOR.join(entities[p].name for p in parents),
                         gazetteer_id=entity.gazetteer_id or "")
    for group in groups:
        time = claim_time(group)
        span = dict(start=time.start, end=time.end) if time.dated else {}
        network.add_edge(
            group.subject, group.object, key=group.id, id=group.id,
            label=f"{group.relation} ({group.mode})" if group.mode else group.relation,
            relation=group.relation, mode=group.mode or "", polarity=group.polarity,
            certainty=group.certainty, weight=int(group.origins), origins=int(group.origins),
            documents=int(group.documents), outlets=int(group.outlets), contradicted=bool(group.contradicted),
            unknown_outlet_documents=int(group.unknown_outlet_documents), weak=group.origins == 0,  # #12
            first_date=group.first_reported or "", last_date=group.last_reported or "",
            time_basis=time.basis or "undated", time_text=time.text or "",
            review=graph.review_of(group.id) or "", **span,
        )
    return network


def _with_empty_spans(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML has no time type: `start`/`end` are ISO date strings there, empty when undated."""
    for _, _, data in network.edges(data=True):
        data.setdefault("start", "")
        data.setdefault("end", "")
    return network


def write_graphml(store: Store, out: str | Path, *, isolates: bool = False) -> dict[str, int]:
    """Write the reviewed graph as GraphML; returns counts for the CLI."""
    network = _with_empty_spans(build_network(load_graph(store), isolates=isolates))
    try:
        nx.write_graphml(network, str(out), encoding="utf-8")
    except OSError as err:
        raise ClaimgraphError(f"{out}: cannot write the GraphML export: {err}") from err
    return {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}


def write_gexf(store: Store, out: str | Path, *, isolates: bool = False) -> dict[str, int]:
    """Write the reviewed graph as GEXF 1.2: `start`/`end` as GEXF time (timeformat date), `weight` = origins."""
    network = build_network(load_graph(store), isolates=isolates)
    try:
        nx.write_gexf(network, str(out), encoding="utf-8")
    except OSError as err:
        raise ClaimgraphError(f"{out}: cannot write the GEXF export: {err}") from err
    return {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}
