"""Round 15, precision (prec31): the confidence floors of ``coder.doubtful`` for SUPPORT and AID,
chosen on the out-of-fold curve of the cv24 fold models, and rules against false cooperative and verbal
events (docs/accuracy-history.md, "Round 15: precision")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dateline.events.extract.coder import DOUBTFUL_BELOW, doubtful


def _cand(confidence, nominal=False, support=None):
    token = SimpleNamespace(dep_="ROOT", head=None)
    return SimpleNamespace(confidence=confidence, nominal=nominal, support=support, token=token)


def _side(country):
    return (SimpleNamespace(country=country), None)


@pytest.mark.parametrize(
    ("event", "low", "kept"),
    [("SUPPORT", 0.42, 0.47), ("AID", 0.32, 0.37), ("ACCUSE", 0.45, 0.55), ("CONSULT", 0.35, 0.45)],
)
def test_a_doubted_event_below_its_floor_is_dropped(event, low, kept):
    sources, targets = [_side("TUR")], []
    assert doubtful(_cand(low), event, sources, targets)
    assert not doubtful(_cand(kept), event, sources, targets)


@pytest.mark.parametrize("event", ["AID", "CONSULT"])
def test_an_act_between_two_states_keeps_its_low_score(event):
    # "Turkey had armed the Free Syrian Army": parties of two countries
    assert not doubtful(_cand(0.2), event, [_side("TUR")], [_side("SYR")])


def test_a_noun_a_support_verb_carries_keeps_its_low_score():
    cand = _cand(0.2, nominal=True, support=object())
    assert not doubtful(cand, "AID", [_side("ITA")], [])


def test_an_unscored_rule_candidate_is_kept():
    assert not doubtful(_cand(None), "AID", [_side("ITA")], [])


@pytest.mark.parametrize("event", ["COOPERATE", "REQUEST", "THREATEN", "REJECT", "CONCEDE"])
def test_types_without_a_floor_keep_low_scores(event):
    assert event not in DOUBTFUL_BELOW
    assert not doubtful(_cand(0.1), event, [_side("ITA")], [])


def _types(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return sorted({e.event for e in events if not e.negated})


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian cooperation with Djibouti has angered Eritrea.",
        "Kenya's military collaboration with Uganda seems certain to grow.",
        "Kenya's growing cooperation with Somalia includes a deal on border patrols.",
    ],
)
def test_cooperation_as_what_a_clause_is_about_is_no_act(coder, text):
    assert "COOPERATE" not in _types(coder, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Kenyan cooperation with Somalia began on Monday.",
        "Kenya expanded its military cooperation with Somalia.",
    ],
)
def test_cooperation_carried_or_taking_place_stays(coder, text):
    assert "COOPERATE" in _types(coder, text)


@pytest.mark.slow
def test_a_protest_with_no_protester_is_no_act(coder):
    text = "Since 2011, when the uprising against the Libyan regime turned into a civil war, little has changed."
    assert "PROTEST" not in _types(coder, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Sudanese protesters marched in Khartoum against the army.",
        "Kenyan opposition supporters staged a protest outside parliament in Nairobi.",
    ],
)
def test_a_protest_with_its_protesters_stays(coder, text):
    assert "PROTEST" in _types(coder, text)


@pytest.mark.slow
def test_a_call_that_is_a_demand_is_no_talks(coder):
    assert "CONSULT" not in _types(coder, "Ethiopia made a similar call on Monday.")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president held a phone call with the Somali leader.",
        "The Kenyan president had a call with the Somali leader on Monday.",
    ],
)
def test_a_call_with_someone_stays_talks(coder, text):
    assert "CONSULT" in _types(coder, text)


@pytest.mark.slow
def test_a_second_verb_of_support_keeps_its_low_score(pipeline):
    # the model scores "supported" after "armed" low; the pair is one clause's acts
    text = "The Malian army armed and supported the rebels throughout the war."
    assert "SUPPORT" in _types(pipeline, text)


@pytest.mark.slow
def test_support_of_a_fact_below_the_floor_is_dropped(pipeline):
    text = "The Kenyan government must recognise it as such."
    assert "SUPPORT" not in _types(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia seeks a dominant role on the Red Sea coast.",
        "The Kenyan government sought a new regional order after the war.",
    ],
)
def test_seeking_with_nobody_to_ask_is_no_request(coder, text):
    assert "REQUEST" not in _types(coder, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Sri Lanka sought emergency loans from India.",
        "The Somali government is seeking funds from Qatar.",
    ],
)
def test_seeking_from_someone_stays_a_request(coder, text):
    assert "REQUEST" in _types(coder, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops are pressing ahead with a final assault on the town.",
        "Guns were pressed against the prisoners' heads in Nairobi.",
    ],
)
def test_pressing_that_moves_or_goes_on_is_no_request(coder, text):
    assert "REQUEST" not in _types(coder, text)


@pytest.mark.slow
def test_pressing_someone_to_act_stays_a_request(coder):
    assert "REQUEST" in _types(coder, "Kenya pressed Somalia to reopen the border.")
