"""Round 19, precision (prec19): false events read out of fold on the real training articles
(docs/accuracy.md, "Round 19: precision"). Each test is a sentence of our own that a general
rule must code as the coding guide does, next to one that must keep its old coding."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


def pairs(events) -> list[tuple[str | None, str | None]]:
    """(source country, target country) of each event, sorted."""
    return sorted(
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ghana and Togo agreed on Monday to reopen the border.", "AGREE"),
        ("Kenya and Tanzania held talks in Arusha on Friday.", "CONSULT"),
        ("The Kenyan and Ugandan delegations met in Kampala on Tuesday.", "CONSULT"),
        ("Peru and Chile reached an agreement on fishing rights on Monday.", "AGREE"),
    ],
)
def test_a_reciprocal_act_of_two_parties_is_one_record(pipeline, text, event):
    # the coding guide: "A and B agreed" is one record, source A, target B
    found = happened(pipeline, text, event)
    assert len(found) == 1, pairs(found)
    assert found[0].source is not None and found[0].target is not None


def test_one_reciprocal_record_runs_from_the_first_party(pipeline):
    agreed = happened(pipeline, "Ghana and Togo agreed on Monday to reopen the border.", "AGREE")
    assert pairs(agreed) == [("GHA", "TGO")]


def test_a_fight_of_two_named_sides_stays_one_record_each_way(pipeline):
    # the coding guide: several actors of one act of force, one record per acting side
    fought = happened(pipeline, "Ethiopia and Eritrea fought a two-year war in 1998.", "ASSAULT")
    assert pairs(fought) == [("ERI", "ETH"), ("ETH", "ERI")]


def test_a_meeting_with_a_third_party_keeps_one_record_per_pair(pipeline):
    met = happened(pipeline, "Kenya, Uganda and Tanzania held talks in Arusha.", "CONSULT")
    assert pairs(met) == [("KEN", "TZA"), ("KEN", "UGA")]


@pytest.mark.parametrize(
    "text",
    [
        "Uganda sent aid to Somalia on Sunday. The leaders of Kenya and Uganda agreed on Monday "
        "to reopen the border.",
        "Theresa May chaired a cabinet meeting on Monday. Donald Trump and Theresa May spoke on "
        "the phone on Thursday evening and agreed to work closely.",
    ],
)
def test_the_party_named_first_is_the_source(pipeline, text):
    # the coding guide: "A and B agreed" is source A, target B, in the sentence's own order,
    # whoever was named earlier in the story
    events = [e for e in pipeline.code_text(text, date="2021-05-10").events if e.sentence == 1]
    first = "KEN" if "Kenya" in text else "USA"
    assert {
        (e.source.country, e.target.country) for e in events if e.event in {"AGREE", "CONSULT"}
    } == {(first, "UGA" if first == "KEN" else "GBR")}


@pytest.mark.parametrize(
    "text",
    [
        "Two Kenyan doctors were struck off the medical register for faking staff records.",
        "The blast wave shot past the walls of the Somali army barracks.",
        "Hundreds of al-Shabaab recruits, most of them fired by religious zeal, have moved into "
        "the area.",
    ],
)
def test_a_word_of_force_in_an_idiom_or_of_a_feeling_is_no_attack(pipeline, text):
    # the coding guide: metaphors and non-political acts are no events ("struck off" a register
    # is a professional sanction, "shot past" a motion, "fired by zeal" a feeling)
    assert not happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops shot two al-Shabaab fighters near the border.",
        "Rockets fired by al-Shabaab fighters hit the Somali army base.",
    ],
)
def test_shooting_and_firing_at_people_stay_attacks(pipeline, text):
    assert happened(pipeline, text, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Kenyan lawyer pleaded not guilty to the charge of spying for Uganda.", "REQUEST"),
        ("Two Ugandan women plead their innocence in a Kenyan court.", "REQUEST"),
        ("The Kenyan commander took charge of the battalions in the north.", "ACCUSE"),
        ("The Kenyan general is in sole charge of the army these days.", "ACCUSE"),
    ],
)
def test_a_plea_in_court_or_a_command_is_no_act_on_anyone(pipeline, text, event):
    # a plea in court asks nobody for anything; "in charge" is a command, not an accusation
    assert not happened(pipeline, text, event)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The minister pleaded with Uganda to open the border.", "REQUEST"),
        ("Kenya dropped the charges against the Ugandan journalists.", "ACCUSE"),
        ("The Kenyan prosecutor brought charges against two Ugandan officials.", "ACCUSE"),
    ],
)
def test_pleading_with_a_state_and_laying_charges_stay(pipeline, text, event):
    assert happened(pipeline, text, event)
