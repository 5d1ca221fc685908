"""Sides the sentence names, round 14 (docs/accuracy.md, "Round 14: sides in the sentence"), on
sentences of our own: a role after of/from/in with places coordinated ("the leaders of Kenya and
Uganda") is one role per place's country, not only the first's; a weapon a nationality owns
("Ugandan missiles") is that state's forces, and fired at a place it was fired by them; a
speaker's judgement of a passive clause ("the ADF is linked to al-Shabaab") is of its subject;
a refusal another state's side tells, naming no one refused, refuses the teller; a people's
allies ("America's Kurdish allies") are that people's armed movement."""

from __future__ import annotations

from datetime import date

import pytest

from coded import coded_events, sides
from dateline.actors.resolve import resolve_actors
from dateline.model import Article
from dateline.nlp import annotate


def _countries(pipeline, text: str, words: str) -> set[str | None]:
    """The countries of the actors whose mention is exactly ``words``."""
    article = Article(id="t", text=text, published=date(2019, 3, 1))
    index = resolve_actors(annotate(pipeline.nlp, text), article, pipeline.kb)
    return {a.country for a in index.actors for m in a.mentions if m.text == words}


@pytest.mark.slow
def test_a_role_of_two_coordinated_countries_is_one_role_of_each(pipeline):
    text = "Soldiers from Kenya and Uganda attacked the rebel camp."
    assert _countries(pipeline, text, "Soldiers") == {"KEN", "UGA"}


@pytest.mark.slow
def test_a_role_of_three_coordinated_places_is_one_role_of_each(pipeline):
    text = "Courts in Kenya, Uganda and Tanzania are investigating the smugglers."
    assert _countries(pipeline, text, "Courts") == {"KEN", "UGA", "TZA"}


@pytest.mark.slow
def test_a_role_of_one_country_stays_one_role(pipeline):
    text = "Officials in Kenya said the talks had failed."
    assert _countries(pipeline, text, "Officials") == {"KEN"}


@pytest.mark.slow
def test_the_leaders_of_two_countries_met_each_other(pipeline):
    events = coded_events(pipeline, "The leaders of Kenya and Uganda met on Friday.")
    assert frozenset({"KEN", "UGA"}) in {frozenset(s) for s in sides(events, "CONSULT")}, events


@pytest.mark.slow
def test_the_ministers_of_two_countries_agreed_with_each_other(pipeline):
    events = coded_events(
        pipeline, "The foreign ministers of Ghana and Togo agreed to reopen the border."
    )
    assert {frozenset(s) for s in sides(events, "AGREE")} == {frozenset({"GHA", "TGO"})}, events


def _roles(events, kind: str):
    return [
        (
            (e.source.country, e.source.sector) if e.source else None,
            e.target.country if e.target else None,
        )
        for e in events
        if e.event == kind
    ]


@pytest.mark.slow
def test_a_weapon_a_nationality_owns_is_that_states_forces(pipeline):
    events = coded_events(pipeline, "Ugandan missiles struck the Kenyan border town of Busia.")
    assert (("UGA", "MIL"), "KEN") in _roles(events, "ASSAULT"), events


@pytest.mark.slow
def test_a_weapon_nobody_owns_names_nobody(pipeline):
    text = "Rockets hit the capital on Monday."
    assert _countries(pipeline, text, "Rockets") == set()


@pytest.mark.slow
def test_weapons_fired_at_a_place_were_fired_by_their_owner(pipeline):
    events = coded_events(
        pipeline, "Suspected Ugandan rockets were fired at several Kenyan towns on Monday."
    )
    assert _roles(events, "ASSAULT") == [(("UGA", "MIL"), "KEN")], events


@pytest.mark.slow
def test_whom_a_passive_judgement_is_said_of_is_its_subject(pipeline):
    events = coded_events(pipeline, "Kenya says the ADF is linked to al-Shabaab.")
    assert sides(events, "ACCUSE") == [("KEN", "COD")], events


@pytest.mark.slow
def test_a_judgement_with_no_subject_side_is_of_the_one_it_names(pipeline):
    events = coded_events(
        pipeline,
        "The Kenyan foreign minister said the famine was a stain on the conscience of the "
        "Ugandan government.",
    )
    assert sides(events, "ACCUSE") == [("KEN", "UGA")], events


@pytest.mark.slow
def test_a_refusal_another_state_tells_refuses_the_teller(pipeline):
    events = coded_events(pipeline, "Ugandan officials said Kenya had refused to help.")
    assert sides(events, "REJECT") == [("KEN", "UGA")], events
    events = coded_events(pipeline, "Kenya says Britain has stonewalled requests for help.")
    assert sides(events, "REJECT") == [("GBR", "KEN")], events


@pytest.mark.slow
def test_a_refusal_the_refuser_tells_has_no_teller_as_target(pipeline):
    events = coded_events(pipeline, "Kenya said it had refused to help.")
    assert sides(events, "REJECT") == [("KEN", None)], events


@pytest.mark.slow
def test_a_peoples_allies_are_its_armed_movement(pipeline):
    events = coded_events(
        pipeline, "The envoy was in the region for talks with America's Kurdish allies."
    )
    consult = [e for e in events if e.event == "CONSULT"]
    assert consult and consult[0].target is not None, events
    assert consult[0].target.sector == "REB" and consult[0].target.country != "USA", events
