"""Round 19, the dyad lane (dyad19): an act told as done whose sentence names nobody doing it
is done by whoever did the act told just before it (actors/home.py ``previous_actor``), and one
that names nobody it was done to is done to whom the last act of its kind was
(``previous_target``), on sentences and events of our own."""

from __future__ import annotations

from datetime import date

import pytest

from coded import coded_events
from dateline.actors.home import previous_actor, previous_target
from dateline.model import ActorRef, Event, Span


def _event(
    kind: str,
    sentence: int,
    start: int,
    source: str | None = None,
    *,
    negated: bool = False,
    modality: str = "asserted",
) -> Event:
    ref = ActorRef(text=source, name=source, country="KEN", sector="COP") if source else None
    trigger = Span(text="x", start=start, end=start + 1)
    return Event(
        event=kind,
        sentence=sentence,
        trigger=trigger,
        source=ref,
        negated=negated,
        modality=modality,
    )


def test_the_doer_of_the_sentence_before_goes_on():
    events = [_event("COERCE", 0, 5, "Kenyan police"), _event("COERCE", 1, 40)]
    assert previous_actor(events) == 1
    assert events[1].source is not None and events[1].source.text == "Kenyan police"


def test_an_earlier_doer_of_the_same_sentence_comes_first():
    events = [
        _event("ASSAULT", 0, 5, "the army"),
        _event("COERCE", 1, 40, "the police"),
        _event("COERCE", 1, 70),
    ]
    previous_actor(events)
    assert events[2].source.text == "the police"


def test_the_last_doer_of_the_sentence_before_is_taken():
    events = [
        _event("ASSAULT", 0, 5, "the army"),
        _event("COERCE", 0, 30, "the police"),
        _event("COERCE", 1, 60),
    ]
    previous_actor(events)
    assert events[2].source.text == "the police"


def test_a_sentence_with_no_act_between_breaks_the_chain():
    events = [_event("COERCE", 0, 5, "Kenyan police"), _event("COERCE", 2, 90)]
    assert previous_actor(events) == 0
    assert events[1].source is None


def test_negated_and_planned_acts_neither_give_nor_take():
    events = [
        _event("ASSAULT", 0, 5, "the army", negated=True),
        _event("ASSAULT", 1, 40),
        _event("ASSAULT", 2, 80, "the rebels", modality="future"),
        _event("ASSAULT", 3, 120),
        _event("ASSAULT", 3, 150, modality="hypothetical"),
    ]
    assert previous_actor(events) == 0
    assert [e.source for e in events[1:2] + events[3:]] == [None, None, None]


def test_a_given_doer_goes_on_to_the_next_sentence():
    events = [
        _event("COERCE", 0, 5, "Kenyan police"),
        _event("COERCE", 1, 40),
        _event("COERCE", 2, 80),
    ]
    assert previous_actor(events) == 2
    assert events[2].source.text == "Kenyan police"


def test_a_named_doer_is_kept():
    events = [_event("COERCE", 0, 5, "Kenyan police"), _event("COERCE", 1, 40, "the court")]
    assert previous_actor(events) == 0
    assert events[1].source.text == "the court"


@pytest.mark.slow
def test_arrests_after_a_raid_are_the_raiders(pipeline):
    events = coded_events(
        pipeline,
        "Kenyan police raided the offices of the newspaper on Tuesday. "
        "Two editors were arrested and their computers were seized.",
        date(2019, 3, 1),
    )
    arrested = [e for e in events if e.event == "COERCE" and e.trigger.text == "arrested"]
    assert arrested and arrested[0].source is not None, events
    assert arrested[0].source.country == "KEN"


def test_whom_the_act_is_done_to_is_not_carried_in_as_its_doer():
    events = [_event("ASSAULT", 0, 5, "the rebels"), _event("ASSAULT", 1, 40)]
    events[1].target = ActorRef(text="The rebels", name="the rebels", country="KEN")
    assert previous_actor(events) == 0
    assert events[1].source is None


def _aimed(event: Event, target: str) -> Event:
    event.target = ActorRef(text=target, name=target, country="RUS", sector="GOV")
    return event


def test_an_act_of_the_same_kind_goes_on_against_the_same_party():
    events = [
        _aimed(_event("REQUEST", 0, 5, "Kenyan police"), "Moscow"),
        _event("REQUEST", 2, 90, "Kenyan police"),
    ]
    assert previous_target(events) == 1
    assert events[1].target.text == "Moscow"


def test_an_act_of_another_kind_or_too_far_back_gives_no_target():
    events = [
        _aimed(_event("REQUEST", 0, 5, "Kenyan police"), "Moscow"),
        _event("ACCUSE", 1, 40, "Kenyan police"),
        _event("REQUEST", 3, 120, "Kenyan police"),
    ]
    assert previous_target(events) == 0
    assert events[1].target is None and events[2].target is None


def test_a_party_of_the_same_sentence_is_not_taken_and_a_doer_is_not_its_own_target():
    events = [
        _aimed(_event("REQUEST", 1, 5, "Kenyan police"), "Moscow"),
        _event("REQUEST", 1, 40, "Kenyan police"),
        _event("REQUEST", 2, 80, "Moscow"),
    ]
    assert previous_target(events) == 0
    assert events[1].target is None and events[2].target is None
