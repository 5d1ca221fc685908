"""False events on real news (round 14, prec30): figures of speech read as attacks, acts
someone is unable to do, deaths from illness. Each test is a sentence of our own that a general
rule must not code as an event, next to one it must still code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def coded_acts(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    return [e for e in events if not e.negated]


def types_of(pipeline, text):
    return sorted({e.event for e in coded_acts(pipeline, text)})


@pytest.mark.parametrize(
    "text",
    [
        "The Serbian foreign minister called the Kosovar plan a direct attack on Serbian sovereignty.",
        "The Chilean opposition said the decree was an assault on Chilean democracy.",
        "The Nigerian army attacked the credibility of the Amnesty report.",
        "Russia has waged an information war against Estonia for a decade.",
        "The Venezuelan president launched verbal assaults on the Colombian government.",
        "Sudanese women are burning with anger at the Sudanese army.",
        "The Kenyan court has effectively killed off any challenge to the president.",
        "The Iranian parliament killed the nuclear deal with Europe.",
        "Human rights groups documented the regime's abuses of civil and political rights in Egypt.",
    ],
)
def test_a_figure_of_speech_is_no_attack(coder, text):
    assert "ASSAULT" not in types_of(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chadian troops launched an attack on the rebel base near Abeche.",
        "The Malian army launched a ground offensive against the rebels in Kidal.",
        "Serbian police attacked the Kosovar demonstrators in Mitrovica.",
        "Soldiers killed off the wounded prisoners in Kenya.",
    ],
)
def test_an_attack_on_people_or_places_stays(coder, text):
    assert "ASSAULT" in types_of(coder, text)


def test_a_legal_battle_is_no_attack(pipeline):
    assert "ASSAULT" not in types_of(
        pipeline, "The Kenyan government lost a legal battle with the opposition over the vote."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Spanish government said it is unable to provide aid to Spanish nationals in Yemen.",
        "The Peruvian government said it was powerless to send troops to the mining towns.",
    ],
)
def test_an_act_someone_is_unable_to_do_is_none(coder, text):
    types = types_of(coder, text)
    assert "AID" not in types and "MOBILIZE" not in types


def test_the_words_of_inability_are_the_lexicons_to_extend(pipeline, monkeypatch, tmp_path):
    """The words of inability are the lexicon's ``inability_words``: a user file naming
    "helpless" makes "helpless to provide aid" an act not done."""
    import yaml

    from dateline.events.lexicon import Lexicon

    text = "The Spanish government was helpless to provide aid to Spanish nationals in Yemen."
    assert "AID" in types_of(pipeline, text)
    mine = tmp_path / "mine.yaml"
    mine.write_text(yaml.safe_dump({"inability_words": ["unable", "helpless"]}))
    monkeypatch.setattr(pipeline, "_lexicon", Lexicon.load([mine]))
    assert "AID" not in types_of(pipeline, text)


def test_an_act_someone_was_able_to_do_stays(coder):
    text = "The Spanish government was able to provide aid to Spanish nationals in Yemen."
    assert "AID" in types_of(coder, text)


def test_an_attack_someone_was_powerless_to_stop_stays(coder):
    text = "The Peruvian government said it was powerless to stop the attacks on the miners."
    assert "ASSAULT" in types_of(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Cholera kills dozens of children in Yemen every month.",
        "Malnutrition kills dozens of children in Yemen every month.",
        "Dozens of children in Yemen were killed by an infection last winter.",
    ],
)
def test_a_death_from_illness_is_no_attack(coder, text):
    assert "ASSAULT" not in types_of(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of villagers in Yemen were killed by soldiers last winter.",
        "Soldiers killed ten villagers in the fire in Yemen.",
    ],
)
def test_a_killing_by_soldiers_stays(coder, text):
    assert "ASSAULT" in types_of(coder, text)


def _confidence_of(monkeypatch, value):
    from dateline.events.classifier import EventModel

    monkeypatch.setattr(EventModel, "event_confidence", lambda self, probability: value)


def test_an_accusation_the_model_doubts_is_dropped(pipeline, monkeypatch):
    # below 0.5 the event model's ACCUSE readings were mostly false out of fold (12 false, 2
    # right): no event; above it the same sentence keeps its accusation
    text = "The Malian opposition leader criticised the junta for the arrests in Bamako."
    _confidence_of(monkeypatch, 0.6)
    assert "ACCUSE" in types_of(pipeline, text)
    _confidence_of(monkeypatch, 0.45)
    assert "ACCUSE" not in types_of(pipeline, text)


def test_a_doubted_accusation_between_two_states_is_kept(pipeline, monkeypatch):
    _confidence_of(monkeypatch, 0.45)
    text = "Russia accused Ukraine of shelling the nuclear plant."
    assert "ACCUSE" in types_of(pipeline, text)


def test_a_task_given_is_no_act_done(coder):
    text = "About 500 French soldiers are in Mali, tasked with training the Malian army."
    assert "AID" not in types_of(coder, text)


def test_training_done_stays_aid(coder):
    assert "AID" in types_of(coder, "French soldiers trained the Malian army in Gao.")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government offered a reward for information about the kidnappers.",
        "The Ghanaian president offered himself as a mediator between the two parties.",
    ],
)
def test_offering_a_reward_or_oneself_is_no_agreement(coder, text):
    assert "AGREE" not in types_of(coder, text)


def test_offering_to_host_talks_stays_an_agreement(coder):
    assert "AGREE" in types_of(coder, "Norway offered to host peace talks between the two sides.")
