"""Sieges and blockades restrict movement: COERCE (restrict), as the coding guide codes them, not
an ASSAULT and not a SANCTION; a blockade of a road by protesters stays a protest (sentences of
our own)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def types(pipeline, text):
    events = pipeline.code_text(text, date="2024-03-14").events
    return {e.event for e in events if not e.negated}


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian troops besieged the Eritrean border town for a month.",
        "Kenyan troops encircled the Somali port on Tuesday.",
        "Israel imposed a naval blockade on Gaza.",
    ],
)
def test_a_siege_or_blockade_is_a_coercion(pipeline, text):
    got = types(pipeline, text)
    assert "COERCE" in got and not got & {"ASSAULT", "SANCTION"}, (text, got)


def test_protesters_blocking_a_road_stay_a_protest(pipeline):
    got = types(pipeline, "Egyptian protesters blockaded the road to the airport.")
    assert "PROTEST" in got and "COERCE" not in got, got
