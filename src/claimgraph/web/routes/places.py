"""The map: where the located actors and the claims' places are (everything served by the app)."""
from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ...geocode import get_geocoder
from ..app import Workbench
from ..mapdata import build_map
from .deps import get_workbench

router = APIRouter()
_lock = threading.Lock()
_cache: dict[str, Any] = {}


def get_map(workbench: Workbench) -> dict[str, Any]:
    """The map data, kept while the reviewed graph object is the same (geocoding takes a moment)."""
    graph = workbench.graph()
    with _lock:
        if _cache.get("graph") is graph and _cache.get("db") == workbench.db:
            return _cache["map"]
    actor_entity = workbench.store.actor_entities()
    data = build_map(graph, actor_entity, get_geocoder())
    with _lock:
        _cache.update(graph=graph, db=workbench.db, map=data)
    return data


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def show_map(request: Request, workbench: Workbench = Depends(get_workbench)):
    return workbench.render(request, "map.html", {})


@router.get("/api/map", tags=["api"], summary="Located places (GeoNames, offline) with their claims",
            description="places: one per location entity GeoNames knows and per claim place; unlocated: "
                        "location entities it does not know.")
def get_map_data(workbench: Workbench = Depends(get_workbench)) -> dict[str, Any]:
    return get_map(workbench)
