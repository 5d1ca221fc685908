"""Round 22 (geo22) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.places import _unnamed_towns

_LEAD = (
    "Fierce clashes erupted overnight as Yemeni government troops pushed against Houthi rebel "
    "positions, officials said. The fighting was the heaviest in months. Residents fled as the "
    "shelling went on until dawn. "
)
_TOWN = "Hodeidah has been under siege for weeks. Doctors in Hodeidah said hospitals were full."


def _placed(pipeline, text: str, trigger: str):
    """The location the whole pipeline gives the first event at ``trigger``."""
    result = pipeline.code_text(text, date="2019-03-01")
    found = [e for e in result.events if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in result.events]
    return found[0].location


def test_a_lead_act_is_at_the_town_the_next_sentences_name(pipeline):
    # The lead tells the act; the fourth sentence first names the story's town.
    place = _placed(pipeline, _LEAD + _TOWN, "pushed")
    assert place is not None and place.name == "Hodeidah", place


def test_a_town_first_named_later_leaves_the_lead_at_the_country(pipeline):
    # One more sentence between: too far from the lead to tie the act to the town.
    text = _LEAD + "Aid groups fear for the people of the region. " + _TOWN
    place = _placed(pipeline, text, "pushed")
    assert place is not None and (place.name, place.precision) == ("Yemen", "country"), place


def test_the_second_sentence_looks_only_one_sentence_ahead(pipeline):
    # The second sentence's act: the town named two sentences on does not place it.
    text = (
        "Aid groups warned of hunger on Monday. Yemeni government troops shelled Houthi rebel "
        "positions overnight, officials said. The fighting was the heaviest in months. "
        "Residents fled as the shelling went on. " + _TOWN
    )
    place = _placed(pipeline, text, "shelled")
    assert place is not None and (place.name, place.precision) == ("Yemen", "country"), place


def test_a_lead_of_towns_it_does_not_name_is_no_one_towns(pipeline, nlp):
    lead = (
        "Several southern towns have surrendered to Yemeni government troops after a week of "
        "heavy shelling, officials said. The fighting was the heaviest in months. Residents "
        "fled as the shelling went on until dawn. "
    )
    place = _placed(pipeline, lead + _TOWN, "surrendered")
    assert place is None or place.precision == "country", place
    assert _unnamed_towns(nlp("Three villages fell to the rebels.")[:])
    assert not _unnamed_towns(nlp("The town fell to the rebels.")[:])
