"""Round 12, accusations (issue 13): verbal hostile acts the coder missed.

- A tie to an armed group said of someone ("Ankara says the militia is the Syrian arm of a terror
  group", "said the fighters are linked to the PKK") is the speaker's ACCUSE of whom it ties; a
  view ("regards X as an extension of the PKK") and a tie to no armed group accuse nobody:
  events/extract/triggers.py, ``_tied_to_armed_group``.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

MODELS = ["model", "lexicon"]


@pytest.fixture(params=MODELS)
def coder(request, pipeline, monkeypatch):
    if request.param == "lexicon":
        monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    return pipeline


def _accusations(pipeline, text: str) -> list:
    events = pipeline.code_text(text, date="2024-03-14").events
    return [e for e in events if e.event == "ACCUSE" and not e.negated]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ankara says the militia is the Syrian arm of a terror group.", "TUR"),
        ("The Turkish minister said the Kurdish fighters are linked to the PKK.", "TUR"),
        ("The Indian government said the gunmen had close links to Lashkar-e-Taiba.", "IND"),
        (
            "The Turkish defence minister said the Kurds in the SDF are indistinguishable from "
            "the PKK.",
            "TUR",
        ),
    ],
)
def test_a_tie_to_an_armed_group_said_of_someone_is_an_accusation(coder, text, source):
    found = _accusations(coder, text)
    assert any(e.source and e.source.country == source for e in found), text


@pytest.mark.parametrize(
    "text",
    [
        # a view, no speech act
        "Turkey regards the militia as an extension of the PKK.",
        # ties to no armed group
        "The coalition said the council is linked to the opposition alliance.",
        "The minister said the party was part of the ruling coalition.",
        # a tie denied
        "The Turkish minister said the Kurdish fighters are not linked to the PKK.",
    ],
)
def test_no_accusation_for_a_view_or_a_tie_to_no_armed_group(lexicon_only, text):
    assert not _accusations(lexicon_only, text), text
