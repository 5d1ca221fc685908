"""Round 23, the dyad lane (dyad23): sides of right-type events the argument stage missed or
gave the wrong party, on sentences of our own: whose conduct a verdict noun is the predicate
of, and who died in an attack."""

from __future__ import annotations

from coded import coded_events, sides


def test_verdict_predicate_judges_the_owner_of_the_subject(pipeline):
    events = coded_events(
        pipeline,
        "The Kenyan foreign minister said Uganda's latest remarks were a blatant violation of "
        "sovereignty.",
    )
    assert ("KEN", "UGA") in sides(events, "ACCUSE")


def test_verdict_predicate_of_a_pronoun_takes_nobody_from_it(pipeline):
    events = coded_events(
        pipeline, "The Kenyan foreign minister said it was a blatant violation of sovereignty."
    )
    assert all(target is None for _, target in sides(events, "ACCUSE"))


def test_those_who_died_in_an_attack_are_its_target(pipeline):
    events = coded_events(pipeline, "Two Iraqi soldiers died in a Turkish drone strike on Sunday.")
    assert ("TUR", "IRQ") in sides(events, "ASSAULT")


def test_those_who_died_in_an_attack_never_did_it(pipeline):
    events = coded_events(pipeline, "Three Kenyan soldiers died in the attack on Sunday.")
    assert ("KEN", None) not in sides(events, "ASSAULT")
    assert (None, "KEN") in sides(events, "ASSAULT")


def test_who_died_in_an_attack_on_a_town_is_its_target_over_the_town(pipeline):
    events = coded_events(
        pipeline, "The British student was reported to have died in an airstrike on Raqqa."
    )
    assert all(target == "GBR" for _, target in sides(events, "ASSAULT")), sides(events, "ASSAULT")
    assert sides(events, "ASSAULT")


def test_in_particular_names_the_member_as_including_does(pipeline):
    events = coded_events(
        pipeline,
        "Kenya said the security council members, in particular Russia, have blocked the "
        "prosecutions.",
    )
    assert ("RUS", "KEN") in sides(events, "REJECT"), sides(events, "REJECT")
