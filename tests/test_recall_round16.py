"""Round 16, recall (issue 13, recall34): acts the coder did not propose.

- Armed units sent to carry out an act of force ("sent troops into Somalia to oust the
  militias", "dispatched jets to strike the camps") went in to fight: the sending is that
  attack by the sender (the training gold codes it so), not a deployment (MOBILIZE) or aid;
  units sent to help someone, or sent with no such aim, stay what they were
  (events/extract/coder.py, ``_sent_to_fight``).
- Armed units or police surrounding people or a place close them in, as a siege does (COERCE,
  restrict: the lexicon entry coerce-surround); "surrounded by supporters" or "the uncertainty
  surrounding the talks" hold nobody.
- A request named with its author as a common noun or a pronoun ("the opposition's demand for
  a recount", "its calls for a recount") is the author's REQUEST, as one with a named author is
  (events/extract/triggers.py, ``_authored_request``); "his telephone call" is no demand.
- Verbs of force the lexicon lacked: enemy fighters "neutralised", hunted down or rooted out
  (ASSAULT; vowed, a threat), a place liberated from an armed group (ASSAULT; "areas liberated
  from the militants", "the liberated town" name a place: coder._liberated_place), people
  locked up (COERCE, detain; "are locked up in a prison" is an ongoing detention, "locked up
  the store" holds nobody) and taken hostage (ASSAULT, abduct); armed forces taking control of
  a place or advancing on it (ASSAULT; "took control of parliament after the vote", "the talks
  advanced on Monday" are no attack), sweeping into a place or spearheading a campaign of force
  (ASSAULT; "a wave of protests swept through the capital", "led to the campaign" are not),
  a state intervening in a war (ASSAULT; "intervened in the debate" is not), people segregated
  by force (COERCE, restrict).
- A grievance told with a that-clause about what someone named did ("we are disappointed that
  the Ugandan court has sentenced him") is an ACCUSE of them, as "angry at X" is; more adjectives
  of grievance (frustrated, disappointed, sickened, ...): triggers._grievance.

Sentences of our own, never from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "attacker", "attacked"),
    [
        ("Ethiopia sent forces to oust the Islamist militants from the Somali town of Baidoa.",
         "ETH", "SOM"),
        ("The Kenyan army dispatched jets to strike al-Shabaab camps in Somalia.", "KEN", "SOM"),
        ("Kenya sent troops into the Somali enclave of Gedo to fight the militants.", "KEN", "SOM"),
    ],
)  # fmt: skip
def test_units_sent_to_fight_are_the_attack(pipeline, text, attacker, attacked):
    attacks = happened(pipeline, text, "ASSAULT")
    assert [(e.source.country, e.target.country) for e in attacks] == [(attacker, attacked)], text
    assert not happened(pipeline, text, "MOBILIZE") and not happened(pipeline, text, "AID"), text


@pytest.mark.parametrize(
    "text",
    [
        "The Ugandan army sent troops to help Somali forces defend Mogadishu.",
        "Kenya sent troops to the Somali border on Monday.",
        "The government sent troops to the border to prevent an invasion.",
    ],
)
def test_units_sent_without_an_act_of_force_to_do_attack_nobody(pipeline, text):
    assert happened(pipeline, text, "ASSAULT") == [], text


def test_a_sending_threatened_is_no_attack(pipeline):
    text = "Kenya threatened to send troops into Somalia to fight al-Shabaab."
    assert happened(pipeline, text, "ASSAULT") == []
    assert [e.source.country for e in happened(pipeline, text, "THREATEN")] == ["KEN"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Somali troops surrounded the town of Kismayo on Monday.", "SOM", "SOM"),
        ("Ugandan troops surrounded the Congolese rebels in the forest near Beni.", "UGA", "COD"),
        (
            "Kenyan police surrounded the protesters outside the parliament in Nairobi.",
            "KEN",
            "KEN",
        ),
    ],
)
def test_armed_units_surrounding_someone_restrict_them(coder, text, source, target):
    got = happened(coder, text, "COERCE")
    assert [(e.source.country, e.target.country) for e in got] == [(source, target)], text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president was surrounded by supporters at the rally.",
        "There is uncertainty surrounding the talks between Kenya and Uganda.",
        "Kenyan farmers grow maize in the hills surrounding the town.",
    ],
)
def test_surroundings_hold_nobody(coder, text):
    assert happened(coder, text, "COERCE") == [], text


def test_a_demand_with_a_common_noun_author_is_a_request(pipeline):
    text = "The Ugandan opposition's demand for a recount came as protests spread across Kampala."
    requests = happened(pipeline, text, "REQUEST")
    assert [(e.trigger.text, e.source.country) for e in requests] == [("demand", "UGA")]


def test_a_telephone_call_with_a_pronoun_author_is_no_demand(pipeline):
    text = "The Kenyan president praised Uganda in his telephone call to Museveni on Monday."
    assert happened(pipeline, text, "REQUEST") == []


@pytest.mark.parametrize(
    ("text", "event", "source", "target"),
    [
        ("Kenyan troops neutralised dozens of al-Shabaab fighters near Kismayo.",
         "ASSAULT", "KEN", "SOM"),
        ("Somali troops hunted down the al-Shabaab fighters near Kismayo.", "ASSAULT", "SOM", "SOM"),
        ("Kenyan forces liberated the Somali town of Kismayo from al-Shabaab.",
         "ASSAULT", "KEN", "SOM"),
        ("Belarusian police locked up dozens of opposition activists in Minsk.",
         "COERCE", "BLR", "BLR"),
        ("Somali militants took two Kenyan aid workers hostage near the border.",
         "ASSAULT", "SOM", "KEN"),
        ("A Kenyan journalist was taken hostage by al-Shabaab fighters on Monday.",
         "ASSAULT", "SOM", "KEN"),
        ("The Kenyan president vowed to root out the Somali militants.", "THREATEN", "KEN", "SOM"),
    ],
)  # fmt: skip
def test_verbs_of_force_the_lexicon_lacked(coder, text, event, source, target):
    got = happened(coder, text, event)
    assert [(e.source.country, e.target.country) for e in got] == [(source, target)], text


def test_a_place_liberated_with_nobody_freeing_it_is_a_place(coder):
    assert (
        happened(coder, "Kenyan troops entered the liberated Somali town of Kismayo.", "ASSAULT")
        == []
    )
    text = "Kenyan engineers are rebuilding areas liberated from al-Shabaab in southern Somalia."
    assert happened(coder, text, "ASSAULT") == []
    text = "Kenyan engineers are rebuilding towns liberated by the Somali army."
    assert [e.source.country for e in happened(coder, text, "ASSAULT")] == ["SOM"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The new Kenyan radar neutralised the advantage of the Somali pirates.", "ASSAULT"),
        ("The Kenyan shopkeeper locked up the store and went home.", "COERCE"),
        ("Two Belarusian activists are locked up in a prison in Minsk.", "COERCE"),
        ("Kenyan women are liberating themselves from old customs.", "ASSAULT"),
    ],
)
def test_the_same_verbs_without_an_act_of_force(coder, text, event):
    assert happened(coder, text, event) == [], text


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Somali rebels took control of the town of Baidoa on Sunday.", "SOM", "SOM"),
        ("Iraqi forces wrested back control of the cities of Mosul and Ramadi.", "IRQ", "IRQ"),
        ("Kenyan forces advanced on the Somali port of Kismayo.", "KEN", "SOM"),
        ("The Ugandan rebels were advancing against the Congolese army near Beni.", "UGA", "COD"),
    ],
)
def test_taking_control_of_a_place_or_advancing_on_it_is_an_attack(coder, text, source, target):
    got = happened(coder, text, "ASSAULT")
    assert [(e.source.country, e.target.country) for e in got] == [(source, target)], text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan opposition party took control of parliament after the vote.",
        "The talks between Kenya and Uganda advanced on Monday.",
        "Kenya advanced its ambitions in the region with a new port.",
    ],
)
def test_control_won_in_a_vote_or_talks_advancing_are_no_attack(coder, text):
    assert happened(coder, text, "ASSAULT") == [], text


def test_a_grievance_about_what_someone_did_accuses_them(coder):
    text = (
        '"We are disappointed that the Ugandan court has sentenced him," the Kenyan foreign '
        "minister said."
    )
    got = happened(coder, text, "ACCUSE")
    assert [(e.trigger.text, e.target.country) for e in got] == [("disappointed", "UGA")]


def test_a_grievance_about_ones_own_lot_accuses_nobody(coder):
    text = '"He is frustrated that he is not allowed to see his family," his Kenyan lawyer said.'
    assert happened(coder, text, "ACCUSE") == []


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Somali rebels swept into the town of Baidoa on Sunday.", "SOM", "SOM"),
        (
            "The Somali army spearheaded the offensive against al-Shabaab near Kismayo.",
            "SOM",
            "SOM",
        ),
        ("Kenyan troops spearheaded the assault on the Somali port of Kismayo.", "KEN", "SOM"),
    ],
)
def test_sweeping_in_or_spearheading_a_campaign_of_force_is_an_attack(coder, text, source, target):
    got = happened(coder, text, "ASSAULT")
    assert [(e.source.country, e.target.country) for e in got] == [(source, target)], text


@pytest.mark.parametrize(
    "text",
    [
        "A wave of protests swept through the Kenyan capital on Monday.",
        "The Kenyan foreign minister led the talks with Uganda.",
        "A dispute over fishing rights led to the Kenyan military campaign in 2011.",
        "The Kenyan president swept aside the objections of the opposition.",
    ],
)
def test_protests_sweeping_a_city_or_talks_led_are_no_attack(coder, text):
    assert happened(coder, text, "ASSAULT") == [], text


def test_intervening_in_a_war_is_an_attack(coder):
    got = happened(coder, "Ethiopia intervened in the Somali civil war in 2006.", "ASSAULT")
    assert [e.source.country for e in got] == ["ETH"]
    text = "The Kenyan president intervened in the debate over the new constitution."
    assert happened(coder, text, "ASSAULT") == []


def test_people_segregated_are_restricted(coder):
    text = "Libyan guards segregated the Nigerian migrants in a separate camp."
    got = happened(coder, text, "COERCE")
    assert [(e.source.country, e.target.country) for e in got] == [("LBY", "NGA")]
