"""Who did it to whom where the sentence names the actor but the parse hides it (round 13, the
dyad lane; events/extract/arguments.py), on sentences of our own: who is under an act or goes
ahead despite it, who does what a causing verb makes them do, who carries out an act whose noun
has a clause of its own, the object two joined verbs share, and the doer of what a grievance is
about."""

from __future__ import annotations

from datetime import date

import pytest

from coded import coded_events, sides


def _code(pipeline, text: str):
    return coded_events(pipeline, text, date(2019, 3, 1))


@pytest.mark.slow
def test_who_is_under_pressure_is_whom_it_is_aimed_at(pipeline):
    events = _code(
        pipeline,
        "The Kenyan foreign minister was under pressure from Washington to expel the diplomats.",
    )
    assert sides(events, "REQUEST") == [("USA", "KEN")]


@pytest.mark.slow
def test_who_goes_ahead_despite_calls_is_whom_they_were_aimed_at(pipeline):
    events = _code(
        pipeline, "Despite French calls for restraint, Israel went ahead with the operation."
    )
    assert sides(events, "REQUEST") == [("FRA", "ISR")]
    events = _code(pipeline, "Despite threats from Moscow, Kyiv signed the agreement.")
    assert ("RUS", "UKR") in sides(events, "THREATEN")


@pytest.mark.slow
def test_amid_a_row_keeps_the_subject_as_its_party(pipeline):
    events = _code(pipeline, "Germany withdrew its forces amid a fierce row with Erdogan.")
    accuse = sides(events, "ACCUSE")
    assert accuse and all(source == "DEU" for source, _ in accuse), events


@pytest.mark.slow
def test_who_a_causing_verb_makes_act_is_the_doer(pipeline):
    events = _code(
        pipeline, "The bombing campaign persuaded the Ethiopian army to withdraw from the town."
    )
    retreat = [e for e in events if e.event == "RETREAT"]
    assert retreat and retreat[0].source.country == "ETH", events


@pytest.mark.slow
def test_a_verb_of_purpose_leaves_its_subject_the_doer(pipeline):
    events = _code(pipeline, "The Malian president used the summit to press Algeria for help.")
    assert sides(events, "REQUEST") == [("MLI", "DZA")]


@pytest.mark.slow
def test_who_led_a_campaign_does_what_its_clause_says(pipeline):
    events = _code(pipeline, "Kenyan troops led a campaign to oust al-Shabaab from Kismayo.")
    assault = [e for e in events if e.event == "ASSAULT"]
    assert assault and assault[0].source is not None, events
    assert (assault[0].source.country, assault[0].source.sector) == ("KEN", "MIL")
    assert assault[0].target.text == "al-Shabaab"


@pytest.mark.slow
def test_two_joined_verbs_share_the_object_of_the_last(pipeline):
    events = _code(pipeline, "Kenyan police are killing or detaining Somali refugees.")
    assert sides(events, "ASSAULT") == [("KEN", "SOM")]
    assert sides(events, "COERCE") == [("KEN", "SOM")]


@pytest.mark.slow
def test_a_verb_with_its_own_complement_shares_no_object(pipeline):
    events = _code(
        pipeline,
        "Erdogan threatened to invade Afrin and accused Washington of backing terrorists.",
    )
    assert ("TUR", "USA") not in sides(events, "THREATEN")


@pytest.mark.slow
def test_the_doer_of_the_support_a_grievance_is_about_is_its_target(pipeline):
    events = _code(
        pipeline, "Sudan is angry at the aid the Egyptian government provides to the rebels."
    )
    assert sides(events, "ACCUSE") == [("SDN", "EGY")]


def test_the_causing_and_giving_verbs_are_word_classes():
    from dateline.events.lexicon import shipped_words

    # verbs of asking or of purpose would make the object act on what is only asked or meant
    assert not shipped_words("causing_verbs") & {"urge", "ask", "use", "press", "want"}
    # verbs of staying or holding would make whoever stays in a place its owner
    assert not shipped_words("giving_verbs") & {"stay", "live", "hold", "take"}


