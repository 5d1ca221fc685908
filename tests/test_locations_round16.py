"""Round 16 (geo34) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.places import find_mentions, home_of_person
from located import locate, one_side

_VOLUNTEER = (
    "A British volunteer has been killed in Syria, his family said. "
    "Sam Jones, 29, from Leeds, was hit by a rocket on Tuesday. "
    "His friend Tom Hale, 31, from Leeds, said Jones had always wanted to help. "
    "A neighbour from Leeds described him as brave."
)


def test_a_person_s_home_town_is_no_place_of_events(nlp):
    for text, trigger in [
        ("Sam Jones, 29, from Leeds, was killed on Tuesday.", "killed"),
        ("A neighbour from Leeds was wounded in the attack.", "wounded"),
        ("The two men from London were captured by Kurdish fighters.", "captured"),
    ]:
        assert locate(nlp, text, trigger, actors=one_side()) is None, text
    doc = nlp("Sam Jones, 29, from Leeds, was killed on Tuesday.")
    leeds = next(t for t in doc if t.text == "Leeds")
    assert home_of_person(leeds)
    assert [m.text for m in find_mentions(doc, one_side())] == []


def test_where_people_act_from_or_leave_is_still_a_place(nlp):
    # "from" on an act or a verb is no one's home: the withdrawal happens where it leaves.
    doc = nlp("The withdrawal of American troops from Syria began on Monday.")
    assert [m.text for m in find_mentions(doc, one_side())] == ["Syria"]
    text = "Iraqi troops drove the militants from Mosul on Monday."
    doc = nlp(text)
    assert not home_of_person(next(t for t in doc if t.text == "Mosul"))
    place = locate(nlp, text, "drove", actors=one_side())
    assert place is not None and place.name == "Mosul"


def test_home_towns_do_not_make_the_article_s_place(nlp):
    # Leeds, named three times as the volunteers' home, made the story British and placed the
    # rocket strike in Leeds; the story's only scene is Syria.
    place = locate(nlp, _VOLUNTEER, "hit", actors=one_side())
    assert place is not None and (place.country, place.precision) == ("SYR", "country")
    # Named where something happens, the town is still the story's.
    text = _VOLUNTEER.replace("A neighbour from Leeds", "A neighbour in Leeds").replace(
        "has been killed in Syria", "has been killed in Leeds"
    )
    place = locate(nlp, text, "hit", actors=one_side())
    assert place is not None and place.name == "Leeds"


def test_a_place_inside_where_people_are_sent_is_no_article_place(nlp):
    # "to the camp at Guantanamo Bay in Cuba": Cuba is where they would be sent, not the scene.
    text = (
        "Two British men were captured in Syria last month. "
        "A minister said it would be wrong to send them to the US detention camp at "
        "Guantanamo Bay in Cuba. "
        "The pair were questioned by Kurdish fighters."
    )
    place = locate(nlp, text, "questioned", "COERCE", actors=one_side())
    assert place is not None and place.country == "SYR"
    # Where they are held now is their place.
    text = text.replace("send them to", "keep them at")
    place = locate(nlp, text, "questioned", "COERCE", actors=one_side())
    assert place is not None and place.country == "CUB"


def test_a_name_before_a_town_noun_is_that_town(nlp):
    for text, trigger, name in [
        ("Government forces have advanced in the Albu Kamal border city.", "advanced", "Albu Kamal"),
        ("Turkish jets shelled the Manbij border town on Monday.", "shelled", "Manbij"),
    ]:  # fmt: skip
        place = locate(nlp, text, trigger, actors=one_side())
        assert place is not None and (place.name, place.precision) == (name, "city"), text
    # A town noun that itself modifies another noun ("the Hama city council") calls nothing a
    # town there: the council is a body, not a place phrase.
    doc = nlp("Rebels attacked the Hama city council.")
    hama = next(t for t in doc if t.text == "Hama")
    from dateline.places import town_modifier

    assert not town_modifier(hama)


def test_a_town_the_ner_calls_a_product_after_a_locative_word_is_the_town(nlp):
    text = "By Friday the army had arrived at the frontline in Manbij."
    doc = nlp(text)
    manbij = next(t for t in doc if t.text == "Manbij")
    assert manbij.ent_type_ == "PRODUCT"  # the small model's slip this test is about
    place = locate(nlp, text, "arrived", "MOBILIZE", actors=one_side())
    assert place is not None and (place.name, place.basis) == ("Manbij", "clause")
    # Not a product told "on" ("posted on Twitter"), which no town of the story's country is.
    assert [m.text for m in find_mentions(nlp("He posted the video on Twitter."), one_side())] == []


_KABUL = (
    "Dozens of civilians were killed on Thursday in a suicide attack on a cultural centre in "
    "Kabul. The assault was the latest in a series of attacks. "
    "Three blasts were detonated at the compound. "
    "Police said gunmen had struck in the Afghan capital twice this year."
)


def test_a_capital_called_by_its_country_counts_as_naming_the_town_the_story_names(nlp):
    # Kabul by name once, then "the Afghan capital": the story's town, which places the
    # blasts whose sentence names no place.
    place = locate(nlp, _KABUL, "detonated", actors=one_side("Afghan police", "AFG"))
    assert place is not None and (place.name, place.basis) == ("Kabul", "article")
    # Named by name once and never again: only the story's country.
    text = _KABUL.replace("in the Afghan capital", "in the country")
    place = locate(nlp, text, "detonated", actors=one_side("Afghan police", "AFG"))
    assert place is not None and (place.name, place.precision) == ("Afghanistan", "country")


def test_an_as_clause_of_the_act_s_own_people_tells_its_scene(nlp):
    for text, trigger, name in [
        ("He was killed as his unit cleared mines in Raqqa.", "killed", "Raqqa"),
        ("Two soldiers were wounded as they patrolled a market in Kirkuk.", "wounded", "Kirkuk"),
        ("He was killed when a mine exploded as his unit cleared a village near Raqqa.", "killed",
         "Raqqa"),
    ]:  # fmt: skip
        place = locate(nlp, text, trigger, actors=one_side())
        assert place is not None and (place.name, place.basis) == (name, "sentence"), text


def test_an_as_clause_of_other_people_or_of_words_sets_another_scene(nlp):
    for text in [
        "Jets bombed a bridge as ministers met in Brussels.",
        "Jets bombed a bridge as he spoke in Brussels.",
    ]:
        place = locate(nlp, text, "bombed", actors=one_side())
        assert place is None or place.basis != "sentence", text


def test_a_meeting_happens_where_the_people_met_are(nlp):
    # The parser hangs the place phrase on the people of the "with" phrase.
    for text, trigger, name in [
        ("The adviser held talks with officials at Ankara's presidential complex.", "talks",
         "Ankara"),
        ("The envoy met with rebel leaders in Gaziantep on Monday.", "met", "Gaziantep"),
    ]:  # fmt: skip
        place = locate(nlp, text, trigger, "CONSULT", actors=one_side("Turkish army", "TUR"))
        assert place is not None and (place.name, place.basis) == (name, "clause"), text
    # Where the people met come from is no venue.
    text = "The envoy met with rebel leaders from Idlib on Monday."
    assert locate(nlp, text, "met", "CONSULT", actors=one_side("Turkish army", "TUR")) is None
