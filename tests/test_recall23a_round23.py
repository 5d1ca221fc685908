"""Round 23, recall of verbal conflict and cooperation (recall23a; issue 13): gold events the
coder missed out of fold, in constructions of their own.

- "the two presidents agreed that the regime had established a pattern of dangerous
  behaviour": agreeing that someone named has done something is a charge the parties lay
  together, as claiming it is (``charging_verbs``, ``triggers._warned_conduct``); with a modal
  ("agreed that the talks should resume") it is no charge, and "agreed to" stays an AGREE.

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import happened, happened_pairs

pytestmark = pytest.mark.slow


def test_agreeing_that_someone_did_something_is_a_charge(coder):
    text = (
        "The Kenyan and Ugandan presidents agreed that the Somali regime had established a "
        "pattern of dangerous behaviour."
    )
    assert happened_pairs(coder, text, "ACCUSE") == [("KEN", "SOM"), ("UGA", "SOM")]


def test_agreeing_on_a_plan_charges_nobody(lexicon_only):
    text = "The Kenyan and Ugandan ministers agreed that the talks should resume in Nairobi."
    assert happened(lexicon_only, text, "ACCUSE") == []
    text = "Kenya agreed to send troops to Somalia."
    assert happened(lexicon_only, text, "ACCUSE") == []
    assert happened(lexicon_only, text, "AGREE") != []
