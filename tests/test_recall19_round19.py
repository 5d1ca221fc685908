"""Round 19, recall (recall19; issue 13): gold events the coder missed out of fold.

- One mention whose own words name parties of several countries ("surrendered to Russian and
  Syrian forces", "cut their aid to Malian and Nigerien troops") is one side each, also for an
  act of force or a material act on several parties (``coder._first_target_each`` keeps one
  target per source, but a second reading of the same mention with another country stays).
  Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import country_pairs

pytestmark = pytest.mark.slow


def test_a_mention_naming_two_countries_is_two_targets(coder):
    text = "The rebel commanders surrendered to Russian and Syrian forces on Monday."
    targets = {t for _, t in country_pairs(coder, text, "RETREAT")}
    assert {"RUS", "SYR"} <= targets


def test_conjoined_parties_of_one_country_stay_one_target(coder):
    # two people of one state acted on at once: one act, one record (ONE_ACT_ON_MANY)
    text = "Ugandan police arrested two Kenyan journalists and a Kenyan lawyer in Kampala."
    assert len(country_pairs(coder, text, "COERCE")) == 1


def test_a_party_read_once_is_not_doubled(coder):
    text = "Ethiopian troops shelled the Eritrean town of Zalambessa on Sunday."
    assert len(country_pairs(coder, text, "ASSAULT")) == 1
