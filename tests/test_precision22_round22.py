"""Round 22, precision of the conflict types (precision22; issue 13): conflict words that tell
no act (a retreating force described, a truce named as a setting, people evacuated, captivity
that continues, a warrant, a standing ban, a generic "we", a doubt, a request held back).
Sentences written for these tests; docs/accuracy.md, "Round 22: false conflict events"."""

from __future__ import annotations

import pytest

from dateline.events.candidate import Candidate
from dateline.events.extract import coder
from dateline.events.lexicon import Lexicon, TriggerEntry

ENTRY = TriggerEntry(id="test", event="RETREAT", mode=None)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _cand(nlp, text: str, word: str, event: str, nominal: bool = False) -> Candidate:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return Candidate(tok, ENTRY, event, None, nominal=nominal)


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("The soldiers found radios dropped by retreating fighters near Baghuz.", True),
        ("The town was looted by the retreating militia.", True),
        ("Kenyan troops were retreating from the border town of Mandera.", False),
        ("The offensive ended with the rebels retreating to the hills.", False),
    ],
)
def test_a_retreating_force_described_is_no_withdrawal(nlp, lexicon, text, described):
    cand = _cand(nlp, text, "retreating", "RETREAT")
    assert coder._retreating_described(cand, lexicon) is described


@pytest.mark.parametrize(
    ("text", "word", "setting"),
    [
        (
            "The army attacked the town in defiance of a ceasefire agreed in Astana.",
            "ceasefire",
            True,
        ),
        ("Residents felt safer after the truce between the two militias.", "truce", True),
        ("The ceasefire held along the Abkhaz line for a week.", "ceasefire", False),
    ],
)
def test_a_truce_named_in_a_phrase_is_a_setting(nlp, lexicon, text, word, setting):
    cand = _cand(nlp, text, word, "RETREAT", nominal=True)
    assert coder._truce_as_setting(cand, lexicon) is setting


@pytest.mark.parametrize(
    ("text", "word", "people"),
    [
        ("Evacuations of children from the camp resumed in December.", "Evacuations", True),
        ("The wounded civilians evacuated from the town reached Idlib.", "evacuated", True),
        ("The Kenyan army evacuated its bases near the Somali border.", "evacuated", False),
        ("Ugandan troops evacuated the airport on Sunday.", "evacuated", False),
    ],
)
def test_people_evacuated_are_no_withdrawal(nlp, lexicon, text, word, people):
    cand = _cand(nlp, text, word, "RETREAT", nominal=word[0].isupper())
    assert coder._people_evacuated(cand, lexicon) is people


@pytest.mark.parametrize(
    ("text", "word", "state"),
    [
        (
            "The suspect was arrested by the police and remains detained in Mombasa.",
            "detained",
            True,
        ),
        ("The journalist is still held by the militants.", "held", True),
        ("Kenyan police detained two Somali men in Nairobi on Monday.", "detained", False),
        ("The reporter was held by the rebels for a week.", "held", False),
    ],
)
def test_captivity_that_continues_is_no_capture(nlp, lexicon, text, word, state):
    cand = _cand(nlp, text, word, "COERCE")
    assert coder._held_still(cand, lexicon) is state


@pytest.mark.parametrize(
    ("text", "word", "warrant"),
    [
        (
            "The recruiter has been wanted for arrest by the Kenyan police since 2015.",
            "arrest",
            True,
        ),
        ("The arrest of the recruiter was made by the Kenyan police.", "arrest", False),
    ],
)
def test_an_act_a_warrant_is_out_for_is_no_act(nlp, lexicon, text, word, warrant):
    cand = _cand(nlp, text, word, "COERCE", nominal=True)
    assert coder._wanted_for(cand, lexicon) is warrant


@pytest.mark.parametrize(
    ("text", "standing"),
    [
        ("Schools across Canada cancelled trips in the wake of Trump's travel ban.", True),
        ("Kenya's challenge to the government's ban was heard on Monday.", True),
        ("The ban on opposition rallies was announced on Monday.", False),
    ],
)
def test_a_standing_ban_named_in_a_phrase_is_no_act(nlp, lexicon, text, standing):
    cand = _cand(nlp, text, "ban", "COERCE", nominal=True)
    assert coder._standing_measure(cand, lexicon) is standing


def test_a_generic_we_is_nobody(nlp, lexicon):
    cand = _cand(nlp, "We rightly condemn the injustice done to the refugees.", "condemn", "ACCUSE")
    assert coder._generic_subject(cand, [], lexicon)
    # a "we" resolved to the speaker's side keeps its act
    assert not coder._generic_subject(cand, [object()], lexicon)
    cand = _cand(
        nlp, "They rightly condemn the injustice done to the refugees.", "condemn", "ACCUSE"
    )
    assert not coder._generic_subject(cand, [], lexicon)


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("Kurdish leaders are questioning the viability of the alliance with Washington.", True),
        ("Few have questioned the regime's recovery since 2016.", True),
        ("Kenya questioned the legality of the strikes on Somali villages.", False),
        ("Police questioned the two suspects in Nairobi.", False),
    ],
)
def test_questioning_a_prospect_is_a_doubt(nlp, lexicon, text, doubt):
    word = next(w for w in ("questioning", "questioned") if w in text.split())
    cand = _cand(nlp, text, word, "ACCUSE")
    assert coder._doubted(cand, lexicon) is doubt


