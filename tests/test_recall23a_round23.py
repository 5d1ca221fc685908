"""Round 23, recall of verbal conflict and cooperation (recall23a; issue 13): gold events the
coder missed out of fold, in constructions of their own.

- "In a telephone call to Accra, the Togolese president urged Ghana to ...", "agreed at a
  summit in Abuja": talks named by a preposition of a verbal act are where it was said, held as
  an act of their own, never what is said (``clauses._talks_as_occasion``).
- "said he was concerned about Uganda's new offensive", "we are worried about the Ugandan
  raids": an adjective of concern about what someone named did is a grievance against them
  (``concern_adjectives``, ``triggers._grievance``, ``triggers.felt_passive``); about a thing
  or nobody's act ("concerned about his welfare") no one is blamed.

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
