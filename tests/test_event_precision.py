"""False events on real news, one kind at a time: each test is a sentence of our own that a
general mechanism must not code (or must code once), next to one it must still code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coded(pipeline, text, date="2019-03-14"):
    return [e for e in pipeline.code_text(text, date=date).events if not e.negated]


def of_type(pipeline, text, event):
    return [e for e in coded(pipeline, text) if e.event == event]


def test_a_meeting_between_two_named_sides_is_one_record(pipeline):
    met = of_type(
        pipeline, "The Chilean foreign minister met Peru's president in Lima on Monday.", "CONSULT"
    )
    assert [(e.source.country, e.target.country) for e in met] == [("CHL", "PER")]
    # "X and Y talked": both sides are subjects, the reciprocal act is kept both ways
    both = of_type(pipeline, "Ghana and Togo held talks on Friday.", "CONSULT")
    assert {(e.source.country, e.target.country) for e in both} == {("GHA", "TGO"), ("TGO", "GHA")}
