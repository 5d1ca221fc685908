"""Acts nobody did: deaths nobody is said to have caused (a hazard as the killer, or a count
of the dead with no attacker and no attack in its sentence), and forecasts denied, which are no
refusals (sentences of our own)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def assaults(pipeline, text):
    events = pipeline.code_text(text, date="2024-03-14").events
    return [e for e in events if e.event == "ASSAULT" and not e.negated]


def test_a_hazard_that_kills_is_no_attack(pipeline):
    assert not assaults(pipeline, "A fire in the camp killed three children on Sunday.")
    assert not assaults(pipeline, "Floods killed dozens of people in northern Ghana last week.")


def test_a_casualty_count_without_an_attack_is_no_act(pipeline):
    for text in (
        "At least 30 people were killed and 50 injured, the ministry said.",
        "More than 200 civilians have been killed since January.",
    ):
        assert not assaults(pipeline, text), text


def test_deaths_with_an_attacker_or_an_attack_are_still_coded(pipeline):
    for text in (
        "Three soldiers were killed by rebels near Goma.",
        "The Congolese army killed 12 rebels near Goma on Sunday.",
        "At least 30 people were killed in an air strike on the market on Sunday.",
        "Two people were killed when gunmen opened fire on a bus in Kaduna.",
        "Dozens of villagers were killed in clashes between herders and farmers.",
        "A journalist was killed in Mogadishu on Friday.",
    ):
        assert assaults(pipeline, text), text


def test_a_denied_forecast_is_no_refusal(pipeline):
    def rejects(text):
        events = pipeline.code_text(text, date="2024-03-14").events
        return [e for e in events if e.event == "REJECT" and not e.negated]

    assert not rejects("The Kenyan delegation is not due to visit Kampala until March.")
    assert not rejects("Tanzania is unlikely to join the talks in Nairobi.")
    # the actor's own will is a refusal
    assert rejects("Uganda said it would not attend the summit in Nairobi.")
    assert rejects("Ghana is not willing to sign the trade deal with Togo.")
