"""Descriptions that are no reported acts (out-of-fold false events on real articles, round 5):
a conflict named as the setting of something else, habits and standing relations in relative
clauses, gerunds that name a noun's topic, and event nouns that are scheduled, not held.
Sentences of our own; each rule next to a sentence it must leave alone."""

from __future__ import annotations

import pytest

from coded import happened
from dateline.events.candidate import Candidate
from dateline.events.extract.clauses import habitual, topic_gerund
from dateline.events.extract.triggers import find_candidates
from dateline.events.lexicon import Lexicon, TriggerEntry
from dateline.events.modality import _scheduled

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.load()


def word(nlp, text, trigger):
    doc = nlp(text)
    return next(t for t in doc if t.text == trigger)


def candidate(nlp, text, trigger, event):
    return Candidate(word(nlp, text, trigger), TriggerEntry(id="test", event=event), event, None)


def nominal_triggers(nlp, lexicon, text):
    doc = nlp(text)
    return {
        c.token.lemma_.lower()
        for sent in doc.sents
        for c in find_candidates(sent, lexicon)
        if c.nominal
    }


def test_a_conflict_as_a_setting_is_no_act(nlp, lexicon, pipeline):
    for text in (
        "Chad has been a loyal ally of France in the fight against jihadists in the Sahel.",
        "Their contribution to the war on the rebels was praised by Mali.",
        "Two Malian soldiers died during the battle for the town of Gao.",
    ):
        assert not nominal_triggers(nlp, lexicon, text) & {"fight", "war", "battle"}, text
        assert not happened(pipeline, text, "ASSAULT"), text
    # carried by a verb, an object, or with a source of its own: still an act
    assert "fight" in nominal_triggers(
        nlp, lexicon, "Nigerian troops are engaged in the fight against Boko Haram."
    )
    assert "fight" in nominal_triggers(
        nlp, lexicon, "Mali's army led the fight against the rebels in the north."
    )
    assert "bombing" in nominal_triggers(
        nlp, lexicon, "Hundreds died in a bombing campaign by Ethiopian jets against the rebels."
    )


def test_a_habit_or_standing_relation_in_a_relative_clause_is_no_act(nlp, pipeline):
    assert habitual(
        candidate(nlp, "Ghana, which opposes the plan, said nothing.", "opposes", "REJECT")
    )
    assert habitual(
        candidate(
            nlp,
            "Iran, which has backed the rebels throughout the war, denied it.",
            "backed",
            "SUPPORT",
        )
    )
    assert habitual(
        candidate(
            nlp, "Ghanaian troops, who are deployed in Mali, returned.", "deployed", "MOBILIZE"
        )
    )
    assert not happened(
        pipeline, "Ghana, which opposes the plan, said nothing about the vote.", "REJECT"
    )
    # acts done, and acts going on, stay events
    assert not habitual(
        candidate(
            nlp, "The army, which attacked the town on Monday, withdrew.", "attacked", "ASSAULT"
        )
    )
    assert not habitual(
        candidate(
            nlp,
            "Kenyan police, who have arrested 40 protesters since Monday, fired tear gas.",
            "arrested",
            "COERCE",
        )
    )
    assert not habitual(
        candidate(nlp, "The men, who are being held in Niamey, were questioned.", "held", "COERCE")
    )


def test_a_gerund_that_names_a_topic_is_no_act(nlp, pipeline):
    assert topic_gerund(
        candidate(
            nlp,
            "The government policy on repatriating fighters was criticised.",
            "repatriating",
            "RETREAT",
        )
    )
    assert topic_gerund(
        candidate(
            nlp,
            "The UN raised the possibility of aid corridors being opened into Darfur.",
            "opened",
            "RETREAT",
        )
    )
    assert not happened(
        pipeline,
        "The UN raised the possibility of aid corridors being opened into Darfur.",
        "RETREAT",
    )
    # a gerund under a verb, or the reason of an act, is no topic
    assert not topic_gerund(
        candidate(nlp, "He was accused of killing two soldiers.", "killing", "ASSAULT")
    )
    assert not topic_gerund(
        candidate(
            nlp,
            "He faces a prosecution for fighting against the militants.",
            "fighting",
            "ASSAULT",
        )
    )


