"""Actors keyed to the country where the story happens, not to a fixed one.

The coding guide keys Islamic State to the country where it operates (Syria or Iraq) and the
Kurdish forces of Syria to Syria (REB); "US-backed forces" are not American. Which country a
story happens in is read from the article itself: of the countries an actor may belong to
(``data/actors/theatre.yaml``), the one its places and national actors name most often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dateline.actors.index import ActorIndex
from dateline.datafiles import data_file, load_mapping
from dateline.errors import DataFileError


@dataclass(frozen=True, slots=True)
class People:
    """A people without a state: the countries its armed movements belong to, and their sector."""

    countries: tuple[str, ...]
    sector: str


@dataclass(frozen=True, slots=True)
class Theatre:
    """``theatre.yaml``: group ids and peoples whose country the story decides."""

    groups: dict[str, tuple[str, ...]]
    peoples: dict[str, People]
    civilian_sectors: frozenset[str]
    backing_words: frozenset[str]


@lru_cache(maxsize=1)
def theatre() -> Theatre:
    path = data_file("actors/theatre.yaml")
    raw = load_mapping(path, {"groups": dict, "peoples": dict})
    peoples = {}
    for word, spec in raw["peoples"].items():
        if not isinstance(spec, dict) or not spec.get("countries") or not spec.get("sector"):
            raise DataFileError(f"people {word!r} needs 'countries' and 'sector'", str(path))
        peoples[str(word).lower()] = People(tuple(spec["countries"]), str(spec["sector"]))
    return Theatre(
        groups={str(k): tuple(v) for k, v in raw["groups"].items()},
        peoples=peoples,
        civilian_sectors=frozenset(raw.get("civilian_sectors") or ()),
        backing_words=frozenset(str(w).lower() for w in raw.get("backing_words") or ()),
    )


#: Sectors of people who are often abroad: their nationality says nothing of where the story is.
TRAVELLING_SECTORS = {"JRN", "REF", "IGO", "NGO"}


#: Mention rules that do not vote for the story's country: a stateless people's members named
#: with a state ("British Kurds", "Iraqi Kurds", roles.py) live in many states, and say little
#: of where the story is set.
NON_VOTING = frozenset({"pronoun", "office", "people+state"})


def place_votes(index: ActorIndex, sentences: set[int] | None = None) -> Counter[str]:
    """How often the article names each country: mentions of countries, capitals and towns
    (actors of kind ``country``) and of bodies with a nationality; pronouns do not vote, nor
    does an office only one state has ("the home secretary"): it says who acts, not where the
    story is set, and a title repeated in the sentences the cheap pass keeps outvoted the
    places of the sentences it skips."""
    votes: Counter[str] = Counter()
    for actor in index.actors:
        if actor.kind not in {"country", "role"} or not actor.country:
            continue
        if actor.kind == "role" and actor.sector in TRAVELLING_SECTORS:
            continue  # "Japanese journalists" report from anywhere
        for m in actor.mentions:
            if m.rule not in NON_VOTING and (sentences is None or m.sentence in sentences):
                votes[actor.country] += 1
    return votes


def first_named(index: ActorIndex) -> dict[str, int]:
    """Where the article first names each country (as :func:`place_votes` counts them)."""
    first: dict[str, int] = {}
    for actor in index.actors:
        if actor.kind not in {"country", "role"} or not actor.country:
            continue
        if actor.kind == "role" and actor.sector in TRAVELLING_SECTORS:
            continue
        for m in actor.mentions:
            if m.rule not in NON_VOTING and m.start < first.get(actor.country, m.start + 1):
                first[actor.country] = m.start
    return first


def theatre_country(
    votes: Counter[str], candidates: Iterable[str], first: dict[str, int] | None = None
) -> str | None:
    """The candidate the article names most; on a tie the one it names first (a story opens
    where it happens: "in northern Iraq" before a range "that stretches into Syria"), else the
    first listed; None if it names none."""
    best, best_votes = None, 0
    for country in candidates:
        if votes[country] > best_votes or (
            votes[country] == best_votes
            and best is not None
            and first is not None
            and first.get(country, 1 << 30) < first.get(best, 1 << 30)
        ):
            best, best_votes = country, votes[country]
    return best


def people_word(tokens: Iterable[Token]) -> tuple[str, People] | None:
    """The stateless people named among a role's modifiers: "Kurdish" in "Kurdish-led forces"."""
    peoples = theatre().peoples
    for tok in tokens:
        if tok.lower_ in peoples:
            return tok.lower_, peoples[tok.lower_]
    return None


def holder_word(tok: Token) -> bool:
    """A people's name as the X of "X-held", "X-led" ("Kurdish-held villages"), which the parser
    may tag as an adjective: it names the people's armed movement."""
    return tok.lower_ in theatre().peoples and tok.head.tag_ == "VBN" and tok.head.i > tok.i


def is_backer(tok: Token) -> bool:
    """``tok`` is the X of "X-backed", "X-funded": the backer, not the backed force's country;
    also a word of a name that ends there ("United States-backed") and the first of two backers
    ("Russian and Iran-backed forces")."""
    doc = tok.doc
    last = tok.i
    while last + 1 < len(doc) and doc[last].ent_iob_ != "O" and doc[last + 1].ent_iob_ == "I":
        last += 1  # "United States-backed": the backer is the whole name
    if _backs(doc, last):
        return True
    # "Russian and Iran-backed": two backers of one force
    return last + 2 < len(doc) and doc[last + 1].lower_ == "and" and _backs(doc, last + 2)


def _backs(doc, i: int) -> bool:
    """The word at ``i`` is followed by a hyphen and a backing word ("-backed", "-funded")."""
    words = theatre().backing_words
    return i + 2 < len(doc) and doc[i + 1].text in {"-", "‑", "–"} and doc[i + 2].lower_ in words
