"""Round 18, precision (prec18): false events read out of fold on the real training articles
(docs/accuracy.md, "Round 18: precision"). Each test is a sentence of our own that a general
rule must type as the PLOVER codebook does, next to one that must keep its old type."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _counted(pipeline, text):
    """The types the article scorer counts: not negated, asserted or historical."""
    events = pipeline.code_text(text, date="2019-03-14").events
    return sorted(
        {e.event for e in events if not e.negated and e.modality in {"asserted", "historical"}}
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kenya banned cash transfers to Somalia.",
        "The minister banned funding for charities working in Somalia.",
        "The Kenyan government banned arms sales to Somalia.",
    ],
)
def test_a_ban_on_exchanges_is_a_sanction(pipeline, text):
    # PLOVER SANCTION (discontinue): curtailing commercial or material exchanges
    assert _counted(pipeline, text) == ["SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya banned the opposition party.",
        "Kenya banned two Somali newspapers.",
    ],
)
def test_a_ban_on_people_or_their_voice_stays_coerce(pipeline, text):
    # PLOVER COERCE (ban, censor): banning individuals, organisations or publications
    assert _counted(pipeline, text) == ["COERCE"]
