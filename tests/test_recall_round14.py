"""Round 14, recall (issue 13): acts a clause rule threw away although they happened.

- An attack named by a noun with its attacker in its own words ("an incursion by the Ugandan
  army", "Kenya's incursion") is another's act that happened, also inside a purpose clause or a
  clause that describes a noun ("sent fighters to drive back an incursion by X", "militias fending off
  X's offensive"): events/extract/clauses.py, ``main_clause_first``. An attack named with
  nobody doing it ("to repel attacks on the capital", "to prevent an invasion") stays an aim.

- A refusal told with a backshifted "would" or named by its author is stated now; "it is time
  for X to act" said by someone is a REQUEST (see the notes below).

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Militias sent fighters to drive back an incursion by the Ugandan army.", "UGA"),
        ("Local militias joined the fight to push back Kenya's incursion into the valley.", "KEN"),
    ],
)
def test_an_attack_named_with_its_attacker_in_a_purpose_clause_happened(coder, text, attacker):
    attacks = happened(coder, text, "ASSAULT")
    assert [e.source.country for e in attacks if e.source] == [attacker], text


@pytest.mark.parametrize(
    "text",
    [
        "The army built walls to repel attacks on the capital.",
        "The government sent troops to the border to prevent an invasion.",
    ],
)
def test_an_attack_named_without_an_attacker_in_a_purpose_clause_is_an_aim(coder, text):
    assert happened(coder, text, "ASSAULT") == [], text


# - A refusal reported with a backshifted "would" ("the minister said the government would not
#   release the prisoners": he said "we will not") is stated now, as "will not" is; a "would"
#   under a condition stays hypothetical: events/modality.py, ``stated``.
# - A refusal named by a noun with its author, the subject of a modal clause ("the Ugandan
#   refusal ... will anger Kenya"), is made; the modal says what it does.


def _refusals(pipeline, text: str) -> list:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [e for e in events if e.event == "REJECT" and not e.negated]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the government would not release the prisoners.",
        "The Ugandan refusal to hand over the suspects will anger Kenya.",
    ],
)
def test_a_refusal_stated_with_would_or_named_by_its_author_happened(lexicon_only, text):
    assert [e.modality for e in _refusals(lexicon_only, text)] == ["asserted"], text


def test_a_refusal_under_a_condition_stays_hypothetical(lexicon_only):
    text = "The minister said Kenya would not accept the ruling if the court ignored the evidence."
    assert all(e.modality != "asserted" for e in _refusals(lexicon_only, text)), text


# - "It is time for X to act" said by someone asks for the act: the speaker's REQUEST
#   (events/modality.py, ``time_to_act``); "there was still time to leave", "no time to lose"
#   and the clause said by nobody ask nothing.


def _requests(pipeline, text: str) -> list:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [e for e in events if e.event == "REQUEST" and e.modality == "asserted"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"It is time for Kenya to withdraw its troops," the Somali president said.', "SOM"),
        ("The Somali president said it was time for Kenya to withdraw its troops.", "SOM"),
    ],
)
def test_it_is_time_to_act_said_by_someone_is_a_request(coder, text, speaker):
    assert [e.source.country for e in _requests(coder, text) if e.source] == [speaker], text


@pytest.mark.parametrize(
    "text",
    [
        "There was still time for the rebels to leave.",
        "The Somali president said there was no time to lose.",
        "It is time for the west to face the truth about the war.",
    ],
)
def test_time_for_nothing_asked_is_no_request(coder, text):
    assert _requests(coder, text) == [], text


def test_time_to_act_without_whom_it_is_asked_of_is_no_request(coder):
    text = "The Kenyan president said it was time to bring the troops home."
    assert _requests(coder, text) == [], text


# - A text that is the subject of its own demand ("the resolution, which was approved on
#   Saturday, called for a ceasefire", "the proposals call for fresh elections") asks even when
#   the sentence names no author; a text described by what it says does not
#   (events/extract/coder.py, ``text_speaks``).


@pytest.mark.parametrize(
    "text",
    [
        "The resolution, which was approved on Saturday, called for a ceasefire.",
        "The proposals also called for fresh elections in the spring.",
    ],
)
def test_a_text_that_asks_with_no_author_named_is_a_request(coder, text):
    assert len(_requests(coder, text)) == 1, text


def test_a_text_described_by_what_it_says_asks_nothing(coder):
    text = "Delegates are expected to endorse a statement urging the west to lift sanctions."
    assert _requests(coder, text) == [], text
