"""Who did it to whom, round 12 (docs/accuracy.md, "Round 12: actors"), on sentences of our own:
an IGO office in the apposition after a name, a state's envoy to an IGO, the last word of an
NGO's long name."""

from __future__ import annotations

import pytest

from coded import coded_events, first_event


def _source(pipeline, text: str, kind: str):
    event = first_event(coded_events(pipeline, text), kind)
    assert event.source is not None
    return event.source


@pytest.mark.slow
def test_an_igo_office_after_the_name_makes_an_igo_person(pipeline):
    source = _source(
        pipeline,
        "Rebels shelled Damascus on Monday. Peter Klaus, the EU commissioner for humanitarian "
        "aid, urged all sides to stop the fighting.",
        "REQUEST",
    )
    assert (source.country, source.sector) == (None, "IGO")


@pytest.mark.slow
def test_a_un_high_commissioner_after_the_name_is_the_uns(pipeline):
    source = _source(
        pipeline,
        "Rebels shelled Damascus on Monday. Jean Moreau, the UN high commissioner for human "
        "rights, condemned the attacks on hospitals.",
        "ACCUSE",
    )
    assert (source.country, source.sector) == (None, "IGO")


@pytest.mark.slow
def test_a_states_envoy_to_an_igo_acts_for_the_state(pipeline):
    source = _source(
        pipeline,
        "Rebels shelled Damascus on Monday. Jean Moreau, the French envoy to the UN, condemned "
        "the attacks on hospitals.",
        "ACCUSE",
    )
    assert source.country == "FRA" and source.sector != "IGO"


@pytest.mark.slow
def test_an_adviser_to_an_igo_is_still_the_igos(pipeline):
    source = _source(
        pipeline,
        "Rebels shelled Damascus on Monday. Jean Moreau, a humanitarian adviser to the UN, "
        "condemned the attacks on hospitals.",
        "ACCUSE",
    )
    assert (source.country, source.sector) == (None, "IGO")


@pytest.mark.slow
def test_an_ngo_is_known_by_the_last_word_of_its_long_name(pipeline):
    source = _source(
        pipeline,
        "Rebels shelled Damascus on Monday. Omar Haddad of the Union of Medical Relief "
        "Organisations accused the government of war crimes.",
        "ACCUSE",
    )
    assert (source.country, source.sector) == (None, "NGO")


@pytest.mark.slow
def test_on_a_tie_islamic_state_belongs_to_the_country_the_story_names_first(pipeline):
    events = coded_events(
        pipeline,
        "We lived in a farming village in the north of Iraq when Islamic State came. The hills "
        "behind our house run all the way to Syria. One morning Isis fighters shot our "
        "neighbours in the street.",
    )
    shot = first_event(events, "ASSAULT")
    assert shot.source is not None and shot.source.country == "IRQ"


@pytest.mark.slow
def test_a_country_named_more_often_still_wins_over_the_first_named(pipeline):
    events = coded_events(
        pipeline,
        "We lived in a farming village in the north of Iraq before the war. We fled to Syria, "
        "and later settled near Aleppo in Syria. One morning Isis fighters shot our neighbours "
        "in the street.",
    )
    shot = first_event(events, "ASSAULT")
    assert shot.source is not None and shot.source.country == "SYR"


@pytest.mark.slow
def test_a_stateless_people_named_with_a_state_is_that_states(pipeline):
    events = coded_events(
        pipeline,
        "British Kurds blocked roads in London on Friday to protest against the Turkish "
        "offensive in Afrin. Turkish police detained dozens of Iranian Kurds at the border.",
    )
    protest = first_event(events, "PROTEST")
    assert protest.source is not None and protest.source.country == "GBR"
    detained = first_event(events, "COERCE")
    assert detained.target is not None and detained.target.country == "IRN"


@pytest.mark.slow
def test_a_backer_in_front_of_a_people_is_not_its_state(pipeline):
    captured = first_event(
        coded_events(pipeline, "US-backed Kurds captured the town of Manbij from Isis in Syria."),
        "ASSAULT",
    )
    assert captured.source is not None and captured.source.country == "SYR"


@pytest.mark.slow
def test_a_people_named_with_a_state_does_not_move_the_story(pipeline):
    events = coded_events(
        pipeline,
        "Kurdish fighters captured two Isis members near Raqqa on Monday. A third suspect was "
        "arrested by Iraqi Kurds. Isis fighters attacked the town of Hajin in Syria.",
    )
    attacks = [e for e in events if e.event == "ASSAULT" and e.source is not None]
    assert attacks and all(e.source.country == "SYR" for e in attacks)


def _target(pipeline, text: str, kind: str):
    event = first_event(coded_events(pipeline, text), kind)
    assert event.target is not None
    return event.target


@pytest.mark.slow
def test_a_briton_who_fought_with_an_armed_group_is_the_groups(pipeline):
    target = _target(
        pipeline,
        "A Briton who fought with the YPG was killed by a Turkish airstrike in Afrin on Sunday.",
        "ASSAULT",
    )
    assert (target.country, target.sector) == ("SYR", "REB")


@pytest.mark.slow
def test_citizens_fighting_for_an_armed_group_are_the_groups(pipeline):
    target = _target(
        pipeline,
        "Six British citizens fighting for Isis have been killed by drone strikes in Syria.",
        "ASSAULT",
    )
    assert target.country == "SYR"


@pytest.mark.slow
def test_foreign_fighters_in_a_country_are_that_countrys(pipeline):
    target = _target(
        pipeline, "The RAF targeted UK foreign fighters in Syria with drone strikes.", "ASSAULT"
    )
    assert (target.country, target.sector) == ("SYR", "REB")


@pytest.mark.slow
def test_a_state_working_with_an_armed_group_stays_the_state(pipeline):
    source = _source(
        pipeline,
        "But the US has continued to work with the SDF in Syria, rebuilding bridges.",
        "COOPERATE",
    )
    assert source.country == "USA"


@pytest.mark.slow
def test_aid_workers_in_a_country_keep_their_own(pipeline):
    target = _target(
        pipeline, "Two British aid workers in Syria were kidnapped by gunmen.", "ASSAULT"
    )
    assert target.country == "GBR"


@pytest.mark.slow
def test_a_person_met_by_full_name_is_met_again_by_first_name(pipeline):
    target = _target(
        pipeline,
        "Rebels shelled Aleppo in Syria on Monday. Militants kidnapped Marco Ferri, an Italian "
        "photographer, near Raqqa in 2013. Marco was freed after eight months.",
        "RETREAT",
    )
    assert target.country == "ITA"


@pytest.mark.slow
def test_a_first_name_two_persons_share_is_nobodys(pipeline):
    target = _target(
        pipeline,
        "Rebels shelled Aleppo in Syria on Monday. Militants kidnapped Marco Ferri, an Italian "
        "photographer, and Marco Rossi, a British nurse, near Raqqa in 2013. Marco was freed "
        "after eight months.",
        "RETREAT",
    )
    assert target.country not in {"ITA", "GBR"}


@pytest.mark.slow
def test_a_first_word_ner_takes_into_a_name_is_no_part_of_it(pipeline):
    source = _source(
        pipeline,
        "Syria's war grinds on. Beyond Donald Trump’s threats against Iran, American policy "
        "remains vague – focused on little more than sanctions.",
        "THREATEN",
    )
    assert source.country == "USA"
