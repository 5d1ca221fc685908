"""Late in round 11 of where events happened (issue 18): sentences of our own for each rule."""

from __future__ import annotations

from located import known_group, locate, one_side


def _locate(nlp, text, trigger, event_type="APPEAL"):
    return locate(nlp, text, trigger, event_type, one_side("French government", "FRA"))


def test_a_speech_venue_interrupted_by_a_participle_is_where_the_words_were_said(nlp):
    # the opening phrase belongs to the main clause, not to the participle set off after it
    text = (
        "In a long speech delivered in Lyon, billed as the high point of her tour, "
        "the minister called for an end to the strikes."
    )
    place = _locate(nlp, text, "called")
    assert place is not None and (place.name, place.precision) == ("Lyon", "city")
    assert place.basis == "clause"
    # without the participle, as before
    text = "In a long speech delivered in Lyon, the minister called for an end to the strikes."
    place = _locate(nlp, text, "called")
    assert place is not None and place.name == "Lyon"


def test_a_report_published_elsewhere_is_not_where_the_words_were_said(nlp):
    # not a venue: a report printed in a town says nothing of where its authors spoke
    text = (
        "In a report published in Lyon, described as the fullest yet, "
        "the union called for an end to the strikes."
    )
    place = _locate(nlp, text, "called")
    assert place is None or place.name != "Lyon"


#: A story about one Syrian town, named twice before the sentence under test.
_IDLIB_STORY = (
    "Fighting went on in Idlib on Monday. Aid convoys arrived in Idlib on Tuesday. "
    "The United Nations called for calm. "
)


def test_an_incident_named_for_another_place_does_not_borrow_the_story_s_town(nlp):
    # a name the gazetteer does not know: the act was there, not in the story's Idlib
    text = _IDLIB_STORY + "Survivors of the Bataclan attack marched in protest."
    assert locate(nlp, text, "attack", actors=one_side()) is None
    # a town of another country, whatever the NER made of it
    text = _IDLIB_STORY + "The Halabja massacre was recalled by the speakers."
    place = locate(nlp, text, "massacre", actors=one_side())
    assert place is None or place.country != "SYR"


def test_an_incident_named_for_a_side_or_a_weapon_still_borrows_the_story_s_town(nlp):
    # named for a side the actor stage knows: the story's act, in the story's town
    text = _IDLIB_STORY + "Survivors of the Tarvash attack marched in protest."
    actors = one_side()
    known_group(actors, nlp(text), "Tarvash")
    place = locate(nlp, text, "attack", actors=actors)
    assert place is not None and place.name == "Idlib"
    # named for its weapon
    text = _IDLIB_STORY + "The IED explosion wounded two farmers."
    place = locate(nlp, text, "explosion", actors=one_side())
    assert place is not None and place.name == "Idlib"
    # named for a town of the story's country: nothing contradicts the story's place
    text = _IDLIB_STORY + "Survivors of the Tartus attack marched in protest."
    place = locate(nlp, text, "attack", actors=one_side())
    assert place is not None and place.country == "SYR"


def test_a_pledge_given_at_a_venue_is_placed_there_whatever_the_parser_hung_it_on(nlp):
    # the venue hangs on what was promised, but the promise was given there
    text = "Spain vowed to rebuild the harbour in March at a summit in the port of Lisbon."
    place = _locate(nlp, text, "vowed")
    assert place is not None and (place.name, place.basis) == ("Lisbon", "clause")
    text = "The donors agreed to send more grain at a conference in Brussels, officials said."
    place = _locate(nlp, text, "agreed")
    assert place is not None and place.name == "Brussels"
    # a meeting to come, and talks to be held, are not where the words were given
    text = "Spain pledged to meet again at a summit in Lisbon."
    place = _locate(nlp, text, "pledged")
    assert place is None or place.name != "Lisbon"
    text = "Spain promised to hold talks in Lisbon."
    place = _locate(nlp, text, "promised")
    assert place is None or place.name != "Lisbon"
