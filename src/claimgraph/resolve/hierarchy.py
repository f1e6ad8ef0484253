"""Entity hierarchy: parent links without cycles, and roll-up of an entity to its descendants."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping

from ..model import Entity


def add_parent(parents: dict[str, list[str]], child: str, parent: str) -> bool:
    """Add child -> parent unless it is a self-link or would close a cycle; True when added."""
    if child == parent or parent in parents.get(child, []):
        return False
    if child in ancestors(parents, parent):
        return False
    parents.setdefault(child, []).append(parent)
    return True


def _reachable(edges: Mapping[str, Iterable[str]], start: str) -> set[str]:
    """Every node reachable from start along edges (start itself only through a cycle)."""
    out: set[str] = set()
    todo = [start]
    while todo:
        for node in edges.get(todo.pop(), ()):
            if node not in out:
                out.add(node)
                todo.append(node)
    return out


def ancestors(parents: Mapping[str, Iterable[str]], entity_id: str) -> set[str]:
    """Every entity above entity_id (parents, their parents, ...)."""
    return _reachable(parents, entity_id)


def rollup(entity_id: str, entities: Iterable[Entity] | Mapping[str, Entity]) -> set[str]:
    """The entity and every entity below it ("Hamas" with its wings and their units).

    Args:
        entity_id: the entity to roll up to.
        entities: all entities (a list, or a dict by id), whose `parents` give the hierarchy.
    Returns:
        ids of entity_id and all its descendants.
    """
    values = entities.values() if isinstance(entities, Mapping) else entities
    children: dict[str, list[str]] = defaultdict(list)
    for entity in values:
        for parent in entity.parents:
            children[parent].append(entity.id)
    return {entity_id} | _reachable(children, entity_id)


def map_to_roots(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Each entity id -> the top-most ancestor it rolls up to (itself when it has no parent).

    Roots (entities without a known parent) claim their descendants, most mentioned root
    first, so an entity with two parents lands under the better-known one; entities caught
    in a parent cycle stay themselves.
    """
    top: dict[str, str] = {}
    roots = [e for e in entities.values() if not any(p in entities for p in e.parents)]
    for root in sorted(roots, key=lambda e: (-e.mentions, e.id)):
        for entity_id in sorted(rollup(root.id, entities)):
            top.setdefault(entity_id, root.id)
    for entity_id in entities:
        top.setdefault(entity_id, entity_id)
    return top
