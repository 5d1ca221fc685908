"""Who did it to whom where the side hangs on a phrase of the act (issue 13, actors15): a
participle after an event noun ("sanctions imposed on X by Y"), an act that comes "from" someone,
a passive whose agent is the act, a speaker who says what they themselves will do, and whose
words are "the comments made by X". Sentences of our own (events/extract/arguments.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article


def _dyads(pipeline, text: str, kind: str):
    events = pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events
    return [
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
        if e.event == kind
    ]


@pytest.mark.slow
def test_a_participle_after_an_event_noun_names_its_sides(pipeline):
    text = "Sweeping sanctions imposed on Venezuela by the United States have hurt its oil trade."
    assert _dyads(pipeline, text, "SANCTION") == [("USA", "VEN")]


@pytest.mark.slow
def test_a_mutual_act_between_two_sides_has_one_as_source(pipeline):
    text = "The fighting broke a ceasefire agreed in May between Ethiopia and Eritrea."
    assert _dyads(pipeline, text, "AGREE") == [("ETH", "ERI")]


@pytest.mark.slow
def test_an_act_from_someone_is_theirs(pipeline):
    text = "Residents fled after heavy shelling from Russian jets on Monday."
    assert _dyads(pipeline, text, "ASSAULT") == [("RUS", None)]


@pytest.mark.slow
def test_a_withdrawal_from_a_country_is_not_the_country_s_act(pipeline):
    text = "Ethiopian officials announced the withdrawal of their troops from Somalia."
    assert all(src != "SOM" for src, _ in _dyads(pipeline, text, "RETREAT"))


@pytest.mark.slow
def test_whose_comments_a_rejection_is_aimed_at(pipeline):
    text = "Kenya rejected the comments made by the Somali president on Tuesday."
    assert _dyads(pipeline, text, "REJECT") == [("KEN", "SOM")]


@pytest.mark.slow
def test_a_passive_whose_agent_is_the_attack_has_the_subject_as_victim(pipeline):
    text = "Hundreds of Afghan villagers were uprooted by Pakistani airstrikes last week."
    assert _dyads(pipeline, text, "ASSAULT") == [("PAK", "AFG")]


@pytest.mark.slow
def test_a_speaker_who_says_what_they_will_do_aims_it_at_its_object(pipeline):
    text = "The Turkish president vowed he would drive the Syrian militias from the border."
    (dyad,) = _dyads(pipeline, text, "AGREE") or _dyads(pipeline, text, "THREATEN")
    assert dyad == ("TUR", "SYR")


@pytest.mark.slow
def test_whose_arrest_it_is_underwent_it(pipeline):
    text = "Egyptian police confirmed the activist's arrest on Monday."
    events = pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events
    coerce = [e for e in events if e.event == "COERCE"]
    assert coerce and coerce[0].source.sector == "COP"
    assert coerce[0].target.text == "activist"


@pytest.mark.slow
def test_who_is_given_a_sentence_receives_it(pipeline):
    text = "Lena Vos, a Dutch national, was detained and given a jail sentence by a Turkish court."
    assert ("TUR", "NLD") in _dyads(pipeline, text, "SANCTION")


@pytest.mark.slow
def test_the_expulsion_of_someone_is_aimed_at_them(pipeline):
    text = "Ankara ordered the expulsion of the Dutch ambassador."
    assert _dyads(pipeline, text, "SANCTION") == [("TUR", "NLD")]


@pytest.mark.slow
def test_an_attack_led_by_a_state_is_that_state_s(pipeline):
    text = "Ten soldiers were killed during a Saudi-led attack on the port in 2016."
    assert [s for s, _t in _dyads(pipeline, text, "ASSAULT")] == ["SAU"]


@pytest.mark.slow
def test_a_coalition_led_by_a_state_is_not_that_state(pipeline):
    text = "The Saudi-led coalition bombed the port, and a US-led airstrike hit a convoy."
    assert "SAU" not in [s for s, _t in _dyads(pipeline, text, "ASSAULT")]


@pytest.mark.slow
def test_the_visitor_is_the_source_and_the_host_the_target(pipeline):
    # PLOVER manual, CONSULT: "the visitor will always be coded as the actor and the host will
    # be the recipient"
    assert _dyads(pipeline, "Kenya hosted the Ugandan president in Nairobi.", "CONSULT") == [
        ("UGA", "KEN")
    ]
    passive = "The Ugandan president was received by Kenya's president in Nairobi."
    assert _dyads(pipeline, passive, "CONSULT") == [("UGA", "KEN")]
