"""One act restated in a sentence is coded once; lexicon retypes that follow the PLOVER manual
(convictions, promised aid, declared ceasefires and withdrawals, destruction). Own sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DATE = "2017-01-28"


def coded(pipeline, text):
    return [e for e in pipeline.code_text(text, date=DATE).events if not e.negated]


def types(evs):
    return sorted(e.event for e in evs)


@pytest.mark.parametrize(
    "text, event",
    [
        ("Israeli jets struck Hamas positions in an airstrike on Friday.", "ASSAULT"),
        ("Nigerian police arrested ten protesters in a raid on Monday.", "COERCE"),
        ("Saudi jets bombed a Yemeni market in an air raid that killed 20 people.", "ASSAULT"),
    ],
)
def test_a_verb_and_the_noun_that_says_how_are_one_act(pipeline, text, event):
    assert types(coded(pipeline, text)) == [event]


def test_an_act_and_its_consequence_are_two(pipeline):
    evs = coded(
        pipeline, "Turkish forces attacked Kurdish fighters; the attack killed 3 civilians."
    )
    assert types(evs) == ["ASSAULT", "ASSAULT"]


def test_an_adjunct_of_another_type_is_its_own_event(pipeline):
    evs = coded(
        pipeline, "Kenyan police arrested five men during a protest by students in Nairobi."
    )
    assert {"COERCE", "PROTEST"} <= set(types(evs))


@pytest.mark.parametrize(
    "text, event, mode",
    [
        (
            "An Egyptian court sentenced three Qatari reporters to seven years.",
            "SANCTION",
            "convict",
        ),
        ("A Turkish court convicted a Greek journalist of spying.", "SANCTION", "convict"),
        ("Norway pledged $50m in aid to Sudan on Monday.", "AGREE", None),
        ("Sudanese rebels announced a three-day truce for the holiday.", "CONCEDE", None),
        ("Georgian troops observed the ceasefire along the Abkhaz line.", "RETREAT", "ceasefire"),
        ("Israeli bulldozers demolished Palestinian homes near Hebron.", "ASSAULT", "destroy"),
    ],
)
def test_retyped_entries(pipeline, text, event, mode):
    evs = coded(pipeline, text)
    assert [(e.event, e.mode) for e in evs] == [(event, mode)], [(e.event, e.mode) for e in evs]


def test_an_announced_release_is_a_promise_not_a_release(pipeline):
    # the PLOVER manual makes it a CONCEDE, the sentence gold an AGREE (docs/accuracy.md): we
    # follow the gold; either way the release has not happened
    evs = coded(pipeline, "Iran will release the British sailors.")
    assert [(e.event, e.modality) for e in evs] == [("AGREE", "future")]
    resigning = coded(pipeline, "The Peruvian prime minister will resign on Tuesday.")
    assert [(e.event, e.mode) for e in resigning] == [("RETREAT", "resign")]


def test_burning_a_flag_is_no_assault(pipeline):
    evs = coded(pipeline, "Chilean protesters burned an effigy of the president.")
    assert "ASSAULT" not in types(evs)
