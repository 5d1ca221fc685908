"""Round 21, recall of verbal conflict (recall21a; issue 13): gold REQUEST, ACCUSE, REJECT and
THREATEN events the coder missed out of fold, in constructions of their own.

- "its call for Chad to withdraw": a call whose "for" opens a clause is a demand, as "a call for
  a ceasefire" is, not a phone call (``triggers._noun_preps_hold``).

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


def _pairs(pipeline, text: str, event: str) -> list[tuple[str | None, str | None]]:
    return sorted(
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in happened(pipeline, text, event)
    )


def test_a_call_for_someone_to_act_is_a_demand(coder):
    text = "Kenya issued a call for Uganda to withdraw its troops."
    assert "KEN" in {s for s, _ in _pairs(coder, text, "REQUEST")}
    assert _pairs(coder, text, "CONSULT") == []


def test_a_call_with_someone_stays_a_phone_call(lexicon_only):
    text = "Kenya's president held a call with the Ugandan president on Monday."
    assert _pairs(lexicon_only, text, "REQUEST") == []
