"""Round 13, late lane (geo27) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.actors.index import ActorIndex
from dateline.gazetteer import gazetteer
from dateline.places import PlaceMention, _article_place, _most_named
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
