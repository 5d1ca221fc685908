"""Places: gazetteer look-ups and the location of events in hand-written sentences."""

from __future__ import annotations

import pytest

from dateline.actors.index import ActorIndex
from dateline.model import Actor, Event, Span
from dateline.places import locate_events, resolve_place


@pytest.mark.parametrize(
    ("name", "hint", "country", "precision"),
    [
        ("Paris", (), "FRA", "city"),
        ("Paris", ("USA",), "FRA", "city"),  # a hint does not beat 80 times the population
        ("Paris, Texas", (), "USA", "city"),
        ("Hamburg, Germany", (), "DEU", "city"),
        ("Georgia", (), "GEO", "country"),
        ("Georgia", ("USA",), "USA", "admin1"),
        ("Georgia", ("GEO", "USA"), "GEO", "country"),
        ("Kiev", (), "UKR", "city"),
        ("U.S.", (), "USA", "country"),
        ("the Netherlands", (), "NLD", "country"),
        ("Texas", (), "USA", "admin1"),
        ("Middle East", (), None, "region"),
        ("Tripoli", ("LBN",), "LBN", "city"),
        ("Idlib province", (), "SYR", "admin1"),
        ("Crimea", (), "UKR", "region"),
    ],
)
def test_resolve_place(name, hint, country, precision):
    place = resolve_place(name, hint)
    assert (place.country, place.precision) == (country, precision)


def test_landmarks_get_their_city_coordinates():
    oval = resolve_place("the Oval Office")
    washington = resolve_place("Washington")
    assert (oval.name, oval.country, oval.precision) == ("Oval Office", "USA", "point")
    assert (washington.country, washington.admin1, washington.precision) == ("USA", "DC", "city")
    assert (oval.lat, oval.lon) == (washington.lat, washington.lon)
    assert resolve_place("Élysée Palace").country == "FRA"
    assert resolve_place("Downing Street").country == "GBR"


def test_unknown_place_is_unresolved():
    place = resolve_place("Qwertyuiopville")
    assert (place.name, place.precision, place.country) == ("Qwertyuiopville", "unresolved", None)


def test_hint_picks_the_smaller_namesake():
    assert resolve_place("Birmingham").country == "GBR"
    assert resolve_place("Birmingham", ["USA"]).admin1 == "AL"  # 10 x 212k beats 984k
    assert resolve_place("Moscow", ["USA"]).country == "RUS"


def _locate(nlp, text, trigger, actors=None):
    doc = nlp(text)
    start = text.index(trigger)
    event = Event(event="CONSULT", sentence=0, trigger=Span(trigger, start, start + len(trigger)))
    locate_events([event], doc, actors or ActorIndex())
    return event.location


def test_fronted_place_phrase(nlp):
    place = _locate(
        nlp,
        "At a press briefing Monday in Madrid, the Italian and Greek envoys criticized the plan.",
        "criticized",
    )
    assert (place.name, place.country) == ("Madrid", "ESP")


def test_city_with_country_qualifier(nlp):
    text = "The prime minister agreed to attend a conference of donor nations in Hamburg, Germany, next month."
    assert _locate(nlp, text, "attend").country == "DEU"
    assert _locate(nlp, text, "conference").name == "Hamburg"


def test_place_inside_another_clause_is_not_the_location(nlp):
    text = "The prime minister agreed to attend a conference of donor nations in Hamburg, Germany, next month."
    assert _locate(nlp, text, "agreed") is None


def test_landmark_building(nlp):
    place = _locate(nlp, "The president met the envoy at his desk in the Oval Office.", "met")
    assert (place.name, place.precision, place.country) == ("Oval Office", "point", "USA")


def test_actor_country_is_not_a_location(nlp):
    assert _locate(nlp, "The chancellor spoke with Russia about energy prices.", "spoke") is None
    assert (
        _locate(
            nlp, "The envoy discussed the situation in the Middle East with Egypt.", "discussed"
        )
        is None
    )


def test_no_place_leaves_none(nlp):
    assert _locate(nlp, "The minister criticized the decision on Friday.", "criticized") is None


def test_actor_countries_break_ties(nlp):
    actors = ActorIndex(actors=[Actor(id="A1", name="Georgia", country="USA")])
    place = _locate(nlp, "Protesters marched in Georgia on Monday.", "marched", actors)
    assert (place.country, place.precision) == ("USA", "admin1")
    assert _locate(nlp, "Protesters marched in Georgia on Monday.", "marched").country == "GEO"
