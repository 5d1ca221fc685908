"""Modality on real-article patterns: background history, plans, suppositions, threats and
refusals that were made, and what a conjoined clause does not inherit (sentences of our own)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

DATE = "2017-01-28"


def coded(pipeline, text):
    return pipeline.code_text(text, date=DATE).events


def kinds(evs, event):
    return [(e.modality, e.negated) for e in evs if e.event == event]


def happened(evs, event):
    return [e for e in evs if e.event == event and not e.negated and e.modality
            in {"asserted", "historical"}]  # fmt: skip


def test_background_history_is_asserted_and_marked_historical(pipeline):
    old = coded(pipeline, "In 2011 the Syrian army shelled the city of Homs.")
    assert kinds(old, "ASSAULT") == [("historical", False)]
    recent = coded(pipeline, "On Thursday the Syrian army shelled the city of Homs.")
    assert kinds(recent, "ASSAULT") == [("asserted", False)]


def test_a_threat_is_made_even_when_its_content_is_conditional(pipeline):
    evs = coded(pipeline, "Iran said it will strike US bases if attacked.")
    assert kinds(evs, "THREATEN") == [("asserted", False)]
    assert not happened(evs, "ASSAULT")  # the strike itself has not happened
    hedged = coded(pipeline, "Russia may warn Ukraine.")
    assert kinds(hedged, "THREATEN") == [("hypothetical", False)]


def test_a_stated_refusal_is_an_asserted_reject(pipeline):
    assert kinds(coded(pipeline, "Nigeria will not meet Cameroon."), "REJECT") == [
        ("asserted", False)
    ]
    # a refusal word under a negation is a refusal that did not happen
    denied = coded(pipeline, "The Iraqi government did not reject the proposal.")
    assert kinds(denied, "REJECT") == [("negated", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Kuwait is expected to restore ties with Syria next year.",
        "Egypt is poised to reopen its embassy in Tripoli.",
        "Ministers put off a decision on airstrikes against the militants.",
        "Officials in Ankara discussed a possible Turkish airstrike on the militants.",
    ],
)
def test_plans_and_suppositions_are_not_reported_as_done(pipeline, text):
    evs = coded(pipeline, text)
    assert not [e for e in evs if e.event in {"AGREE", "SUPPORT", "ASSAULT"} and e in
                happened(evs, e.event)]  # fmt: skip


def test_a_conjunct_with_its_own_tense_keeps_its_own_polarity(pipeline):
    evs = coded(pipeline, "The Libyan government did not comment but has condemned Egypt.")
    assert kinds(evs, "ACCUSE") == [("asserted", False)]


def test_a_call_for_an_act_is_an_asserted_request_and_the_act_is_not_done(pipeline):
    evs = coded(
        pipeline, "The Kenyan president called for the release of the detained journalists."
    )
    assert kinds(evs, "REQUEST") == [("asserted", False)]
    assert not happened(evs, "RETREAT")
    demand = coded(pipeline, "Amnesty called for Egypt to free the activists.")
    assert [(e.event, e.target.country) for e in demand] == [("REQUEST", "EGY")]  # one way only


def test_a_time_clause_takes_the_modality_of_its_main_clause(pipeline):
    evs = coded(pipeline, "Thousands may die as Syrian forces storm the rebel town.")
    assert not happened(evs, "ASSAULT")
    done = coded(pipeline, "Syrian forces stormed the town as thousands fled.")
    assert kinds(done, "ASSAULT") == [("asserted", False)]


def test_a_plan_noun_trigger_names_a_plan(pipeline):
    evs = coded(pipeline, "Trump's decision to pull US troops out of Syria surprised Turkey.")
    assert not [e for e in evs if e.event in {"CONCEDE", "RETREAT"} and e in happened(evs, e.event)]


def test_what_a_pledge_promises_is_not_done(pipeline):
    evs = coded(pipeline, "Japan made a pledge to Vietnam on flood relief.")
    assert [(e.event, e.modality) for e in evs] == [("AGREE", "asserted")]
    demand = coded(
        pipeline, "Egypt renewed its demand for the release of the detained journalists."
    )
    assert not happened(demand, "RETREAT")
