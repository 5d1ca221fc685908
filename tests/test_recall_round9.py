"""Acts the coder used to miss (round 9, recall): an event noun whose verb says it happened or
went on, a weapon of war used or dropped, an aircraft downed, an attack repelled, a town
reclaimed, a prefixed irregular past ("retook"), a bid, claim or protest given up (PLOVER
CONCEDE), forces trained and patients treated (PLOVER AID), a weapon tested (PLOVER MOBILIZE)
and criticism in other words (PLOVER ACCUSE). Each with sentences of our own that must be
coded and look-alikes that must not, with the lexicon alone (the trained model is not asked)."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an event noun that is the subject of a verb of happening or going on
        ("The Nigerian army's offensive against Boko Haram began on 3 March.", "ASSAULT"),
        ("Fighting between Sudanese soldiers and paramilitaries broke out in Khartoum.", "ASSAULT"),
        # a weapon of war used or dropped on someone
        (
            "Sudanese government forces used chemical weapons against villagers in Darfur.",
            "ASSAULT",
        ),
        ("Russian jets dropped cluster bombs on the Ukrainian town of Izium.", "ASSAULT"),
        # a prefixed irregular past the lemmatiser leaves as it is
        ("Ukrainian forces retook the village from Russian troops.", "ASSAULT"),
        # an aircraft or a missile brought down, an attack driven back, a town taken back
        ("Ukrainian air defences downed two Russian drones over Kyiv.", "ASSAULT"),
        ("Malian soldiers repelled a jihadist attack on their base near Gao.", "ASSAULT"),
        ("Government troops reclaimed the border town from the rebels.", "ASSAULT"),
        # a bid, a claim, a protest given up
        ("The Bolivian opposition suspended its protests against the government.", "CONCEDE"),
        ("The Moroccan government abandoned its bid to host the tournament.", "CONCEDE"),
        ("Argentina dropped its claim to the disputed islands.", "CONCEDE"),
        # forces trained, patients treated, food distributed
        ("Turkish instructors trained Somali soldiers in Mogadishu.", "AID"),
        ("Cuban doctors treated hundreds of patients in Haiti after the earthquake.", "AID"),
        ("The World Food Programme distributed food to 30,000 Yemeni families.", "AID"),
        # a weapon tested
        ("Iran tested a new ballistic missile on Sunday.", "MOBILIZE"),
        # criticism in other words: an outburst, derision, disappointment, objections
        ("The Nicaraguan president lashed out at Costa Rica over the border dispute.", "ACCUSE"),
        ("The Venezuelan leader castigated Colombia for harbouring rebels.", "ACCUSE"),
        ("The Polish minister was widely ridiculed by Belarusian officials.", "ACCUSE"),
        ("The Egyptian government expressed disappointment with the Ethiopian dam plan.", "ACCUSE"),
        ("The talks stalled over Moroccan objections to the Algerian proposal.", "ACCUSE"),
    ],
)
def test_an_act_the_lexicon_now_names_is_coded(lexicon_only, text, kind):
    assert happened(lexicon_only, text, kind), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a state of affairs going on is no act; "broke" without "out" is no outbreak
        ("Syria's civil war continued for a decade.", "ASSAULT"),
        ("The insurgency in Mozambique began in 2017.", "ASSAULT"),
        ("The strike broke the union's funds.", "PROTEST"),
        # tools downed, voters repelled by words, land reclaimed from the sea: no attack
        ("The Nigerian dockers downed tools in protest.", "ASSAULT"),
        ("Voters were repelled by the Zambian candidate's remarks.", "ASSAULT"),
        ("The Peruvian company reclaimed land from the sea.", "ASSAULT"),
        # money used, charges dropped, a plan dropped: no attack, no concession
        ("The Kenyan government used the money to build roads.", "ASSAULT"),
        ("Prosecutors in Nairobi dropped the charges against the Ugandan activist.", "CONCEDE"),
        ("The Indian minister dropped the plan to visit Dhaka.", "CONCEDE"),
        # a coach's players, a request treated as urgent, leaflets handed out
        ("The Kenyan coach trained his players in Nairobi.", "AID"),
        ("The court treated the request from Uganda as urgent.", "AID"),
        ("The Egyptian government distributed leaflets in Cairo.", "AID"),
        # rain lashing a coast is no outburst; feelings kept to oneself accuse nobody
        ("Heavy rain lashed the Bangladeshi coast on Monday.", "ACCUSE"),
        ("The Kenyan fans hid their disappointment after the match.", "ACCUSE"),
        # a test of a person, not of a weapon
        ("Doctors tested the Brazilian president for the virus.", "MOBILIZE"),
        ("The new Zambian minister tested positive for the virus.", "MOBILIZE"),
    ],
)
def test_a_look_alike_is_not_coded_as_that_act(lexicon_only, text, kind):
    assert not happened(lexicon_only, text, kind), text


def test_an_event_noun_going_on_is_coded_with_the_shipped_model(pipeline):
    """The model reads the same candidates: the outbreak stays an event with it."""
    text = "Fighting between Sudanese soldiers and paramilitaries broke out in Khartoum."
    assert happened(pipeline, text, "ASSAULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Somali president criticised Ethiopia's decision to withdraw its troops.",
        "The Kurdish commander condemned Washington's decision to withdraw its soldiers.",
    ],
)
def test_a_withdrawal_decided_inside_a_reaction_is_conceded(lexicon_only, text):
    """A decision to withdraw is a CONCEDE by whoever decided (the coding guide), also where
    another trigger judges it: the judgement's object is no mere content of the judgement."""
    assert happened(lexicon_only, text, "CONCEDE"), text
    assert happened(lexicon_only, text, "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        # a call for a withdrawal decides nothing; a plan of something else concedes nothing
        "The Somali president criticised the opposition's call to withdraw the troops.",
        "The Somali president criticised Ethiopia's decision to build a dam.",
    ],
)
def test_a_reaction_to_no_decided_withdrawal_concedes_nothing(lexicon_only, text):
    assert not happened(lexicon_only, text, "CONCEDE"), text
