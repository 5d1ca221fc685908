"""Round 14, story recall (issue 13): kinds of act the coder read as another type.

- Agreeing to a ceasefire declares it: a CONCEDE (PLOVER manual, CONCEDE: "declarations (but
  not implementations) of ceasefires"; promised concessions "do not reduce to AGREE"; lexicon
  concede-agree-ceasefire). Agreeing to talks or to a deal stays an AGREE.
- A promise to allow what was barred eases a restriction (PLOVER CONCEDE; lexicon
  concede-promise): "agreed to allow public gatherings", "promised to let the exiles return".
- Shelving, suspending or dropping a plan, a project or a proposal backs down from it: a
  CONCEDE (lexicon concede-abandon).
- A state named after its kind is that state ("the nations of Ethiopia and Kenya", "the
  country of Georgia": the lexicon's ``group_heads``); before, such sides were nobody and the
  act dropped.
- Sealing or cordoning off a place is a restriction, as a blockade is (COERCE, restrict;
  coerce-seal-off); sowing misinformation is COERCE, mode misinformation (coerce-misinformation).

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DATE = "2021-05-10"


def _types(pipeline, text: str) -> list[str]:
    return sorted(e.event for e in pipeline.code_text(text, date=DATE).events if not e.negated)


@pytest.mark.parametrize(
    "text",
    [
        "Sudanese rebels agreed to a three-day truce for the holiday.",
        "The Chadian army and the rebels agreed on a ceasefire in the east.",
    ],
)
def test_agreeing_to_a_ceasefire_concedes(pipeline, text):
    types = _types(pipeline, text)
    assert "CONCEDE" in types and "AGREE" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Mali agreed to talks with the Tuareg rebels in Algiers.",
        "Peru and Chile agreed on a fishing deal on Monday.",
    ],
)
def test_agreeing_to_talks_or_a_deal_stays_an_agreement(pipeline, text):
    types = _types(pipeline, text)
    assert "AGREE" in types and "CONCEDE" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "The Belarusian authorities agreed to allow opposition rallies in Minsk.",
        "The Bahraini government promised to let the exiled activists return home.",
    ],
)
def test_a_promise_to_allow_concedes(pipeline, text):
    types = _types(pipeline, text)
    assert "CONCEDE" in types and "AGREE" not in types, types


def test_sealing_off_a_town_restricts(pipeline):
    events = pipeline.code_text(
        "Sudanese troops sealed off the town of Kadugli on Monday.", date=DATE
    ).events
    assert [(e.event, e.mode) for e in events] == [("COERCE", "restrict")]


def test_a_seal_of_no_one_is_no_restriction(pipeline):
    assert _types(pipeline, "The Kenyan government sealed the agreement with Somalia.") != [
        "COERCE"
    ]


def test_sowing_misinformation_is_coercion(pipeline):
    events = pipeline.code_text(
        "Russian agents sowed misinformation ahead of the Lithuanian election.", date=DATE
    ).events
    assert [(e.event, e.mode) for e in events] == [("COERCE", "misinformation")]


def test_states_named_after_their_kind_are_the_sides(pipeline):
    events = pipeline.code_text(
        "The nations of Ethiopia and Kenya are opening diplomatic ties.", date=DATE
    ).events
    pairs = sorted((e.source.country, e.target.country) for e in events if e.event == "SUPPORT")
    assert pairs == [("ETH", "KEN"), ("KEN", "ETH")], pairs


@pytest.mark.parametrize(
    "text",
    [
        "The Laotian government said it was suspending plans to impose a curfew in the capital.",
        "The Congolese government shelved the controversial dam project after the protests.",
        "The Ghanaian finance minister dropped his proposal to tax remittances.",
    ],
)
def test_shelving_a_plan_concedes(pipeline, text):
    assert "CONCEDE" in _types(pipeline, text)


def test_drawing_up_a_plan_concedes_nothing(pipeline):
    assert "CONCEDE" not in _types(pipeline, "The Malian rebels drew up plans to attack Gao.")


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean president shelved plans to attend the summit in Lima.",
        "The Kenyan minister dropped his proposal to travel to Kampala.",
    ],
)
def test_giving_up_ones_own_trip_concedes_nothing(pipeline, text):
    assert "CONCEDE" not in _types(pipeline, text)
