"""The map: where events happened, drawn offline as SVG over a vendored world outline.

Countries come from ``data/world/countries.geojson`` (Natural Earth 1:110m, public domain),
projected plate carrée (x = longitude, y = -latitude) so no tile server or script is needed.
The country layer shades each country by how many events happened in it (at any precision);
points mark towns, sites and divisions, sized by their events, each a link to those events.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from dateline.mapdata import NORTH, SOUTH, rings, world

SHADES = 5  # country layer classes: none, then 4 steps of events


@cache
def _paths() -> list[tuple[str, str, str]]:
    """(iso3, name, SVG path) per country, in map units."""
    out = []
    for f in world():
        d = " ".join(
            "M" + "L".join(f"{lon + 180:.2f},{NORTH - lat:.2f}" for lon, lat in ring) + "Z"
            for ring in rings(f)
        )
        out.append((f["properties"]["iso3"], f["properties"]["name"], d))
    return out


def _shade(count: int, top: int) -> int:
    if count <= 0 or top <= 0:
        return 0
    return 1 + min(SHADES - 2, int((SHADES - 1) * math.log1p(count) / math.log1p(top + 1)))


def map_svg(
    points: list[dict[str, Any]], countries: dict[str, int], params: dict[str, Any]
) -> Markup:
    """The SVG map: shaded countries and linked points (``/events?place=...`` with the page's
    other filters kept)."""
    width, height = 360, NORTH - SOUTH
    keep = {
        k: v for k, v in params.items()
        if v not in (None, "", False) and k not in ("place", "offset", "limit", "sort")
    }  # fmt: skip
    top = max(countries.values(), default=0)
    parts = [
        f'<svg class="worldmap" viewBox="0 0 {width} {height:.0f}" role="img" '
        f'aria-label="Map of where events happened" xmlns="http://www.w3.org/2000/svg">',
        f'<rect class="sea" x="0" y="0" width="{width}" height="{height:.0f}"/>',
    ]
    for iso3, name, d in _paths():
        n = countries.get(iso3, 0)
        title = f"{name}: {n} event{'s' * (n != 1)}"
        shape = f'<path class="land shade-{_shade(n, top)}" data-country="{escape(iso3)}" d="{d}"><title>{escape(title)}</title></path>'
        if n:
            href = "/events?" + urlencode({**keep, "place": iso3})
            shape = f'<a href="{escape(href)}">{shape}</a>'
        parts.append(shape)
    biggest = max((p["count"] for p in points), default=1)
    for p in sorted(points, key=lambda p: -p["count"]):
        if p.get("lat") is None or p.get("lon") is None:
            continue
        x, y = p["lon"] + 180, NORTH - p["lat"]
        r = 0.8 + 2.7 * math.sqrt(p["count"] / biggest)
        href = "/events?" + urlencode({**keep, "place": p["place"]})
        label = f"{p['name']} ({p['precision']}): {p['count']} event{'s' * (p['count'] != 1)}"
        parts.append(
            f'<a class="point" href="{escape(href)}" data-place="{escape(p["place"])}">'
            f'<circle class="point {escape(p["precision"])}" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}">'
            f"<title>{escape(label)}</title></circle></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
