"""Round 23, recall of verbal conflict and cooperation (recall23a; issue 13): gold events the
coder missed out of fold, in constructions of their own.

- "In a telephone call to Accra, the Togolese president urged Ghana to ...", "agreed at a
  summit in Abuja": talks named by a preposition of a verbal act are where it was said, held as
  an act of their own, never what is said (``clauses._talks_as_occasion``).
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


def test_a_phone_call_that_holds_a_demand_is_talks_too(coder):
    text = (
        "In a telephone call to Accra on Sunday, the Togolese president urged the Ghanaian "
        "president to reopen the border."
    )
    assert ("TGO", "GHA") in happened_pairs(coder, text, "CONSULT")
    assert ("TGO", "GHA") in happened_pairs(coder, text, "REQUEST")


def test_talks_as_the_content_of_a_request_stay_asked(lexicon_only):
    # "urged talks with Togo": the talks are what is asked, not held
    text = "The Ghanaian president urged Togo to hold talks with Benin."
    assert happened(lexicon_only, text, "CONSULT") == []


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
