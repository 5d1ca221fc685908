"""Who did it to whom, round 14 (docs/accuracy.md, "Round 14: actors"), on sentences of our own:
named actors keyed to the wrong country or office."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors.resolve import resolve_actors
from dateline.model import Article
from dateline.nlp import annotate


def _mentions(pipeline, text: str) -> dict[int, tuple[str, str | None, str | None]]:
    """Each mention's start -> (words, country, sector) of the actor it resolved to."""
    article = Article(id="t", text=text, published=date(2018, 3, 1))
    index = resolve_actors(annotate(pipeline.nlp, text), article, pipeline.kb)
    return {m.start: (m.text, a.country, a.sector) for a in index.actors for m in a.mentions}


def _at(found: dict, text: str, word: str, nth: int = 0) -> tuple[str, str | None, str | None]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    assert start in found, found
    return found[start]


def test_a_name_holds_no_possessive():
    from dateline.actors.resolve.persons import POSSESSIVES

    assert {"'s", "’s"} <= POSSESSIVES


@pytest.mark.slow
def test_a_name_run_on_into_what_the_person_owns_is_the_person_met_before(pipeline):
    # NER takes "Prince Mohammed’s agenda" for one name: the person is "Mohammed", met before
    # by his full name, and "Prince Mohammed" later is the same person
    text = (
        "Crown prince Mohammed bin Salman visited Cairo in March. Few parts of Prince "
        "Mohammed’s agenda survived the year, and Egypt welcomed Prince Mohammed warmly."
    )
    found = _mentions(pipeline, text)
    assert _at(found, text, "Mohammed", 1)[1:] == ("SAU", "GOV")
    assert _at(found, text, "Mohammed", 2)[1:] == ("SAU", "GOV")


@pytest.mark.slow
def test_a_lower_case_institution_of_another_nationality_is_no_named_one(pipeline):
    # "congress" in lower case under "Iraqi" is Iraq's, not the United States Congress; the
    # capitalised "US Congress" still is
    text = "The Iraqi national congress voted on the budget on Sunday, a move the US Congress criticised."
    found = _mentions(pipeline, text)
    assert _at(found, text, "Iraqi")[1:] == ("IRQ", "LEG")
    assert _at(found, text, "US Congress")[1:] == ("USA", "LEG")


@pytest.mark.slow
def test_the_citizenship_the_text_gives_a_person_is_their_country(pipeline):
    # a person no title or knowledge base places, in a story set in Syria, is a national of
    # the state whose citizenship the text says they hold or lose
    story = (
        "Rebels shelled Aleppo and Homs on Monday, and Syrian troops fired back. Maria "
        "Ostrova, who lives in a camp near Idlib, said she was afraid. "
    )
    text = story + "She has been stripped of her British citizenship."
    assert _at(_mentions(pipeline, text), text, "Maria")[1] == "GBR"
    text = story + "The government revoked the Belgian citizenship of Ostrova last year."
    assert _at(_mentions(pipeline, text), text, "Maria")[1] == "BEL"
    # two states named: neither
    text = story + "She has been stripped of her Canadian and British citizenship."
    assert _at(_mentions(pipeline, text), text, "Maria")[1] not in {"GBR", "CAN"}


@pytest.mark.slow
def test_a_role_a_comma_and_a_name_are_one_person_where_the_parser_missed_it(pipeline):
    # "defence secretary" alone is a British office; set off by commas before a person the
    # knowledge base knows, it is that person's office and country
    text = (
        "In Paris, after protests over the budget and the resignation of the defence "
        "secretary, Jim Mattis, Macron has said he will not send French troops to Mali."
    )
    found = _mentions(pipeline, text)
    assert _at(found, text, "the defence")[1:] == ("USA", "GOV")


@pytest.mark.slow
def test_a_role_before_the_subject_of_the_next_clause_is_someone_else(pipeline):
    text = (
        "After meeting the ambassador, Jim Mattis, who had flown in from Washington, said "
        "the talks went well."
    )
    found = _mentions(pipeline, text)
    # not merged into the person: the role keeps its own mention
    assert _at(found, text, "ambassador")[0] == "ambassador"


