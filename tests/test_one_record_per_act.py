"""One record per act and side: an act named once is coded once for each side it has, not once
per phrase that names the same party (sentences of our own)."""

from __future__ import annotations

import pytest

from dateline.events.extract.coder import _one_per_side
from dateline.model import Actor

pytestmark = pytest.mark.slow


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


def test_parties_of_one_country_and_sector_are_one_side(nlp):
    doc = nlp("Kurdish forces captured Kotey and Elsheikh near Raqqa on Sunday.")
    kotey, elsheikh = _tok(doc, "Kotey"), _tok(doc, "Elsheikh")
    briton = lambda name: Actor(id=name, name=name, country="GBR", sector="CVL")  # noqa: E731
    kept = _one_per_side([(briton("Kotey"), kotey), (briton("Elsheikh"), elsheikh)])
    assert [a.name for a, _ in kept] == ["Kotey"]
    # another country, or another sector of the same country, is a side of its own
    other = Actor(id="x", name="Elsheikh", country="FRA", sector="CVL")
    assert len(_one_per_side([(briton("Kotey"), kotey), (other, elsheikh)])) == 2
    official = Actor(id="y", name="Elsheikh", country="GBR", sector="GOV")
    assert len(_one_per_side([(briton("Kotey"), kotey), (official, elsheikh)])) == 2


def test_a_mention_read_twice_counts_once_unless_it_names_two_countries(nlp):
    doc = nlp("Russian and Syrian forces shelled the town on Monday.")
    forces = _tok(doc, "forces")
    vague = Actor(id="v", name="forces")
    rus = Actor(id="r", name="Russian forces", country="RUS", sector="MIL")
    syr = Actor(id="s", name="Syrian forces", country="SYR", sector="MIL")
    assert [a.id for a, _ in _one_per_side([(vague, forces), (rus, forces)])] == ["r"]
    assert [a.id for a, _ in _one_per_side([(rus, forces), (vague, forces)])] == ["r"]
    assert [a.id for a, _ in _one_per_side([(rus, forces), (syr, forces)])] == ["r", "s"]


def test_an_apposition_names_the_same_party_again(pipeline):
    events = [
        e
        for e in pipeline.code_text(
            "Kenyan police arrested two Ugandan activists, Ruth Nabirye and Joseph Okello, "
            "in Nairobi on Monday.",
            date="2024-03-14",
        ).events
        if e.event == "COERCE"
    ]
    assert [(e.source.country, e.target.country) for e in events] == [("KEN", "UGA")]


def test_parties_of_two_countries_keep_a_record_each(pipeline):
    events = [
        e
        for e in pipeline.code_text(
            "The Kenyan president urged Uganda and Tanzania to reopen the border.",
            date="2024-03-14",
        ).events
        if e.event == "REQUEST"
    ]
    assert sorted(e.target.country for e in events) == ["TZA", "UGA"]
