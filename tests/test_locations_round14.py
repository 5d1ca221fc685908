"""Round 14 (geo30) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

import pytest

from dateline.gazetteer import gazetteer
from located import locate, one_side


def test_a_town_of_the_article_s_country_with_no_population_beats_a_bigger_namesake_abroad():
    g = gazetteer()
    # GeoNames records no population for many towns of Syria and Iraq; in a story about
    # Syria, its Madaya is meant, not Myanmar's bigger one; in a story about Myanmar, that one.
    assert g.resolve("Madaya", ["SYR"]).country == "SYR"
    assert g.resolve("Madaya", ["MMR"]).country == "MMR"
    assert g.resolve("Madaya").country == "MMR"  # no hint: the bigger town
    assert g.resolve("Paris", ["USA"]).country == "FRA"  # a known big town still wins
    assert g.resolve("Tripoli", ["LBN"]).country == "LBN"


@pytest.mark.parametrize(
    ("name", "hint", "place", "country", "kind"),
    [
        ("Sheikh Maqsood", "SYR", "Sheikh Maqsood", "SYR", "city"),
        ("Sheikh Maqsoud", "SYR", "Sheikh Maqsood", "SYR", "city"),
        ("Jobar", "SYR", "Jobar", "SYR", "city"),
        ("Sarmada", "SYR", "Sarmada", "SYR", "city"),
        ("Al-Jinah", "SYR", "Al-Jinah", "SYR", "city"),
        ("Shaddadi", "SYR", "Ash Shaddadah", "SYR", "city"),  # not Sadad, a town near Homs
        ("al-Bukamal", "SYR", "Albu Kamal", "SYR", "city"),
        ("Makhmour", "IRQ", "Mexmur", "IRQ", "city"),
        ("Tel Keppe", "IRQ", "Tallkayf", "IRQ", "city"),
        ("Hammam al-Alil", "IRQ", "Hammam al-Alil", "IRQ", "city"),
        ("Menagh airbase", "SYR", "Menagh airbase", "SYR", "point"),
    ],
)
def test_districts_and_villages_of_conflict_reporting_are_in_the_gazetteer(
    name, hint, place, country, kind
):
    found = gazetteer().resolve(name, [hint])
    assert found is not None
    assert (found.name, found.country, found.kind) == (place, country, kind)
    assert found.lat is not None and found.feature_id  # mapped, with its town's id


def test_a_district_the_gazetteer_now_knows_places_the_act_in_it(nlp):
    text = "Rebels shelled the Sheikh Maqsoud district of Aleppo on Tuesday, killing four people."
    place = locate(nlp, text, "shelled", actors=one_side())
    assert place is not None and (place.name, place.precision) == ("Sheikh Maqsoud", "city")
    assert place.feature_id == gazetteer().resolve("Aleppo", ["SYR"]).feature_id  # its town
    text = "Government jets bombed Jobar, on the eastern edge of Damascus, overnight."
    place = locate(nlp, text, "bombed", actors=one_side())
    assert place is not None and (place.name, place.country) == ("Jobar", "SYR")
