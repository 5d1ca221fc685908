"""Round 21, the dyad lane (dyad21): sides of right-type events the argument stage gave the
wrong party, on sentences of our own: "taken hostage by X" read as active; the captors of a
passive subject taken as its target; a source's own posts or forces taken as the target of
its moves."""

from __future__ import annotations

from coded import coded_events, sides


def test_taken_hostage_by_names_who_took_the_hostage(pipeline):
    events = coded_events(
        pipeline, "Mark Evans, the Canadian reporter taken hostage by al-Shabaab, was freed."
    )
    taken = [e for e in events if e.event == "ASSAULT"]
    assert taken and taken[0].source is not None and taken[0].source.country == "SOM"
    assert taken[0].target is not None and "Evans" in taken[0].target.text


def test_taken_hostage_with_its_own_object_keeps_the_subject_as_doer(pipeline):
    events = coded_events(
        pipeline, "Somali militants took two Kenyan aid workers hostage near the border."
    )
    assert ("SOM", "KEN") in sides(events, "ASSAULT")


def test_captors_of_the_subject_are_no_target(pipeline):
    events = coded_events(pipeline, "Tourists held by the rebels were tortured.")
    tortured = [e for e in events if e.event == "ASSAULT"]
    assert tortured, [(e.event, e.source, e.target) for e in events]
    assert tortured[0].target is None or tortured[0].target.sector != "REB"
    assert tortured[0].source is not None and tortured[0].source.sector == "REB"


def test_whose_comments_they_were_is_still_the_target(pipeline):
    events = coded_events(
        pipeline, "The comments made by the Kenyan president were condemned by Uganda."
    )
    assert ("UGA", "KEN") in sides(events, "ACCUSE")


def test_own_posts_quit_are_no_target(pipeline):
    events = coded_events(
        pipeline, "The Ugandan defence minister and the army chief quit their posts in protest."
    )
    quits = [e for e in events if e.event == "RETREAT"]
    assert quits and all(e.target is None for e in quits), [(e.source, e.target) for e in quits]


def test_own_people_attacked_stay_the_target(pipeline):
    events = coded_events(
        pipeline, "Syria's use of chemical weapons against its own people is barbaric."
    )
    assert ("SYR", "SYR") in sides(events, "ASSAULT")


def test_the_small_nation_is_the_state_named_before(pipeline):
    events = coded_events(
        pipeline,
        "Eritrea has long been isolated. Kenya, Uganda and Rwanda imposed an economic boycott "
        "on the small nation last year.",
    )
    pairs = sides(events, "SANCTION")
    assert ("KEN", "ERI") in pairs and ("RWA", "ERI") in pairs, pairs


def test_the_country_is_not_the_state_acting_on_it(pipeline):
    events = coded_events(
        pipeline, "Eritrea was isolated. Ethiopia accused the country of backing the rebels."
    )
    assert ("ETH", "ETH") not in sides(events, "ACCUSE")


def test_a_country_left_or_crossed_is_a_place(pipeline):
    result = pipeline.code_text(
        "Kenya deported him in May. He was not allowed to leave the country.", date="2018-03-01"
    )
    texts = {m.text for a in result.actors for m in a.mentions}
    assert "the country" not in texts and "country" not in texts
