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


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president said Isis was being beaten badly on every level.",
        "Though beaten militarily, al-Shabaab still controls much of rural Somalia.",
    ],
)
def test_a_defeat_claimed_is_no_beating(coder, text):
    assert assault_triggers(coder, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police beat the protesters in Nairobi.",
        "The Somali captives said they were beaten by the militants.",
    ],
)
def test_a_beating_of_people_stays(coder, text):
    assert assault_triggers(coder, text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Killing the rebel leader had been a priority of the Colombian army.",
        "Retaking Kidal would not be easy for the Malian army.",
        "Attacking the rebel camps will be the Colombian army's next task.",
    ],
)
def test_an_act_as_the_subject_of_a_goal_or_forecast_is_not_told(coder, text):
    assert assault_triggers(coder, text) == []


def test_an_act_told_before_a_gerund_stays(coder):
    text = "Malian troops killed the rebel leader after capturing Kidal."
    assert "killed" in assault_triggers(coder, text)


def test_a_count_of_the_dead_with_no_attacker_is_no_attack(coder):
    assert assault_triggers(coder, "There have been 300 Somali civilians killed this year.") == []


@pytest.mark.parametrize(
    "text",
    [
        "There have been up to 500 civilians killed in Saudi airstrikes in Yemen.",
        "He was the fifth Kenyan soldier killed while serving in Somalia.",
        "Four aid workers kidnapped in Mogadishu by al-Shabaab were freed on Monday.",
    ],
)
def test_a_death_with_its_attack_or_one_person_named_stays(coder, text):
    assert assault_triggers(coder, text) != []


def counted_types(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return sorted(
        e.event for e in events if not e.negated and e.modality in {"asserted", "historical"}
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan opposition leaders face charges that could see them executed.",
        "Arming the rebels could also lead to renewed fighting between the Sudanese army and "
        "the rebels.",
        "Before joining the government, the Nigerian minister advocated air strikes against "
        "Boko Haram camps.",
    ],
)
def test_an_attack_forecast_or_advocated_is_not_told(coder, text):
    assert "ASSAULT" not in counted_types(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The arrest of the rebel leader led to fighting between the Sudanese army and the rebels.",
        "Witnesses saw Ethiopian soldiers attack the Eritrean border post.",
    ],
)
def test_an_attack_that_followed_or_was_seen_stays(coder, text):
    assert "ASSAULT" in counted_types(coder, text)


def test_a_count_of_places_bombed_is_an_attack_not_a_toll(coder):
    text = "Up to 12 Syrian clinics have been bombed in the past three days."
    assert assault_triggers(coder, text) == ["bombed"]


def test_a_count_of_the_dead_with_no_act_named_stays_no_attack(coder):
    assert assault_triggers(coder, "At least 10 Somali civilians were killed and 45 injured.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The presence of French troops prevents Malian rebels from attacking Gao.",
        "The Nigerian army is weeks away from capturing the last Boko Haram stronghold.",
        "Somali women said their sons were afraid of being attacked by al-Shabaab on the way "
        "to school.",
    ],
)
def test_an_attack_prevented_not_yet_done_or_feared_is_not_told(coder, text):
    assert "ASSAULT" not in counted_types(coder, text)


def test_an_attack_before_an_arrest_stays(pipeline):
    text = "The Kenyan soldier was arrested after attacking a Somali policeman."
    assert "ASSAULT" in counted_types(pipeline, text)


def test_picking_a_fight_is_a_quarrel_not_an_attack(coder):
    text = "The Turkish president has picked a fight with Greece in recent weeks."
    assert assault_triggers(coder, text) == []


def test_a_battle_fought_stays_an_attack(coder):
    text = "Ugandan troops fought a battle with the rebels near Kasese."
    assert assault_triggers(coder, text) != []
