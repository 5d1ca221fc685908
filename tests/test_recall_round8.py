"""Acts the coder used to miss (round 8, recall): citizenship taken away, people driven from
their homes, support withdrawn, and a withdrawal its author has decided or announced (a
CONCEDE, as the coding guide and the PLOVER manual code it). Each with sentences of our own
that must be coded and look-alikes that must not, with the lexicon alone (the trained model is
not asked) and, for the announced withdrawals, with the shipped model too."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The Danish government stripped two jihadists of their citizenship last year.",
            "SANCTION",
        ),
        (
            "The interior minister revoked the Somali-born activist's citizenship in March.",
            "SANCTION",
        ),
        ("Ethiopian troops displaced thousands of Eritrean villagers near the border.", "SANCTION"),
        (
            "Sudanese militias forced thousands of Chadian villagers to flee their homes.",
            "SANCTION",
        ),
        ("Qatar withdrew its support for the Libyan militia in May.", "SANCTION"),
        ("Saudi Arabia has reduced its backing of the Yemeni government.", "SANCTION"),
        ("Washington ended support for the Syrian rebels.", "SANCTION"),
    ],
)
def test_an_act_the_lexicon_now_names_is_coded(lexicon_only, text, kind):
    assert happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a medal is no citizenship
        ("The Kenyan athlete was stripped of his Olympic medal.", "SANCTION"),
        # floods and hardship drive nobody out in the political sense
        ("The floods displaced 5,000 families in Assam.", "SANCTION"),
        ("Economic hardship forced thousands of Zimbabweans to leave the country.", "SANCTION"),
        ("Thousands of displaced people live in camps near Goma.", "SANCTION"),
    ],
)
def test_a_look_alike_is_not_coded_as_that_act(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text


ANNOUNCED_WITHDRAWALS = [
    "Macron decided to withdraw French troops from Mali.",
    "The Ugandan president announced he was withdrawing his troops from Somalia.",
    "The White House announced that US troops would withdraw from Niger.",
    "Biden's decision to withdraw troops from Afghanistan angered allies.",
    "The planned withdrawal of French forces from Mali was announced last week.",
]


@pytest.mark.parametrize("text", ANNOUNCED_WITHDRAWALS)
def test_a_withdrawal_decided_or_announced_is_a_concession(lexicon_only, text):
    assert happened(lexicon_only, text, "CONCEDE"), text
    assert not happened(lexicon_only, text, "RETREAT"), text


@pytest.mark.parametrize("text", ANNOUNCED_WITHDRAWALS[:4])
def test_the_shipped_model_keeps_the_announced_withdrawal(pipeline, text):
    assert happened(pipeline, text, "CONCEDE"), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # under way or done: a RETREAT, no concession
        ("Kenya said its troops were withdrawing from the town.", "CONCEDE"),
        ("Ethiopian troops withdrew from the Eritrean border town on Monday.", "CONCEDE"),
        # a possibility or a condition, nobody's decision
        ("The US could withdraw its troops from Iraq, analysts said.", "CONCEDE"),
        ("Russia will withdraw its forces if Ukraine stops shelling.", "CONCEDE"),
        ("A potential US withdrawal from Niger has added urgency to the talks.", "CONCEDE"),
        # planning for a withdrawal someone else decides
        (
            "The Pentagon was told to plan for the withdrawal of US soldiers within 100 days.",
            "CONCEDE",
        ),
    ],
)
def test_a_withdrawal_nobody_announced_is_no_concession(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister said the Ugandan decision was unacceptable.",
        "Ghana called the Togolese raid illegal.",
        "The Tanzanian opposition described the arrests as a disgrace.",
        "“It is astounding and unacceptable that Kenya is arming the militia,” the Somali president said.",
        "A Kenyan spokesman said any such move would be unacceptable.",
    ],
)
def test_a_speaker_who_condemns_an_act_accuses(lexicon_only, text):
    assert happened(lexicon_only, text, "ACCUSE"), text


def test_the_condemned_act_is_still_coded(lexicon_only):
    assert happened(lexicon_only, "Ghana called the Togolese raid illegal.", "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        # denied, in the narrative's own voice, or said of nothing anybody did
        "The minister said the decision was not illegal.",
        "The conditions in the camp were appalling.",
        "The report said the drought was unacceptable for farmers.",
    ],
)
def test_no_condemnation_no_accusation(lexicon_only, text):
    assert not happened(lexicon_only, text, "ACCUSE"), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ugandan troops ousted the Congolese rebels from the border town of Bunagana.", "ASSAULT"),
        ("Malian soldiers drove the jihadist fighters out of Konna.", "ASSAULT"),
        ("The militants were driven out of Kismayo by Kenyan troops in 2012.", "ASSAULT"),
        ("The Somali army's campaign to oust the militants from Jilib has stalled.", "ASSAULT"),
        ("Burmese soldiers drove thousands of Rohingya villagers out of Rakhine.", "SANCTION"),
    ],
)
def test_an_enemy_driven_out_is_attacked_and_people_driven_out_are_expelled(
    lexicon_only, text, kind
):
    assert happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president drove from the airport to the state house.",
        "The party ousted its leader from the chairmanship.",
        "The Kenyan parliament ousted the prime minister in a vote.",
        "Burmese soldiers drove thousands of Rohingya villagers out of Rakhine.",
        "Ethiopia plans to attack the rebels.",
    ],
)
def test_travel_votes_expulsions_and_plans_are_no_attack(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


def test_a_call_for_something_is_a_demand_and_a_call_with_someone_a_phone_call(lexicon_only):
    text = "Ghana renewed its call for the Togolese president to step down."
    assert happened(lexicon_only, text, "REQUEST"), text
    text = "The Kenyan president had a call with the Ugandan leader on Monday."
    assert happened(lexicon_only, text, "CONSULT"), text
    assert not happened(lexicon_only, text, "REQUEST"), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Syrian government forces are massing around the north-western province.", "MOBILIZE"),
        (
            "Turkish forces are preparing to enter Idlib province to support rebel forces.",
            "MOBILIZE",
        ),
        ("Somali troops cornered the Shabaab fighters in a village near Kismayo.", "COERCE"),
        ("The rebels were hemmed in by Chadian troops near the border.", "COERCE"),
    ],
)
def test_forces_gathering_preparing_or_hemming_in_an_enemy(lexicon_only, text, kind):
    assert happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Investors amassed a fortune in Nairobi.", "MOBILIZE"),
        ("The Kenyan army is preparing to help flood victims.", "MOBILIZE"),
        ("Reporters cornered the Kenyan minister after the meeting.", "COERCE"),
    ],
)
def test_wealth_help_and_reporters_are_no_force(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text
