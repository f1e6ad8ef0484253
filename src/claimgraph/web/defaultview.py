"""The graph view a large corpus opens on: event relations with at least two independent origins.

At two thousand actors the whole graph is a hairball; what an analyst wants first is what is
established (several origins) and happened (events, not standing ties). Small graphs open whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from ..relations import load_ontology
from ..store.reviews import ReviewedGraph
from .graphdata import GraphFilters, filter_groups

# Above this many claim groups the graph opens narrowed; below it the whole graph is legible.
LARGE_GRAPH_GROUPS = 300
# The origins the default view asks for first.
DEFAULT_MIN_ORIGINS = 2


@dataclass(frozen=True)
class DefaultView:
    filters: GraphFilters
    note: str | None  # what the page says about the narrowing (None: the whole graph)


def event_relations() -> list[str]:
    """Relations of kind "event" in data/relations.yaml (PLOVER's), in file order."""
    return [name for name, relation in load_ontology().relations.items() if relation.kind == "event"]


def choose_default_view(graph: ReviewedGraph) -> DefaultView:
    """Filters for a first visit: events with >= 2 origins, else events, else everything."""
    if len(graph.groups) <= LARGE_GRAPH_GROUPS:
        return DefaultView(GraphFilters(), None)
    events = [r for r in event_relations() if any(g.relation == r for g in graph.groups)]
    tries = [(GraphFilters(relations=events, min_origins=DEFAULT_MIN_ORIGINS),
              f"Opened on event relations with at least {DEFAULT_MIN_ORIGINS} independent origins"),
             (GraphFilters(relations=events),
              f"No event has {DEFAULT_MIN_ORIGINS} independent origins yet: opened on every event relation")]
    for filters, note in tries:
        if events and filter_groups(graph, filters):
            return DefaultView(filters, note + " (untick or change the filters to see more).")
    return DefaultView(GraphFilters(), None)


def filters_query(filters: GraphFilters) -> str:
    """The query string /api/graph reads for these filters (the inverse of parse_filters)."""
    pairs: list[tuple[str, str]] = [("relation", r) for r in filters.relations]
    for key, value in (("mode", filters.mode), ("certainty", filters.certainty), ("since", filters.since),
                       ("until", filters.until), ("entity", filters.entity)):
        if value:
            pairs.append((key, value))
    if filters.min_origins:
        pairs.append(("min_origins", str(filters.min_origins)))
    if filters.rollup:
        pairs.append(("rollup", "1"))
    if filters.show_rejected:
        pairs.append(("rejected", "1"))
    return urlencode(pairs)
