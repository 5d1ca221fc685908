"""Round 12, accusations (issue 13): verbal hostile acts the coder missed.

- A hostile act a speaker *claims* someone else did ("Athens claimed Turkish jets had shelled
  the island") is the speaker's ACCUSE (allege) of the doer, besides the act itself; not when
  the doer is the speaker's own state organ, nobody is named doing it, or the verb is a plain
  "said" (news reported, not an allegation): events/extract/coder.py, ``_alleged``.
- A tie to an armed group said of someone ("Ankara says the militia is the Syrian arm of a terror
  group", "said the fighters are linked to the PKK") is the speaker's ACCUSE of whom it ties; a
  view ("regards X as an extension of the PKK") and a tie to no armed group accuse nobody:
  events/extract/triggers.py, ``_tied_to_armed_group``.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coded import dyads

pytestmark = pytest.mark.slow


def _accusations(pipeline, text: str) -> list:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [e for e in events if e.event == "ACCUSE" and not e.negated]


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("The Greek government claimed Turkish jets had shelled the island.", ("GRC", "TUR")),
        (
            "Lithuania insisted that Belarusian guards had detained its border officials.",
            ("LTU", "BLR"),
        ),
        (
            "The Ukrainian foreign minister claimed Russian troops had bombed the hospital.",
            ("UKR", "RUS"),
        ),
    ],
)
def test_a_hostile_act_claimed_of_another_is_the_speakers_accusation(coder, text, dyad):
    assert dyad in dyads(_accusations(coder, text)), text


def test_the_claimed_act_is_still_coded_with_its_own_actors(lexicon_only):
    events = lexicon_only.code_text(
        "The Greek government claimed Turkish jets had shelled the island.", date="2024-03-14"
    ).events
    assert any(e.event == "ASSAULT" and e.source and e.source.country == "TUR" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own forces: a report of its own act, no allegation
        "The Russian defence ministry claimed its jets had destroyed a rebel arms depot.",
        # a plain "said" reports the news
        "The Pentagon said Kurdish fighters had captured the town from the militants.",
        # nobody named doing it
        "Officials claimed at least ten people were killed in the town.",
        "Kenya claimed the commander had been killed in an airstrike near Garissa.",
        # a claim denied is no act reported
        "The Greek government claimed Turkish jets had not shelled the island.",
    ],
)
def test_no_accusation_where_no_one_else_is_said_to_have_done_it(lexicon_only, text):
    assert not [e for e in _accusations(lexicon_only, text) if e.mode == "allege"], text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ankara says the militia is the Syrian arm of a terror group.", "TUR"),
        ("The Turkish minister said the Kurdish fighters are linked to the PKK.", "TUR"),
        ("The Indian government said the gunmen had close links to Lashkar-e-Taiba.", "IND"),
        (
            "The Turkish defence minister said the Kurds in the SDF are indistinguishable from "
            "the PKK.",
            "TUR",
        ),
    ],
)
def test_a_tie_to_an_armed_group_said_of_someone_is_an_accusation(coder, text, source):
    found = _accusations(coder, text)
    assert any(e.source and e.source.country == source for e in found), text


@pytest.mark.parametrize(
    "text",
    [
        # a view, no speech act
        "Turkey regards the militia as an extension of the PKK.",
        # ties to no armed group
        "The coalition said the council is linked to the opposition alliance.",
        "The minister said the party was part of the ruling coalition.",
        # a tie denied
        "The Turkish minister said the Kurdish fighters are not linked to the PKK.",
    ],
)
def test_no_accusation_for_a_view_or_a_tie_to_no_armed_group(lexicon_only, text):
    assert not _accusations(lexicon_only, text), text


# A warning about what someone is doing or has done is the warner's charge against them
# (events/extract/triggers.py, ``_warned_conduct``); a forecast, a threat, a warning about the
# warner's own side and what befalls someone are no charge.


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Israeli officials have warned that Iran is delivering rockets to the militia.",
            ("ISR", "IRN"),
        ),
        (
            "The Russian foreign minister warned that the Americans have taken dangerous steps "
            "in Syria.",
            ("RUS", "USA"),
        ),
        (
            "The Kenyan president warned that al-Shabaab was exploiting the chaos along the border.",
            ("KEN", "SOM"),
        ),
    ],
)
def test_a_warning_about_someones_conduct_is_an_accusation(coder, text, dyad):
    assert dyad in dyads(_accusations(coder, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies warned that Somalia was facing a risk of famine.",
        "The Pentagon warned that the militiamen could still encounter resistance.",
        "Erdogan warned that Turkish troops were advancing on the town.",
        "The Kenyan president warned that al-Shabaab was not exploiting the chaos.",
    ],
)
def test_no_accusation_for_a_forecast_or_the_warners_own_side(lexicon_only, text):
    assert not _accusations(lexicon_only, text), text


def test_a_hostile_act_warned_of_stays_the_act(lexicon_only):
    events = lexicon_only.code_text(
        "The Kenyan president warned that al-Shabaab was recruiting fighters along the border."
    ).events
    assert "MOBILIZE" in [e.event for e in events]


def test_a_warning_to_someone_stays_a_threat(lexicon_only):
    events = lexicon_only.code_text("Turkey warned Greece that it would respond.").events
    assert [e.event for e in events] == ["THREATEN"]


# Holding someone to account, and a name given in the passive with its author, are the
# author's ACCUSE (events/extract/triggers.py, ``_held_to_account`` and ``_naming_parts``).


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Washington has upped the pressure by holding Russia responsible for the gas attacks.",
            ("USA", "RUS"),
        ),
        ("The Kenyan government held Uganda accountable for the killings.", ("KEN", "UGA")),
        (
            "The Chinese plan was described as very alarming by the Japanese ambassador.",
            ("JPN", "CHN"),
        ),
    ],
)
def test_holding_to_account_and_a_passive_name_are_accusations(coder, text, dyad):
    assert dyad in dyads(_accusations(coder, text)), text


@pytest.mark.parametrize(
    "text",
    [
        # by whom, the sentence does not say
        "Syrian military leaders will never be held accountable for the use of chemical weapons.",
        # a hold of no blame
        "The Kenyan government held talks with Uganda on Tuesday.",
        "The rebels held the town for three weeks.",
        # blame denied
        "The Kenyan government did not hold Uganda responsible for the killings.",
    ],
)
def test_no_accusation_without_blame_or_its_author(lexicon_only, text):
    assert not _accusations(lexicon_only, text), text


# A charge laid on a relative clause's noun is the accusation the sentence reports, not a habit
# nor background to the main clause (events/extract/clauses.py, ``laid_charge``); a passive
# charge with no accuser, a relative pronoun as the accuser ("leaders who regularly criticise")
# and a thing derided are not.


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        (
            "Relations were strained by Washington's backing of the Saudi prince, whom Turkey "
            "accuses of ordering the murder of a journalist.",
            ("TUR", "SAU"),
        ),
        (
            "Moscow sent more troops to help the Armenian government, which Azerbaijan blames "
            "for the shelling of its villages.",
            ("AZE", "ARM"),
        ),
    ],
)
def test_a_charge_in_a_relative_clause_is_coded(coder, text, dyad):
    assert dyad in dyads(_accusations(coder, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Moscow sent more troops to Yerevan, where the minister is accused of corruption.",
        "Western leaders who regularly condemn Iran met in Paris on Monday.",
        "The president visited Paris to praise the same security policy he derides at home.",
    ],
)
def test_no_charge_without_an_accuser_or_someone_accused(lexicon_only, text):
    found = [
        e
        for e in _accusations(lexicon_only, text)
        if e.trigger.text in {"accused", "condemn", "derides"}
    ]
    assert not found, text


# Access denied is access refused (REJECT, reject-deny), not aid cut off: "aid agencies" as the
# passive subject no longer makes "denied" a sanction on aid (sanction-suspend, not_objects).


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies have been denied access to the besieged town by Ethiopian forces.",
        "The Ethiopian government denied aid workers access to the region.",
    ],
)
def test_access_denied_is_a_refusal(lexicon_only, text):
    events = lexicon_only.code_text(text, date="2024-03-14").events
    assert [e.event for e in events if e.trigger.text == "denied"] == ["REJECT"], text


def test_aid_suspended_stays_a_sanction(lexicon_only):
    events = lexicon_only.code_text("Norway suspended aid to Nicaragua on Tuesday.").events
    assert [e.event for e in events] == ["SANCTION"]


# Verbs of verbal attack and of refusal with no entry before (triggers.yaml: accuse-rip-into,
# accuse-rail, reject-verbs "stonewall").


@pytest.mark.parametrize(
    ("text", "kind", "dyad"),
    [
        (
            "The Kenyan president ripped into Uganda over the border closure.",
            "ACCUSE",
            ("KEN", "UGA"),
        ),
        ("The Bolivian president railed against Chile's new port fees.", "ACCUSE", ("BOL", "CHL")),
        ("The Danish government has stonewalled requests from Norway.", "REJECT", ("DNK", "NOR")),
    ],
)
def test_verbal_attacks_and_stonewalling(lexicon_only, text, kind, dyad):
    events = lexicon_only.code_text(text, date="2024-03-14").events
    assert dyad in dyads(e for e in events if e.event == kind), text


def test_ripping_a_thing_open_is_no_accusation(lexicon_only):
    events = lexicon_only.code_text("The blast ripped into the side of the building.").events
    assert not [e for e in events if e.event == "ACCUSE"]


# Criticism someone comes under is an ACCUSE of them, whoever voices it
# (events/extract/triggers.py, CRITICISED_ENTRY); fire from arms stays an attack.


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian foreign minister came under fire for his handling of the border dispute.",
        "The Danish prime minister faced attacks over his remarks about Greenland.",
    ],
)
def test_criticism_come_under_is_an_accusation(coder, text):
    assert _accusations(coder, text), text


def test_fire_from_tanks_stays_an_attack(lexicon_only):
    events = lexicon_only.code_text("Ukrainian troops came under fire from Russian tanks.").events
    assert [e.event for e in events] == ["ASSAULT"]
