"""Round 21, precision of the conflict types (precision21; issue 13): words of a conflict act
that tell no act (a habit or record, a published video, a question, a telephone call, a death in a
fire). Sentences written for these tests; docs/accuracy.md, "Round 21: false conflict events"."""

from __future__ import annotations

import pytest

from dateline.events.candidate import Candidate
from dateline.events.extract import coder
from dateline.events.lexicon import Lexicon, TriggerEntry

ENTRY = TriggerEntry(id="test", event="ASSAULT", mode=None)


def _cand(nlp, text: str, word: str, event: str, nominal: bool = False) -> Candidate:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return Candidate(tok, ENTRY, event, None, nominal=nominal)


def _types(pipeline, text: str) -> list[str]:
    events = pipeline.code_text(text, date="2019-03-14").events
    return sorted(e.event for e in events if not e.negated)


@pytest.mark.parametrize(
    ("text", "word", "habit"),
    [
        (
            "The commander earned a reputation for beheadings and mock executions.",
            "executions",
            True,
        ),
        ("Moscow has a history of mounting assaults on rebel towns.", "assaults", True),
        ("The militia is known for torturing prisoners in its jails.", "torturing", True),
        ("The regime was responsible for the chemical attack on Douma.", "attack", False),
        ("Rebels mounted assaults on three army posts near Kidal.", "assaults", False),
    ],
)
def test_an_act_a_habit_or_record_names_is_no_act(nlp, text, word, habit):
    cand = _cand(nlp, text, word, "ASSAULT", nominal=word != "torturing")
    assert coder._habit_named(cand, Lexicon.load()) is habit


@pytest.mark.parametrize(
    ("text", "word", "published"),
    [
        ("An Islamic State video released on Tuesday showed children in Baghuz.", "released", True),
        ("The ministry released a statement on the talks.", "released", True),
        ("Iran released two British sailors on Tuesday.", "released", False),
        ("The prisoners released on Monday crossed into Jordan.", "released", False),
    ],
)
def test_a_released_text_or_recording_is_no_release(nlp, text, word, published):
    cand = _cand(nlp, text, word, "RETREAT")
    assert coder._published(cand, Lexicon.load()) is published


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("The president demanded to know whether the envoy had met the rebels.", True),
        ("The president demanded to understand why the convoy was stopped.", True),
        ("The president asked Turkey to explain the deployment.", False),
        ("The president demanded to be allowed to return home.", False),
    ],
)
def test_asking_to_know_is_a_question_not_a_request(nlp, text, question):
    word = next(w for w in ("demanded", "asked") if w in text.split())
    cand = _cand(nlp, text, word, "REQUEST")
    assert coder._asked_to_know(cand, Lexicon.load()) is question


def test_only_verbs_of_asking_ask_to_know(nlp):
    # "allowed to learn" is no question asked of anyone, nor a request to know
    cand = _cand(nlp, "They should be allowed to learn from their mistakes.", "allowed", "REQUEST")
    assert not coder._asked_to_know(cand, Lexicon.load())


@pytest.mark.parametrize(
    ("text", "praise"),
    [
        ("People have called Anna a hero and a martyr.", True),
        ("The minister called the Somali president a traitor.", False),
    ],
)
def test_a_name_of_praise_accuses_nobody(nlp, text, praise):
    cand = _cand(nlp, text, "called", "ACCUSE")
    assert coder._praise_named(cand, Lexicon.load()) is praise


@pytest.mark.parametrize(
    ("text", "importance"),
    [
        ("Both officials stated that housing was of primary concern in the camps.", True),
        ("The envoy voiced the concern of the Kenyan government about the raids.", False),
    ],
)
def test_of_concern_is_a_degree_of_importance(nlp, text, importance):
    cand = _cand(nlp, text, "concern", "ACCUSE", nominal=True)
    assert coder._of_importance(cand, Lexicon.load()) is importance


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Since his telephone call congratulating Putin, Trump has praised Russia.", True),
        ("The phone call between the two leaders lasted an hour.", True),
        ("Trump's call for a withdrawal of US troops angered Kurdish leaders.", False),
    ],
)
def test_a_telephone_call_is_no_call_for_something(nlp, text, phone):
    cand = _cand(nlp, text, "call", "REQUEST", nominal=True)
    assert coder._phone_call(cand, Lexicon.load()) is phone


