"""Round 21 (geo21) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.gazetteer import gazetteer
from dateline.places import _across_bullet, _best_known, _fought_for


def _placed(pipeline, text: str, trigger: str):
    """The location the whole pipeline gives the first event at ``trigger``."""
    result = pipeline.code_text(text, date="2019-03-01")
    found = [e for e in result.events if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in result.events]
    return found[0].location


def test_an_act_in_the_battle_to_take_a_town_is_placed_there(pipeline):
    # The actor stage takes "Tikrit" for the target of "recapture"; it is the fight's ground.
    text = "A British aid worker was killed in the battle to recapture Tikrit, officials said."
    place = _placed(pipeline, text, "killed")
    assert place is not None and place.name == "Tikrit", place
    text = "A British aid worker was killed during the offensive to retake Tikrit last week."
    place = _placed(pipeline, text, "killed")
    assert place is not None and place.name == "Tikrit", place


def test_the_town_of_a_fights_purpose_only_on_a_fight_noun(nlp):
    doc = nlp("Hundreds died in the battle to recapture Tikrit.")
    assert _fought_for(next(t for t in doc if t.text == "Tikrit"))
    # a plan to take a town is no fight ("a plan to seize Tikrit"), nor a verb of no blow
    doc = nlp("Hundreds died after the decision to visit Tikrit.")
    assert not _fought_for(next(t for t in doc if t.text == "Tikrit"))
    doc = nlp("The army seized Tikrit on Monday.")
    assert not _fought_for(next(t for t in doc if t.text == "Tikrit"))


def test_a_town_naming_an_incident_is_its_scene(pipeline):
    # The small NER calls such names ORG or PRODUCT ("the Leeds bombing").
    text = "British police said the Leeds bombing killed four people."
    place = _placed(pipeline, text, "killed")
    assert place is not None and (place.name, place.country) == ("Leeds", "GBR"), place
    text = (
        "Britain demanded answers after the watchdog backed its findings on the Salisbury attack."
    )
    place = _placed(pipeline, text, "attack")
    assert place is not None and (place.name, place.country) == ("Salisbury", "GBR"), place


def test_an_incident_name_is_not_a_smaller_namesake_abroad(pipeline):
    # A US story naming "the Salisbury attack": Salisbury, Maryland is no scene of it.
    text = "Washington imposed sanctions on Russia as punishment for the Salisbury attack."
    place = _placed(pipeline, text, "attack")
    assert place is None or place.name != "Salisbury", place
    towns = {p.country: p for p, _ in gazetteer().candidates("Salisbury") if p.kind == "city"}
    assert _best_known("Salisbury", towns["GBR"])
    assert not _best_known("Salisbury", towns["USA"])


def test_a_known_group_naming_an_attack_is_no_town(pipeline):
    text = "Israel condemned the Hamas attack on its soldiers."
    place = _placed(pipeline, text, "attack")
    assert place is None or place.precision == "country", place


def test_a_place_across_a_bullet_is_another_piece_of_text(nlp):
    doc = nlp("Helen Brown Chair, Peace in Kurdistan • Last week the army shelled a school.")
    kurdistan = next(t for t in doc if t.text == "Kurdistan")
    shelled = next(t for t in doc if t.text == "shelled")
    assert _across_bullet(doc, kurdistan.i, shelled.i)
    doc = nlp("Peace in Kurdistan, the army said, shelled a school.")
    kurdistan = next(t for t in doc if t.text == "Kurdistan")
    shelled = next(t for t in doc if t.text == "shelled")
    assert not _across_bullet(doc, kurdistan.i, shelled.i)


def test_an_act_on_a_gathering_set_in_a_town_by_an_aside_is_there(pipeline):
    # "the congress, meeting in Sochi, ...": the parser hangs the participle on the main verb.
    text = (
        "The opposition congress, meeting in the city of Tbilisi on Friday, was boycotted "
        "by the main Kurdish parties."
    )
    place = _placed(pipeline, text, "boycotted")
    assert place is not None and (place.name, place.country) == ("Tbilisi", "GEO"), place


def test_an_aside_of_people_is_no_venue(nlp):
    from dateline.places import _venue_aside

    doc = nlp("The army, fighting in Idlib since May, was attacked by rebels.")
    fighting = next(t for t in doc if t.text == "fighting")
    assert not _venue_aside(fighting)
    doc = nlp("The summit, meeting in Paris this week, was attacked by gunmen.")
    meeting = next(t for t in doc if t.text == "meeting")
    assert _venue_aside(meeting) == (meeting.dep_ == "advcl")
