"""Round 21, the cooperative types (coop21; issue 13): general word senses that are not acts,
and constructions of cooperation the coder did not read. Sentences of our own.

- Talks between two organs of one state (a senator and the vice-president, two ministers) are
  the state's own counsel, no CONSULT (``coder._deliberation``); talks with another state's
  officials, or a minister meeting the state's own troops, stay.
- Liaising with someone is talking with them (``consult-talk``).
- Conceding that something is so owns up to a fact, no concession (``coder._fact_admitted``);
  conceding to demands, or conceding defeat, stays a CONCEDE.
- An account or a figure borne out ("this account was supported by officials") backs no one.
- A position yielded ("concedes Museveni will remain in power") stays a CONCEDE.
- Backing, partnering or cooperating told with an adverb of duration or habit ("has long
  partnered", "had previously backed") is a relation described, no act
  (``coder._standing_relation``).
- Arming another's forces is military aid (``aid-arm``); the noun "arm" is none. Diplomatic
  links restored are ties restored (``support-establish-ties``).
- Bringing one's troops home or back withdraws them (``retreat-bring-home``), and announced
  it is conceded; an order "for" a withdrawal decides it (``coder._announced_withdrawal``).
- Acting "in coordination with" someone cooperates with them (``cooperate-coordination``).
- A journey told as the time of another act ("before arriving in Kampala") or to where a
  meeting told took place ("travelled on to Kampala, where he met ...") is no visit of its own
  (``coder._arrival_as_setting``).
"""

from __future__ import annotations

import pytest

from coded import coded_types, country_pairs

pytestmark = pytest.mark.slow

DATE = "2021-05-10"


@pytest.mark.parametrize(
    "text",
    [
        "A Kenyan senator told reporters after meeting with the Kenyan vice-president.",
        "The Kenyan senator says he still talks to the president of Kenya every week.",
        "The Kenyan foreign minister said he was talking to the finance minister, Ukur Yatani.",
    ],
)
def test_talks_between_organs_of_one_state_are_no_consult(coder, text):
    assert "CONSULT" not in coded_types(coder, text)


def test_talks_with_another_states_leader_or_own_troops_stay(coder):
    assert ("KEN", "UGA") in country_pairs(
        coder, "Kenyatta met the Ugandan president in Nairobi.", "CONSULT"
    )
    text = "The Kenyan foreign minister met Kenyan troops in Somalia."
    assert "CONSULT" in coded_types(coder, text)


def test_liaising_with_someone_is_talks(lexicon_only):
    text = "Kenyan officials liaised with the Ugandan authorities on his behalf."
    assert ("KEN", "UGA") in country_pairs(lexicon_only, text, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army has conceded that the offensive has crippled efforts against al-Shabaab.",
        "Yet as the Kenyan foreign minister conceded in Nairobi in 2015, it was a mistake.",
        "The Kenyan minister conceded the war had been a mistake.",
    ],
)
def test_a_fact_conceded_is_no_concession(coder, text):
    assert "CONCEDE" not in coded_types(coder, text)


def test_demands_or_defeat_conceded_stay_concessions(coder):
    assert "CONCEDE" in coded_types(
        coder, "The Bolivian government conceded to the miners' demands."
    )
    text = "The Kenyan government conceded defeat in the border dispute with Uganda."
    assert "CONCEDE" in coded_types(coder, text)


def test_an_account_borne_out_backs_no_one(coder):
    assert "SUPPORT" not in coded_types(
        coder, "This account was supported by senior Kenyan officials."
    )
    text = "The Kenyan government supported the Somali army."
    assert ("KEN", "SOM") in country_pairs(coder, text, "SUPPORT")


def test_a_position_yielded_stays_a_concession(coder):
    text = "The Kenyan government concedes Museveni will remain in power in Uganda."
    assert "CONCEDE" in coded_types(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The US has long partnered with Kenyan forces in the battle against al-Shabaab.",
        "Ethiopia and Kenya had previously backed the Somali militia.",
    ],
)
def test_a_standing_relation_is_no_act(coder, text):
    types = coded_types(coder, text)
    assert "COOPERATE" not in types and "SUPPORT" not in types


def test_once_as_a_time_clause_keeps_the_act(lexicon_only):
    text = "Once Kenya backed the Ugandan bid, Tanzania withdrew its own."
    assert "SUPPORT" in coded_types(lexicon_only, text)


def test_arming_anothers_forces_is_aid(lexicon_only):
    text = "The Ethiopian government directly armed the Somali militia."
    assert ("ETH", "SOM") in country_pairs(lexicon_only, text, "AID")


@pytest.mark.parametrize(
    "text",
    [
        "Somali militants armed with rifles stormed the Kenyan hotel.",
        "Nairobi says the militia is the Somali arm of a terror group.",
        "The militia and its political arms have been accused of abuses in Kenya.",
    ],
)
def test_no_one_armed_or_the_noun_arm_is_no_aid(coder, text):
    types = coded_types(coder, text)
    assert "AID" not in types and "AGREE" not in types


def test_diplomatic_links_restored_are_ties(lexicon_only):
    text = "Somalia has restored diplomatic links with Kenya."
    assert ("SOM", "KEN") in country_pairs(lexicon_only, text, "SUPPORT")


@pytest.mark.parametrize(
    "text",
    [
        "Kenyatta announced he was bringing the troops home from Somalia.",
        "Kenyatta's order for a full withdrawal of 2,000 Kenyan troops from Somalia left officials"
        " scrambling.",
    ],
)
def test_a_withdrawal_announced_or_ordered_is_conceded(coder, text):
    assert ("KEN", "SOM") in country_pairs(coder, text, "CONCEDE")


def test_people_brought_back_are_no_withdrawal(coder):
    text = "Kenyan soldiers brought back two Somali prisoners from the border."
    types = coded_types(coder, text)
    assert "CONCEDE" not in types and "RETREAT" not in types


def test_acting_in_coordination_with_someone_cooperates(coder):
    text = "The Kenyan army struck the camp in coordination with Somalia."
    assert ("KEN", "SOM") in country_pairs(coder, text, "COOPERATE")


def test_a_lack_of_coordination_is_no_cooperation(coder):
    text = "There was a lack of coordination between Kenyan ministries."
    assert "COOPERATE" not in coded_types(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan envoy, before arriving in Kampala, had directly contradicted the president.",
        "After Somalia, Kenyatta travelled on to Kampala, where he met Uganda's president Yoweri"
        " Museveni.",
    ],
)
def test_a_journey_as_a_setting_or_a_meetings_visit_is_no_visit_of_its_own(coder, text):
    assert not [
        e
        for e in coder.code_text(text, date=DATE).events
        if e.event == "CONSULT" and e.trigger.text in {"arriving", "travelled"}
    ]


def test_a_journey_told_is_a_visit(coder):
    text = "Kenyatta travelled to Kampala on Monday."
    assert ("KEN", "UGA") in country_pairs(coder, text, "CONSULT")
