"""Round 17 (geo35) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from located import locate, one_side


def test_a_town_naming_a_gathering_is_where_it_met(nlp):
    # "the Vienna energy conference" met in Vienna, as "a conference in Vienna" did.
    for text, trigger, town in [
        ("Ministers attended the Vienna energy conference on Friday.", "conference", "Vienna"),
        ("Envoys left the Geneva peace talks early.", "talks", "Geneva"),
        ("The Minsk summit brought the two leaders together.", "summit", "Minsk"),
    ]:
        place = locate(nlp, text, trigger, "CONSULT", actors=one_side())
        assert place is not None and place.name == town, text


def test_a_country_or_talks_to_come_name_no_venue(nlp):
    # A country on talks names a party ("the US-Russia talks"), and talks still to come have
    # met nowhere yet.
    for text, trigger in [
        ("The Turkey talks ended without a deal on Friday.", "talks"),
        ("The Vienna conference will open next month.", "conference"),
    ]:
        assert locate(nlp, text, trigger, "CONSULT", actors=one_side()) is None, text


def test_two_towns_joined_on_talks_are_their_parties(nlp):
    text = "An official close to the Ankara–Moscow talks said a deal was near."
    assert locate(nlp, text, "talks", "CONSULT", actors=one_side()) is None
