"""Who did it to whom, late round 13 (events/extract/arguments.py), on sentences of our own:
the one whose aid an actor comes to, whose act a veto's own clause hindered, and the passive
subject of a verb whose agent is the act."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article


def _code(pipeline, text: str):
    return pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events


def _sides(events, kind: str):
    return [
        (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
        )
        for e in events
        if e.event == kind
    ]


@pytest.mark.slow
def test_whose_aid_an_actor_comes_to_is_the_one_helped(pipeline):
    events = _code(pipeline, "Britain came to Kenya's aid after the floods.")
    assert _sides(events, "AID") == [("GBR", "KEN")]


@pytest.mark.slow
def test_aid_given_to_someone_keeps_its_giver(pipeline):
    events = _code(pipeline, "Germany sent aid to Kenya.")
    assert ("DEU", "KEN") in _sides(events, "AID"), events


@pytest.mark.slow
def test_whose_act_a_veto_clause_hindered_is_its_target(pipeline):
    events = _code(
        pipeline, "It was Chinese vetoes that blocked effective UN action on the crisis."
    )
    rejects = [e for e in events if e.event == "REJECT"]
    assert rejects and rejects[0].source.country == "CHN"
    assert rejects[0].target is not None and rejects[0].target.sector == "IGO", rejects


@pytest.mark.slow
def test_passive_subject_of_a_verb_whose_agent_is_the_act_is_its_target(pipeline):
    events = _code(pipeline, "The UN was rendered powerless by Chinese vetoes.")
    rejects = [e for e in events if e.event == "REJECT"]
    assert rejects and rejects[0].source.country == "CHN"
    assert rejects[0].target is not None and rejects[0].target.sector == "IGO", rejects