@pytest.mark.parametrize(
    ("text", "word", "hazard"),
    [
        ("Buried next to him were two Syrian boys who burned to death in a fire.", "burned", True),
        ("Two Syrian children burned to death in a fire in the camp near Idlib.", "burned", True),
        ("Militiamen burned three villagers to death in a fire in Kidal.", "burned", False),
        ("Two soldiers died in an airstrike near Idlib.", "died", False),
    ],
)
def test_a_death_in_a_fire_with_no_doer_is_no_attack(nlp, text, word, hazard):
    cand = _cand(nlp, text, word, "ASSAULT")
    assert coder.hazard_caused(cand, Lexicon.load()) is hazard


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The militia commander earned a reputation for beheadings and mock executions.",
        "Moscow has a history of mounting assaults on rebel towns during peace talks.",
        "The Kenyan president demanded to know whether the envoy had met the rebels.",
        "Two Syrian children burned to death in a fire in the camp near Idlib.",
        "Kenyan troops took positions near the Somali border.",
    ],
)
def test_the_coder_codes_no_act_for_these(pipeline, text):
    assert _types(pipeline, text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Iran released two British sailors on Tuesday.", "RETREAT"),
        ("The Kenyan president demanded that Somalia withdraw its troops.", "REQUEST"),
        ("Militiamen burned three villagers to death in Kidal.", "ASSAULT"),
        ("Rebels mounted assaults on three army posts near Kidal.", "ASSAULT"),
        ("The Kenyan foreign minister called the Somali president a traitor.", "ACCUSE"),
        ("Kenya raised concerns about the Somali army's raids on the border.", "ACCUSE"),
    ],
)
def test_the_acts_stay(pipeline, text, event):
    assert event in _types(pipeline, text)


@pytest.mark.parametrize(
    ("text", "excuse"),
    [
        ("The foreign secretary left the summit early, pleading parliamentary business.", True),
        ("The Kenyan president pleaded with Uganda to open the border.", False),
        ("The family has pleaded to be brought back to Australia.", False),
    ],
)
def test_a_plea_with_an_object_is_an_excuse_not_a_request(nlp, text, excuse):
    from dateline.events.extract.figurative import court_plea_or_command

    word = next(t for t in text.split() if t.startswith("plead"))
    cand = _cand(nlp, text, word, "REQUEST")
    assert court_plea_or_command(cand, "REQUEST", Lexicon.load()) is excuse


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("Many Isis fighters had dispersed before the last stand at Baghuz.", True),
        ("Kenyan police dispersed the protesters in Nairobi.", False),
        ("The protesters were dispersed by the police.", False),
    ],
)
def test_dispersing_with_no_object_is_no_coercion(nlp, text, apart):
    cand = _cand(nlp, text, "dispersed", "COERCE")
    assert coder._went_apart(cand, Lexicon.load()) is apart


@pytest.mark.parametrize(
    ("text", "comparison"),
    [
        ("Anything beats being in the camp surrounded by the militias.", True),
        ("Soldiers beat the prisoners in the camp.", False),
    ],
)
def test_anything_beats_is_a_comparison(nlp, text, comparison):
    word = next(t for t in text.split() if t.startswith("beat"))
    cand = _cand(nlp, text, word, "ASSAULT")
    assert coder._comparison_beat(cand, Lexicon.load()) is comparison


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The British foreign secretary left the summit early, pleading parliamentary business.",
        "Many Isis fighters had dispersed before the last stand at Baghuz.",
    ],
)
def test_no_request_or_coercion_is_coded_for_these(pipeline, text):
    assert _types(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "word", "privacy"),
    [
        ("The family asked that they be left alone to grieve.", "asked", True),
        ("Her family have requested that they are left alone by the media.", "requested", True),
        ("The Kenyan government asked that the refugees be returned to Somalia.", "asked", False),
    ],
)
def test_asking_to_be_left_alone_asks_privacy_not_an_act(nlp, text, word, privacy):
    cand = _cand(nlp, text, word, "REQUEST")
    assert coder._privacy_asked(cand, Lexicon.load()) is privacy


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("If this is it, Assad should be relieved, said an analyst.", True),
        ("The minister said the general should be relieved of his command.", False),
        ("The minister said the refugees should be encouraged to return.", False),
    ],
)
def test_a_feeling_in_a_modal_clause_asks_no_act(nlp, text, feeling):
    from dateline.events.modality import _feeling_passive

    doc = nlp(text)
    clause = next(t for t in doc if t.lower_ in {"relieved", "encouraged"})
    assert _feeling_passive(clause, Lexicon.load()) is feeling


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event", "coded"),
    [
        ("The family asked that they be left alone to grieve.", "REQUEST", False),
        (
            "If this is it, Assad should be relieved, said an analyst at the Kenyan institute.",
            "REQUEST",
            False,
        ),
        ("The Kenyan government asked that the refugees be returned to Somalia.", "REQUEST", True),
        (
            "The Kenyan minister said the general should be relieved of his command.",
            "REQUEST",
            True,
        ),
    ],
)
def test_privacy_and_feelings_are_no_requests(pipeline, text, event, coded):
    assert (event in _types(pipeline, text)) is coded
