"""Round 14, recall (issue 13): acts a clause rule threw away although they happened.

- An attack named by a noun with its attacker in its own words ("an incursion by the Ugandan
  army", "Kenya's incursion") is another's act that happened, also inside a purpose clause or a
  clause that describes a noun ("sent fighters to drive back an incursion by X", "militias fending off
  X's offensive"): events/extract/clauses.py, ``main_clause_first``. An attack named with
  nobody doing it ("to repel attacks on the capital", "to prevent an invasion") stays an aim.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _attacks(pipeline, text: str) -> list:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [
        e
        for e in events
        if e.event == "ASSAULT" and not e.negated and e.modality in {"asserted", "historical"}
    ]


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Militias sent fighters to drive back an incursion by the Ugandan army.", "UGA"),
        ("Local militias joined the fight to push back Kenya's incursion into the valley.", "KEN"),
    ],
)
def test_an_attack_named_with_its_attacker_in_a_purpose_clause_happened(coder, text, attacker):
    attacks = _attacks(coder, text)
    assert [e.source.country for e in attacks if e.source] == [attacker], text


@pytest.mark.parametrize(
    "text",
    [
        "The army built walls to repel attacks on the capital.",
        "The government sent troops to the border to prevent an invasion.",
    ],
)
def test_an_attack_named_without_an_attacker_in_a_purpose_clause_is_an_aim(coder, text):
    assert _attacks(coder, text) == [], text
