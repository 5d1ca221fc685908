"""Round 18 (geo18) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.places import saw_events
from located import locate, one_side


def test_the_ground_a_battle_is_fought_for_is_its_place(nlp):
    # "for" says where only on a noun of a fight: the battle for a town was fought in it, and
    # so was what the battle did or what happened in it.
    for text, trigger, town in [
        ("The battle for Raqqa killed hundreds of civilians.", "battle", "Raqqa"),
        ("Kurdish fighters lost 300 men in the battle for Manbij last summer.", "lost", "Manbij"),
        ("Dozens of civilians were killed in the fight for Hajin.", "killed", "Hajin"),
        ("The troops were decorated for the battle for the city of Mosul.", "battle", "Mosul"),
    ]:
        place = locate(nlp, text, trigger, actors=one_side())
        assert place is not None and place.name == town, (text, place)


def test_fighting_for_a_side_or_a_state_names_no_ground(nlp):
    # A group one fights for is a side, not a town; a fight for a state is fought anywhere.
    text = "Hundreds of young men went to fight for Isis."
    assert locate(nlp, text, "fight", actors=one_side()) is None
    text = "The fight for Syria led to a clash between Iran and Israel."
    place = locate(nlp, text, "clash", actors=one_side())
    assert place is None or place.basis != "clause", place


def test_a_place_under_blows_is_their_scene_not_a_side(nlp):
    # "X came under attack", "X is under siege": X is where the blows fell, not who acts.
    for text, trigger, town in [
        ("The city of Aleppo came under heavy attack on Monday.", "attack", "Aleppo"),
        (
            "Government troops closed the roads. Aleppo has been under siege since May.",
            "siege",
            "Aleppo",
        ),
        ("Rebels dug in. Idlib remained under heavy bombardment all week.", "bombardment", "Idlib"),
    ]:
        place = locate(nlp, text, trigger, actors=one_side())
        assert place is not None and place.name == town, (text, place)


def test_coming_under_fire_is_also_blame(nlp):
    # "came under fire" is as often criticism: the town named so still acts.
    doc = nlp("Ankara came under fire from Washington over the arrests.")
    assert not saw_events(doc[0])
    doc = nlp("Ankara came under attack from the air on Sunday.")
    assert saw_events(doc[0])


def test_a_scene_never_seen_before_is_no_place_of_the_act(nlp):
    # "at a tempo not seen even in the battles for X": a measure against another scene.
    text = (
        "Kurdish fighters surrounded the village of Kafr Nabl. The offensive restarted at a tempo "
        "not seen even in the battles for Mosul and Raqqa."
    )
    place = locate(nlp, text, "offensive", actors=one_side())
    assert place is None or place.name not in ("Mosul", "Raqqa"), place
