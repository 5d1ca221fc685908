"""Round 23, false events out of fold (precision23; issue 13): an act in a gerund clause after
a verb of result ("could lead to the president reaching a deal") takes the result's modality;
a raid is typed by who raids (police: COERCE; armed forces: ASSAULT). Sentences written for these tests; docs/accuracy.md, "Round 23: false events out of fold"."""

from __future__ import annotations

import pytest

from coded import happened
from dateline.events import modality as mod
from dateline.events.candidate import Candidate
from dateline.events.lexicon import TriggerEntry

ENTRY = TriggerEntry(id="test", event="AGREE", mode=None)


def _cand(nlp, text: str, word: str, event: str = "AGREE") -> Candidate:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return Candidate(tok, ENTRY, event, None)


@pytest.mark.parametrize(
    ("text", "word", "result"),
    [
        ("Turkey's worries about the Kurds could lead to Erdogan striking a deal with Russia.", "striking", True),
        ("The crisis may result in the army withdrawing from the border town.", "withdrawing", True),
        ("Erdogan led the talks, striking a deal with Russia on Monday.", "striking", False),
    ],
)  # fmt: skip
def test_a_gerund_after_a_verb_of_result_is_the_result(nlp, text, word, result):
    nodes = mod.chain(_cand(nlp, text, word))
    assert any(n.lemma_ in {"lead", "result"} for n in nodes) is result


def test_a_deal_that_could_come_of_something_is_not_struck(pipeline):
    could = "Turkey's worries about the Kurds could lead to Erdogan striking a deal with Russia."
    did = "Turkey's worries about the Kurds led to Erdogan striking a deal with Russia."
    assert not happened(pipeline, could, "AGREE")
    assert happened(pipeline, did, "AGREE")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Turkish police raided the offices of an opposition newspaper in Istanbul.", "COERCE"),
        ("Israeli troops raided the Jenin refugee camp overnight.", "ASSAULT"),
    ],
)
def test_a_raid_is_typed_by_who_raids(pipeline, text, event):
    types = {
        e.event
        for e in pipeline.code_text(text, date="2021-05-10").events
        if e.trigger.text == "raided"
    }
    assert types == {event}
