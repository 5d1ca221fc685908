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


def test_the_enclave_points_back_at_the_story_s_one_town(nlp):
    # A story about one besieged town names it, then calls it "the enclave": an act told
    # there, sentences later, is in that town, as with "the town".
    text = (
        "Turkish jets bombed Afrin on Sunday, and Turkish troops shelled Afrin again on Monday. "
        "Ankara says the YPG is a terror group. US officials have urged restraint. "
        "European governments have been silent. The UN has said nothing either. "
        "Doctors inside the enclave said the shelling killed 12 people."
    )
    place = locate(nlp, text, "shelling", actors=one_side())
    assert place is not None and place.name == "Afrin", place


def test_the_enclave_after_two_towns_points_at_neither(nlp):
    # With two towns named before it, "the enclave" could be either: no town from it.
    text = (
        "Turkish jets bombed Afrin on Sunday, and Turkish troops shelled Afrin again on Monday. "
        "Russian jets bombed Raqqa on Tuesday. US officials have urged restraint. "
        "European governments have been silent. The UN has said nothing either. "
        "Doctors inside the enclave said the shelling killed 12 people."
    )
    place = locate(nlp, text, "shelling", actors=one_side())
    assert place is None or place.precision == "country", place


def test_a_scene_change_leaves_the_town_before_behind(nlp):
    # "Meanwhile, in the east, fighters pushed into the enclave": not the town of the sentence
    # before, which the words leave.
    text = (
        "Cluster bombs hit several villages near Saraqib on Monday. Meanwhile, in the east, "
        "Kurdish fighters pushed further into the enclave after heavy clashes."
    )
    place = locate(nlp, text, "pushed", actors=one_side())
    assert place is None or place.name != "Saraqib", place
