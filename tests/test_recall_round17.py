"""Round 17, recall (issue 13, recall35): acts the coder did not propose.

- People taken, transferred or delivered to a prison, a camp or into custody, or placed in a
  camp, are detained (PLOVER COERCE, detain: the lexicon entries coerce-take-to-prison and
  coerce-put-in-prison); "taken to a hospital" (even one in a camp) and "took place in a prison"
  are no detention (a visit, "took journalists to the prison for a tour", is not told apart).

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Ugandan police took the opposition leader to a prison in Kampala.", "UGA", "UGA"),
        ("Kenyan guards transferred the Somali prisoners to a jail in Garissa.", "KEN", "SOM"),
        ("Rwandan soldiers took the Congolese rebels into custody near Goma.", "RWA", "COD"),
    ],
)  # fmt: skip
def test_people_taken_to_prison_are_detained(coder, text, source, target):
    got = happened(coder, text, "COERCE")
    assert [(e.mode, e.source.country, e.target.country) for e in got] == [
        ("detain", source, target)
    ], text


def test_taken_to_a_detention_camp_with_nobody_taking_them(coder):
    text = "The Somali women were taken to a detention camp on Monday."
    got = happened(coder, text, "COERCE")
    assert [(e.mode, e.target.country) for e in got] == [("detain", "SOM")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenyan police placed the Somali men in a camp near the border.", "SOM"),
        ("The Somali families were transferred to a camp in Garissa by Kenyan police.", "SOM"),
    ],
)
def test_people_placed_or_transferred_in_a_camp_are_detained(coder, text, target):
    got = happened(coder, text, "COERCE")
    assert [(e.mode, e.source.country, e.target.country) for e in got] == [
        ("detain", "KEN", target)
    ], text


@pytest.mark.parametrize(
    "text",
    [
        "The wounded Somali boy was taken to a hospital in Garissa.",
        "The Somali infant had been taken to hospital in the Dadaab camp several times.",
        "The talks between Kenya and Somalia took place in a prison in Nairobi.",
    ],
)
def test_a_hospital_or_a_venue_detains_nobody(coder, text):
    assert [e for e in happened(coder, text, "COERCE") if e.mode == "detain"] == [], text
