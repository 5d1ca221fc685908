"""Round 16, precision (prec34): false events read out of fold on the real training articles
(docs/accuracy-history.md, "Round 16: precision"). Each test is a sentence of our own that a general rule
must not code as the event, next to one it must still code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _events(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return [e for e in events if not e.negated]


def _types(pipeline, text):
    return sorted({e.event for e in _events(pipeline, text)})


@pytest.mark.parametrize(
    "text",
    [
        "The withdrawal of Ugandan troops began on Monday.",
        "Ugandan troops withdrew from the town on Monday.",
        "Ugandan troops completed their withdrawal from the town on Monday.",
    ],
)
def test_a_withdrawal_told_stays_a_retreat(coder, text):
    assert "RETREAT" in _types(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The French withdrawal from Mali, announced by Emmanuel Macron last week, ends a long mission.",
        "Kenyan lawmakers criticised the troop withdrawal promised by the Kenyan president.",
    ],
)
def test_a_withdrawal_announced_or_promised_is_a_concession(pipeline, text):
    types = _types(pipeline, text)
    assert "CONCEDE" in types
    assert "RETREAT" not in types and "AGREE" not in types


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president vowed that the campaign would be over within weeks.",
        "The Ethiopian prime minister pledged that Ethiopian troops would remain in Somalia.",
    ],
)
def test_a_vow_of_how_things_will_be_is_no_agreement(pipeline, text):
    assert "AGREE" not in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Nigerian president vowed that Nigeria would help Niger rebuild its army.",
        "Kenya pledged to send 500 police officers to Haiti.",
    ],
)
def test_a_vow_of_an_act_stays_an_agreement(pipeline, text):
    assert "AGREE" in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "I asked them how many men had been detained in the camp.",
        "In Nairobi, a Somali man asked me to find his brother.",
    ],
)
def test_asking_by_or_of_me_with_no_official_is_no_request(pipeline, text):
    assert "REQUEST" not in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya asked Uganda to withdraw its troops from the border.",
        '"I am asking the Kenyan parliament to approve the deployment," the Kenyan president said.',
        "The Kenyan government asked me to mediate between the two sides, the envoy said.",
    ],
)
def test_asking_of_or_by_an_official_stays_a_request(pipeline, text):
    assert "REQUEST" in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The summit was conceived by the United States as a way to press EU countries to adopt a "
        "harder line on Iran.",
        "Kenya found a way to urge Uganda to withdraw.",
    ],
)
def test_an_act_a_means_is_for_is_not_done(pipeline, text):
    assert "REQUEST" not in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya pressed Uganda to withdraw its troops.",
        "Kenya used the summit to press Uganda to withdraw its troops.",
    ],
)
def test_a_pressing_told_stays_a_request(pipeline, text):
    assert "REQUEST" in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya allowed Ethiopian jets to use its airspace to strike al-Shabaab.",
        "Djibouti allowed France to use its port for the operation.",
    ],
)
def test_letting_another_state_s_forces_act_is_cooperation(pipeline, text):
    types = _types(pipeline, text)
    assert "COOPERATE" in types and "CONCEDE" not in types


def test_letting_people_in_stays_a_concession(pipeline):
    assert "CONCEDE" in _types(pipeline, "Cuba allowed Spanish journalists to enter the country.")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The Kenyan journalist warned me to be careful.", "THREATEN"),
        ("The farmer refused my offer and blamed me for the drought.", "ACCUSE"),
    ],
)
def test_words_between_me_and_private_people_are_no_event(pipeline, text, event):
    assert event not in _types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The militants threatened to kill me, he told police.", "THREATEN"),
        ("I accuse the Kenyan government of lying.", "ACCUSE"),
    ],
)
def test_words_of_or_to_the_armed_or_officials_stay(pipeline, text, event):
    assert event in _types(pipeline, text)
