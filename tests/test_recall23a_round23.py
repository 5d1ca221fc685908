"""Round 23, recall of verbal conflict and cooperation (recall23a; issue 13): gold events the
coder missed out of fold, in constructions of their own.

- agreeing on a plan charges nobody ("agreed that the talks should resume"), and "agreed to"
  stays an AGREE. The lane's step that read "agreed that someone named had done something" as a
  charge (``charging_verbs``) was taken out at the merge: its gains were one article's.

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


def test_agreeing_on_a_plan_charges_nobody(lexicon_only):
    text = "The Kenyan and Ugandan ministers agreed that the talks should resume in Nairobi."
    assert happened(lexicon_only, text, "ACCUSE") == []
    text = "Kenya agreed to send troops to Somalia."
    assert happened(lexicon_only, text, "ACCUSE") == []
    assert happened(lexicon_only, text, "AGREE") != []
