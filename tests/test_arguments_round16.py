"""Sides chosen, round 16 (docs/accuracy-history.md, "Round 16: argument choice"), on sentences of our
own: whom an act is asked of, told or warned is the object of the asking verb, not the object of
what they are asked to do ("urged western diplomats to bring the opposition down"), even where
that object names no country; the parties named by the "by" phrase of a mediating verb ("talks
brokered by Norway, Qatar and Egypt") are third parties, one record each, not talks among
them; a town or capital that names where talks were held ("the Oslo talks") is a
party only when no other is named; who backs the doer, named by a participle the parser hangs on
the object ("pound the area, backed by Iranian allies"), is not the target; "it" before "be", an
adjective and a that-clause ("it is unacceptable that X closed the border") stands for the clause,
no actor."""

from __future__ import annotations

from datetime import date

import pytest

from coded import happened
from dateline.actors.resolve import resolve_actors
from dateline.model import Article
from dateline.nlp import annotate

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The minister urged western diplomats to bring the opposition to the table.", "diplomats"),
        ("Kenya asked foreign donors to fund the Somali army.", "donors"),
    ],
)
def test_whom_an_act_is_asked_of_is_the_target(lexicon_only, text, asked):
    records = happened(lexicon_only, text, "REQUEST")
    assert records, text
    assert all(asked in e.target.text for e in records if e.target), [
        (e.source, e.target) for e in records
    ]


def test_a_state_asked_stays_the_target(lexicon_only):
    text = "Trump urged France to repatriate the captured fighters."
    records = happened(lexicon_only, text, "REQUEST")
    assert {e.target.country for e in records if e.target} == {"FRA"}


def test_an_inner_object_is_the_target_when_nobody_is_asked(lexicon_only):
    text = "Chad vowed to expel the Sudanese ambassador."
    records = happened(lexicon_only, text, "THREATEN") + happened(lexicon_only, text, "COERCE")
    assert "SDN" in {e.target.country for e in records if e.target}, records


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        ("The Oslo talks, brokered by Norway, Qatar and Egypt, broke down.", {"NOR", "QAT", "EGY"}),
        ("The talks, mediated by Qatar and Egypt, ended on Monday.", {"QAT", "EGY"}),
    ],
)  # fmt: skip
def test_mediators_of_talks_each_consult(lexicon_only, text, mediators):
    records = happened(lexicon_only, text, "CONSULT")
    assert {e.source.country for e in records if e.source} == mediators
    assert not any(e.target and e.target.country in mediators for e in records), [
        (e.source, e.target) for e in records
    ]


def test_talks_between_parties_stay_among_them(lexicon_only):
    records = happened(lexicon_only, "Talks between Chad and Niger collapsed.", "CONSULT")
    assert {(e.source.country, e.target.country) for e in records} == {("TCD", "NER")}


def test_a_mediator_between_two_parties_keeps_them_as_targets(lexicon_only):
    records = happened(lexicon_only, "Qatar mediated between Sudan and Chad last month.", "CONSULT")
    assert {(e.source.country, e.target.country) for e in records} == {
        ("QAT", "SDN"),
        ("QAT", "TCD"),
    }


def test_a_brokered_deal_stays_among_its_brokers(lexicon_only):
    text = "A truce brokered by Chad, Niger and Mali collapsed."
    records = happened(lexicon_only, text, "AGREE")
    assert {(e.source.country, e.target.country) for e in records} == {
        ("TCD", "NER"),
        ("TCD", "MLI"),
    }


def test_a_venue_gives_way_to_the_parties_named(lexicon_only):
    text = "The Oslo talks between Chad and Niger were held on Monday."
    records = happened(lexicon_only, text, "CONSULT")
    assert {(e.source.country, e.target.country) for e in records} == {("TCD", "NER")}


def test_a_venue_with_nobody_else_named_is_kept(lexicon_only):
    records = happened(lexicon_only, "The Oslo talks were held on Monday.", "CONSULT")
    assert {e.source.country for e in records} == {"NOR"}


@pytest.mark.parametrize(
    "text",
    [
        "Chadian government forces continue to pound the area, backed by Sudanese and Libyan allies.",
        "Chadian forces shelled the villages, supported by Sudanese airstrikes, on Monday.",
    ],
)
def test_who_backs_an_object_is_not_its_target(pipeline, text):
    records = happened(pipeline, text, "ASSAULT")
    assert not any(e.target and e.target.country == "SDN" for e in records), [
        (e.source, e.target) for e in records
    ]


def test_who_made_an_object_is_still_its_owner(lexicon_only):
    records = happened(
        lexicon_only, "Chad condemned the comments made by the Sudanese president.", "ACCUSE"
    )
    assert {e.target.country for e in records if e.target} == {"SDN"}


def _it_countries(pipeline, text: str) -> set[str | None]:
    """The countries of the actors the second sentence's opening "It" is resolved to."""
    article = Article(id="t", text=text, published=date(2019, 3, 1))
    doc = annotate(pipeline.nlp, text)
    index = resolve_actors(doc, article, pipeline.kb)
    it = next(t for t in doc if t.text == "It")
    return {a.country for a in index.all_at(it.i)}


def test_it_before_an_adjective_and_a_that_clause_stands_for_no_one(pipeline):
    text = "Kenya protested on Monday. It is unacceptable that Uganda closed the border, the minister said."
    assert _it_countries(pipeline, text) == set()


def test_it_before_a_result_clause_keeps_its_antecedent(pipeline):
    text = "Kenya protested on Monday. It was so angry that it recalled its ambassador."
    assert _it_countries(pipeline, text) == {"KEN"}


def test_two_capitals_naming_talks_are_its_parties(lexicon_only):
    text = "The Oslo–Stockholm talks were held on Monday."
    records = happened(lexicon_only, text, "CONSULT")
    assert {(e.source.country, e.target.country if e.target else None) for e in records} == {
        ("NOR", "SWE")
    }


def test_a_sponsor_does_not_make_the_venue_a_party(lexicon_only):
    text = "The UN-sponsored Oslo talks between Chad and Niger were held on Monday."
    records = happened(lexicon_only, text, "CONSULT")
    assert "NOR" not in {e.source.country for e in records if e.source} | {
        e.target.country for e in records if e.target
    }, [(e.source, e.target) for e in records]
