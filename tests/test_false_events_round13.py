"""False events on real news (round 13), one kind at a time: each test is a sentence of our own
that a general rule must code otherwise or not at all, next to one it must still code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coded_acts(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return [e for e in events if not e.negated]


def types_of(pipeline, text):
    return sorted({e.event for e in coded_acts(pipeline, text)})


def test_letting_people_in_is_still_a_concession(coder):
    text = "Cuba allowed Spanish journalists to enter the country."
    assert "CONCEDE" in types_of(coder, text)
    assert "THREATEN" not in types_of(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan will not allow the rebels to cross the border.",
        "Israel will not allow the creation of an Iranian base in Syria.",
    ],
)
def test_will_not_allow_an_act_is_a_threat(coder, text):
    # a promise to stop someone, made now: a THREATEN that happened, not a REJECT
    acts = coded_acts(coder, text)
    assert [(e.event, e.modality) for e in acts] == [("THREATEN", "asserted")], text


def test_will_not_allow_a_seat_at_talks_is_a_refusal(pipeline):
    acts = coded_acts(pipeline, "Ankara will not permit Kurdish parties to attend the talks.")
    assert [e.event for e in acts] == ["REJECT"]


def test_a_past_refusal_to_allow_is_no_threat(pipeline):
    events = pipeline.code_text("Jordan did not allow the rebels to cross the border.").events
    assert "THREATEN" not in {e.event for e in events}


def _confidence_of(monkeypatch, value):
    from dateline.events.classifier import EventModel

    monkeypatch.setattr(EventModel, "event_confidence", lambda self, probability: value)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The rebel factions agreed a ceasefire in the north of the province.", "AGREE"),
        ("The rebel commander met the leaders of the tribes in the desert.", "CONSULT"),
    ],
)
def test_a_cooperative_reading_the_model_doubts_is_dropped(pipeline, monkeypatch, text, event):
    # below its type's floor the event model's reading is mostly false out of fold: no event;
    # above it the same sentence keeps its event
    _confidence_of(monkeypatch, 0.6)
    assert event in types_of(pipeline, text)
    _confidence_of(monkeypatch, 0.25)
    assert event not in types_of(pipeline, text)


def test_a_doubted_act_between_two_states_is_kept(pipeline, monkeypatch):
    # parties of two countries make it an act between states, what these types code
    _confidence_of(monkeypatch, 0.25)
    assert "AGREE" in types_of(pipeline, "Russia and Turkey agreed a ceasefire in Idlib.")


def test_a_doubted_attack_or_demand_is_kept(pipeline, monkeypatch):
    # types whose low-confidence events are right about as often as false keep them all
    _confidence_of(monkeypatch, 0.2)
    assert "ASSAULT" in types_of(pipeline, "Turkish jets bombed the Kurdish town of Afrin.")
    assert "REQUEST" in types_of(pipeline, "Germany urged Turkey to release the journalist.")


def test_without_the_model_no_confidence_floor_applies(lexicon_only, monkeypatch):
    _confidence_of(monkeypatch, 0.1)
    assert "AGREE" in types_of(lexicon_only, "Russia and Turkey agreed a ceasefire in Idlib.")


def test_talks_a_support_verb_carries_are_kept_when_doubted(pipeline, monkeypatch):
    # "held talks": the model scores the noun and underrates it, so no floor applies
    _confidence_of(monkeypatch, 0.25)
    text = "The rebel commander held talks with the leaders of the tribes on Monday."
    assert "CONSULT" in types_of(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "A Syrian government delegation will arrive in Geneva on Wednesday for talks with the "
        "opposition.",
        "The Egyptian president is due to fly to Khartoum for talks with Sudanese leaders.",
    ],
)
def test_talks_a_journey_still_to_come_is_for_are_not_held_yet(pipeline, text):
    held = [e for e in coded_acts(pipeline, text) if e.modality in {"asserted", "historical"}]
    assert not [e for e in held if e.trigger.text == "talks"], text


def test_talks_at_the_end_of_a_journey_made_are_held(pipeline):
    text = "The Egyptian president arrived in Khartoum for talks with Sudanese leaders."
    talks = [e for e in coded_acts(pipeline, text) if e.trigger.text == "talks"]
    assert talks and all(e.event == "CONSULT" and e.modality == "asserted" for e in talks)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan accepted thousands of Syrian refugees last year.",
        "The Lebanese government hosts more than a million Syrian refugees.",
    ],
)
def test_taking_in_refugees_is_aid_not_an_agreement(coder, text):
    types = types_of(coder, text)
    assert "AID" in types and "AGREE" not in types, (text, types)
