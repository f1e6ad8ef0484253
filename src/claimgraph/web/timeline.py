"""The timeline: event claims in the order they happened (event time, else report time, marked)."""
from __future__ import annotations

from typing import Any

from ..store.reviews import ReviewedGraph
from .eventtime import sort_key, when_of
from .graphdata import GraphFilters, filter_groups
from .summaries import STRUCTURAL_RELATIONS, summarize_group

# Rows the timeline page lists; the filters reach the rest.
TIMELINE_ROWS = 1000


def build_timeline(graph: ReviewedGraph, filters: GraphFilters) -> dict[str, Any]:
    """Dated event claims in date order, then the undated ones (listed, never dropped)."""
    groups = [g for g in filter_groups(graph, filters) if g.relation not in STRUCTURAL_RELATIONS
              and (not filters.entity or filters.entity in (g.subject, g.object))]
    ordered = sorted(groups, key=lambda g: (sort_key(when_of(g)), -g.origins, g.id))
    rows = [summarize_group(graph, g) for g in ordered[:TIMELINE_ROWS]]
    dated = [r for r in rows if r["when"]["date"]]
    undated = [r for r in rows if not r["when"]["date"]]
    return dict(dated=dated, undated=undated, total=len(groups),
                event_dated=sum(1 for r in dated if r["when"]["kind"] == "event"))
