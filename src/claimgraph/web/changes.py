"""What the last build changed: new claims, claims that gained an origin, new contradictions.

The store keeps a compact snapshot of the claim groups from before the last build that brought new
documents (Store.previous_graph); this compares the current graph with it.
"""
from __future__ import annotations

from typing import Any

from ..store.reviews import ReviewedGraph
from .summaries import summarize_group

# Rows listed per section.
ROWS_PER_SECTION = 500


def build_changes(graph: ReviewedGraph, previous: dict[str, Any]) -> dict[str, Any]:
    """New claims, claims with more origins than before, and claims newly contradicted."""
    before: dict[str, list] = previous.get("groups") or {}
    new, gained, contradicted = [], [], []
    for group in graph.groups:
        old = before.get(group.id)
        if old is None:
            new.append(group)
            if group.contradicted:
                contradicted.append(group)
            continue
        old_origins, was_contradicted = old
        if group.origins > old_origins:
            gained.append((group, old_origins))
        if group.contradicted and not was_contradicted:
            contradicted.append(group)
    new.sort(key=lambda g: (-g.origins, g.id))
    gained.sort(key=lambda pair: (-(pair[0].origins - pair[1]), pair[0].id))
    contradicted.sort(key=lambda g: (-g.documents, g.id))
    return dict(
        first_build=not before, built_at=previous.get("built_at"), rebuilt_at=previous.get("rebuilt_at"),
        new=[summarize_group(graph, g) for g in new[:ROWS_PER_SECTION]], new_total=len(new),
        gained=[summarize_group(graph, g) | {"origins_before": old} for g, old in gained[:ROWS_PER_SECTION]],
        gained_total=len(gained),
        contradicted=[summarize_group(graph, g) for g in contradicted[:ROWS_PER_SECTION]],
        contradicted_total=len(contradicted),
    )
