"""False events on real articles, out of fold (round 6): stances and dangers with no author,
vows of hostile acts, and commitments that describe a stance. Sentences of our own; each rule
next to a sentence it must leave alone."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The threat to Kenya has grown since the spring.", "THREATEN"),
        ("The commitment to Somalia has cost billions.", "AGREE"),
        ("The peace plan for Mali was hailed as a breakthrough.", "SUPPORT"),
        ("The long partnership with Ghana shaped the city.", "COOPERATE"),
        ("Vietnamese fishermen have been backed for years.", "SUPPORT"),
    ],
)
def test_a_stance_nobody_is_said_to_take_is_no_act(pipeline, text, event):
    assert not happened(pipeline, text, event)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ghana hailed the peace plan for Mali on Monday.", "SUPPORT"),
        ("Kenya made a firm commitment to Somalia on Monday.", "AGREE"),
        ("Burundi renewed its threat against Rwanda on Tuesday.", "THREATEN"),
    ],
)
def test_the_same_acts_with_an_author_stay(pipeline, text, event):
    assert happened(pipeline, text, event)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels vowed to wage a long war against the army of Chad.",
        "The Sudanese president vowed to exterminate the militants in Darfur.",
        "Kenya vowed that its troops would besiege the Somali port.",
    ],
)
def test_a_vow_of_a_hostile_act_is_a_threat(pipeline, text):
    assert happened(pipeline, text, "THREATEN"), text
    assert not happened(pipeline, text, "AGREE"), text


@pytest.mark.parametrize(
    "text", ["Peru vowed to cooperate with Chile on fishing.", "Ghana vowed to send aid to Togo."]
)
def test_a_vow_to_cooperate_stays_a_pledge(pipeline, text):
    assert happened(pipeline, text, "AGREE"), text
    assert not happened(pipeline, text, "THREATEN"), text


def pairs(pipeline, text, event):
    return sorted(
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in happened(pipeline, text, event)
    )


def test_talks_named_by_a_noun_are_one_act_not_two(pipeline):
    text = "Talks between Ghana and Togo took place in Accra on Monday."
    assert pairs(pipeline, text, "CONSULT") == [("Ghana", "Togo")]


def test_an_act_of_three_parties_is_coded_from_the_first_to_each_other(pipeline):
    found = pairs(
        pipeline, "Peru, Chile and Bolivia signed a fishing agreement on Monday.", "SUPPORT"
    )
    assert found == [("Peru", "Bolivia"), ("Peru", "Chile")]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Peru and Chile agreed to share fishing data.", "AGREE"),
        ("Peru and Chile held talks on fishing on Monday.", "CONSULT"),
    ],
)
def test_two_parties_as_the_subject_stay_coded_both_ways(pipeline, text, event):
    assert pairs(pipeline, text, event) == [("Chile", "Peru"), ("Peru", "Chile")]


def test_an_act_nobody_is_said_to_do_is_one_record_whatever_it_names(pipeline):
    text = "Only 40 prisoners have been released so far, to Kenya, Uganda and Tanzania."
    assert len(happened(pipeline, text, "RETREAT")) == 1
    # with its author named, an act of force on several parties at once is still one act, one
    # record per source (round 10: the gold codes a conjoined target in one record 45 times in
    # 53; coder._first_target_each); a request to several states is one record each. (Round 19:
    # one mention whose own words name two countries, "arrested Kenyan and Ugandan journalists",
    # is one side each, as the gold of the training articles codes it: out of fold +2 right,
    # 0 false; tests/test_recall19_round19.py. Conjoined mentions stay one record.)
    text = "Police arrested two Kenyan journalists and a Ugandan lawyer in Kampala."
    found = pairs(pipeline, text, "COERCE")
    assert len(found) == 1
    assert len(pairs(pipeline, "Ghana urged Togo and Benin to reopen the border.", "REQUEST")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The Kurds of Syria, a people committed to peace, were betrayed by Turkey.",
        "The US commitment in Niger is larger than reported.",
    ],
)
def test_a_commitment_that_describes_a_stance_is_no_pledge(pipeline, text):
    assert not happened(pipeline, text, "AGREE"), text


def test_a_danger_named_as_a_threat_is_no_threat_made(pipeline):
    assert not happened(pipeline, "Kenya sees the militia as an existential threat.", "THREATEN")
    assert happened(pipeline, "Chad issued a threat to Sudan on Monday.", "THREATEN")


@pytest.mark.parametrize(
    "text",
    [
        "Chile committed to sending engineers to Peru.",
        "Kenya made a firm commitment to Somalia on Monday.",
        "Kenya pledged to send troops to Somalia.",
    ],
)
def test_a_commitment_made_stays_a_pledge(pipeline, text):
    assert happened(pipeline, text, "AGREE"), text


def test_an_announced_withdrawal_is_a_concession(pipeline):
    text = "Kenya announced a rapid withdrawal of its troops from Somalia."
    assert happened(pipeline, text, "CONCEDE")
    assert not happened(pipeline, text, "RETREAT")
    # done, it is a retreat; an order to another state's people to leave concedes nothing
    assert happened(pipeline, "Kenya withdrew its troops from Somalia on Monday.", "RETREAT")
    text = "The Kenyan president ordered Ugandan diplomats to leave Nairobi."
    assert not happened(pipeline, text, "CONCEDE")
