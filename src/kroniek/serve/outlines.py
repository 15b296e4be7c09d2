"""Country outlines for the offline map, generated from Natural Earth's TopoJSON.

The map must work without a network and without a tile server, so the outlines ship
with kroniek as ``static/world.json``: one simplified ring list per country, lon/lat
rounded to 0.1°. They are generated once from the npm package ``world-atlas``
(Natural Earth 1:110m, public domain) by ``python -m kroniek.serve.outlines TOPOJSON``.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

WORLD = Path(__file__).with_name("static") / "world.json"

Ring = list[tuple[float, float]]


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    scale = topology["transform"]["scale"]
    shift = topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:  # quantised and delta-encoded, see the TopoJSON spec
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def _simplify(ring: Ring) -> Ring:
    out: Ring = []
    for lon, lat in ring:
        point = (round(lon, 1), round(lat, 1))
        if not out or out[-1] != point:
            out.append(point)
    return out


def build(topojson: Path) -> dict[str, Any]:
    topology = json.loads(topojson.read_text())
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [_simplify(_ring(ring, arcs)) for polygon in polygons for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 3]
        country = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3))
        countries.append({
            "iso3": country.alpha_3 if country else None,
            "name": geometry.get("properties", {}).get("name", ""),
            "rings": rings,
        })
    return {"source": "Natural Earth 1:110m via world-atlas (public domain)",
            "countries": countries}


@cache
def world() -> dict[str, Any]:
    """The shipped outlines, or an empty set when the file is missing (map shows points)."""
    if not WORLD.exists():
        return {"source": None, "countries": []}
    return json.loads(WORLD.read_text())  # type: ignore[no-any-return]


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of each country's largest ring, to place states on the map.

    The mean of the ring's points rather than its bounding box: Russia's ring touches the
    antimeridian, whose box would put Moscow's markers on Greenwich.
    """
    result: dict[str, tuple[float, float]] = {}
    for country in world()["countries"]:
        if not country["iso3"] or not country["rings"]:
            continue
        ring = max(country["rings"], key=len)
        result[country["iso3"]] = (sum(p[1] for p in ring) / len(ring),
                                   sum(p[0] for p in ring) / len(ring))
    return result


if __name__ == "__main__":
    data = build(Path(sys.argv[1]))
    WORLD.write_text(json.dumps(data, separators=(",", ":")))
    print(f"wrote {WORLD} ({WORLD.stat().st_size // 1024} KB, {len(data['countries'])} countries)")
