"""Round 21, recall of verbal conflict (recall21a; issue 13): gold REQUEST, ACCUSE, REJECT and
THREATEN events the coder missed out of fold, in constructions of their own.

- "its call for Chad to withdraw": a call whose "for" opens a clause is a demand, as "a call for
  a ceasefire" is, not a phone call (``triggers._noun_preps_hold``).
- "convinced Togo of the merits of the plan": a verb of winning over with an "of" phrase asks
  it of its object as a to-infinitive does (``triggers._won_over``, ``persuasion_verbs``), and
  one who "sought to convince" someone asked then, as "tried to" does
  (``modality._asking_attempted``); other acts sought stay aims.
- "is under pressure from Kenya to accept the plan": pressure from someone is a demand made of
  the one under it (request-pressure-from); pressure from no one named is none.

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import happened, happened_pairs

pytestmark = pytest.mark.slow


def test_a_call_for_someone_to_act_is_a_demand(coder):
    text = "Kenya issued a call for Uganda to withdraw its troops."
    assert "KEN" in {s for s, _ in happened_pairs(coder, text, "REQUEST")}
    assert happened_pairs(coder, text, "CONSULT") == []


def test_a_call_with_someone_stays_a_phone_call(lexicon_only):
    text = "Kenya's president held a call with the Ugandan president on Monday."
    assert happened_pairs(lexicon_only, text, "REQUEST") == []


def test_won_over_to_a_view_is_asked(coder):
    text = "Kenya persuaded Uganda of the need for talks."
    assert ("KEN", "UGA") in happened_pairs(coder, text, "REQUEST")


def test_a_cause_that_convinces_asks_nothing(coder):
    text = "The report convinced Kenyan officials of the danger."
    assert happened_pairs(coder, text, "REQUEST") == []


def test_seeking_to_convince_is_asking(coder):
    text = "Kenya has also sought to convince Uganda of the merits of the plan."
    assert ("KEN", "UGA") in happened_pairs(coder, text, "REQUEST")


def test_an_act_sought_stays_an_aim(coder):
    text = "Kenyan troops sought to capture the Ugandan town of Busia."
    assert happened(coder, text, "ASSAULT") == []
    assert happened(coder, text, "COERCE") == []


def test_pressure_from_someone_is_a_demand(coder):
    text = "Kenya is under heavy pressure from Uganda and Tanzania to accept the plan."
    assert {("UGA", "KEN"), ("TZA", "KEN")} <= set(happened_pairs(coder, text, "REQUEST"))


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan forces are under pressure from all sides.",
        "The fighting increased the pressure on Kenyan hospitals.",
    ],
)
def test_pressure_from_nobody_named_asks_nothing(coder, text):
    assert happened_pairs(coder, text, "REQUEST") == []
