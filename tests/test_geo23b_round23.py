"""Round 23 (geo23b) of where events happened (issue 18): sentences of our own."""

from __future__ import annotations

from dateline.places import _in_time_phrase


def _places(pipeline, text: str, trigger: str) -> list:
    """The locations the whole pipeline gives the events at ``trigger``."""
    result = pipeline.code_text(text, date="2019-03-01")
    found = [e.location for e in result.events if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in result.events]
    return found


def _where(location) -> tuple[str, str] | None:
    return None if location is None else (location.name, location.precision)


def test_a_noun_act_dated_by_an_earlier_attack_is_not_at_its_town(pipeline):
    # The strikes answered the attack in Hama; the sentence names no place of their own.
    text = (
        "Airstrikes by American and French forces on government targets after last month's "
        "gas attack in Hama were meant to deter further use of such weapons."
    )
    for place in _places(pipeline, text, "Airstrikes"):
        assert _where(place) != ("Hama", "city"), place
    assert _where(_places(pipeline, text, "attack")[0]) == ("Hama", "city")


def test_a_verb_act_dated_by_an_earlier_bombing_is_not_at_its_town(pipeline):
    text = "Government troops shelled rebel positions on Friday after a suicide bombing in Hama."
    for place in _places(pipeline, text, "shelled"):
        assert place is None or place.precision == "country", place


def test_the_story_s_town_is_not_borrowed_for_an_act_dated_by_its_attack(pipeline):
    # A story about Hama: the response told with "after the attack in Hama" stays at the
    # country ("fighting in Syria" after a town is otherwise read as that town).
    text = (
        "Rescue workers in Hama said 40 people had died. Doctors in Hama treated hundreds of "
        "patients overnight. Residents of Hama buried the dead on Sunday. Airstrikes by "
        "American and French forces on government targets after the gas attack in Hama were "
        "meant to deter further use of such weapons."
    )
    for place in _places(pipeline, text, "Airstrikes"):
        assert _where(place) != ("Hama", "city"), place


def test_the_act_s_own_place_stands_beside_a_time_phrase(pipeline):
    text = "Government troops shelled rebel positions in Idlib after a suicide bombing in Hama."
    assert _where(_places(pipeline, text, "shelled")[0])[0] == "Idlib"


def test_the_time_phrase_reader(nlp):
    doc = nlp("Jets struck targets after an attack in Hama.")
    hama = next(t for t in doc if t.text == "Hama")
    struck = next(t for t in doc if t.text == "struck")
    assert _in_time_phrase(hama, struck)
    doc = nlp("Jets struck targets in Hama after an attack.")
    hama = next(t for t in doc if t.text == "Hama")
    struck = next(t for t in doc if t.text == "struck")
    assert not _in_time_phrase(hama, struck)
    # the act told inside the phrase is at its own place
    attack = next(t for t in nlp("Jets struck after an attack in Hama.") if t.text == "attack")
    assert not _in_time_phrase(next(t for t in attack.doc if t.text == "Hama"), attack)


def test_a_bare_name_after_the_province_is_the_province(pipeline):
    # The story speaks of Hama province and never singles out the town: "Hama" is the province.
    text = (
        "Government troops pushed into rebel-held Hama province on Monday, monitors said. "
        "Russian jets bombed Hama overnight, killing 12 people."
    )
    place = _places(pipeline, text, "bombed")[0]
    assert _where(place) == ("Hama", "admin1"), place


def test_a_story_that_names_the_town_as_one_keeps_the_town(pipeline):
    text = (
        "Government troops pushed into rebel-held Hama province on Monday, monitors said. "
        "Russian jets bombed Hama city overnight, killing 12 people. Jets bombed Hama again."
    )
    for place in _places(pipeline, text, "bombed"):
        assert _where(place) == ("Hama", "city"), place


def test_the_divisions_a_story_names(nlp):
    from dateline.places import _divisions_named

    assert _divisions_named("fighting in Idlib province and the governorate of Hama") == {
        "Idlib",
        "Hama",
    }
    assert _divisions_named("Idlib province, and the city of Idlib itself") == set()
    assert _divisions_named("Russian jets hit Idlib") == set()
