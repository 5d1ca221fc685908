"""Round 20, recall of material acts (recall20b; issue 13): acts of force the coder missed out
of fold because no lexicon entry read their construction. Sentences of our own.

- A place that "fell to" armed men was taken by them (``assault-fall-to``): who took it is the
  source, the place the target; a figure or a duty that falls to someone is no act.
- Using people as human shields is violence done to them (``assault-human-shield``).
- Turning one's guns on someone is firing on them (``assault-turn-guns``).
- Armed men holding off an enemy force beat back its attack (``assault-hold-off``).
- "opened fire near the border" is shots, not a border opened (``retreat-access``).
- A campaign launched, waged or started is an act of force unless its words make it one of
  votes, words or care, or its author is no armed body (``assault-launch-campaign``); an
  operation "started" is launched (``assault-launch``); a regime or a coalition "took over" a
  city as armed units do (``assault-take-over``).
- Armed forces readying for an offensive, or units positioned somewhere, mobilise
  (``mobilize-prepare-for``, ``mobilize-position``).
"""

from __future__ import annotations

import pytest

from coded import coded_types, country_pairs

pytestmark = pytest.mark.slow


def test_a_town_fallen_to_troops_was_taken_by_them(coder):
    text = "The Somali port of Kismayo fell to Kenyan troops on Sunday."
    assert ("KEN", "SOM") in country_pairs(coder, text, "ASSAULT")


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
    assert "ASSAULT" not in coded_types(coder, text)


def test_people_used_as_human_shields_were_assaulted(coder):
    text = "Somali militants used Kenyan villagers as human shields."
    assert ("SOM", "KEN") in country_pairs(coder, text, "ASSAULT")


def test_guns_turned_on_people_fire_on_them(lexicon_only):
    text = "Ethiopian soldiers turned their guns on Eritrean refugees near the border."
    assert ("ETH", "ERI") in country_pairs(lexicon_only, text, "ASSAULT")


def test_an_enemy_held_off_was_fought(lexicon_only):
    text = "Malian troops held off the jihadist fighters near Sevare."
    assert any(s == "MLI" for s, _ in country_pairs(lexicon_only, text, "ASSAULT"))


def test_fire_opened_near_a_border_is_no_border_opened(coder):
    text = "Israeli soldiers opened fire on Palestinian protesters near the Gaza border."
    assert "RETREAT" not in coded_types(coder, text)
    assert ("ISR", "PSE") in country_pairs(coder, text, "ASSAULT")


def test_a_military_campaign_launched_is_an_attack(coder):
    text = "Nigeria launched a military campaign against Boko Haram militants in Borno."
    assert "ASSAULT" in coded_types(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition launched an election campaign in Nairobi.",
        "The Ugandan government launched a vaccination campaign in Kampala.",
        "Kenyan activists launched a campaign to free the jailed Ugandan journalist.",
    ],
)
def test_a_campaign_of_votes_words_or_care_is_no_attack(lexicon_only, text):
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_an_operation_started_against_forces_is_an_attack(lexicon_only):
    text = "Ethiopia started the operation against Tigrayan forces on Wednesday."
    assert any(s == "ETH" for s, _ in country_pairs(lexicon_only, text, "ASSAULT"))


def test_a_regime_taking_over_a_city_seizes_it(lexicon_only):
    text = "The Syrian regime took over the city of Aleppo on Sunday."
    assert any(s == "SYR" for s, _ in country_pairs(lexicon_only, text, "ASSAULT"))


def test_a_government_taking_over_a_railway_seizes_nothing(coder):
    text = "The Kenyan government took over the running of the Ugandan railway."
    assert "ASSAULT" not in coded_types(coder, text)


def test_troops_readying_for_an_offensive_mobilise(lexicon_only):
    text = "Ethiopian troops were preparing for an assault on the Tigrayan capital."
    assert any(s == "ETH" for s, _ in country_pairs(lexicon_only, text, "MOBILIZE"))


def test_people_bracing_for_an_attack_mobilise_nothing(coder):
    text = "Residents of the Kenyan town were bracing for an attack by Somali militants."
    assert "MOBILIZE" not in coded_types(coder, text)


def test_units_positioned_are_deployed(lexicon_only):
    text = "Uganda positioned troops along its border with South Sudan."
    assert "MOBILIZE" in coded_types(lexicon_only, text)


def test_refugees_or_an_embassy_moved_are_no_deployment(coder):
    for text in (
        "The Kenyan government moved the refugees to a new camp.",
        "Kenya moved its embassy to Jerusalem.",
        "Kenyan drones moved slowly beneath the Somali jets.",
    ):
        assert "MOBILIZE" not in coded_types(coder, text), text
