"""Round 20, recall of material acts (recall20b; issue 13): acts of force the coder missed out
of fold because no lexicon entry read their construction. Sentences of our own.

- A place that "fell to" armed men was taken by them (``assault-fall-to``): who took it is the
  source, the place the target; a figure or a duty that falls to someone is no act.
- Using people as human shields is violence done to them (``assault-human-shield``).
- Turning one's guns on someone is firing on them (``assault-turn-guns``).
- Armed men holding off an enemy force beat back its attack (``assault-hold-off``).
- "opened fire near the border" is shots, not a border opened (``retreat-access``).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DATE = "2021-05-10"


def _pairs(pipeline, text: str, event: str) -> list[tuple[str | None, str | None]]:
    return sorted(
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in pipeline.code_text(text, date=DATE).events
        if e.event == event and not e.negated
    )


def _types(pipeline, text: str) -> set[str]:
    return {e.event for e in pipeline.code_text(text, date=DATE).events if not e.negated}


def test_a_town_fallen_to_troops_was_taken_by_them(coder):
    text = "The Somali port of Kismayo fell to Kenyan troops on Sunday."
    assert ("KEN", "SOM") in _pairs(coder, text, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices fell to their lowest level in a year.",
        "Responsibility for the talks fell to the Kenyan foreign minister.",
        "The ruling party fell to third place in the Kenyan polls.",
        "Turnout fell to 40% in the Ugandan capital.",
        "The Kenyan border town has fallen victim to the drought.",
    ],
)
def test_a_figure_or_a_duty_falling_to_someone_is_no_attack(coder, text):
    assert "ASSAULT" not in _types(coder, text)


def test_people_used_as_human_shields_were_assaulted(coder):
    text = "Somali militants used Kenyan villagers as human shields."
    assert ("SOM", "KEN") in _pairs(coder, text, "ASSAULT")


def test_guns_turned_on_people_fire_on_them(lexicon_only):
    text = "Ethiopian soldiers turned their guns on Eritrean refugees near the border."
    assert ("ETH", "ERI") in _pairs(lexicon_only, text, "ASSAULT")


def test_an_enemy_held_off_was_fought(lexicon_only):
    text = "Malian troops held off the jihadist fighters near Sevare."
    assert any(s == "MLI" for s, _ in _pairs(lexicon_only, text, "ASSAULT"))


def test_fire_opened_near_a_border_is_no_border_opened(coder):
    text = "Israeli soldiers opened fire on Palestinian protesters near the Gaza border."
    assert "RETREAT" not in _types(coder, text)
    assert ("ISR", "PSE") in _pairs(coder, text, "ASSAULT")
