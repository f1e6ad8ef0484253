"""Type-ahead suggestions for the pickers (static/picker.js): actors by name or alias."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ..app import Workbench
from .deps import get_workbench

router = APIRouter(prefix="/api/suggest", tags=["api"])


@router.get("/entities", summary="Actors whose name or alias contains q, best known first")
def suggest_entities(q: str = Query("", description="part of a name or alias (case-insensitive)"),
                     limit: int = Query(12, ge=1, le=100), type: str = "",
                     workbench: Workbench = Depends(get_workbench)) -> list[dict[str, Any]]:
    needle = " ".join(q.casefold().split())
    if not needle:
        return []
    hits = []
    for entity in workbench.graph().entities.values():
        if type and entity.type != type:
            continue
        names = [entity.name, *entity.aliases]
        if any(needle in name.casefold() for name in names):
            # a name that starts with the text ranks before one that only contains it
            starts = any(name.casefold().startswith(needle) for name in names)
            hits.append((not starts, -entity.mentions, entity.name.casefold(), entity))
    hits.sort(key=lambda hit: hit[:3])
    return [dict(id=e.id, name=e.name, type=e.type, mentions=e.mentions) for *_, e in hits[:limit]]
