"""Lexicon entries for acts the coder used to miss (joint exercises, working together,
concessions, laying down arms, leaving a treaty or talks, recruiting fighters, forces on alert),
each with a sentence of our own that it must code and one that only looks like it (the lexicon
alone: the trained model is not asked)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _types(pipeline, text: str) -> set[str]:
    events = pipeline.code_text(text, date="2024-03-14").events
    return {e.event for e in events if not e.negated}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Estonia sent soldiers to a joint military exercise with Latvia.", "COOPERATE"),
        (
            "Chilean and Argentine warships held naval manoeuvres in the Beagle Channel.",
            "COOPERATE",
        ),
        ("Malawi and Zambia worked together to fight the cholera outbreak.", "COOPERATE"),
        ("The Nepalese government offered concessions to the Madhesi parties.", "CONCEDE"),
        ("The Bolivian cabinet agreed to concessions on the water tariffs.", "CONCEDE"),
        ("About 300 Burundian rebels put down their weapons near Bujumbura.", "RETREAT"),
        ("Tanzania quit the regional customs union in May.", "SANCTION"),
        ("Mali pulled out of the defence pact with Niger on Monday.", "SANCTION"),
        ("The Somali militia conscripted hundreds of children last year.", "MOBILIZE"),
        ("Azerbaijan called up thousands of reservists after the clashes.", "MOBILIZE"),
        ("Indian troops were on high alert along the Pakistani border.", "MOBILIZE"),
    ],
)
def test_an_act_the_lexicon_now_names_is_coded(lexicon_only, text, kind):
    assert kind in _types(lexicon_only, text), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a mining licence is no concession to anyone
        ("Two Chinese firms hold gold mining concessions in the Ghanaian north.", "CONCEDE"),
        # leaving a town is a military withdrawal, not a treaty left
        ("Mali pulled out of the northern town of Kidal on Monday.", "SANCTION"),
        # putting down a revolt is force, not disarmament
        ("Ugandan troops put down the revolt in Kasese.", "RETREAT"),
        # readiness to talk is no force on alert
        ("Sudan said it was ready to resume talks with Chad.", "MOBILIZE"),
        # an exercise of power or a futile one is no military exercise
        ("The Kenyan vote was an exercise in futility, the opposition said.", "COOPERATE"),
    ],
)
def test_a_look_alike_is_not_coded_as_that_act(lexicon_only, text, kind):
    assert kind not in _types(lexicon_only, text), text
