"""Round 23, recall of material acts (recall23b; issue 13): acts of force the coder lost out of
fold for want of a licence for the noun. Sentences of our own.

- An act noun of force after "under" with "be" ("400,000 are under siege", "a town that was
  under attack") is undergone by the subject of "be", as in "has been under siege" and "came
  under fire": the undergoer rule (``undergoer_preps``) now holds where
  the tagger calls "be" an auxiliary, which :func:`noun_governor` does not take as a verb
  (``triggers._under_copula``). Not in a clause that sets another act in time ("when the town
  was under attack, ..."), only acts of force and coercion (a standing measure, "is under
  sanctions", is no new act; pressure is left as it was), and a danger ("under threat") or
  pressure with no one pressing stays no act.
"""

from __future__ import annotations

import pytest

from coded import country_pairs, happened_pairs

pytestmark = pytest.mark.slow


def test_people_under_siege_undergo_a_siege(lexicon_only):
    text = "400,000 Somali civilians are under siege in Kismayo."
    assert happened_pairs(lexicon_only, text, "COERCE") == [(None, "SOM")]


def test_a_town_that_was_under_attack_was_attacked(lexicon_only):
    text = "Kismayo, a Somali town that was under attack last year, is quiet now."
    assert happened_pairs(lexicon_only, text, "ASSAULT") == [(None, "SOM")]


def test_an_attack_in_a_time_clause_stays_a_setting(lexicon_only):
    text = (
        "When the Somali town was under attack, the calls of Somali leaders for Kenyan support "
        "were rebuffed."
    )
    assert country_pairs(lexicon_only, text, "ASSAULT") == []


def test_a_danger_under_a_copula_is_no_threat_made(lexicon_only):
    text = "All Somali hospitals are under threat."
    assert country_pairs(lexicon_only, text, "THREATEN") == []


def test_pressure_with_no_one_pressing_is_no_request(lexicon_only):
    text = "The Kenyan government is under intense pressure in Somalia."
    assert country_pairs(lexicon_only, text, "REQUEST") == []


def test_a_standing_measure_under_a_copula_is_no_new_sanction(lexicon_only):
    text = "Kenya is under sanctions from the United Nations."
    assert country_pairs(lexicon_only, text, "SANCTION") == []
