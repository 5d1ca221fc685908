"""Round 23, the dyad lane (dyad23): sides of right-type events the argument stage missed or
gave the wrong party, on sentences of our own: whose conduct a verdict noun is the predicate
of, and the member an "in particular" phrase names."""

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


def test_in_particular_names_the_member_as_including_does(pipeline):
    events = coded_events(
        pipeline,
        "Kenya said the security council members, in particular Russia, have blocked the "
        "prosecutions.",
    )
    assert ("RUS", "KEN") in sides(events, "REJECT"), sides(events, "REJECT")
