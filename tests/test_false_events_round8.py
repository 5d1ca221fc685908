"""False events on real articles, out of fold (round 8). Sentences of our own; each rule next
to a sentence it must leave alone."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "As many as 30 Malian soldiers may have been killed by jihadists in the clash, officials said.",
        "A full assault by Malian troops on the town would displace thousands of families, aid groups said.",
        "A final offensive by the Nigerien army on the rebel stronghold would end within days, the general said.",
    ],
)
def test_a_hostile_act_nobody_promises_is_no_threat(pipeline, text):
    assert not happened(pipeline, text, "THREATEN")
    assert not happened(pipeline, text, "ASSAULT")  # not said to have happened either


def test_a_hostile_act_its_doer_says_it_will_do_stays_a_threat(pipeline):
    text = "Ghana said its troops would attack the rebels if they crossed the border."
    assert happened(pipeline, text, "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian government rejected the request to extradite the colonel to Togo.",
        "The Ghanaian government ignored calls for a ceasefire on Monday.",
    ],
)
def test_who_answers_a_request_did_not_make_it(pipeline, text):
    assert not happened(pipeline, text, "REQUEST")


def test_a_request_made_is_still_one(pipeline):
    text = "Togo requested the extradition of the colonel on Monday."
    assert happened(pipeline, text, "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Ghana has vowed not to allow the rebels to control its northern border.",
        "Mali has vowed never to let the jihadists return to Timbuktu.",
    ],
)
def test_a_vow_never_to_let_someone_do_something_is_a_threat(pipeline, text):
    assert happened(pipeline, text, "THREATEN")
    assert not happened(pipeline, text, "AGREE")


def test_a_vow_to_let_help_in_is_a_pledge(pipeline):
    assert not happened(pipeline, "Togo vowed to allow aid convoys into the north.", "THREATEN")
    text = "Ghana has vowed not to let the refugee crisis overwhelm its schools."
    assert not happened(pipeline, text, "THREATEN")  # a thing, not someone, is kept out


def test_what_an_indirect_question_asks_about_is_not_said_to_have_happened(pipeline):
    text = "Investigators are still gathering evidence about who shelled the Malian village."
    assert not happened(pipeline, text, "ASSAULT")


def test_how_something_happened_told_by_a_witness_did_happen(pipeline):
    text = "The survivors told how Malian soldiers stormed the village on Monday."
    assert happened(pipeline, text, "ASSAULT")


def test_a_commitment_to_a_cause_is_a_stance_not_a_pledge(pipeline):
    text = "Ghana is showing a new commitment to reforming its police."
    assert not happened(pipeline, text, "AGREE")


def test_a_commitment_made_to_someone_is_a_pledge(pipeline):
    text = "Ghana made a commitment to Togo on Monday to reopen the border."
    assert happened(pipeline, text, "AGREE")


def test_a_goal_set_as_a_figure_is_reached_not_struck(pipeline):
    text = "Ghana and Togo hit the 2% defence spending target last year, the report showed."
    assert not happened(pipeline, text, "ASSAULT")


def test_targets_struck_are_attacked(pipeline):
    text = "Malian jets hit 15 rebel targets near Gao on Monday."
    assert happened(pipeline, text, "ASSAULT")


def test_a_backer_named_in_a_description_of_someone_is_no_act(pipeline):
    text = (
        "The rebels, armed and supported by the Malian army, have shouldered the burden of the war."
    )
    assert not happened(pipeline, text, "SUPPORT")


def test_support_given_is_an_act(pipeline):
    text = "The Malian army armed and supported the rebels throughout the war."
    assert happened(pipeline, text, "SUPPORT")


@pytest.mark.parametrize(
    "text",
    [
        "The Malian president talks of recalling the troops from the north.",
        "The Ghanaian president spoke out against the ban on Monday.",
    ],
)
def test_a_speech_is_no_consultation(pipeline, text):
    assert not happened(pipeline, text, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Ghanaian foreign minister spoke to his Togolese counterpart on Monday.",
        "The presidents of Ghana and Togo spoke on the phone on Monday.",
    ],
)
def test_talking_with_someone_is_a_consultation(pipeline, text):
    assert happened(pipeline, text, "CONSULT")