@pytest.mark.slow
def test_several_actors_of_a_one_sided_act_each_do_it_to_nobody_named(pipeline):
    # the coding guide: one record per acting side; "A and B" act toward each other only in
    # talks, agreements, cooperation and mutual support
    events = _code(pipeline, "Britain and France condemned the attack.")
    assert sorted(sides(events, "ACCUSE")) == [("FRA", None), ("GBR", None)]
    events = _code(pipeline, "The proposal was rejected by Ghana and Togo.")
    assert sorted(sides(events, "REJECT")) == [("GHA", None), ("TGO", None)]


@pytest.mark.slow
def test_several_parties_of_an_agreement_still_act_toward_each_other(pipeline):
    events = _code(pipeline, "Germany and Italy agreed to share the costs.")
    assert sorted(sides(events, "AGREE")) == [("DEU", "ITA"), ("ITA", "DEU")]


@pytest.mark.slow
def test_several_who_surrender_surrender_to_whom_the_sentence_names(pipeline):
    events = _code(
        pipeline,
        "Hundreds of Boko Haram fighters and their families surrendered to the Nigerian army.",
    )
    retreat = [e for e in events if e.event == "RETREAT"]
    assert retreat and all(e.target is not None for e in retreat), events
    assert {e.target.sector for e in retreat} == {"MIL"}


@pytest.mark.slow
def test_a_second_phrase_of_the_same_preposition_names_the_target(pipeline):
    events = _code(
        pipeline, "The Iraqi president objected to this move, and also to Trump's plan to cut aid."
    )
    assert sides(events, "ACCUSE") == [("IRQ", "USA")]


@pytest.mark.slow
def test_at_the_hands_of_names_who_did_it(pipeline):
    events = _code(pipeline, "Dozens of Kenyan civilians were killed at the hands of al-Shabaab.")
    assert sides(events, "ASSAULT") == [("SOM", "KEN")]
    events = _code(
        pipeline,
        "The Kenyan journalist, whose killing at the hands of Somali militants shocked the "
        "world, was buried.",
    )
    assert sides(events, "ASSAULT") == [("SOM", "KEN")]


@pytest.mark.slow
def test_whose_measure_was_lifted_on_someone_lifted_it(pipeline):
    events = _code(pipeline, "US sanctions were lifted on several Turkish citizens.")
    assert sides(events, "RETREAT") == [("USA", "TUR")]
    events = _code(pipeline, "EU sanctions were imposed on Russian banks.")
    sanction = [e for e in events if e.event == "SANCTION"]
    assert sanction and sanction[0].source.sector == "IGO", events
    assert sanction[0].target.country == "RUS"


@pytest.mark.slow
def test_members_named_by_including_are_the_actors(pipeline):
    events = _code(
        pipeline,
        "Kenyan officials have called on their western partners, including Britain, to take "
        "their nationals home.",
    )
    assert sides(events, "REQUEST") == [("KEN", "GBR")]
    events = _code(
        pipeline, "Several countries, including France and Germany, condemned the attack."
    )
    assert sorted(sides(events, "ACCUSE")) == [("DEU", None), ("FRA", None)]


@pytest.mark.slow
def test_kinds_of_people_named_by_including_are_no_members(pipeline):
    events = _code(
        pipeline, "Ugandan police detained dozens of people, including teachers and students."
    )
    coerce = [e for e in events if e.event == "COERCE"]
    assert coerce and coerce[0].target.text == "people", events


@pytest.mark.slow
def test_a_trailing_participle_clause_is_done_to_the_subject(pipeline):
    events = _code(
        pipeline,
        "Three British men are in Kurdish custody in Syria, accused of being members of Isis.",
    )
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse and accuse[0].source is None, events
    assert accuse[0].target.country == "GBR"
    events = _code(
        pipeline, "The Kenyan activist remains in jail, charged with treason by a Nairobi court."
    )
    assert sides(events, "ACCUSE") == [("KEN", "KEN")]
    charged = [e for e in events if e.event == "ACCUSE"][0]
    assert charged.source.sector == "JUD" and charged.target.text == "Kenyan activist"
