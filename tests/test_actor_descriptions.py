"""Descriptions that refer back to a named actor ("the militia", "the ministry") and appositions
that give an unknown person a nationality, on sentences of our own
(dateline/actors/resolve/describe.py, coreference.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors.resolve import resolve_actors
from dateline.actors.resolve.describe import descriptions
from dateline.model import Article


def test_description_words_are_data():
    data = descriptions()
    assert "militia" in data.armed and "ministry" in data.bodies and "group" in data.any_body
    assert not data.armed & data.any_body


def _index(pipeline, text: str):
    doc = pipeline.nlp(text)
    article = Article(id="t", text=text, published=date(2018, 3, 1))
    return resolve_actors(doc, article, pipeline.kb)


def _actor_of(index, words: str):
    for actor in index.actors:
        for m in actor.mentions:
            if m.text == words or m.text.endswith(" " + words):
                return actor, m
    raise AssertionError([(a.name, [m.text for m in a.mentions]) for a in index.actors])


@pytest.mark.slow
def test_the_militia_is_the_one_armed_group_named_before(pipeline):
    index = _index(
        pipeline,
        "Hezbollah fighters crossed the border near Qusair. Officials in Washington and Moscow "
        "said the militia had moved artillery overnight.",
    )
    actor, mention = _actor_of(index, "militia")
    assert (actor.name, mention.rule) == ("Hezbollah", "description")


@pytest.mark.slow
def test_two_armed_groups_leave_the_militia_unresolved(pipeline):
    index = _index(
        pipeline,
        "Hezbollah and Hamas fighters were seen near the border, officials in Washington said. "
        "The militia denied it.",
    )
    actor, mention = _actor_of(index, "militia")
    assert mention.rule != "description" and actor.name not in {"Hezbollah", "Hamas"}


@pytest.mark.slow
def test_the_ministry_is_the_ministry_named_before(pipeline):
    index = _index(
        pipeline,
        "The Ministry of Defence in London said the convoy had been hit. Later the ministry "
        "withdrew the statement.",
    )
    actor, _ = _actor_of(index, "ministry")
    assert actor.country == "GBR"


@pytest.mark.slow
def test_an_apposition_gives_an_unknown_person_a_nationality(pipeline):
    index = _index(
        pipeline,
        "Tom Walker, a Briton held in northern Iraq, was freed on Monday. "
        "Jo Smith, a volunteer with Kurdish fighters in Syria, was wounded.",
    )
    walker, _ = _actor_of(index, "Tom Walker")
    assert walker.country == "GBR"
    assert all(a.name != "United Kingdom" for a in index.actors if a.mentions)  # one actor
    smith, _ = _actor_of(index, "Jo Smith")
    assert (smith.country, smith.sector) == ("SYR", "REB")


@pytest.mark.slow
def test_syrian_opposition_bodies_and_kurdish_units_are_known(pipeline):
    index = _index(
        pipeline,
        "The HNC met envoys in Geneva while the Kurdish People's Protection Units held Manbij.",
    )
    hnc, _ = _actor_of(index, "HNC")
    assert (hnc.country, hnc.sector) == ("SYR", "OPP")
    ypg, _ = _actor_of(index, "Kurdish People's Protection Units")
    assert (ypg.country, ypg.sector) == ("SYR", "REB")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        (
            "The Dutch government said on Monday it would not take the women back. Lawyers in "
            "Iraq accused the government of abandoning them.",
            "government",
            "NLD",
        ),
        (
            "The Assad regime has besieged the suburb for months. Aid agencies in Geneva said "
            "the regime had blocked every convoy.",
            "regime",
            "SYR",
        ),
    ],
)
def test_the_government_and_the_regime_are_the_one_named_before(pipeline, text, word, country):
    index = _index(pipeline, text)
    found = [(a.country, m.rule) for a in index.actors for m in a.mentions if m.text == word]
    assert found == [(country, "description")]


@pytest.mark.slow
def test_two_governments_named_before_leave_the_government_unresolved(pipeline):
    index = _index(
        pipeline,
        "The Dutch government and the Belgian government met in Brussels. Lawyers in Iraq "
        "accused the government of abandoning the women.",
    )
    found = [m.rule for a in index.actors for m in a.mentions if m.text == "government"]
    assert found and "description" not in found
