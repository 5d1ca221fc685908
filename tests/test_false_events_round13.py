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