@pytest.mark.slow
def test_a_title_in_the_text_says_the_person_was_in_office(pipeline):
    # the knowledge base's term of Rex Tillerson ended in March 2018; a text of June that calls
    # him the secretary of state tells of his time in office
    article = Article(
        id="t",
        text="The secretary of state, Rex Tillerson, accused Moscow of breaking the treaty.",
        published=date(2018, 6, 1),
    )
    index = resolve_actors(annotate(pipeline.nlp, article.text), article, pipeline.kb)
    found = {m.text: (a.country, a.sector) for a in index.actors for m in a.mentions}
    assert found["Rex Tillerson"] == ("USA", "GOV")


def test_charities_the_phoenix_tables_lack_are_ngos(pipeline):
    kb = pipeline.kb
    for name in ("Reprieve", "Syrian American Medical Society", "Airwars", "Mercy Corps"):
        entry = kb.lookup(name)
        assert entry is not None and (entry.country, entry.sector) == (None, "NGO"), name


@pytest.mark.slow
def test_a_lawyer_at_a_charity_acts_for_the_ngo(pipeline):
    text = (
        "Rebels shelled Aleppo and Homs on Monday. Sarah Jane Whitlow, a senior lawyer at "
        "Reprieve, said the detainees had been abused."
    )
    assert _at(_mentions(pipeline, text), text, "Sarah")[1:] == (None, "NGO")


@pytest.mark.slow
def test_the_end_of_a_full_name_met_before_is_that_person_whose_charity_it_names(pipeline):
    # "Jane Whitlow" is the "Sarah Jane Whitlow" met before; the charity named in apposition
    # at the later mention is hers
    text = (
        "Rebels shelled Aleppo and Homs on Monday. Sarah Jane Whitlow visited the camp on "
        "Tuesday. Jane Whitlow, of the legal charity Reprieve, said the detainees had been "
        "abused."
    )
    found = _mentions(pipeline, text)
    assert _at(found, text, "Sarah")[1:] == (None, "NGO")
    assert _at(found, text, "Jane Whitlow", 1)[1:] == (None, "NGO")


def test_people_the_knowledge_base_lacked_are_keyed_by_their_office_on_the_date(pipeline):
    kb = pipeline.kb

    def key(name: str, on: date) -> tuple[str | None, str | None]:
        entry = kb.lookup(name, on=on)
        assert entry is not None, name
        return entry.country, entry.sector

    # the African Union commission's chair acts for the IGO, before and after it for her state
    assert key("Nkosazana Dlamini-Zuma", date(2016, 5, 1)) == (None, "IGO")
    assert key("Nkosazana Dlamini-Zuma", date(2020, 5, 1)) == ("ZAF", "GOV")
    assert key("Brandon Lewis", date(2018, 6, 1)) == ("GBR", "PTY")
    assert key("Ratko Mladic", date(2017, 11, 22))[0] == "BIH"
    # a foreign militant acts for the armed group, in the country where it fights
    assert key("Mohammed Emwazi", date(2019, 1, 1)) == ("SYR", "REB")
    assert key("Jamal Khashoggi", date(2019, 1, 1))[0] == "SAU"


@pytest.mark.slow
def test_a_militant_the_knowledge_base_knows_keeps_its_group_in_a_british_story(pipeline):
    text = (
        "Ministers in London met on Tuesday. Kurdish forces said they had handed Alexanda "
        "Kotey to American troops, and Kotey is expected to face trial."
    )
    found = _mentions(pipeline, text)
    assert _at(found, text, "Kotey", 1)[1:] == ("SYR", "REB")


@pytest.mark.slow
def test_two_names_ner_ran_together_over_a_verb_are_two_people(pipeline):
    text = (
        "Staffan de Mistura arrived in Geneva on Monday. At one point Ja’afari thanked de "
        "Mistura for his patience."
    )
    found = _mentions(pipeline, text)
    assert _at(found, text, "Ja’afari")[1:] == ("SYR", "GOV")
    assert _at(found, text, "de Mistura", 1)[1:] == (None, "IGO")
