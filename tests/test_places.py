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


def _locate(nlp, text, trigger, actors=None, event_type="CONSULT"):
    doc = nlp(text)
    start = text.index(trigger)
    sentence = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    event = Event(
        event=event_type, sentence=sentence, trigger=Span(trigger, start, start + len(trigger))
    )
    locate_events([event], doc, actors or ActorIndex(), text)
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
    place = _locate(nlp, text, "agreed")
    assert place.basis == "article"  # not the clause or the sentence: only the article's country
    assert (place.country, place.precision) == ("DEU", "country")


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


def test_the_ground_an_attack_is_done_to(nlp):
    text = "Government aircraft bombed Homs and the rebels answered with rockets."
    place = _locate(nlp, text, "bombed", event_type="ASSAULT")
    assert (place.name, place.country, place.precision, place.basis) == (
        "Homs", "SYR", "city", "clause"
    )  # fmt: skip
    assert place.feature_id and place.lat is not None


def test_a_place_that_acts_is_not_where_it_happened(nlp):
    text = "Ankara condemned the vote, and the rally went ahead in Brussels."
    assert _locate(nlp, text, "condemned").name == "Brussels"  # the sentence's place, not Ankara


def test_the_city_of_a_name_the_ner_took_for_a_person(nlp):
    text = "Shells fell on the city of Mykolaiv on Tuesday, officials said."
    place = _locate(nlp, text, "fell", event_type="ASSAULT")
    assert (place.country, place.precision, place.name) == ("UKR", "city", "Mykolaiv")


def test_dateline_then_the_article_place(nlp):
    text = "TRIPOLI, Lebanon (AP) - Gunmen attacked a checkpoint overnight. Nobody was hurt."
    place = _locate(nlp, text, "attacked", event_type="ASSAULT")
    assert (place.country, place.basis) == ("LBN", "dateline")
    text = (
        "Fighting went on in Aleppo. Aid convoys arrived in Aleppo on Monday. "
        "Rebels shelled a checkpoint at dawn."
    )
    place = _locate(nlp, text, "shelled", event_type="ASSAULT")
    assert (place.name, place.precision, place.basis) == ("Aleppo", "city", "article")


def test_an_article_about_several_countries_gives_no_country(nlp):
    text = "Talks opened in Vienna. Protests went on in Moscow. Then the envoy criticised the plan."
    assert _locate(nlp, text, "criticised") is None


def test_actor_countries_break_ties(nlp):
    actors = ActorIndex(actors=[Actor(id="A1", name="Georgia", country="USA")])
    place = _locate(nlp, "Protesters marched in Georgia on Monday.", "marched", actors)
    assert (place.country, place.precision) == ("USA", "admin1")
    assert _locate(nlp, "Protesters marched in Georgia on Monday.", "marched").country == "GEO"


def test_police_and_domestic_acts_happen_at_home(nlp):
    from dateline.model import ActorRef

    text = "Fighting went on in Aleppo. Aid convoys arrived in Aleppo on Monday. Police arrested a man."
    doc = nlp(text)
    start = text.index("arrested")
    police = ActorRef(text="Police", name="police", country="GBR", sector="COP")
    man = ActorRef(text="a man", name="man", country=None, sector="CVL")
    event = Event(event="COERCE", sentence=2, trigger=Span("arrested", start, start + 8),
                  source=police, target=man)  # fmt: skip
    locate_events([event], doc, ActorIndex(), text)
    assert (event.location.country, event.location.basis) == ("GBR", "actors")
    # a place in the sentence still wins
    text2 = "Police arrested a man in Aleppo."
    doc2 = nlp(text2)
    start = text2.index("arrested")
    event2 = Event(event="COERCE", sentence=0, trigger=Span("arrested", start, start + 8),
                   source=police, target=man)  # fmt: skip
    locate_events([event2], doc2, ActorIndex(), text2)
    assert (event2.location.country, event2.location.basis) == ("SYR", "clause")
