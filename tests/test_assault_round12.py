"""Acts of force the coder used to code too few of (round 12, ASSAULT): a fight the words tell as
mutual ("clashed with", "exchanged fire with", "fighting between X and Y") is each side's act on
the other, one record each way (the coding guide: one record per acting side); a fight one side
wages on another ("fought the militants", "returned fire on") stays one record. Sentences of our
own, with the lexicon alone (the trained model is not asked)."""

from __future__ import annotations

import pytest

from coded import dyads, happened

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Kenyan troops clashed with Somali militants near the border on Tuesday.",
            {("KEN", "SOM"), ("SOM", "KEN")},
        ),
        (
            "Ugandan soldiers exchanged fire with Kenyan police at the border.",
            {("UGA", "KEN"), ("KEN", "UGA")},
        ),
        (
            "The clash between Kenyan troops and Somali militants left four dead.",
            {("KEN", "SOM"), ("SOM", "KEN")},
        ),
        (
            "Fighting between Ethiopian troops and Eritrean forces broke out on Monday.",
            {("ETH", "ERI"), ("ERI", "ETH")},
        ),
    ],
)
def test_a_mutual_fight_is_coded_both_ways(lexicon_only, text, pairs):
    assert dyads(happened(lexicon_only, text, "ASSAULT")) == pairs, text


def test_each_side_a_force_clashed_with_is_its_own_record(lexicon_only):
    text = "Kenyan troops clashed with Somali militants and Ethiopian forces near the border."
    found = dyads(happened(lexicon_only, text, "ASSAULT"))
    assert {("SOM", "KEN"), ("ETH", "KEN")} <= found, found
    assert ("KEN", "SOM") in found or ("KEN", "ETH") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops fought the Somali militants near the border.",
        "Kenyan troops returned fire on the Somali militants.",
        "Kenyan troops attacked the Somali militants near the border.",
    ],
)
def test_a_fight_one_side_wages_is_one_record(lexicon_only, text):
    records = happened(lexicon_only, text, "ASSAULT")
    assert dyads(records) == {("KEN", "SOM")}, text
    assert len(records) == 1, text


def test_a_clash_in_a_place_is_not_turned_round(lexicon_only):
    # the place where a clash happened fought nobody
    text = "Kenyan police clashed with protesters in Nairobi."
    found = happened(lexicon_only, text, "ASSAULT")
    assert not any(e.source is not None and e.source.text == "Nairobi" for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        # one mention read as both sides is one record each way already, not four
        "A direct clash between Turkish and Syrian government forces broke out on Monday.",
        # a row between officials is no fight to turn round
        "The Kenyan ambassador clashed with the Ugandan president over the border.",
        # a war between two states is a state of affairs, not a clash told both ways
        "Analysts describe it as a proxy war between Kenya and Ethiopia.",
    ],
)
def test_no_second_record_where_nobody_fought_back(lexicon_only, text):
    assert len(happened(lexicon_only, text, "ASSAULT")) <= 1, text
