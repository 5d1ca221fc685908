"""Round 18, precision (prec18): false events read out of fold on the real training articles
(docs/accuracy-history.md, "Round 18: precision"). Each test is a sentence of our own that a general
rule must type as the PLOVER codebook does, next to one that must keep its old type."""

from __future__ import annotations

import pytest

from coded import happened_types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Kenya banned cash transfers to Somalia.",
        "The minister banned funding for charities working in Somalia.",
        "The Kenyan government banned arms sales to Somalia.",
    ],
)
def test_a_ban_on_exchanges_is_a_sanction(pipeline, text):
    # PLOVER SANCTION (discontinue): curtailing commercial or material exchanges
    assert happened_types(pipeline, text) == ["SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya banned the opposition party.",
        "Kenya banned two Somali newspapers.",
    ],
)
def test_a_ban_on_people_or_their_voice_stays_coerce(pipeline, text):
    # PLOVER COERCE (ban, censor): banning individuals, organisations or publications
    assert happened_types(pipeline, text) == ["COERCE"]


@pytest.mark.parametrize(
    "text",
    [
        "Two Kenyan aid workers were seized last week near the Somali border.",
        "The two Britons, a teacher and a mechanic, were seized last month.",
        "A wounded fighter seized on the battlefield was taken to Mogadishu.",
    ],
)
def test_people_seized_with_no_captor_named_were_captured(pipeline, text):
    # the coding guide: a capture of fighters or hostages is an ASSAULT (abduct) by the captor
    assert "ASSAULT" in happened_types(pipeline, text)
    assert "COERCE" not in happened_types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Police seized two suspects in Nairobi.",
        "Two aid workers were detained near the border.",
    ],
)
def test_police_seizures_and_detentions_stay_coerce(pipeline, text):
    # an arrest or a detention, by the police or with nobody named, stays a COERCE
    assert happened_types(pipeline, text) == ["COERCE"]


def test_seized_goods_are_no_capture(pipeline):
    assert "ASSAULT" not in happened_types(
        pipeline, "Weapons seized in the raid were shown to reporters."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Government troops blocked aid deliveries to the besieged town of Malakal.",
        "Rights groups say supply routes to the town have been blocked by the army.",
        "The UN said the crisis had deepened, with access to food blocked in three towns by the "
        "army.",
        "Rights groups say clinics have been shelled and supply routes blocked by the army.",
    ],
)
def test_blocking_access_or_supplies_is_a_restriction(pipeline, text):
    # PLOVER COERCE (restrict): restrictions on movement, public goods withheld
    assert "COERCE" in happened_types(pipeline, text)
    assert "REJECT" not in happened_types(pipeline, text)


def test_blocking_a_resolution_stays_a_rejection(pipeline):
    assert happened_types(pipeline, "Russia blocked a UN resolution on the war.") == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "We are going to withdraw our troops from Somalia, the Kenyan minister said.",
        '"We\'re going to withdraw," the Kenyan minister said.',
        "\u201cIt\u2019s clear, we\u2019re going to withdraw,\u201d the Kenyan minister said.",
    ],
)
def test_a_withdrawal_one_is_going_to_make_is_announced(pipeline, text):
    # the coding guide: an announced or promised future withdrawal is a CONCEDE, not a RETREAT
    assert happened_types(pipeline, text) == ["CONCEDE"]


def test_an_attack_one_is_going_to_make_has_not_happened(pipeline):
    text = "The Kenyan army is going to attack the militants next week."
    assert "ASSAULT" not in happened_types(pipeline, text)


def test_an_attack_made_on_the_way_stays_done(pipeline):
    text = "Kenyan troops attacked the town, going on to seize the airport."
    assert "ASSAULT" in happened_types(pipeline, text)


def test_a_strike_by_an_air_force_is_an_attack(coder):
    # armies and air forces strike at someone (PLOVER ASSAULT); workers' strikes are PROTEST
    text = "A monitor said the strikes had probably been carried out by the Kenyan air force."
    counted = happened_types(coder, text)
    assert "PROTEST" not in counted
    assert "ASSAULT" in counted


def test_a_workers_strike_stays_a_protest(pipeline):
    assert happened_types(pipeline, "Dock workers staged a strike in Mombasa.") == ["PROTEST"]


def test_gathering_to_mourn_is_no_protest(pipeline):
    text = (
        "Hundreds of Kenyans gathered outside the parliament in Nairobi to mourn the slain leader."
    )
    assert "PROTEST" not in happened_types(pipeline, text)


def test_gathering_to_protest_stays_a_protest(pipeline):
    text = (
        "Hundreds of Kenyans gathered outside the parliament in Nairobi to protest against the "
        "killing of the opposition leader."
    )
    assert "PROTEST" in happened_types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "When the Kenyan striker put his side ahead with a sublime strike in the first half, "
        "fans in Nairobi cheered.",
        "The Kenyan midfielder was dismissed after receiving a second yellow card.",
    ],
)
def test_a_game_told_in_the_news_is_no_event(pipeline, text):
    # the coding guide: sports are non-political acts
    assert happened_types(pipeline, text) == []


def test_a_protest_before_the_match_stays_a_protest(pipeline):
    text = "Before the match, Somali exiles staged a protest outside the stadium against the government."
    assert happened_types(pipeline, text) == ["PROTEST"]


def test_a_dismissal_outside_a_game_is_still_coded(pipeline):
    assert happened_types(pipeline, "The president dismissed his defence minister on Monday.") != []
