"""A refusal to tell the press something is no REJECT (CODING_GUIDE: a speaker merely speaking
is no event; a REJECT turns down an actor's demand or proposal). Sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def rejections(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return [e for e in events if e.event == "REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the Russian embassy refused to give details of the talks.",
        "The French foreign ministry declined to discuss the case.",
        "The Kremlin declined to elaborate on the reports.",
        "The embassy would not comment on whether Germany would be seeking a ceasefire.",
        "The army did not comment on whether it would be seeking the surrender of the rebels.",
        "The Pentagon declined to confirm whether Washington would reject the proposal.",
    ],
)
def test_declining_to_comment_is_no_rejection(pipeline, text):
    assert not rejections(pipeline, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Iran refused to discuss its missile programme with the European envoys.",
        "The Syrian government refused to negotiate with the opposition.",
        "Egypt refused to open the Rafah crossing.",
        "Turkey declined the American request to hand over the cleric.",
    ],
)
def test_refusing_talks_or_a_demand_is_still_a_rejection(pipeline, text):
    assert rejections(pipeline, text), text
