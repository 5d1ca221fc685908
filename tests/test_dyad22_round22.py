"""Round 22, the dyad lane (dyad22): sides of right-type events the argument stage missed or
gave the wrong party, on sentences of our own: a target phrase the parser hangs on the act's
agent or on the place of the act; the object two joined verbs share read inside; the agent of
an act noun that is the object of a verb of judging."""

from __future__ import annotations

from coded import coded_events, first_event, sides


def test_against_hung_on_the_agent_is_the_target(pipeline):
    events = coded_events(
        pipeline, "The offensive by the Ethiopian army against the Eritrean forces began on Sunday."
    )
    assert ("ETH", "ERI") in sides(events, "ASSAULT")


def test_agent_without_a_phrase_of_its_own_gives_no_target(pipeline):
    events = coded_events(pipeline, "The offensive by the Ethiopian army began on Sunday.")
    assert sides(events, "ASSAULT") == [("ETH", None)]


def test_shared_object_is_read_inside_for_the_first_verb(pipeline):
    events = coded_events(
        pipeline,
        "Uganda had armed and supported several factions of the Sudan People's Liberation Army.",
    )
    assert ("UGA", "SDN") in sides(events, "AID")


def test_agent_of_a_condemned_attack_is_its_source_not_the_judge(pipeline):
    events = coded_events(pipeline, "Kenya condemned the attack by gunmen on the market.")
    attack = first_event(events, "ASSAULT")
    assert attack.source is not None and attack.source.sector == "REB", attack.source


def test_against_hung_on_the_place_is_the_target(pipeline):
    events = coded_events(
        pipeline, "Kenyan refugees held a rally in the capital against the Ugandan government."
    )
    assert ("KEN", "UGA") in sides(events, "PROTEST")
