"""Round 19 (geo19) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from located import locate, one_side

# A story of one town: named in the lead, then several sentences that name no place.
_LEAD = (
    "Rebel fighters stormed the Syrian town of Saraqib on Monday after a week of heavy fighting. "
    "The assault on Saraqib began before dawn. "
    "Commanders said the attackers had been preparing for months. "
    "Many families had already left. "
    "Aid workers said food was running short. "
    "Few shops remained open. "
)


def test_a_late_act_of_a_one_town_story_keeps_the_country(nlp):
    # Measured in round 19 and left out: the story's one town for every act of the story
    # however far from its naming (corpus rows +4 towns, but 12 of 20 moved Guardian sample
    # events wrong: general or habitual acts, "detained on a daily basis"). Beyond
    # NEAR_SENTENCES of the last naming, an act whose text names no place keeps the country.
    text = _LEAD + "Government jets bombed the market at noon."
    place = locate(nlp, text, "bombed", actors=one_side())
    assert place is not None and place.country == "SYR", place
    assert place.precision == "country" and place.basis == "article", place


def test_the_town_named_within_the_window_places_the_act(nlp):
    # The same story with the town named again two sentences before the act: its town.
    text = (
        _LEAD.replace("Many families had already left. ", "Many families had left Saraqib. ")
        + "Government jets bombed the market at noon."
    )
    place = locate(nlp, text, "bombed", actors=one_side())
    assert place is not None and place.name == "Saraqib", place


def test_a_story_of_two_towns_keeps_the_country_for_a_late_act(nlp):
    # Another town of the same country named: which one the act happened in is a guess.
    text = (
        _LEAD.replace("Many families had already left. ", "Many families had fled to Idlib. ")
        + "Government jets bombed the market at noon."
    )
    place = locate(nlp, text, "bombed", actors=one_side())
    assert place is not None and place.name != "Saraqib", place
    assert place.precision == "country", place


def test_a_town_named_only_after_the_act_is_not_its_scene(nlp):
    # The one-town rule reads back from the act, never forward to a later naming.
    text = (
        "Rebel fighters attacked on Monday after a week of heavy fighting. "
        "The assault began before dawn. "
        "Commanders said the attackers had been preparing for months. "
        "Many families had already left. "
        "Aid workers said food was running short. "
        "Few shops remained open. "
        "Government jets bombed the market at noon. "
        "Rebels said they now held Saraqib, a town in Syria. "
        "Saraqib lies on the main road."
    )
    place = locate(nlp, text, "bombed", actors=one_side())
    assert place is None or place.name != "Saraqib", place
