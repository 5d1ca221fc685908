"""False cooperative and verbal events on real news (round 12), one kind at a time: each test is
a sentence of our own that a general rule must not code, next to one it must still code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coded_acts(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return [e for e in events if not e.negated]


def of_type(pipeline, text, event):
    return [e for e in coded_acts(pipeline, text) if e.event == event]


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president ordered a three-day pause in the fighting around Maiduguri.",
        "The Kenyan president ordered his generals to plan an exit from Somalia.",
        "The Ghanaian interior minister ordered that the activist's passport be revoked.",
    ],
)
def test_an_order_to_no_one_else_asks_nothing(pipeline, text):
    # an order of a thing, or to the author's own people, is the author's own act (a command),
    # not a request made of another actor
    assert not of_type(pipeline, text, "REQUEST"), text


def test_an_order_to_another_actor_is_still_a_request(pipeline):
    asked = of_type(
        pipeline, "A Kenyan court ordered the Somali embassy to pay the rent.", "REQUEST"
    )
    assert [(e.source.country, e.target.country) for e in asked] == [("KEN", "SOM")]
    asked = of_type(
        pipeline, "Uganda ordered Kenya to withdraw its ambassador from Kampala.", "REQUEST"
    )
    assert [(e.source.country, e.target.country) for e in asked] == [("UGA", "KEN")]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign ministry defended its decision to close the embassy in Mogadishu.",
        "The Ugandan president defended his record on human rights.",
        "The border town was defended by Tuareg rebels for three weeks.",
    ],
)
def test_defending_oneself_or_a_town_backs_nobody(pipeline, text):
    assert not of_type(pipeline, text, "SUPPORT"), text


def test_defending_someone_else_is_still_support(pipeline):
    for text, dyad in (
        ("France defended Morocco at the meeting in Brussels.", ("FRA", "MAR")),
        ("Russia defended its ally Syria at the UN security council.", ("RUS", "SYR")),
    ):
        backed = of_type(pipeline, text, "SUPPORT")
        assert [(e.source.country, e.target.country) for e in backed] == [dyad], text
    backed = of_type(
        pipeline,
        "The Ghanaian party chairman defended the interior minister's decision to expel him.",
        "SUPPORT",
    )
    assert backed, "defending another's decision backs its author"


@pytest.mark.parametrize(
    "text",
    [
        "The town of Beni was freed from the rebels last year after a long siege.",
        "Malian troops freed the village of Tessalit on Sunday.",
        "Hundreds of Kenyan soldiers freed up by the ceasefire could be sent to Somalia.",
        "Kenya repatriated 40 of its citizens from the camps in Somalia.",
    ],
)
def test_a_place_freed_or_people_brought_home_is_no_release(pipeline, text):
    # a place is freed by force, what is freed up is made available, and a state bringing its
    # own people home concedes nothing: none is a RETREAT (release)
    assert not of_type(pipeline, text, "RETREAT"), text


def test_people_freed_are_still_released(pipeline):
    freed = of_type(pipeline, "Iran freed two British sailors on Sunday.", "RETREAT")
    assert [(e.source.country, e.target.country) for e in freed] == [("IRN", "GBR")]
    text = "The Ugandan aid worker was freed from captivity in Mogadishu after six months."
    assert of_type(pipeline, text, "RETREAT"), text


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Chile negotiated a fishing deal with Peru on Monday.", ("CHL", "PER")),
        ("Qatar brokered a truce between Chad and Sudan last year.", ("QAT", "TCD")),
    ],
)
def test_brokering_or_negotiating_a_deal_is_agreeing(lexicon_only, text, dyad):
    # the coding guide codes a deal brokered or negotiated as the AGREE it strikes, not talks
    agreed = of_type(lexicon_only, text, "AGREE")
    assert dyad in {(e.source.country, e.target.country) for e in agreed}, text
    assert not of_type(lexicon_only, text, "CONSULT"), text


def test_mediating_with_no_deal_named_is_still_talks(lexicon_only):
    text = "Norway mediated between Colombia and the rebels."
    assert of_type(lexicon_only, text, "CONSULT"), text
    assert not of_type(lexicon_only, text, "AGREE"), text


def test_people_expelled_from_a_land_are_sanctioned_not_deported(lexicon_only):
    # the coding guide: people driven out by an actor are a SANCTION (expel) by that actor; a
    # deportation stays a COERCE
    text = "The Kenyan army expelled Somali herders from the border district."
    expelled = of_type(lexicon_only, text, "SANCTION")
    assert [(e.source.country, e.target.country) for e in expelled] == [("KEN", "SOM")]
    assert not of_type(lexicon_only, text, "COERCE"), text
    text = "Malaysia deported 300 Indonesian workers last week."
    assert of_type(lexicon_only, text, "COERCE"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president's visit to Addis Ababa demonstrated Nairobi's growing influence.",
        "The Ugandan opposition rallied its supporters ahead of the vote.",
    ],
)
def test_a_gathering_verb_with_an_object_is_no_protest(pipeline, text):
    # "demonstrated its influence", "rallied its supporters": showing or winning over, no one
    # took to the streets
    assert not of_type(pipeline, text, "PROTEST"), text


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Chilean students demonstrated in Santiago on Thursday.",
        "Thousands of Kenyans rallied against the new tax law in Nairobi.",
    ],
)
def test_a_gathering_in_the_street_is_still_a_protest(pipeline, text):
    assert of_type(pipeline, text, "PROTEST"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan minister ignored questions from reporters in Kampala.",
        "The Kenyan government appeared to ignore the fact that its troops had left.",
        "The Ugandan colonel has repeatedly denied being a member of the militia.",
        "The Kenyan minister vehemently denies this.",
    ],
)
def test_ignoring_a_fact_or_denying_a_deed_rejects_nobody(pipeline, text):
    assert not of_type(pipeline, text, "REJECT"), text


def test_a_deed_denied_is_not_told_as_done(pipeline):
    text = "The Somali commander denied taking part in the raid on the village."
    assert not coded_acts(pipeline, text), text


def test_ignoring_an_appeal_or_denying_entry_is_still_a_rejection(pipeline):
    text = "Eritrea ignored an appeal from Ethiopia to reopen the border."
    ignored = of_type(pipeline, text, "REJECT")
    assert [(e.source.country, e.target.country) for e in ignored] == [("ERI", "ETH")]
    assert of_type(pipeline, "Chad denied the rebels' request for a ceasefire.", "REJECT")


@pytest.mark.parametrize(
    "text",
    [
        "Her father is detained in a separate camp near Hasakah.",
        "The opposition leader, now imprisoned in Uganda, wrote a letter to the president.",
    ],
)
def test_someone_kept_locked_up_is_no_new_arrest(pipeline, text):
    # the coding guide: an ongoing detention is not coded again
    acts = [e for e in coded_acts(pipeline, text) if e.event in {"COERCE", "ASSAULT"}]
    assert not acts, text


def test_an_arrest_told_as_done_is_still_coded(pipeline):
    for text in (
        "Two Kenyan journalists were detained by Ugandan police on Monday.",
        "Ugandan police detained two Kenyan journalists on Monday.",
    ):
        detained = of_type(pipeline, text, "COERCE")
        assert [(e.source.country, e.target.country) for e in detained] == [("UGA", "KEN")], text


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("Qatar stopped funding the Libyan militia in May.", ("QAT", "LBY")),
        ("Norway ceased arming the Sudanese rebels in 2012.", ("NOR", "SDN")),
    ],
)
def test_stopping_help_is_a_sanction_not_the_help(pipeline, text, dyad):
    stopped = of_type(pipeline, text, "SANCTION")
    assert dyad in {(e.source.country, e.target.country) for e in stopped}, text
    assert not of_type(pipeline, text, "AID"), text


def test_help_that_goes_on_is_still_help(pipeline):
    text = "Qatar continued funding the Libyan militia in May."
    assert not of_type(pipeline, text, "SANCTION"), text
