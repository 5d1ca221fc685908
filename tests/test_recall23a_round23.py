"""Round 23, recall of verbal conflict and cooperation (recall23a; issue 13): gold events the
coder missed out of fold, in constructions of their own.

- "In a telephone call to Accra, the Togolese president urged Ghana to ...", "agreed at a
  summit in Abuja": talks named by a preposition of a verbal act are where it was said, held as
  an act of their own, never what is said (``clauses._talks_as_occasion``).
- "said he was concerned about Uganda's new offensive", "we are worried about the Ugandan
  raids": an adjective of concern about what someone named did is a grievance against them
  (``concern_adjectives``, ``triggers._grievance``, ``triggers.felt_passive``); about a thing
  or nobody's act ("concerned about his welfare") no one is blamed.
- "the two presidents agreed that the regime had established a pattern of dangerous
  behaviour": agreeing that someone named has done something is a charge the parties lay
  together, as claiming it is (``charging_verbs``, ``triggers._warned_conduct``); with a modal
  ("agreed that the talks should resume") it is no charge, and "agreed to" stays an AGREE.

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import country_pairs, happened, happened_pairs

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


def test_concern_about_someones_offensive_is_a_grievance(coder):
    text = "The Kenyan foreign minister said he was concerned about Uganda's new offensive."
    assert ("KEN", "UGA") in happened_pairs(coder, text, "ACCUSE")


def test_worry_about_raids_by_soldiers_is_a_grievance(coder):
    text = "Ghana is worried about the raids by Togolese soldiers."
    assert ("GHA", "TGO") in country_pairs(coder, text, "ACCUSE")


def test_concern_about_a_thing_blames_nobody(lexicon_only):
    for text in (
        "The Kenyan family said they are very concerned about his welfare.",
        "The Ugandan camp administration is now worried about an outbreak of dysentery.",
    ):
        assert happened(lexicon_only, text, "ACCUSE") == [], text


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
