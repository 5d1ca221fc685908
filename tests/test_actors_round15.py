"""Round 15 (issue 13, dyad F1): actors keyed to the wrong country, on sentences of our own.

A definite description ("the militia") takes the one actor of its kind named just before it when
the article has named several (dateline/actors/resolve/describe.py); unnamed armed rebels whose
country only the story gave take the country the act's own clause names
(dateline/actors/home.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors.resolve import resolve_actors
from dateline.model import Article


def _index(pipeline, text: str):
    doc = pipeline.nlp(text)
    article = Article(id="t", text=text, published=date(2018, 3, 1))
    return resolve_actors(doc, article, pipeline.kb)


def _descriptions(index, word: str) -> list[tuple[str, str]]:
    return [(a.name, m.rule) for a in index.actors for m in a.mentions if m.text == word]


@pytest.mark.slow
def test_the_militia_is_the_armed_group_named_in_the_sentence_before(pipeline):
    index = _index(
        pipeline,
        "Hamas fighters fired rockets from Gaza last year. Hezbollah fighters crossed the border "
        "near Qusair on Monday. Officials in Washington said the militia had moved artillery "
        "overnight.",
    )
    assert _descriptions(index, "militia") == [("Hezbollah", "description")]


@pytest.mark.slow
def test_the_group_named_in_its_own_sentence_is_the_one_described(pipeline):
    index = _index(
        pipeline,
        "Hamas fighters fired rockets from Gaza last year. Analysts in London spoke of the war. "
        "Officials said on Monday that Hezbollah had moved artillery overnight and that the "
        "militia would not withdraw.",
    )
    assert _descriptions(index, "militia") == [("Hezbollah", "description")]


@pytest.mark.slow
def test_two_armed_groups_just_named_still_leave_the_militia_unresolved(pipeline):
    index = _index(
        pipeline,
        "Analysts in London spoke of the war last year. Hezbollah and Hamas fighters were seen "
        "near the border on Monday. The militia denied it.",
    )
    found = _descriptions(index, "militia")
    assert found and all(rule != "description" for _, rule in found)


@pytest.mark.slow
def test_rebels_the_story_placed_take_the_country_their_clause_names(pipeline):
    result = pipeline.code_text(
        "The White House said on Monday that Washington would keep its jets in Texas and "
        "Virginia, and US officials in New York agreed. In Syria's Deir ez-Zor province, "
        "Kurdish forces attacked extremists in several villages on Tuesday."
    )
    attacks = [e for e in result.events if e.event == "ASSAULT" and e.target is not None]
    assert attacks
    assert all((e.target.text, e.target.country) == ("extremists", "SYR") for e in attacks), [
        (e.target.text, e.target.country) for e in attacks
    ]


@pytest.mark.slow
def test_story_placed_civilians_keep_the_story_country(pipeline):
    """Only armed rebels move to the clause's place: civilians, who are often foreigners held
    or killed abroad, keep the country the story gave them."""
    from dateline.actors.home import LAW_SECTORS, OWN_PLACE_SECTORS

    assert "REB" in OWN_PLACE_SECTORS and LAW_SECTORS <= OWN_PLACE_SECTORS
    assert "CVL" not in OWN_PLACE_SECTORS


def _mentions(index, words: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (a.country, a.sector, m.rule) for a in index.actors for m in a.mentions if m.text == words
    ]


@pytest.mark.slow
def test_opposition_leaders_are_no_heads_of_state_met_before(pipeline):
    index = _index(
        pipeline,
        "Putin met Assad in Sochi on Monday. The two leaders agreed on a plan. On Tuesday, "
        "Syrian opposition leaders met in Riyadh.",
    )
    assert _mentions(index, "Syrian opposition leaders") == [("SYR", "OPP", "role")]


@pytest.mark.slow
def test_the_leaders_of_two_named_states_are_not_the_pair_met_before(pipeline):
    index = _index(
        pipeline,
        "Trump met Macron in Paris on Monday. The two leaders agreed on trade. On Thursday the "
        "leaders of France and Britain spoke on the phone.",
    )
    assert sorted(c for c, _, _ in _mentions(index, "leaders")) == ["FRA", "GBR"]


@pytest.mark.slow
def test_the_two_leaders_are_still_the_pair_met_before(pipeline):
    index = _index(
        pipeline, "Macron met Putin in Paris on Monday. On Thursday the two leaders spoke again."
    )
    found = _mentions(index, "the two leaders")
    assert sorted(c for c, _, _ in found) == ["FRA", "RUS"]
    assert {rule for _, _, rule in found} == {"group-coref"}


@pytest.mark.slow
def test_the_foreign_minister_is_the_holder_of_that_office_named_before(pipeline):
    index = _index(
        pipeline,
        "Turkish foreign minister Ali Demirkol said Ankara would act. Paris disagreed. The "
        "foreign minister also criticised Macron.",
    )
    assert _mentions(index, "The foreign minister") == [("TUR", "GOV", "office-coref")]


@pytest.mark.slow
def test_of_two_office_holders_the_one_just_named_is_meant(pipeline):
    index = _index(
        pipeline,
        "Turkish foreign minister Ali Demirkol spoke on Monday. Greek foreign minister Nikos "
        "Pappas replied on Tuesday. The foreign minister also criticised the press.",
    )
    assert _mentions(index, "The foreign minister") == [("GRC", "GOV", "office-coref")]


@pytest.mark.slow
def test_office_holders_named_long_before_leave_the_office_unresolved(pipeline):
    index = _index(
        pipeline,
        "Turkish foreign minister Ali Demirkol met Greek foreign minister Nikos Pappas in "
        "Athens. Talks went on for hours. Journalists waited outside. The foreign minister "
        "later criticised the press.",
    )
    found = _mentions(index, "foreign minister")
    assert found and all(rule != "office-coref" for _, _, rule in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Erdoğan warned Kurdish political activists in Turkey not to join the protests.",
            "Kurdish political activists",
            ("TUR", "CVL"),
        ),
        (
            "Turkey has waged war on Kurdish militants in Turkey for decades.",
            "Kurdish militants",
            ("TUR", "REB"),
        ),
    ],
)
def test_a_state_named_right_after_a_peoples_body_places_it(pipeline, text, words, expected):
    assert [(c, s) for c, s, _ in _mentions(_index(pipeline, text), words)] == [expected]


@pytest.mark.slow
def test_a_town_after_a_peoples_body_leaves_it_to_the_story(pipeline):
    """ "Kurdish fighters in Afrin": the town says where the act is; the story still decides
    whose the fighters are (Syria's here)."""
    found = _mentions(
        _index(pipeline, "Turkey attacked Kurdish fighters in Afrin."), "Kurdish fighters"
    )
    assert [rule for _, _, rule in found] == ["people"]


@pytest.mark.slow
def test_the_envoy_is_the_person_whose_title_is_an_envoy_for_somewhere(pipeline):
    """A title's scope ("special envoy | for Syria") is not part of the office."""
    index = _index(
        pipeline,
        "Staffan de Mistura met opposition delegates in Geneva on Monday. The envoy said talks "
        "would resume.",
    )
    assert _mentions(index, "The envoy") == [(None, "IGO", "office-coref")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vladimir Putin, the Russian president whose military intervened in the war in "
            "2015, welcomed the move.",
            ("RUS", "MIL"),
        ),
        ("Erdogan, whose troops entered Afrin in January, spoke on Monday.", ("TUR", "MIL")),
    ],
)
def test_whose_forces_are_the_state_of_the_leader_described(pipeline, text, expected):
    index = _index(pipeline, text)
    words = "whose military" if "military" in text else "whose troops"
    assert [(c, s) for c, s, _ in _mentions(index, words)] == [expected]


@pytest.mark.slow
def test_whose_militia_of_a_private_person_is_not_his_passports(pipeline):
    index = _index(
        pipeline, "Tom Walker, a British businessman whose militia fought the rebels, spoke."
    )
    assert [c for c, _, _ in _mentions(index, "whose militia")] == [None]
