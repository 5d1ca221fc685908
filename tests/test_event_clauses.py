"""What a sentence reports as happening: purpose clauses, participles describing a noun, desires,
journeys that are no visits, topics that are no participants, prefixed verbs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def happened(pipeline, text):
    """(type, source country, target country) of the events coded as having happened."""
    result = pipeline.code_text(text, date="2020-03-01")
    return {
        (e.event, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in result.events
        if not e.negated and e.modality in {"asserted", "historical"}
    }


def types(pipeline, text):
    return {t for t, _s, _t in happened(pipeline, text)}


def test_purpose_clause_is_no_event_of_its_own(pipeline):
    got = happened(
        pipeline, "Norway's foreign minister met his Danish counterpart in Oslo to discuss Iran."
    )
    assert ("CONSULT", "NOR", "DNK") in got
    assert not any("IRN" in t for t in got), "the topic of the talks is no participant"
    assert "ASSAULT" not in types(
        pipeline, "The young volunteer travelled to Iraq in 2015 to fight against the militants."
    )


def test_planned_meeting_keeps_its_topic_out(pipeline):
    result = pipeline.code_text(
        "The Kenyan and Ugandan presidents will meet in Nairobi on Monday to discuss Somalia.",
        date="2020-03-01",
    )
    assert result.events and all(e.modality == "future" for e in result.events)
    assert not any(e.target and e.target.country == "SOM" for e in result.events)


def test_participle_describing_a_noun_is_no_event(pipeline):
    assert not happened(
        pipeline, "Migrants hailing from Eritrea, Sudan and Yemen were stranded on the coast."
    )
    assert "ASSAULT" not in types(
        pipeline, "Foreign forces fighting in the north want the oil fields."
    )
    # what someone saw happen is an event
    assert "ASSAULT" in types(pipeline, "Witnesses saw soldiers beating protesters in Harare.")


def test_desire_is_not_what_happened(pipeline):
    assert "ASSAULT" not in types(pipeline, "Canada wants Britain to attack the rebels.")


def test_journey_is_no_visit_but_an_official_trip_is(pipeline):
    assert not happened(pipeline, "Hundreds of refugees arrived in Greece on Sunday.")
    assert not happened(pipeline, "The young volunteer travelled to Iraq in 2015.")
    got = happened(pipeline, "The Egyptian president arrived in Sudan for a two-day visit.")
    assert ("CONSULT", "EGY", "SDN") in got


def test_prefixed_verb_is_the_verb_again(pipeline):
    got = happened(pipeline, "Argentina reimposed tariffs on Brazilian steel on Friday.")
    assert ("SANCTION", "ARG", "BRA") in got
    assert not happened(pipeline, "The minister reassured Portugal about the deal.")


def test_prefix_rules(pipeline):
    lexicon = pipeline.lexicon
    assert lexicon.unprefixed("reimpose") == "impose"
    assert lexicon.unprefixed("re-admit") == "admit"
    assert lexicon.unprefixed("replace") is None and lexicon.unprefixed("red") is None
    assert "impose" in pipeline.selector.lemmas("reimposed")


def test_relative_pronoun_stands_for_its_noun(pipeline):
    got = happened(
        pipeline, "Thailand reopened its embassy in Yangon, which it had closed in 2012."
    )
    assert ("SUPPORT", "THA", "MMR") in got
    assert "COERCE" not in {t for t, _s, _t in got}


def test_event_noun_under_a_verb_of_undergoing(pipeline):
    got = happened(pipeline, "A Nigerian convoy suffered an attack near the border with Niger.")
    assert ("ASSAULT", None, "NGA") in got
    got = happened(pipeline, "Malian soldiers came under fire from rebels near Kidal.")
    assert any(t == "ASSAULT" and tgt == "MLI" for t, _s, tgt in got)
    got = happened(pipeline, "Germany received a request from Poland for more troops.")
    assert ("REQUEST", "POL", "DEU") in got


def test_sourceless_restatement_in_a_sentence_is_coded_once(pipeline):
    result = pipeline.code_text("Israeli jets struck Gaza, and an airstrike killed five people.")
    assault = [e for e in result.events if e.event == "ASSAULT"]
    assert len(assault) == 1 and assault[0].source.country == "ISR"


def test_between_names_both_parties(pipeline):
    got = happened(pipeline, "Peace talks between Ethiopia and Eritrea were held in Riyadh.")
    assert ("CONSULT", "ETH", "ERI") in got and (None, "ETH") not in {(s, t) for _e, s, t in got}
