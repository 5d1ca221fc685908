"""Round 23, the cooperative types and modality (coop23; issue 13): cooperative acts that are
wanted, needed or scheduled told apart from acts done.
Sentences of our own.

- A cooperative noun as the object of a preposition on a verb or adjective takes that word's
  modality ("we are ready to go into negotiations with Ethiopia", "will depend on
  negotiations"); prepositions of time and setting keep the act's own ("will fly home after
  the talks": the talks were held) (``modality._willed_through``).
- "Need to" is a verb of wanting ("we need to have long conversations with the Turks"): the
  act is not yet done (``future_verbs``).
- An event noun counted by a span noun ("a sixth round of talks is due to resume") is
  scheduled as the span is (``modality._scheduled``, ``span_nouns``).
- A "when" clause the parser hangs on a time noun ("will be highlighted on Friday when Iran
  hosts a summit") is a time clause of the verb the time noun belongs to, with its future
  (``modality._when_relative_head``); in the past it is told.
"""

from __future__ import annotations

import pytest

from coded import happened, happened_pairs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition leader said: 'We are ready to go into the negotiations with the "
        "Ethiopian government.'",
        "What happens next will depend largely on negotiations between Kenya and Ethiopia.",
    ],
)
def test_a_talks_noun_under_a_wish_or_a_future_is_not_held(pipeline, text):
    assert happened(pipeline, text, "CONSULT") == []


def test_talks_named_after_a_preposition_of_time_stay_held(pipeline):
    text = "The Kenyan president will fly to Nairobi after his talks with the Ethiopian leader."
    assert happened_pairs(pipeline, text, "CONSULT") == [("KEN", "ETH")]


def test_talks_gone_into_are_held(pipeline):
    text = "Kenyan officials went into negotiations with Ethiopia on Monday."
    assert happened_pairs(pipeline, text, "CONSULT") == [("KEN", "ETH")]


def test_talks_needed_are_not_held(pipeline):
    text = "The Kenyan minister said: 'We need to have long conversations with the Ethiopians.'"
    assert happened(pipeline, text, "CONSULT") == []


def test_a_round_of_talks_due_to_resume_is_scheduled(pipeline):
    text = (
        "A sixth round of talks between Kenya and Ethiopia is due to resume in Nairobi on Tuesday."
    )
    assert happened(pipeline, text, "CONSULT") == []


def test_a_round_of_talks_that_ended_was_held(pipeline):
    text = "A sixth round of talks between Kenya and Ethiopia ended in Nairobi on Tuesday."
    assert happened_pairs(pipeline, text, "CONSULT") == [("KEN", "ETH")]


def test_a_when_clause_on_a_time_noun_takes_the_future_of_its_verb(pipeline):
    text = (
        "Kenya's isolation will be highlighted on Friday when Uganda hosts a summit in Kampala "
        "with Rwanda and Tanzania."
    )
    assert happened(pipeline, text, "CONSULT") == []


def test_a_when_clause_on_a_time_noun_in_the_past_is_told(pipeline):
    text = (
        "Kenya's isolation was highlighted on Friday when Uganda hosted a summit in Kampala "
        "with Rwanda and Tanzania."
    )
    assert ("UGA", "RWA") in happened_pairs(pipeline, text, "CONSULT")