def test_a_scheduled_event_noun_has_not_happened(nlp, lexicon, pipeline):
    for text in (
        "A summit between Kenya and Uganda to be held in Nairobi on Friday has been called a last chance.",
        "Talks between Kenya and Uganda are due to resume in Nairobi on Friday.",
        "Talks between Kenya and Uganda are expected to begin on Monday.",
    ):
        assert not happened(pipeline, text, "CONSULT"), text
        planned = pipeline.code_text(text, date="2021-05-10").events
        # a scheduled meeting is nobody's promise: it stays a (future) meeting
        assert {e.event for e in planned} <= {"CONSULT"}, text
    assert happened(
        pipeline, "Talks between Kenya and Uganda began in Nairobi on Friday.", "CONSULT"
    )
    assert _scheduled(
        word(nlp, "The minister spoke ahead of a meeting with the president.", "meeting"), lexicon
    )
    # what a forecast says of an act's effects does not make it a plan
    assert not _scheduled(
        word(nlp, "The attack is likely to anger the government.", "attack"), lexicon
    )


def test_a_meeting_that_will_take_place_stays_a_meeting(pipeline):
    events = pipeline.code_text(
        "A summit between Kenya and Uganda will be held in Nairobi on Friday.", date="2021-05-10"
    ).events
    assert events and all(e.event == "CONSULT" and e.modality == "future" for e in events)


def test_a_denied_claim_is_no_refusal_and_its_content_did_not_happen(pipeline):
    for text in (
        "The Ugandan army denied that its soldiers had shelled the village.",
        "Kenya denies any link to the militants.",
        "The Sudanese government denied the charges.",
    ):
        coded = [e for e in pipeline.code_text(text, date="2021-05-10").events if not e.negated]
        assert not coded, (text, [(e.event, e.trigger.text) for e in coded])
    # a request denied is refused; entry denied is withheld
    assert happened(pipeline, "Ethiopia denied a request from Egypt to inspect the dam.", "REJECT")
    assert pipeline.code_text(
        "Egypt denied Sudanese trucks entry at the border on Monday.", date="2021-05-10"
    ).events


def test_a_war_toll_is_a_count_not_an_act(pipeline):
    for text in (
        "More than 3,000 people have been killed in the four-year war.",
        "More than 3,000 people have been killed as the conflict enters its fifth year.",
    ):
        assert not happened(pipeline, text, "ASSAULT"), text
    assert happened(
        pipeline,
        "At least 30 people were killed in an air strike on the market on Sunday.",
        "ASSAULT",
    )


def test_private_talk_is_no_consultation(pipeline):
    for text in (
        "Her brother said the family had spoken to her on the phone.",
        "He talked to his sister a lot about moving abroad.",
    ):
        assert not happened(pipeline, text, "CONSULT"), text
    talks = happened(
        pipeline,
        "The Kenyan foreign minister spoke to his Ugandan counterpart by phone on Monday.",
        "CONSULT",
    )
    assert [(e.source.country, e.target.country) for e in talks] == [("KEN", "UGA")]


def test_a_capture_by_armed_men_is_an_assault_an_arrest_by_police_a_coercion(pipeline):
    for text in (
        "Two Kenyan aid workers were detained by al-Shabaab militants near the border.",
        "The two men were seized by Tuareg rebels in northern Mali in January.",
    ):
        coded = [e for e in pipeline.code_text(text, date="2021-05-10").events if not e.negated]
        assert [(e.event, e.mode) for e in coded] == [("ASSAULT", "abduct")], text
    for text in (
        "Kenyan police detained two suspects in Mombasa on Friday.",
        "Nigerian police arrested 20 protesters in Lagos.",
    ):
        assert happened(pipeline, text, "COERCE"), text


def test_a_place_and_a_willingness_are_no_acts(nlp, lexicon, pipeline):
    text = "Another of the men is doing time in a Kenyan jail after a trial last year."
    assert "jail" not in nominal_triggers(nlp, lexicon, text)
    assert not happened(pipeline, text, "COERCE")
    assert not happened(
        pipeline, "France and Britain are happy to discuss new sanctions against Russia.", "CONSULT"
    )
    assert happened(pipeline, "Kenyan police jailed two opposition activists in Nairobi.", "COERCE")
