"""An act told in a background clause ("after the guerrillas ambushed a patrol", "weeks after
France withdrew its troops") is an event of its own when the trained model is sure of it: the
coding guide codes every act that happened, background history included. Before round 10 such
acts counted only in a sentence with no main-clause event. Sentences of our own."""

from __future__ import annotations

import pytest

from coded import happened
from dateline.events.extract import clauses

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "main", "background"),
    [
        (
            "The Colombian army attacked a rebel camp in Cauca after the guerrillas ambushed"
            " a police patrol.",
            ("ASSAULT", "attacked"),
            ("ASSAULT", "ambushed"),
        ),
        (
            "Police in Nairobi arrested twenty students as the government imposed a curfew"
            " on the capital.",
            ("COERCE", "arrested"),
            ("COERCE", "imposed"),
        ),
        (
            "Chad expelled the French ambassador on Monday, weeks after France withdrew its"
            " troops from the country.",
            ("SANCTION", "expelled"),
            ("RETREAT", "withdrew"),
        ),
    ],
)
def test_a_sure_act_in_a_background_clause_is_coded_beside_the_main_event(
    pipeline, text, main, background
):
    for event, word in (main, background):
        assert any(e.trigger.text == word for e in happened(pipeline, text, event)), (event, word)


def test_a_background_clause_the_model_is_unsure_of_still_gives_way_to_the_main_clause():
    """The rule reads the model's calibrated confidence only; below the threshold (or with no
    model) the main clause's event is still the only one."""

    class Cand:
        def __init__(self, confidence):
            self.confidence = confidence

    threshold = clauses.BACKGROUND_EVENT_CONFIDENCE
    assert clauses.sure_background(Cand(threshold))
    assert not clauses.sure_background(Cand(threshold - 0.01))
    assert not clauses.sure_background(Cand(None))


def test_no_model_keeps_only_the_main_clause_event(pipeline, monkeypatch):
    monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    text = (
        "The Colombian army attacked a rebel camp in Cauca after the guerrillas ambushed a"
        " police patrol."
    )
    words = {e.trigger.text for e in happened(pipeline, text, "ASSAULT")}
    assert "attacked" in words and "ambushed" not in words
