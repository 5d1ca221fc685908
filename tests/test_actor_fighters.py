"""Foreign fighters act for the armed group they fight with (actors/resolve/fighters.py), on
sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article


def _actors(pipeline, text: str):
    result = pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1)))
    return {m.text: (a.country, a.sector) for a in result.actors for m in a.mentions}


@pytest.mark.slow
def test_a_national_who_went_to_fight_is_a_fighter_of_that_war(pipeline):
    found = _actors(
        pipeline,
        "A Danish man who went to Syria to fight Islamic State has been killed in Raqqa, "
        "Kurdish officials said.",
    )
    assert found["Danish man"] == ("SYR", "REB")


@pytest.mark.slow
def test_fighting_with_a_group_keys_the_person_and_later_pronouns_to_it(pipeline):
    found = _actors(
        pipeline,
        "Jo Smith, 31, from Leeds, fought with the YPG for a year. He was captured near Raqqa "
        "in May.",
    )
    assert found["Jo Smith"] == ("SYR", "REB")
    assert found["He"] == ("SYR", "REB")


@pytest.mark.slow
def test_a_group_in_front_of_a_name_makes_its_member(pipeline):
    found = _actors(pipeline, "The Islamic State member Jo Smith was killed near Raqqa.")
    assert ("SYR", "REB") in {v for k, v in found.items() if "Jo Smith" in k}


@pytest.mark.slow
def test_a_kidnapped_aid_worker_or_a_supporter_keeps_their_own_country(pipeline):
    found = _actors(
        pipeline,
        "A Danish aid worker was kidnapped by Islamic State in Syria. Jo Smith, a teacher from "
        "Leeds, left Britain to join the group in 2015.",
    )
    assert found["Danish aid worker"][0] == "DNK"
    assert found["Jo Smith"][0] != "SYR"


@pytest.mark.slow
def test_a_nationality_in_front_of_an_unknown_noun_makes_a_fighter(pipeline):
    found = _actors(
        pipeline,
        "A Canadian film-maker has been killed while working alongside Kurdish forces in "
        "Raqqa, his family said.",
    )
    assert found["Canadian film-maker"] == ("SYR", "REB")
    assert found["Kurdish forces"] == ("SYR", "REB")


@pytest.mark.slow
def test_foreign_jihadists_act_where_the_story_s_armed_groups_act(pipeline):
    found = _actors(
        pipeline,
        "Two Australian jihadists and several French foreign fighters were captured near Raqqa "
        "by Kurdish fighters after Islamic State lost the town.",
    )
    assert found["Two Australian jihadists"] == ("SYR", "REB")
    assert found["several French foreign fighters"] == ("SYR", "REB")


@pytest.mark.slow
def test_militants_keep_their_country_where_the_armed_group_is_elsewhere(pipeline):
    found = _actors(
        pipeline,
        "Israeli jets struck Hezbollah positions in Lebanon. Two Israeli militants were "
        "arrested in Hebron.",
    )
    assert found["Two Israeli militants"][0] == "ISR"


@pytest.mark.slow
def test_acting_as_a_recruiter_of_a_group_makes_its_member(pipeline):
    found = _actors(
        pipeline,
        "Jo Roe, 29, from Cardiff, acted as an Islamic State recruiter in Raqqa. Jo Lane worked "
        "as a nurse in Raqqa before Islamic State took the city.",
    )
    assert found["Jo Roe"] == ("SYR", "REB")
    assert found["Jo Lane"][1] != "REB"


@pytest.mark.slow
def test_both_persons_of_a_coordinated_subject_fight_for_the_group(pipeline):
    found = _actors(
        pipeline,
        "Jo Roe and Sam Lane fought with the YPG for a year before they were captured near Raqqa.",
    )
    assert found["Jo Roe"] == ("SYR", "REB")
    assert found["Sam Lane"] == ("SYR", "REB")


@pytest.mark.slow
def test_a_person_called_a_jihadist_acts_where_the_armed_groups_act(pipeline):
    found = _actors(
        pipeline,
        "Islamic State fighters held Raqqa for three years. In Raqqa she married an Australian "
        "jihadist, John Roe. Roe was killed in the town of Kobani.",
    )
    assert found["Roe"] == ("SYR", "REB")
    # a person of the same nationality not called a militant keeps their country
    found = _actors(
        pipeline,
        "Islamic State fighters held Raqqa for three years. In Raqqa she met an Australian "
        "doctor, John Roe. Roe was killed in the town of Kobani.",
    )
    assert found["Roe"][0] == "AUS"
