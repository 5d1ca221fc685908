"""Quoted sentences speak for their speaker (round 13, recall): a sentence inside a direct
quotation that no verb of saying governs ("A minister said: 'This is barbaric.'", a quotation
that runs on from the sentence before) is the speaker's words, so its "must"/"should" of someone
else is the speaker's REQUEST of them and its condemnation or judgement of someone the speaker's
ACCUSE; the same words in the narrative's own voice, or of the speaker's own side, code nothing.
Sentences of our own, with the lexicon alone and with the event model."""

from __future__ import annotations

import pytest

from coded import dyads, happened
from dateline.quotes import quoted_speakers

pytestmark = pytest.mark.slow

SPEAKER = "The Kenyan foreign minister, Raychelle Omamo, spoke to reporters in Nairobi on Monday."


@pytest.mark.parametrize(
    "text",
    [
        # the quotation opens in the sentence before and runs on
        "Kenya's foreign minister said: \u201cThe border must stay open. Uganda must withdraw its"
        " troops from the border at once.\u201d",
        # the speech verb after the first quoted sentence speaks for the next one too
        "\u201cWe have waited long enough,\u201d the Kenyan foreign minister said. \u201cUganda"
        " should pull its troops back from the border.\u201d",
    ],
)
def test_a_quoted_must_is_the_speakers_request(coder, text):
    found = happened(coder, text, "REQUEST")
    assert ("KEN", "UGA") in dyads(found), [(e.trigger.text, e.source, e.target) for e in found]
    # what is demanded has not happened
    assert not happened(coder, text, "RETREAT"), text


def test_a_quoted_must_not_still_demands(coder):
    text = (
        "Kenya's foreign minister told reporters: \u201cWe will not stand by. The Ugandan army"
        " must not cross the border again.\u201d"
    )
    assert ("KEN", "UGA") in dyads(happened(coder, text, "REQUEST")), text


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own side: a resolve, not a demand
        "Kenya's foreign minister said: \u201cWe condemn this. We must protect our people.\u201d",
        # the narrative's own voice: nobody demands anything
        "Uganda must decide by Friday whether to renew the mandate of its troops in Somalia.",
        # a state, not an act asked
        "Kenya's foreign minister said: \u201cIt is a sad day. Uganda should be proud of its"
        " soldiers.\u201d",
    ],
)
def test_no_demand_without_someone_else_asked_to_act(coder, text):
    assert not happened(coder, text, "REQUEST"), text


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Chad's president told parliament on Tuesday: \u201cWe saw what the Boko Haram"
            " fighters did. They are terrorists.\u201d",
            ("TCD", None),
        ),
        (
            "Nigeria's army chief told reporters: \u201cThe villagers were shot in their homes."
            " The Boko Haram fighters are responsible for the massacre.\u201d",
            ("NGA", None),
        ),
    ],
)
def test_a_quoted_judgement_of_someone_is_the_speakers_accusation(coder, text, pair):
    found = happened(coder, text, "ACCUSE")
    assert found, text
    assert pair[0] in {e.source.country for e in found if e.source}, [e.source for e in found]


def test_a_quoted_condemnation_is_the_speakers_accusation(coder):
    text = (
        "The Ugandan army shelled the Kenyan border post at Busia on Sunday, Kenya's foreign"
        " minister said: \u201cFour of our soldiers died. This is barbaric.\u201d"
    )
    events = coder.code_text(text, date="2021-05-10").events
    accusations = [
        e for e in happened(coder, text, "ACCUSE") if e.trigger.text in {"is", "barbaric"}
    ]
    assert accusations, [(e.event, e.trigger.text) for e in events]


def test_a_quoted_judgement_nobody_is_said_to_say_is_not_the_judgeds(coder):
    text = "The raid came at dawn. \u201cThe Boko Haram fighters are terrorists.\u201d"
    found = happened(coder, text, "ACCUSE")
    assert not {e.source.country for e in found if e.source}, [e.source for e in found]


def test_a_condemnation_in_the_narrative_voice_accuses_nobody(coder):
    text = "The conditions in the camp are appalling. The shelling of the town was barbaric."
    assert not happened(coder, text, "ACCUSE"), text


