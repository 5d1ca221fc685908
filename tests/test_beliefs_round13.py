"""A clash of words between people is an ACCUSE; a verb of holding true with a clause of what
is held ("reaffirmed that ...", "recognised that ...") states a belief, no SUPPORT; with someone
or something backed as its object it stays a SUPPORT (round 13, sentences of our own)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def types_of(pipeline, text):
    events = pipeline.code_text(text, date="2024-03-14").events
    return {e.event for e in events if not e.negated}


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan foreign minister reaffirmed that Nairobi would not reopen the border.",
        "The minister recognised that the talks had failed.",
        "Peru acknowledged the drought had hurt its farmers.",
    ],
)
def test_a_belief_held_true_is_no_support(coder, text):
    assert "SUPPORT" not in types_of(coder, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The United States recognised Kosovo in 2008.",
        "Germany reaffirmed its support for the Kurdish fighters.",
    ],
)
def test_backing_someone_stays_support(pipeline, text):
    assert "SUPPORT" in types_of(pipeline, text), text


def test_held_true_needs_a_clause_and_no_object(pipeline):
    from dateline.events.lexicon import Lexicon

    belief_verbs = Lexicon.load().word_set("belief_verbs")
    assert {"reaffirm", "recognise", "recognize"} <= belief_verbs
    assert not {"support", "back", "welcome", "praise"} & belief_verbs


@pytest.mark.parametrize(
    "text",
    [
        "Senator John Harlow clashed with Maria Lopez over the budget.",
        "John Harlow and Pedro Ruiz clashed in public over the trade deal.",
    ],
)
def test_a_quarrel_between_people_is_an_accusation(coder, text):
    # one rule for both readings of a clash of words: the parse's people (clauses.verbal_clash)
    # and the resolved civilian offices (the coder's) both make it an ACCUSE, not nothing
    got = types_of(coder, text)
    assert "ACCUSE" in got and "ASSAULT" not in got, (text, got)


def test_a_clash_of_forces_stays_an_attack(coder):
    got = types_of(coder, "Kenyan troops clashed with Somali militants near the border.")
    assert "ASSAULT" in got and "ACCUSE" not in got, got
