"""Fights that are no fighting (round 12, late precision): a fight named only to say how it stands
("the fight against the militants looks good on paper", "the war is all but over", "has been
won") and a verb of fighting in the infinitive that names a role or a mission ("armed to fight",
"used as proxies to fight", "let them fight") are no ASSAULT; fighting told as it happens stays.
Sentences of our own, with the lexicon alone (the trained model is not asked)."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The long fight against Boko Haram looks promising on paper, but the militants still hold the forest.",
        "The Kenyan war with al-Shabaab appears all but over.",
        "The fight against al-Shabaab is far from over, the Kenyan defence minister said.",
        "The Nigerian president believes the fight against Boko Haram has been won.",
    ],
)
def test_a_fight_whose_state_is_told_is_no_attack(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting between Kenyan troops and al-Shabaab erupted near the border on Monday.",
        "The Kenyan army's fight against al-Shabaab slowed after the election.",
    ],
)
def test_a_fight_that_happens_is_still_an_attack(lexicon_only, text):
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Cameroon trained local hunters to fight Boko Haram.",
        "Nigeria has used local militias as proxies to fight Boko Haram in the north-east.",
        "The militia has continued to fight the Malian army in the north.",
        "The Kenyan army continues to battle al-Shabaab in the south, the minister said.",
    ],
)
def test_a_fight_given_as_a_role_is_no_attack(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops fought al-Shabaab militants near the border on Monday.",
        "Kenyan troops began to fight al-Shabaab militants near the border on Monday.",
        "Kenyan troops are fighting al-Shabaab militants near the border.",
    ],
)
def test_fighting_told_is_still_an_attack(lexicon_only, text):
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan withdrawal would leave Somali villages vulnerable to al-Shabaab attacks.",
        "The camps remain open to a Somali assault.",
    ],
)
def test_an_attack_one_is_left_open_to_is_a_risk(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


def test_an_attack_one_was_subjected_to_is_told(lexicon_only):
    text = "The Somali town was subjected to an al-Shabaab attack on Monday."
    assert happened(lexicon_only, text, "ASSAULT"), text


def test_shooting_oneself_attacks_nobody(lexicon_only):
    text = "The Kenyan soldier shot himself to avoid capture by al-Shabaab in 2016."
    assert not happened(lexicon_only, text, "ASSAULT"), text


def test_a_shot_at_another_is_an_attack(lexicon_only):
    text = "The Kenyan soldier shot the al-Shabaab commander near the border."
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister clashed with the Ugandan president over the border.",
        "The Nigerian senator clashed with the president's assessment of the economy.",
    ],
)
def test_a_clash_of_office_holders_is_words(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text
    assert happened(lexicon_only, text, "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police clashed with protesters in Nairobi on Tuesday.",
        "Kenyan troops clashed with Somali militants near the border on Tuesday.",
    ],
)
def test_a_clash_of_armed_men_is_still_an_attack(lexicon_only, text):
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan sergeant had previously fought in Somalia and South Sudan.",
        "Nigerian volunteers fought in the Liberian civil war.",
        "The Ugandan colonel fought in Congo in 1998 before he joined the government.",
        "British volunteers fought for the Kurdish militia in 2017.",
    ],
)
def test_a_fight_that_names_nobody_fought_is_service(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan sergeant had previously fought against al-Shabaab in Somalia.",
        "Kenyan troops fought to drive al-Shabaab out of the town.",
        "Kenyan troops and Somali militants fought for the town on Monday.",
        "Kenyan troops fought back near the border on Monday.",
    ],
)
def test_a_fight_with_a_side_named_is_still_an_attack(lexicon_only, text):
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the camps had become a base for attacks on Kenyan troops.",
        "Al-Shabaab used the camps as a screen for new attacks on Kenyan troops.",
    ],
)
def test_an_attack_something_is_for_is_not_told_as_done(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


def test_an_attack_claimed_is_still_told(lexicon_only):
    text = "Al-Shabaab claimed responsibility for the attack on Kenyan troops in Lamu."
    assert happened(lexicon_only, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president fired his defence minister, Raychelle Omamo, on Tuesday.",
        "Raychelle Omamo, who was fired by the Kenyan president last week, said nothing.",
    ],
)
def test_firing_a_minister_is_a_sacking(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


def test_firing_at_a_minister_is_a_shot(lexicon_only):
    text = "Al-Shabaab gunmen fired at the Kenyan defence minister, Raychelle Omamo, in Lamu."
    assert happened(lexicon_only, text, "ASSAULT"), text
