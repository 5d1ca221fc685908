"""Round 14 (geo30) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

import pytest

from dateline.actors.index import ActorIndex
from dateline.gazetteer import gazetteer
from dateline.places import find_mentions, saw_events, told_in_general
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


def test_the_town_a_blow_was_dealt_to_as_a_passive_subject_points_back(nlp):
    text = (
        "Fighters fled Mosul after a long siege. The city was retaken by Iraqi forces on Tuesday."
    )
    place = locate(nlp, text, "retaken", actors=one_side("Iraqi army", "IRQ"))
    assert place is not None and (place.name, place.precision) == ("Mosul", "city")
    assert place.text == "The city"  # the back reference, not a name
    text = "Fighters fled Mosul and Aleppo last week. The city was retaken by government forces."
    place = locate(nlp, text, "retaken", actors=one_side("Iraqi army", "IRQ"))
    assert place is None or place.precision == "country"  # two towns before: which one?


def test_an_arabic_name_the_ner_cut_after_its_first_word_is_taken_whole(nlp):
    from dateline.places import _widen

    doc = nlp("Isis fighters abandoned Deir ez-Zor, where they had besieged a base.")
    i = next(t.i for t in doc if t.text == "Deir")
    start, end = _widen(doc, i, i + 1)
    assert doc[start:end].text == "Deir ez-Zor"
    doc = nlp("Isis fighters abandoned Deir ez-Zor.")
    j = next(t.i for t in doc if t.text == "Zor")
    assert doc[slice(*_widen(doc, j, j + 1))].text == "Deir ez-Zor"  # the other way round
    doc = nlp("Families fled Aleppo as Assad's forces advanced.")  # "as" is no name's article here
    k = next(t.i for t in doc if t.text == "Aleppo")
    assert _widen(doc, k, k + 1) == (k, k + 1)


def test_a_town_written_with_a_leading_arabic_article_is_found_among_the_article_s_countries():
    g = gazetteer()
    assert g.resolve("al-Raqqa", ["SYR"]).name == "Ar Raqqah"
    assert g.resolve("ar-Raqqa", ["SYR"]).name == "Ar Raqqah"
    assert g.resolve("al-Mosul", ["IRQ"]).name == "Mosul"
    assert g.resolve("al-Raqqa") is None  # no article country: not guessed worldwide
    assert g.resolve("Al Jazeera", ["QAT"]) is None  # a broadcaster, no town of Qatar
    assert g.resolve("El Salvador").kind == "country"  # a name that keeps its article


@pytest.mark.parametrize(
    ("name", "hint", "place"),
    [
        ("Talafar", "IRQ", "Tall Afar"),
        ("Qayyara", "IRQ", "Al Qayyarah"),
        ("Serekaniye", "SYR", "Ra's al Ayn"),  # the Kurdish name of Ras al-Ain
    ],
)
def test_other_spellings_of_towns_of_conflict_reporting(name, hint, place):
    assert gazetteer().resolve(name, [hint]).name == place


def test_acts_told_in_general_are_found(nlp):
    cases = [
        ("Aid workers counted civilian deaths in government airstrikes.", "airstrikes", True),
        ("Government airstrikes have killed thousands of people since 2015.", "airstrikes", True),
        ("Government airstrikes have killed thousands of people since 2015.", "killed", True),
        ("The militia has abducted hundreds of people throughout the war.", "abducted", True),
        ("Since Sunday, airstrikes have killed 40 people.", "killed", False),  # the story's days
        ("Aid workers counted the deaths in the airstrikes.", "airstrikes", False),  # these ones
        ("Government airstrikes killed 40 people.", "killed", False),
    ]
    for text, word, general in cases:
        doc = nlp(text)
        trigger = next(t for t in doc if t.text == word)
        assert told_in_general(trigger) is general, text


_STORY = (
    "Syrian troops attacked the town of Saraqib on Monday. "
    "Residents of Saraqib said the shelling went on all night. "
)


def test_an_act_told_in_general_is_placed_at_the_country_not_the_story_s_town(nlp):
    for then, trigger in (
        ("Government airstrikes have killed thousands of civilians since 2015.", "killed"),
        ("Rescuers have counted many civilian deaths in government airstrikes.", "airstrikes"),
    ):
        place = locate(nlp, _STORY + then, trigger, actors=one_side())
        assert place is not None and (place.country, place.precision) == ("SYR", "country")
    place = locate(nlp, _STORY + "Government airstrikes killed ten civilians.", "killed")
    assert place is not None and place.name == "Saraqib"  # the story's act stays at its town


def test_the_planet_is_no_place(nlp):
    # With American places in the story, "Earth" would resolve to a Texan town of that name.
    doc = nlp(
        "Officials in Texas and the United States agreed. "
        "Turkey's regime locks up more journalists than any other government on Earth."
    )
    names = [m.text for m in find_mentions(doc, ActorIndex())]
    assert "Earth" not in names and "Texas" in names


def test_a_place_that_saw_acts_is_where_they_happened(nlp):
    story = (
        "Government jets bombed Idlib on Monday. Residents of Idlib said the strikes hit a market. "
    )
    then = "Aleppo is said to have seen at least three chemical attacks, monitors say."
    place = locate(nlp, story + then, "attacks", actors=one_side())
    assert place is not None and place.name == "Aleppo"  # not the sentence before's Idlib
    then = "Saraqib has suffered repeated airstrikes by the army."
    place = locate(nlp, "Syrian troops attacked the town of Saraqib. " + then, "airstrikes")
    assert place is not None and place.name == "Saraqib"  # many acts, all of them there
    for text, general in (
        ("Aleppo has seen three chemical attacks.", True),
        ("Aleppo is reported to have suffered heavy shelling.", True),
        ("Paris sees the fight as vital.", False),  # a view, not a scene
        ("Aleppo said the attacks must stop.", False),
    ):
        doc = nlp(text)
        assert saw_events(doc[0]) is general, text
