"""The graph view's data: filter claim groups, roll entities up to their parents, make nodes and edges."""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..claimtime import claim_time
from ..model import ClaimGroup, Entity
from ..corroborate.rollup import rollup_groups
from ..errors import FilterError
from ..relations import load_ontology
from ..resolve.hierarchy import map_to_roots
from ..store.reviews import ReviewedGraph
from .eventtime import when_of
from .filters import (
    CERTAINTIES, UNDATED_CHOICES, keeps_time, parse_choice, parse_count, parse_date_bound, parse_flag, parse_relations,
)

log = logging.getLogger(__name__)

# Most edges the graph view draws (most independent origins first): vis-network lays out about
# this many in a few seconds on a laptop; beyond it the analyst is asked to narrow the filters.
MAX_EDGES = 1500
# PLOVER relations that have no direction (DESIGN.md "Relations"): drawn without arrows.
SYMMETRIC_RELATIONS = load_ontology().symmetric


@dataclass
class GraphFilters:
    """What the analyst narrowed the graph to (every field optional)."""

    relations: list[str] = field(default_factory=list)
    mode: str | None = None
    certainty: str | None = None  # asserted | hedged
    min_origins: int = 0
    since: str | None = None  # ISO date: keep claims whose time (event, else reports) reaches it
    until: str | None = None  # ISO date: keep claims whose time starts on or before it
    undated: str = "include"  # claims with no date at all: include | exclude | only (web/filters.py)
    entity: str | None = None  # entity id: keep its claims (and, rolled up, its descendants')
    rollup: bool = False
    show_rejected: bool = False


def rollup_map(entities: dict[str, Entity]) -> dict[str, str]:
    """Each entity id -> the top-most ancestor it rolls up to (resolve.hierarchy.map_to_roots)."""
    return map_to_roots(entities)


def _keeps(group: ClaimGroup, filters: GraphFilters, review: str | None) -> bool:
    if review == "rejected" and not filters.show_rejected:
        return False
    if filters.relations and group.relation not in filters.relations:
        return False
    if filters.mode and (group.mode or "") != filters.mode:
        return False
    if filters.certainty and group.certainty != filters.certainty:
        return False
    if group.origins < filters.min_origins:
        return False
    return keeps_time(group, since=filters.since, until=filters.until, undated=filters.undated)


def filter_groups(graph: ReviewedGraph, filters: GraphFilters) -> list[ClaimGroup]:
    """The claim groups the filters keep (entity filter aside, which depends on roll-up)."""
    pool = graph.groups + ([g for g in graph.rejected if g not in graph.groups] if filters.show_rejected else [])
    return [g for g in pool if _keeps(g, filters, graph.review_of(g.id))]


def edge_label(group_or_relation: ClaimGroup | str, mode: str | None = None) -> str:
    relation = group_or_relation if isinstance(group_or_relation, str) else group_or_relation.relation
    mode = mode if isinstance(group_or_relation, str) else group_or_relation.mode
    return f"{relation} ({mode})" if mode else relation


def build_graph_data(graph: ReviewedGraph, filters: GraphFilters | None = None) -> dict[str, Any]:
    """Nodes and edges for vis-network, as plain JSON (styling is done in graph.js).

    Rolled up, an edge stands for every claim group between the two ancestors with
    the same relation and mode; its origins are the union of their origin keys.
    """
    filters = filters or GraphFilters()
    entities = graph.entities
    top = rollup_map(entities) if filters.rollup else {e: e for e in entities}
    pool = [g for g in filter_groups(graph, filters) if g.subject in entities and g.object in entities
            and (not filters.entity or filters.entity in (g.subject, g.object, top[g.subject], top[g.object]))]
    originals = {g.id: g for g in pool}
    # rolled up, one group stands for every claim group between the two ancestors with the same
    # relation and mode (corroborate.rollup_groups: the same roll-up as the export and the API)
    shown = rollup_groups(pool, entities, graph.documents) if filters.rollup else pool
    edges = []
    for group in shown:
        members = [originals[i] for i in group.rolled_up_from if i in originals] or [group]
        reviews = {graph.review_of(g.id) for g in members} - {None}
        edge_id = members[0].id if len(members) == 1 else "rollup:" + "+".join(sorted(g.id for g in members))
        edges.append(dict(
            id=edge_id, groups=[g.id for g in members], source=group.subject, target=group.object,
            relation=group.relation, mode=group.mode, label=edge_label(group.relation, group.mode),
            origins=group.origins, documents=group.documents, certainty=group.certainty,
            unknown_outlet_documents=group.unknown_outlet_documents, weak=group.origins == 0,  # #12
            polarity=group.polarity, contradicted=group.contradicted,
            review="rejected" if reviews == {"rejected"} else ("confirmed" if "confirmed" in reviews else None),
            first_reported=group.first_reported, last_reported=group.last_reported,
            directed=group.relation not in SYMMETRIC_RELATIONS, **time_fields(group),
            # event time, else first report (date_kind says which), else undated: the histogram's data
            **_edge_dates(group),
        ))
    edges.sort(key=lambda e: (-e["origins"], -e["documents"], e["id"]))
    total = len(edges)
    edges = edges[:MAX_EDGES]
    node_ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    if filters.entity in entities:
        node_ids.add(top[filters.entity])
    children: dict[str, int] = defaultdict(int)
    for entity_id, root in top.items():
        if root != entity_id:
            children[root] += 1
    members: dict[str, list[str]] = defaultdict(list)
    for entity_id, root in top.items():
        members[root].append(entity_id)
    nodes = []
    for entity_id in sorted(node_ids, key=lambda i: (-entities[i].mentions, entities[i].name)):
        entity = entities[entity_id]
        rolled = members[entity_id]
        nodes.append(dict(
            id=entity.id, label=entity.name, type=entity.type, aliases=entity.aliases,
            mentions=sum(entities[e].mentions for e in rolled), rolled_up=children.get(entity_id, 0),
        ))
    return dict(nodes=nodes, edges=edges, total_edges=total)


def time_fields(group: ClaimGroup) -> dict[str, Any]:
    """The claim's time as the filters see it: event time, else report dates (marked), else undated."""
    time = claim_time(group)
    return dict(time_start=time.start, time_end=time.end, time_basis=time.basis or "undated")


def _edge_dates(group: ClaimGroup) -> dict[str, Any]:
    when = when_of(group)
    return dict(date=when.date, date_end=when.end, date_kind=when.kind, date_label=when.label)


def parse_filters(params) -> GraphFilters:
    """GraphFilters from query parameters (`relation` may repeat; empty values mean no filter).

    Raises:
        FilterError: a malformed value (the web app answers 400 with its message).
    """
    filters = GraphFilters(
        relations=parse_relations(params.getlist("relation")),
        mode=params.get("mode") or None,
        certainty=parse_choice("certainty", params.get("certainty"), CERTAINTIES),
        min_origins=parse_count("min_origins", params.get("min_origins")),
        since=parse_date_bound("since", params.get("since"), end=False),
        until=parse_date_bound("until", params.get("until"), end=True),
        undated=parse_choice("undated", params.get("undated"), UNDATED_CHOICES, default="include"),
        entity=params.get("entity") or None,
        rollup=parse_flag("rollup", params.get("rollup")),
        show_rejected=parse_flag("rejected", params.get("rejected")),
    )
    if filters.since and filters.until and filters.since > filters.until:
        raise FilterError(f"since ({params.get('since')}) is after until ({params.get('until')})")
    return filters
