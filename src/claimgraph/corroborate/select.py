"""Pick entities by name and claim groups by entity (with its descendants) and origin count."""
from __future__ import annotations

from typing import Iterable

from ..model import ClaimGroup, Entity
from ..resolve.hierarchy import rollup
from ..resolve.normalize import normalize_name


def find_entities(entities: dict[str, Entity], name: str) -> list[Entity]:
    """Entities whose id is `name`, else whose name or alias normalizes like it, else whose names
    contain all its words (most mentioned first)."""
    if name in entities:
        return [entities[name]]
    key = normalize_name(name)
    found = [e for e in entities.values()
             if any(normalize_name(a, e.type) == key or normalize_name(a) == key for a in [e.name, *e.aliases])]
    if not found and key:  # no exact name: every word of the query in one of the names ("Petro")
        words = set(key.split())
        found = [e for e in entities.values()
                 if any(words <= set(normalize_name(a).split()) for a in [e.name, *e.aliases])]
    return sorted(found, key=lambda e: (-e.mentions, e.id))


def select_groups(groups: Iterable[ClaimGroup], entities: dict[str, Entity], *, entity: str | None = None,
                  min_origins: int = 0, include_parts: bool = False) -> list[ClaimGroup]:
    """Claim groups about `entity` (name or id; with its wings and units when include_parts) with at
    least `min_origins` independent origins, most origins first."""
    wanted: set[str] | None = None
    if entity:
        wanted = set()
        for match in find_entities(entities, entity):
            wanted |= rollup(match.id, entities) if include_parts else {match.id}
    selected = [g for g in groups if g.origins >= min_origins
                and (wanted is None or g.subject in wanted or g.object in wanted)]
    return sorted(selected, key=lambda g: (-g.origins, -g.documents, g.id))
