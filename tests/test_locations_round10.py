"""Round 10 of where events happened (issue 18): sentences of our own for each new rule."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from located import known_group, one_side
from located import locate as _locate


def test_a_country_that_owns_the_part_named_is_the_scene(nlp):
    # "in Syria's eastern desert": the country is where it happened, not an owner that acts
    text = (
        "The army held Tikrit in Iraq for a month. "
        "Heavy fighting went on in Syria's eastern desert near the border."
    )
    place = _locate(nlp, text, "fighting")
    assert (place.country, place.precision) == ("SYR", "country")
    text = "Officials in Aleppo spoke. The army fought Kurdish rebels in Turkey's south-east."
    place = _locate(nlp, text, "fought")
    assert place is not None and place.country == "TUR"
    # a possessive on anything but a part of a place still says whose: no scene
    text = "Damascus's forces were tired. Iran's militias fought hard."
    place = _locate(nlp, text, "fought")
    assert place is None or place.country != "IRN"


def test_a_big_town_the_ner_took_for_an_organisation(nlp):
    text = "The rebels held out for weeks. A chemical attack on Homs killed forty civilians."
    place = _locate(nlp, text, "attack", actors=one_side())
    assert (place.name, place.country, place.precision) == ("Homs", "SYR", "city")
    # never by sound: a group whose name sounds like a town is no place
    text = "The rebels held out for weeks. Jets carried out an attack on Hamas."
    place = _locate(nlp, text, "attack", actors=one_side())
    assert place is None or place.precision == "country"


def test_a_group_the_actor_stage_knows_is_not_a_town(nlp):
    text = "The rebels held out for weeks. A chemical attack on Homs killed forty civilians."
    actors = one_side()
    known_group(actors, nlp(text), "Homs")
    place = _locate(nlp, text, "attack", actors=actors)
    assert place is None or place.name != "Homs"


def test_the_ground_of_a_campaign_the_act_carries_out(nlp):
    text = "Kurdish militias led the campaign against the city of Tikrit, ousting the militants."
    place = _locate(nlp, text, "led")
    assert (place.name, place.country, place.precision) == ("Tikrit", "IRQ", "city")
    # a campaign against a side is no place
    text = "Kurdish militias led the campaign against the jihadists in the summer."
    assert _locate(nlp, text, "led") is None


def test_driven_out_of_a_town(nlp):
    text = "The Iraqi army drove the jihadists out of Tikrit last month."
    place = _locate(nlp, text, "drove")
    assert (place.name, place.country, place.precision) == ("Tikrit", "IRQ", "city")


def test_a_town_listed_with_other_towns_gives_its_country(nlp):
    text = "The Iraqi army drove the jihadists out of Tikrit and other cities last month."
    place = _locate(nlp, text, "drove")
    assert (place.country, place.precision) == ("IRQ", "country")


def test_a_place_with_its_possessive(nlp):
    # the NER takes in the "'s" of "Deir ez-Zor's": the name is found without it
    text = "Government troops fought hard in Deir ez-Zor's eastern countryside."
    place = _locate(nlp, text, "fought")
    assert (place.name, place.country) == ("Deir ez-Zor", "SYR")
    # a big town the NER took for a person, whose part is where it happened
    text = "Government troops fought hard in Aleppo's eastern countryside."
    assert _locate(nlp, text, "fought").name == "Aleppo"


def test_the_last_word_of_an_arabic_name_is_not_a_town_of_its_own(nlp):
    from spacy.tokens import Span as EntitySpan

    from dateline.places import find_mentions

    doc = nlp("Rebels attacked the army in Deir ez-Zor on Monday.")
    z = next(t.i for t in doc if t.text == "Zor")
    doc.set_ents([EntitySpan(doc, z, z + 1, label="GPE")], default="outside")
    found = [(m.text, m.place.country) for m in find_mentions(doc, ActorIndex())]
    assert found == [("Deir ez-Zor", "SYR")]


def test_words_said_on_a_visit(nlp):
    text = "On a visit to Baghdad, the French foreign minister called for calm."
    place = _locate(nlp, text, "called", event_type="APPEAL")
    assert (place.name, place.country, place.basis) == ("Baghdad", "IRQ", "clause")
    text = "During a two-day trip to Ankara, the German chancellor urged restraint."
    assert _locate(nlp, text, "urged", event_type="APPEAL").name == "Ankara"
    # not before the visit: the words may be said anywhere
    text = "Ahead of his planned visit to Baghdad, the French foreign minister called for calm."
    assert _locate(nlp, text, "called", event_type="APPEAL") is None


def test_a_site_of_a_town_named_by_its_possessive(nlp):
    text = "The US envoy held talks with Turkish officials at Ankara's presidential complex."
    place = _locate(nlp, text, "talks", event_type="CONSULT")
    assert (place.name, place.country) == ("Ankara", "TUR")
    text = "Gunmen attacked travellers at Baghdad's international airport."
    place = _locate(nlp, text, "attacked")
    assert (place.name, place.country) == ("Baghdad", "IRQ")
    # a country's embassy may stand anywhere
    text = "Russian diplomats met Syrian officials at Russia's embassy on Tuesday."
    place = _locate(nlp, text, "met", event_type="CONSULT")
    assert place is None or place.country != "RUS"


def test_the_arabic_article_run_into_a_name():
    from dateline.gazetteer import gazetteer, skeleton

    # "Azzour", "Ezzor": the article assimilated and written into the word
    assert skeleton("Deir Azzour") == skeleton("Deir ez-Zor") == skeleton("Dayr az Zawr")
    for name in ("Deir Azzour", "Deir Ezzor"):
        place = gazetteer().resolve(name, ["SYR"])
        assert (place.name, place.country) == ("Deir ez-Zor", "SYR")
    # only among the story's countries, never worldwide
    assert gazetteer().resolve("Deir Azzour") is None


def test_taking_in_refugees_from_the_story_country(nlp):
    story = "Government jets bombed Aleppo again on Monday. Aleppo is in ruins. "
    text = story + "Jordan has accepted close to a million refugees from Syria."
    place = _locate(nlp, text, "accepted", event_type="AID")
    assert place is None or place.country != "SYR"
    # aid to refugees where they are stays where the story is
    text = story + "The charity has fed thousands of refugees in the city."
    place = _locate(nlp, text, "fed", event_type="AID")
    assert place is not None and place.country == "SYR"
