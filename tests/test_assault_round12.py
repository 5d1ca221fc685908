"""Acts of force the coder used to code too few of (round 12, ASSAULT): a fight the words tell as
mutual ("clashed with", "exchanged fire with", "fighting between X and Y") is each side's act on
the other, one record each way (the coding guide: one record per acting side); a fight one side
wages on another ("fought the militants", "returned fire on") stays one record. Sentences of our
own, with the lexicon alone (the trained model is not asked)."""

from __future__ import annotations

import pytest

from coded import dyads, happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Kenyan troops clashed with Somali militants near the border on Tuesday.",
            {("KEN", "SOM"), ("SOM", "KEN")},
        ),
        (
            "Ugandan soldiers exchanged fire with Kenyan police at the border.",
            {("UGA", "KEN"), ("KEN", "UGA")},
        ),
        (
            "The clash between Kenyan troops and Somali militants left four dead.",
            {("KEN", "SOM"), ("SOM", "KEN")},
        ),
        (
            "Fighting between Ethiopian troops and Eritrean forces broke out on Monday.",
            {("ETH", "ERI"), ("ERI", "ETH")},
        ),
    ],
)
def test_a_mutual_fight_is_coded_both_ways(lexicon_only, text, pairs):
    assert dyads(happened(lexicon_only, text, "ASSAULT")) == pairs, text


def test_each_side_a_force_clashed_with_is_its_own_record(lexicon_only):
    text = "Kenyan troops clashed with Somali militants and Ethiopian forces near the border."
    found = dyads(happened(lexicon_only, text, "ASSAULT"))
    assert {("SOM", "KEN"), ("ETH", "KEN")} <= found, found
    assert ("KEN", "SOM") in found or ("KEN", "ETH") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops fought the Somali militants near the border.",
        "Kenyan troops returned fire on the Somali militants.",
        "Kenyan troops attacked the Somali militants near the border.",
    ],
)
def test_a_fight_one_side_wages_is_one_record(lexicon_only, text):
    records = happened(lexicon_only, text, "ASSAULT")
    assert dyads(records) == {("KEN", "SOM")}, text
    assert len(records) == 1, text


def test_a_clash_in_a_place_is_not_turned_round(lexicon_only):
    # the place where a clash happened fought nobody
    text = "Kenyan police clashed with protesters in Nairobi."
    found = happened(lexicon_only, text, "ASSAULT")
    assert not any(e.source is not None and e.source.text == "Nairobi" for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        # one mention read as both sides is one record each way already, not four
        "A direct clash between Turkish and Syrian government forces broke out on Monday.",
        # a row between officials is no fight to turn round
        "The Kenyan ambassador clashed with the Ugandan president over the border.",
        # a war between two states is a state of affairs, not a clash told both ways
        "Analysts describe it as a proxy war between Kenya and Ethiopia.",
    ],
)
def test_no_second_record_where_nobody_fought_back(lexicon_only, text):
    assert len(happened(lexicon_only, text, "ASSAULT")) <= 1, text


# An attack named by a noun with its attacker in its own words stays an act of its own inside
# what someone blames, condemns, praises or backs: the attack happened too.
@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Kenya strongly criticised the Ethiopian invasion of northern Somalia.", "ETH"),
        ("Ugandan students praised the Kenyan incursion last week.", "KEN"),
        ("Kenya condemned the Shabaab attack on the hospital.", "SOM"),
        ("The government blamed the Somali rebels for the attack on the hotel.", "SOM"),
    ],
)
def test_an_attack_someone_judges_happened(lexicon_only, text, attacker):
    found = happened(lexicon_only, text, "ASSAULT")
    assert any(e.source is not None and e.source.country == attacker for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        # the judge is not the attacker: with no attacker named, nothing is said of who did it
        "Kenya condemned the attack on the hospital in Mogadishu.",
        # a denial may say it never happened
        "Russia denied the airstrike on the market.",
        # an allegation told by a verb is what is alleged, not an attack told as done
        "The minister accused Ethiopia of attacking the town.",
    ],
)
def test_no_attack_by_the_judge_or_in_a_denial(lexicon_only, text):
    found = happened(lexicon_only, text, "ASSAULT")
    speaker = text.split()[0]
    assert not any(e.source is not None and e.source.text == speaker for e in found), found
    if "denied" in text or "accused" in text:
        assert not found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army backed the militia's war against the rebels.",
        "Kenya praised the militia's battle against the rebels.",
    ],
)
def test_a_war_someone_backs_is_whose_side_not_an_attack_told(lexicon_only, text):
    assert not happened(lexicon_only, text, "ASSAULT"), text


# An act noun whose "by" phrase the parser hung beside it, on the measure noun in front ("dozens
# of attacks by the regime") or on the object of the act's "of" phrase ("the bombardment of the
# enclave by Ethiopian planes"), still names its attacker.
@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Investigators looked into a series of airstrikes by the Kenyan army last year.", "KEN"),
        ("The bombardment of the enclave by Ethiopian planes was the most extensive yet.", "ETH"),
        ("There have been dozens of attacks by Ugandan troops since 2013.", "UGA"),
    ],
)
def test_a_by_phrase_hung_beside_the_act_names_the_attacker(lexicon_only, text, attacker):
    found = happened(lexicon_only, text, "ASSAULT")
    assert any(e.source is not None and e.source.country == attacker for e in found), found


def test_a_by_phrase_of_place_names_no_attacker(lexicon_only):
    text = "The shelling of the village by the river killed six people."
    found = happened(lexicon_only, text, "ASSAULT")
    assert not any(e.source is not None and "river" in e.source.text for e in found), found


# A fight beside an ally is an attack when its purpose clause names the enemy ("fought alongside
# the SDF to oust Isis"): the enemy is its target, not the ally; with no enemy named it still
# says only whose side someone is on.
def test_a_fight_beside_an_ally_to_oust_an_enemy_is_an_attack_on_the_enemy(lexicon_only):
    text = (
        "Kenyan troops have fought alongside Somali government forces to oust the militants "
        "from the port."
    )
    found = happened(lexicon_only, text, "ASSAULT")
    fought = [e for e in found if e.trigger.text == "fought"]
    assert fought, found
    assert all(e.source is not None and e.source.country == "KEN" for e in fought), fought
    assert not any(e.target is not None and e.target.country == "SOM" for e in fought), fought


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops have fought alongside Somali government forces for three years.",
        "Kenyan volunteers fought alongside the militia to defend their homes.",
    ],
)
def test_a_fight_beside_an_ally_with_no_enemy_is_no_attack(lexicon_only, text):
    assert not [e for e in happened(lexicon_only, text, "ASSAULT") if e.trigger.text == "fought"]


def test_the_ally_is_no_target_where_the_enemy_is_named(lexicon_only):
    text = "Kenyan troops fought alongside Somali government forces against the militants."
    found = happened(lexicon_only, text, "ASSAULT")
    assert found, found
    assert not any(e.target is not None and e.target.country == "SOM" for e in found), found
