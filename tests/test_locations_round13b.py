"""Round 13, late lane (geo27) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.gazetteer import gazetteer
from dateline.places import (
    PlaceMention,
    _article_place,
    _most_named,
    _told_by_participle,
    _town_references,
    find_mentions,
)
from located import locate, one_side


def test_a_place_inside_a_where_clause_beats_the_place_the_clause_is_of(nlp):
    text = "The activist fled to Russia, where a court in Dagestan convicted her of extremism."
    place = locate(nlp, text, "convicted", "SANCTION", actors=one_side("court", "RUS"))
    assert (place.name, place.precision, place.basis) == ("Dagestan", "admin1", "clause")
    text = "The army said it would attack Idlib, where rebels in Saraqib killed ten soldiers."
    place = locate(nlp, text, "killed", actors=one_side())
    assert (place.name, place.precision) == ("Saraqib", "city")  # not Syria for two towns


def test_a_where_clause_without_a_place_of_its_own_is_at_the_place_it_is_of(nlp):
    text = "Turkish troops entered Afrin, where they killed ten fighters."
    place = locate(nlp, text, "killed", actors=one_side())
    assert place is not None and (place.name, place.basis) == ("Afrin", "clause")
    text = "The activist fled to Russia, where a court convicted her of extremism."
    place = locate(nlp, text, "convicted", "SANCTION", actors=one_side("court", "RUS"))
    assert place is not None and (place.name, place.precision) == ("Russia", "country")


def _mention(doc, words: str, country: str) -> PlaceMention:
    """A mention of ``words`` at their first occurrence in ``doc``."""
    n = len(words.split())
    i = next(t.i for t in doc if doc[t.i : t.i + n].text == words)
    return PlaceMention(i, i + n, words, gazetteer().resolve(words, [country]))


def test_of_two_places_with_one_id_the_story_s_place_is_the_one_named_most(nlp):
    text = (
        "Fighters are trapped in Baghuz. Some may flee to Abu Kamal. Jets bombed Baghuz "
        "again. Baghuz burned all night."
    )
    doc = nlp(text)
    found = [_mention(doc, w, "SYR") for w in ("Baghuz", "Abu Kamal")]
    assert found[0].place.feature_id == found[1].place.feature_id  # the gazetteer's town id
    place = _article_place(doc, [found[1], found[0]], ActorIndex(), text)
    assert place is not None and place.name == "Baghuz"
    assert _most_named([found[1], found[0]], None).text == "Abu Kamal"  # no text: the first


def test_the_town_of_a_story_that_names_it_once_is_that_town(nlp):
    text = (
        "Syrian troops stormed the town of Saraqib on Monday. Smoke rose over the town, "
        "which had been besieged for months. Medics said the town had no water. Doctors "
        "left on foot. A convoy waited. The shelling went on all night."
    )
    doc = nlp(text)
    refs = _town_references(doc, find_mentions(doc, one_side()))
    assert [doc[i].text for i in refs] == ["town", "town"]  # not "the town of Saraqib"
    assert {m.place.name for m in refs.values()} == {"Saraqib"}
    place = locate(nlp, text, "shelling", actors=one_side())
    assert place is not None and (place.name, place.basis) == ("Saraqib", "article")
    doc = nlp("Troops stormed Saraqib and Binnish. The town burned.")
    assert not _town_references(doc, find_mentions(doc, one_side()))  # which town: a guess


def test_a_participle_that_tells_of_a_place_was_done_to_it(nlp):
    text = "The region in question is Afrin, defended by the YPG against the Turkish army."
    place = locate(nlp, text, "defended", actors=one_side())
    assert (place.name, place.basis) == ("Afrin", "clause")
    for text, told in (
        ("The region is Afrin, captured by Turkey in 2018.", True),
        ("The region is Afrin, shelled from Kilis by Turkey.", False),
    ):  # a time is no place phrase; a place phrase of its own says where it was done from
        doc = nlp(text)
        verb = next(t for t in doc if t.tag_ == "VBN")
        assert verb.dep_ == "acl"
        afrin = next(t for t in doc if t.text == "Afrin")
        assert _told_by_participle(afrin, verb) is told


def test_what_a_noun_act_is_on_is_where_its_side_is_based(nlp):
    text = "Kurdish forces led the military assault on Islamic State troops based in Raqqa."
    place = locate(nlp, text, "assault", actors=one_side())
    assert (place.name, place.basis) == ("Raqqa", "clause")


def test_through_a_town_is_in_it(nlp):
    text = "Rebels marched through Aleppo and stormed the citadel."  # the NER's NORP
    place = locate(nlp, text, "marched", actors=one_side())
    assert place is not None and (place.name, place.basis) == ("Aleppo", "clause")
    place = locate(nlp, "Government forces swept through Idlib on Monday.", "swept")
    assert place is not None and (place.name, place.basis) == ("Idlib", "clause")
