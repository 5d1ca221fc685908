"""A promise or pledge of a hostile act is a threat, like a vow of one; a promise of help stays
a promise (sentences of our own)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def types(pipeline, text):
    events = pipeline.code_text(text, date="2024-03-14").events
    return {e.event for e in events if not e.negated}


def test_a_promised_hostile_act_is_a_threat(pipeline):
    got = types(
        pipeline,
        "The Kenyan president promised to expel the Somali militants from the border region.",
    )
    assert "THREATEN" in got and "AGREE" not in got, got


def test_a_promise_of_help_stays_a_promise(pipeline):
    for text in (
        "Kenya promised to send food aid to Somalia.",
        "Norway pledged $50m in aid to Sudan.",
    ):
        got = types(pipeline, text)
        assert "AGREE" in got and "THREATEN" not in got, (text, got)


def test_help_promised_for_a_fight_is_no_threat(pipeline):
    for text in (
        "France pledged troops to help Mali fight the insurgents.",
        "France promised military aid to help Mali defeat the insurgents.",
    ):
        got = types(pipeline, text)
        assert "AGREE" in got and "THREATEN" not in got, (text, got)
