"""The map view's data: location entities and claim places geocoded offline, with their claims."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..geocode import Geocoder, name_key
from ..gazetteer import load_gazetteer
from ..model import ClaimGroup, Entity
from ..store.reviews import ReviewedGraph
from .summaries import summarize_group

# Claims listed per place (the claim count says how many there are).
CLAIMS_PER_PLACE = 50


def entity_country(entity: Entity, geocoder: Geocoder) -> str | None:
    """The ISO code of the country an entity is (a state, or a location named like a country)."""
    entry = load_gazetteer().get(entity.gazetteer_id or "")
    if entry is not None and entry.type == "state" and entry.country:
        return entry.country
    if entity.type in ("state", "location"):
        return geocoder.country_code(entity.name)
    return None


def document_countries(graph: ReviewedGraph, actor_entity: dict[tuple[str, str], str],
                       geocoder: Geocoder) -> dict[str, set[str]]:
    """Document id -> ISO codes of the countries its actors include: the context that picks which
    of several same-named places a document means."""
    countries = {entity_id: entity_country(entity, geocoder) for entity_id, entity in graph.entities.items()
                 if entity.type in ("state", "location")}
    out: dict[str, set[str]] = defaultdict(set)
    for (document_id, _actor), entity_id in actor_entity.items():
        if countries.get(entity_id):
            out[document_id].add(countries[entity_id])
    return out


def _place_of(group: ClaimGroup) -> str | None:
    place = group.attributes.get("place") if isinstance(group.attributes, dict) else None
    return place if isinstance(place, str) and place.strip() else None


def build_map(graph: ReviewedGraph, actor_entity: dict[tuple[str, str], str], geocoder: Geocoder) -> dict[str, Any]:
    """Map points for every location entity GeoNames knows and every claim place, with their claims.

    Returns places (one per location entity or free claim place), unlocated (location entities the
    gazetteer does not know) and counts.
    """
    context = document_countries(graph, actor_entity, geocoder)
    documents_of: dict[str, set[str]] = defaultdict(set)
    for (document_id, _actor), entity_id in actor_entity.items():
        documents_of[entity_id].add(document_id)
    by_place_name: dict[str, list[ClaimGroup]] = defaultdict(list)
    for group in graph.groups:
        if (place := _place_of(group)) is not None:
            by_place_name[name_key(place)].append(group)

    places, unlocated, claimed_names = [], [], set()
    for entity in sorted(graph.entities.values(), key=lambda e: (-e.mentions, e.name)):
        if entity.type != "location":
            continue
        countries = set().union(*(context.get(d, set()) for d in documents_of.get(entity.id, ())))
        place = next(filter(None, (geocoder.geocode(n, countries) for n in [entity.name, *entity.aliases])), None)
        if place is None:
            unlocated.append(dict(id=entity.id, name=entity.name, mentions=entity.mentions))
            continue
        keys = {name_key(n) for n in [entity.name, *entity.aliases]}
        claimed_names |= keys
        groups = {g.id: g for g in graph.groups_of(entity.id)}
        groups.update({g.id: g for k in keys for g in by_place_name.get(k, ())})
        places.append(_point(graph, f"entity:{entity.id}", entity.name, entity.id, entity.mentions, place, groups))
    for key, groups in sorted(by_place_name.items()):
        if key in claimed_names:
            continue
        countries = set().union(*(context.get(e.document_id, set()) for g in groups for e in g.evidence))
        name = _place_of(groups[0]) or key
        place = geocoder.geocode(name, countries)
        if place is not None:
            places.append(_point(graph, f"place:{key}", name, None, 0, place, {g.id: g for g in groups}))
    located = sum(1 for p in places if p["entity"])
    return dict(places=places, unlocated=unlocated, location_entities=located + len(unlocated),
                located_entities=located)


def _point(graph: ReviewedGraph, key: str, label: str, entity_id: str | None, mentions: int, place,
           groups: dict[str, ClaimGroup]) -> dict[str, Any]:
    ordered = sorted(groups.values(), key=lambda g: (-g.origins, g.id))
    return dict(key=key, label=label, entity=entity_id, mentions=mentions, lat=place.lat, lon=place.lon,
                geonames=place.to_dict(), claim_count=len(ordered),
                claims=[summarize_group(graph, g) for g in ordered[:CLAIMS_PER_PLACE]])