def test_finding_an_act_inexcusable_condemns_it(coder):
    text = "Chile's foreign minister told reporters that Chile finds these killings inexcusable."
    found = happened(coder, text, "ACCUSE")
    assert "CHL" in {e.source.country for e in found if e.source}, text


def test_quoted_speakers_name_the_speaker_of_a_running_quotation(pipeline):
    text = (
        "Kenya's foreign minister said: \u201cThe border must stay open. Uganda must withdraw"
        " its troops.\u201d The talks will resume on Friday."
    )
    doc = pipeline.nlp(text)
    speakers = quoted_speakers(doc, text, None)
    assert set(speakers) == {1}, speakers  # the first says who speaks; the third is outside
    assert speakers[1] is not None and speakers[1].text == "minister", speakers


def test_a_demand_conjoined_to_a_verb_of_saying_is_the_speakers(coder):
    text = (
        "A Kenyan government spokesman said Kenya would not close the camps but Somalia must"
        " take back its refugees."
    )
    assert ("KEN", "SOM") in dyads(happened(coder, text, "REQUEST")), text


def test_a_quoted_plea_is_the_speakers_request(coder):
    text = (
        "The Malian president told the rebels in a radio address: \u201cWe offer you peace."
        " Please lay down your arms.\u201d"
    )
    found = happened(coder, text, "REQUEST")
    assert "MLI" in {e.source.country for e in found if e.source}, text


def test_an_imperative_without_a_plea_asks_nothing(coder):
    text = "The Malian president said: \u201cLook at the map. The north is ours.\u201d"
    assert not happened(coder, text, "REQUEST"), text


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThese charges are a sham,\u201d the Kenyan foreign minister said of Uganda.",
        "The Kenyan foreign minister told reporters: \u201cUganda's treatment of them is"
        " callous and cruel.\u201d",
        "Kenya said Uganda's account of the clash was misleading.",
    ],
)
def test_words_that_scorn_condemn_like_unacceptable(coder, text):
    found = happened(coder, text, "ACCUSE")
    assert "KEN" in {e.source.country for e in found if e.source}, text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan interior minister wants the two suspects to be tried in Kenya.",
        "The Kenyan interior minister said he would like to see the suspects brought back to"
        " Kenya.",
        "Kenya's interior minister said: \u201cWe want every Shabaab recruit arrested.\u201d",
    ],
)
def test_a_wish_that_something_be_done_to_someone_is_a_request(coder, text):
    found = happened(coder, text, "REQUEST")
    assert "KEN" in {e.source.country for e in found if e.source}, text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan minister wants the refugees to be safe.",
        "The Kenyan minister wanted to see the camps himself.",
        "The Kenyan minister does not want the suspects to be tried abroad.",
        "The Kenyan police expected the suspects to be caught within days.",
    ],
)
def test_no_wish_for_an_act_asks_nothing(coder, text):
    assert not happened(coder, text, "REQUEST"), text


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The UN envoy said Uganda has a responsibility to protect the refugees in Gulu.",
            (None, "UGA"),
        ),
        (
            "Kenya's foreign minister said: \u201cWe are ready. Uganda has an obligation to let"
            " the convoys in.\u201d",
            ("KEN", "UGA"),
        ),
        (
            "Kenya's foreign minister said: \u201cThe talks failed. The Ugandans need to hand the"
            " suspects over.\u201d",
            ("KEN", None),
        ),
    ],
)
def test_a_duty_or_need_said_of_someone_else_is_a_demand(coder, text, pair):
    found = happened(coder, text, "REQUEST")
    sources = {e.source.country for e in found if e.source}
    targets = {e.target.country for e in found if e.target}
    assert found, text
    assert pair[0] is None or pair[0] in sources, sources
    assert pair[1] is None or pair[1] in targets, targets


@pytest.mark.parametrize(
    "text",
    [
        "The UN envoy said Uganda has no obligation to take them back.",
        "Kenya's foreign minister said: \u201cWe have a responsibility to protect our people.\u201d",
    ],
)
def test_no_duty_denied_or_of_ones_own_side_is_a_demand(coder, text):
    assert not happened(coder, text, "REQUEST"), text
