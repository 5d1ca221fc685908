"""Round 21, recall of material acts (recall21b; issue 13): acts of force, withdrawals and
mobilisations the coder missed out of fold because no lexicon entry read their construction.
Sentences of our own.

- Cutting someone's throat or head is killing them (``assault-cut-throat``); cutting aid stays
  a sanction.
- Driving back soldiers is repelling them (``assault-repel``); enemies routed or harried are
  beaten (``assault-rout``).
- An attack someone is "under" that names who it comes "from" is that doer's act on them
  (``triggers._under_blows_from``); "under attack" alone names no doer.
- Fighters sent to the front mobilise (``mobilize-send-front``); aid sent there is aid.
- People thrown from a height are assaulted (``assault-throw-from``); an armed enemy pushed back
  or to the edge of its ground is driven there (``assault-push-to``, ``assault-push-back``);
  a bombardment kept up goes on (``assault-keep-up``).
- People or units pinned down are assaulted (``assault-pin-down``); a date pinned down is no
  act of force.
- People evicted, property commandeered or land annexed, and ranks purged are coerced
  (``coerce-deport``, ``coerce-seize``, ``coerce-purge``); people coerced into something are
  coerced (``coerce-coerce``).
- Forces tightening the noose or the net on an enemy close in on it (``assault-tighten-noose``);
  a grip on power tightened is no act of force.
- Drawing down a presence or troops is a withdrawal (``retreat-draw-down``).
- Charges dropped are a prosecution given up, not an accusation (``retreat-drop-charges``).
- Armed forces edging closer to a place move up on it (``mobilize-edge``); an envoy edging
  towards an admission is no force.
"""

from __future__ import annotations

import pytest

from coded import coded_types, country_pairs

pytestmark = pytest.mark.slow


def test_a_throat_cut_is_a_killing(lexicon_only):
    text = "Somali militants cut the Kenyan hostage's throat."
    assert ("SOM", "KEN") in country_pairs(lexicon_only, text, "ASSAULT")


def test_aid_cut_is_no_killing(lexicon_only):
    text = "The Kenyan government cut aid to Somalia."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_soldiers_repelled_are_fought(lexicon_only):
    text = "Ethiopian fighters repelled Eritrean soldiers near the border in 2021."
    assert ("ETH", "ERI") in country_pairs(lexicon_only, text, "ASSAULT")


def test_tightening_the_noose_on_militants_is_an_assault(lexicon_only):
    text = "Kenyan troops tightened the noose on the Somali militants near Kismayo."
    assert ("KEN", "SOM") in country_pairs(lexicon_only, text, "ASSAULT")


def test_a_grip_on_power_tightened_is_no_assault(lexicon_only):
    text = "The Ugandan president tightened his grip on power."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_a_presence_drawn_down_is_a_withdrawal(lexicon_only):
    text = "Kenya drew down its military presence in Somalia last year."
    assert ("KEN", "SOM") in country_pairs(lexicon_only, text, "RETREAT")


def test_charges_dropped_are_a_retreat_not_an_accusation(lexicon_only):
    text = "Kenyan prosecutors dropped all charges against the Ugandan activist."
    assert ("KEN", "UGA") in country_pairs(lexicon_only, text, "RETREAT")
    assert "ACCUSE" not in coded_types(lexicon_only, text)


def test_troops_edging_closer_mobilise(lexicon_only):
    text = "Ethiopian troops edged closer to the Tigrayan capital on Monday."
    assert "MOBILIZE" in coded_types(lexicon_only, text)


def test_an_envoy_edging_towards_an_admission_is_no_force(lexicon_only):
    text = "The Kenyan envoy has edged towards an admission that the talks failed."
    assert "MOBILIZE" not in coded_types(lexicon_only, text)


def test_rebels_routed_are_beaten(lexicon_only):
    text = "Ugandan troops routed the Congolese rebels near the border."
    assert ("UGA", "COD") in country_pairs(lexicon_only, text, "ASSAULT")


def test_militiamen_sent_to_the_front_mobilise(lexicon_only):
    text = "The Ethiopian army sent hundreds of Amhara militiamen to the front."
    assert "MOBILIZE" in coded_types(lexicon_only, text)


def test_aid_sent_to_the_front_line_is_no_mobilisation(lexicon_only):
    text = "Kenya sent food aid to the front line in Somalia."
    assert "MOBILIZE" not in coded_types(lexicon_only, text)


def test_under_assault_from_a_state_names_the_doer(lexicon_only):
    text = "Somali clan leaders under assault from Ethiopia asked Kenya for help."
    assert ("ETH", "SOM") in country_pairs(lexicon_only, text, "ASSAULT")


def test_under_attack_alone_names_no_doer(lexicon_only):
    text = "The Kenyan town of Mandera is under attack."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_prisoners_thrown_from_cliffs_are_assaulted(lexicon_only):
    text = "Somali militants threw two Kenyan prisoners from the cliffs."
    assert ("SOM", "KEN") in country_pairs(lexicon_only, text, "ASSAULT")


def test_throwing_everyone_off_balance_is_no_assault(lexicon_only):
    text = "The Kenyan president believes that throwing everyone else off balance helps him."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_militants_pushed_back_are_driven_back(lexicon_only):
    text = "Kenyan troops pushed the Somali militants back towards the border."
    assert ("KEN", "SOM") in country_pairs(lexicon_only, text, "ASSAULT")


def test_a_government_pushed_to_the_table_is_not_attacked(lexicon_only):
    text = "The US pushed the Kenyan government to the table last year."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_a_bombardment_kept_up_goes_on(lexicon_only):
    text = "Ethiopian warplanes kept up their bombardment of Mekelle for a third day."
    assert "ASSAULT" in coded_types(lexicon_only, text)


def test_pressure_kept_up_is_no_assault(lexicon_only):
    text = "Kenyan activists said it was vital to keep up the pressure on Uganda."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police evicted the Somali refugees from the stadium.",
        "Ethiopian militias commandeered a Somali bank in Mogadishu.",
        "The Ugandan president purged the army of Kenyan-trained officers.",
    ],
)
def test_people_evicted_property_commandeered_and_ranks_purged_are_coerced(lexicon_only, text):
    assert "COERCE" in coded_types(lexicon_only, text)


def test_civilians_pinned_down_by_an_air_force_are_assaulted(lexicon_only):
    text = "Up to 40,000 Tigrayan civilians have been pinned down by the Ethiopian air force."
    assert "ASSAULT" in coded_types(lexicon_only, text)


def test_a_date_pinned_down_is_no_assault(lexicon_only):
    text = "The Kenyan negotiators pinned down a date for the talks with Uganda."
    assert "ASSAULT" not in coded_types(lexicon_only, text)


def test_villagers_coerced_into_joining_are_coerced(lexicon_only):
    text = "Somali militants coerced Kenyan villagers into joining the group."
    assert ("SOM", "KEN") in country_pairs(lexicon_only, text, "COERCE")
