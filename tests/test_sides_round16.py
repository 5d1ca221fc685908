"""Sides the text implies, round 16 (docs/accuracy-history.md, "Round 16: missing sides"), on sentences of our
own: a plea to be let home that names nobody asked asks the state that is home (the place the
return goes to, else the country of the one who would return, else of the one pleading); a
withdrawal a state concedes that names no place is from the country the story is set in, other
than the state's own; a refusal that names nobody refused refuses whoever asked the refuser in
its sentence or the two before. (The law's acts nobody is said to have done are in
test_actor_cues.py.)"""

from __future__ import annotations

import pytest

from coded import coded_events, first_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "home"),
    [
        (
            "The Dutch woman's parents say she has begged to be flown back to the Netherlands.",
            "NLD",
        ),
        ("Her Belgian lawyer has appealed for the young widow to be allowed to return.", "BEL"),
        ("The Canadian fighter has asked to be allowed to go home.", "CAN"),
    ],
)
def test_a_plea_to_be_let_home_asks_the_state_that_is_home(pipeline, text, home):
    request = first_event(coded_events(pipeline, text), "REQUEST")
    assert request.target is not None and request.target.country == home, request


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The rebels asked for a ceasefire after they returned to the town.",
        "The Canadian woman asked for a lawyer.",
        "The Canadian minister urged each country to repatriate its own citizens.",
    ],
)
def test_a_request_that_is_no_plea_to_go_home_gets_no_home_state(pipeline, text):
    """A return that only says when, a return of others the one asked would make, or no
    return at all: nobody is asked by this rule."""
    request = first_event(coded_events(pipeline, text), "REQUEST")
    assert request.target is None or not request.target.actor_id.startswith("home:"), request


STORY = (
    "Kurdish fighters in Syria said on Monday that they feared an attack from Turkey. "
    "Syria's government said it would defend Manbij, and Syrian officials met Kurdish leaders "
    "in Damascus. The fighting in northern Syria has displaced thousands. "
)


@pytest.mark.slow
def test_a_withdrawal_that_names_no_place_is_from_the_country_the_story_is_set_in(pipeline):
    events = coded_events(
        pipeline, STORY + "The White House announced its decision to withdraw from the country."
    )
    concede = first_event(events, "CONCEDE")
    assert concede.source is not None and concede.source.country == "USA", concede
    assert concede.target is not None and concede.target.country == "SYR", concede


@pytest.mark.slow
def test_a_withdrawal_in_a_story_of_no_one_country_gets_no_place(pipeline):
    text = (
        "Iraq, Iran, Jordan and Syria met in Amman. Turkey and Lebanon sent envoys to Beirut. "
        "The White House announced its decision to withdraw from the country."
    )
    concede = first_event(coded_events(pipeline, text), "CONCEDE")
    assert concede.target is None, concede


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "asker"),
    [
        (
            "Kurdish leaders called on Russia to close the airspace over Afrin. However, Moscow refused.",
            "SYR",
        ),
        (
            "Kenya asked Uganda to hand over the suspects. Police said the border was quiet. Uganda refused.",
            "KEN",
        ),
    ],
)
def test_a_refusal_that_names_nobody_refuses_who_asked_the_refuser(pipeline, text, asker):
    reject = first_event(coded_events(pipeline, text), "REJECT")
    assert reject.target is not None and reject.target.country == asker, reject


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The talks collapsed on Monday. Russia refused.",
        "Kenya asked Uganda to hand over the suspects. Tanzania refused.",
        "Kenya asked Uganda to hand over the suspects. The talks stalled. The court met. "
        "The border was quiet. Uganda refused.",
    ],
)
def test_a_refusal_answers_no_request_to_another_nor_one_long_before(pipeline, text):
    reject = first_event(coded_events(pipeline, text), "REJECT")
    assert reject.target is None, reject
