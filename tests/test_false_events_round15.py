"""False attacks on real news (round 15, assault31): idioms of force that hurt nobody. Each
test is a sentence of our own that a general rule must not code as an ASSAULT, next to one it
must still code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def assault_triggers(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return [e.trigger.text for e in events if e.event == "ASSAULT" and not e.negated]


@pytest.mark.parametrize(
    "text",
    [
        '"The Kenyan opposition leaders who stabbed us in the back cannot stop the reform," the '
        "Kenyan president said.",
        "The Ethiopian government said Eritrea had stabbed Ethiopia in the back.",
        "Malian rebel leaders have taken refuge in the Algerian town of Tamanrasset.",
        "A serious blow has been struck against al-Shabaab in Somalia, the Kenyan president said.",
        "The Somali conflict hit home in Kenya last year.",
    ],
)
def test_an_idiom_of_force_is_no_attack(coder, text):
    assert assault_triggers(coder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A Somali militant stabbed a Kenyan policeman in the back in Mombasa.",
        "Ugandan troops took the Somali town of Baidoa.",
        "Nigerian jets hit Boko Haram camps near the border on Tuesday.",
    ],
)
def test_the_same_verbs_of_force_stay_attacks(coder, text):
    assert assault_triggers(coder, text) != []
