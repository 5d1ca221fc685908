"""Where stored events happened, summed for a map: the data behind ``/map`` and ``dateline map``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

#: Read at most this many matching events (newest first) for one map.
MAP_MAX_EVENTS = 20_000
#: The map's frame: longitude -180..180, latitude 84..-58 (Antarctica left out).
NORTH, SOUTH = 84.0, -58.0


@cache
def world() -> list[dict[str, Any]]:
    """The vendored world outline (``data/world/countries.geojson``, Natural Earth 1:110m,
    public domain): features with ``iso3``, ``name`` and their polygons."""
    text = resources.files("dateline.data").joinpath("world/countries.geojson").read_text("utf-8")
    return json.loads(text)["features"]


def rings(feature: dict[str, Any]) -> list[list[list[float]]]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon feature."""
    geom = feature["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [ring for poly in polys for ring in poly]


def map_data(rows: Iterable[dict[str, Any]], limit: int = MAP_MAX_EVENTS) -> dict[str, Any]:
    """From event rows (``Store.events`` columns): ``points`` (a town, site or division with
    coordinates, its events counted, most first), ``countries`` (alpha-3 -> events located in
    it at any precision), how many ``events`` were read and how many were ``located``."""
    points: dict[str, dict[str, Any]] = {}
    countries: Counter = Counter()
    located = seen = 0
    for r in rows:
        seen += 1
        country = r.get("location_country")
        if not country and not r.get("location_name"):
            continue
        located += 1
        if country:
            countries[country] += 1
        precision = r.get("location_precision")
        lat, lon = r.get("location_lat"), r.get("location_lon")
        if precision in ("country", "region", None) or lat is None or lon is None:
            continue
        key = r.get("location_feature_id") or f"{r.get('location_name')}|{country}"
        point = points.setdefault(key, {
            "place": r.get("location_feature_id") or country, "name": r.get("location_name"),
            "country": country, "precision": precision, "lat": lat, "lon": lon, "count": 0,
        })  # fmt: skip
        point["count"] += 1
    return {
        "events": seen,
        "located": located,
        "points": sorted(points.values(), key=lambda p: -p["count"]),
        "countries": dict(countries.most_common()),
        "truncated": seen >= limit,
    }
