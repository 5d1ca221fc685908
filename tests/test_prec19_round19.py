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
        # charges dropped are a prosecution given up (PLOVER RETREAT: legal restrictions eased),
        # not an accusation made then (round 21, retreat-drop-charges)
        ("Kenya dropped the charges against the Ugandan journalists.", "RETREAT"),
        ("The Kenyan prosecutor brought charges against two Ugandan officials.", "ACCUSE"),
    ],
)
def test_pleading_with_a_state_and_laying_charges_stay(pipeline, text, event):
    assert happened(pipeline, text, event)
