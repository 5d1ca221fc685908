"""Round 17, precision (prec35): false events read out of fold on the real training articles
(docs/accuracy-history.md, "Round 17: prec35"). Each test is a sentence of our own that a general rule
must not code as the event, next to one it must still code."""

from __future__ import annotations

import pytest

from coded import happened_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Nairobi said the militants might attack the capital any day.",
        "A missile strike could be launched by the Somali militants as early as next week, Kenyan "
        "officials said.",
        "The militants might bomb the Kenyan capital again, a police spokesman told reporters.",
    ],
)
def test_a_hostile_act_only_said_to_be_possible_is_no_threat(pipeline, text):
    assert "THREATEN" not in happened_types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        '"We could strike back at Eritrea within hours," the Ethiopian defence minister said.',
        "The Ethiopian prime minister threatened to attack Eritrea.",
    ],
)
def test_a_threat_by_its_author_stays_a_threat(pipeline, text):
    assert "THREATEN" in happened_types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "For Nairobi, the Ugandan withdrawal represents a chance to widen its influence in Somalia.",
        "The Burundian minister said the Ugandan withdrawal had created a dangerous vacuum in "
        "Mogadishu.",
    ],
)
def test_a_withdrawal_a_clause_comments_on_is_no_retreat(pipeline, text):
    assert "RETREAT" not in happened_types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The withdrawal of Ugandan troops began on Monday.",
        "Ugandan troops withdrew from Mogadishu on Monday.",
    ],
)
def test_a_withdrawal_told_taking_place_stays_a_retreat(pipeline, text):
    assert "RETREAT" in happened_types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya gave tacit support to the Ethiopian offensive against the Somali militants.",
        "Kenya provided political support to the Somali president.",
    ],
)
def test_support_given_in_words_is_support_not_aid(pipeline, text):
    types = happened_types(pipeline, text)
    assert "SUPPORT" in types and "AID" not in types


def test_material_support_stays_aid(pipeline):
    assert "AID" in happened_types(pipeline, "Kenya gave military support to the Somali army.")


@pytest.mark.parametrize(
    "text",
    [
        "The rift will deepen when Ethiopia meets Somalia in Addis Ababa.",
        "When the Ugandan troops leave, the Somali army will take over the base.",
    ],
)
def test_an_act_in_a_when_clause_of_a_future_is_not_done(pipeline, text):
    assert not {"CONSULT", "RETREAT"} & set(happened_types(pipeline, text))


def test_an_act_in_a_when_clause_of_the_past_is_done(pipeline):
    text = (
        "The rift deepened when the Ethiopian prime minister met the Somali president in Mogadishu."
    )
    assert "CONSULT" in happened_types(pipeline, text)