@pytest.mark.parametrize(
    ("text", "held_back"),
    [
        ("I hesitate to ask Lebanon to take more refugees.", True),
        ("Kenya did not hesitate to ask Uganda to close the border.", False),
        ("Kenya asked Uganda to take more refugees.", False),
    ],
)
def test_a_request_held_back_asks_nothing(nlp, lexicon, text, held_back):
    cand = _cand(nlp, text, "ask" if "ask " in text else "asked", "REQUEST")
    assert coder._held_back(cand, lexicon) is held_back


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Kenyan troops retreated from the border town of Mandera on Monday.", "RETREAT"),
        ("Kenyan police detained two Somali men in Nairobi on Monday.", "COERCE"),
        ("Kenya asked Uganda to take more refugees.", "REQUEST"),
    ],
)
def test_the_acts_themselves_are_still_coded(pipeline, text, kept):
    events = pipeline.code_text(text, date="2019-03-14").events
    assert kept in {e.event for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers found radios dropped by retreating fighters near Baghuz.",
        "Evacuations of children from the camp resumed in December.",
        "The suspect was arrested by the police and remains detained in Mombasa.",
        "I hesitate to ask Lebanon to take more refugees.",
    ],
)
def test_no_conflict_act_is_coded_from_these_words(pipeline, text):
    events = pipeline.code_text(text, date="2019-03-14").events
    words = {"retreating", "Evacuations", "detained", "ask"}
    assert not [e for e in events if e.trigger is not None and e.trigger.text in words]


@pytest.mark.parametrize(
    ("text", "word", "topic"),
    [
        ("He was angered by terrorist attacks in Kenya and decided to volunteer.", "attacks", True),
        ("Recent attacks in Nairobi had inspired him to volunteer.", "attacks", True),
        (
            "The minister was concerned about Ethiopia's new offensive in Somalia.",
            "offensive",
            True,
        ),
        ("The president made no mention of the Mogadishu attack.", "attack", True),
        ("He spent three months filming the battle for Kismayo.", "battle", True),
        ("The government justified a drone strike on the militant leader.", "strike", False),
        ("The attacks on Nairobi killed twelve people.", "attacks", False),
    ],
)
def test_an_act_of_force_felt_or_spoken_about_is_a_topic(nlp, lexicon, text, word, topic):
    cand = _cand(nlp, text, word, "ASSAULT", nominal=True)
    assert coder._force_as_topic(cand, lexicon) is topic


@pytest.mark.parametrize(
    ("text", "word", "price"),
    [
        (
            "The trip costs $5,000, twice what smugglers were charging for it last year.",
            "charging",
            True,
        ),
        ("The smugglers charged $4,000 a person for the crossing.", "charged", True),
        ("Kenyan prosecutors charged him with terrorism offences.", "charged", False),
        ("He has been charged with attending a training camp.", "charged", False),
    ],
)
def test_a_price_charged_is_no_accusation(nlp, lexicon, text, word, price):
    cand = _cand(nlp, text, word, "ACCUSE")
    assert coder._price_charged(cand, lexicon) is price


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("The families who left need to be responsible for what they did.", False),
        ("These people need to be brought back to Kenya.", True),
        ("The government needs to release the detainees.", True),
    ],
)
def test_a_state_needed_asks_no_act(nlp, text, asks):
    from dateline.events.modality import needs_to

    doc = nlp(text)
    need = next(t for t in doc if t.lemma_ == "need")
    assert needs_to(need) is asks


def test_a_planned_exit_from_a_treaty_is_no_threat(pipeline):
    text = "Kenya announced it would withdraw from the regional trade agreement."
    types = {e.event for e in pipeline.code_text(text, date="2019-03-14").events}
    assert "THREATEN" not in types and "SANCTION" in types
    # a conditional exit is still a threat
    text = "Kenya will withdraw from the regional trade agreement unless Uganda lifts its tariffs."
    types = {e.event for e in pipeline.code_text(text, date="2019-03-14").events}
    assert "THREATEN" in types


def test_a_generic_we_of_a_participle_clause_is_nobody(nlp, lexicon):
    text = "Having declined to help the refugees, we were uncertain of what to do."
    cand = _cand(nlp, text, "declined", "REJECT")
    assert coder._generic_subject(cand, [], lexicon)
    text = "Having declined to help the refugees, Kenya closed its border."
    cand = _cand(nlp, text, "declined", "REJECT")
    assert not coder._generic_subject(cand, [], lexicon)


@pytest.mark.parametrize(
    ("text", "word", "compared"),
    [
        ("He sent fewer soldiers than the president demanded.", "demanded", True),
        ("Kenya demanded the release of the prisoners.", "demanded", False),
    ],
)
def test_a_demand_in_a_than_clause_is_a_measure(nlp, text, word, compared):
    cand = _cand(nlp, text, word, "REQUEST")
    assert coder._measure_compared(cand) is compared


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("“Then I ask Kenya: when will your troops leave?”", True),
        ("I ask Kenya to withdraw its troops now.", False),
        ("I ask Kenya: withdraw your troops now.", False),
    ],
)
def test_a_question_put_asks_no_act(nlp, lexicon, text, question):
    cand = _cand(nlp, text, "ask", "REQUEST")
    assert coder._question_put(cand, lexicon) is question
