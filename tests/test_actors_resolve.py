"""Actor resolution rules, each on sentences of our own (see dateline/actors/resolve.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors.resolve import resolve_actors
from dateline.model import Article

pytestmark = pytest.mark.slow


def resolve(pipeline, text: str, published: date | None = date(2017, 1, 28), authors=()):
    article = Article(id="t", text=text, published=published, authors=list(authors))
    doc = pipeline.nlp(text)
    return doc, resolve_actors(doc, article, pipeline.kb)


def actor_for(doc, index, words: str):
    """The actor of the first mention whose text contains ``words``."""
    for actor in index.actors:
        for m in actor.mentions:
            if words in m.text:
                return actor
    raise AssertionError(
        f"no actor mention contains {words!r}: {[(a.name, [m.text for m in a.mentions]) for a in index.actors]}"
    )


def test_title_and_nationality_introduce_an_unknown_person_and_the_surname_follows(pipeline):
    doc, index = resolve(
        pipeline,
        "Japanese Prime Minister Kenji Watanabe met farmers on Monday. Later, Watanabe said the talks went well.",
    )
    first = actor_for(doc, index, "Kenji Watanabe")
    assert (first.country, first.sector, first.kind) == ("JPN", "GOV", "person")
    rules = {m.rule for m in first.mentions}
    assert "title" in rules and "surname" in rules
    assert sum(1 for m in first.mentions if m.text == "Watanabe") == 1


def test_knowledge_base_person_is_resolved_by_the_article_date(pipeline):
    doc, index = resolve(
        pipeline, "Obama criticised the plan on Tuesday.", published=date(2012, 5, 1)
    )
    assert (actor_for(doc, index, "Obama").country, actor_for(doc, index, "Obama").sector) == (
        "USA",
        "GOV",
    )
    doc, index = resolve(
        pipeline, "Obama criticised the plan on Tuesday.", published=date(2019, 5, 1)
    )
    assert actor_for(doc, index, "Obama").sector == "ELI"  # a former president by then


def test_same_surname_after_a_change_of_office(pipeline):
    doc, index = resolve(
        pipeline, "Merkel spoke to reporters in Berlin.", published=date(2015, 3, 1)
    )
    assert actor_for(doc, index, "Merkel").sector == "GOV"
    doc, index = resolve(
        pipeline, "Merkel spoke to reporters in Berlin.", published=date(2023, 3, 1)
    )
    assert actor_for(doc, index, "Merkel").sector == "ELI"


@pytest.mark.parametrize(
    ("text", "words", "country", "sector"),
    [
        ("The Kremlin rejected the proposal.", "Kremlin", "RUS", "GOV"),
        ("Washington and Beijing traded accusations.", "Washington", "USA", "GOV"),
        ("Washington and Beijing traded accusations.", "Beijing", "CHN", "GOV"),
        ("The White House welcomed the vote.", "White House", "USA", "GOV"),
        ("Downing Street declined to comment.", "Downing Street", "GBR", "GOV"),
        ("NATO condemned the attack.", "NATO", None, "IGO"),
        (
            "U.S. intelligence agencies accused Iran of hacking.",
            "intelligence agencies",
            "USA",
            "SPY",
        ),
        ("Egyptian police arrested twelve protesters.", "police", "EGY", "COP"),
        ("Rebels in the Ivory Coast rejected the plan.", "Rebels", "CIV", "REB"),
    ],
)
def test_names_metonyms_and_roles(pipeline, text, words, country, sector):
    doc, index = resolve(pipeline, text)
    actor = actor_for(doc, index, words)
    assert (actor.country, actor.sector) == (country, sector)


def test_compound_nationalities_give_one_actor_each(pipeline):
    doc, index = resolve(
        pipeline, "German and French foreign ministers voiced concern about the plan."
    )
    head = next(t for t in doc if t.text == "ministers")
    assert {(a.country, a.sector) for a in index.all_at(head.i)} == {("DEU", "GOV"), ("FRA", "GOV")}


def test_possessive_and_affiliation(pipeline):
    doc, index = resolve(pipeline, "Italy's Rossi met Jane Roe of The New York Times on Friday.")
    assert actor_for(doc, index, "Rossi").country == "ITA"
    assert actor_for(doc, index, "Jane Roe").sector == "JRN"


def test_role_description_refers_back_to_the_person(pipeline):
    text = (
        "French President Emile Dubois met farmers in Lyon. The French president promised them aid."
    )
    doc, index = resolve(pipeline, text)
    dubois = actor_for(doc, index, "Emile Dubois")
    assert any(m.rule == "role-coref" and "president" in m.text for m in dubois.mentions)


def test_group_reference_and_plural_pronoun(pipeline):
    doc, index = resolve(pipeline, "Trump and Putin spoke on Saturday. They agreed to meet soon.")
    they = next(t for t in doc if t.text == "They")
    assert {a.name for a in index.all_at(they.i)} == {"Donald Trump", "Vladimir Putin"}


def test_a_subject_they_goes_on_with_the_last_clauses_subject(pipeline):
    # the last group named is the backers'; "they" goes on with the subject
    doc, index = resolve(
        pipeline,
        "Many supporters of the opposition, such as Qatar and Jordan, have cut their aid after "
        "victories by the army and its backers, Iran and Russia. They have been pressing the "
        "opposition to talk.",
    )
    they = next(t for t in doc if t.text == "They")
    assert {a.country for a in index.all_at(they.i)} == {"QAT", "JOR"}
    doc, index = resolve(
        pipeline,
        "Kenyan advisers were at a base alongside units of al-Shabaab defectors when they came "
        "under fire.",
    )
    they = next(t for t in doc if t.text == "they")
    assert {a.country for a in index.all_at(they.i)} == {"KEN"}
    # "both countries say they": the speakers (no actor) leave the nearest group to stand for it
    doc, index = resolve(
        pipeline,
        "Refugees fled towards Jordan and Israel after the UN warned of a crisis. Both countries "
        "say they will not let anyone cross.",
    )
    they = next(t for t in doc if t.text == "they")
    assert {a.country for a in index.all_at(they.i)} == {"JOR", "ISR"}


def test_an_international_officials_office_for_a_country_is_not_their_state(pipeline):
    doc, index = resolve(
        pipeline,
        "Aid groups urged Staffan de Mistura, the UN special envoy for Syria, to stay away.",
        published=date(2017, 6, 1),
    )
    envoy = actor_for(doc, index, "Staffan de Mistura")
    assert (envoy.country, envoy.sector) == (None, "IGO")


def test_singular_pronoun_prefers_the_subject(pipeline):
    doc, index = resolve(
        pipeline, "Merkel accepted Trudeau's invitation and said she would visit Ottawa."
    )
    she = next(t for t in doc if t.text == "she")
    assert index.at(she.i).name == "Angela Merkel"


def test_dummy_it_has_no_antecedent(pipeline):
    doc, index = resolve(pipeline, "Russia protested. It was agreed to hold talks later.")
    it = next(t for t in doc if t.text == "It")
    assert index.at(it.i) is None


def test_the_author_is_never_an_actor(pipeline):
    doc, index = resolve(
        pipeline, "Dana Whitfield reports that Chile praised Peru.", authors=["Dana Whitfield"]
    )
    assert all("Whitfield" not in m.text for a in index.actors for m in a.mentions)


def test_a_word_that_is_only_a_small_towns_nickname_gives_no_country(pipeline):
    # "Liberty" is a small town in Missouri and "Freedom" an alternate name of Alliance, Ohio:
    # neither makes the leaders of a Georgian alliance American
    for name in ("Liberty", "Freedom"):
        doc, index = resolve(
            pipeline, f"Leaders of the Tavria ({name}) alliance met in Tbilisi on Monday."
        )
        assert actor_for(doc, index, "Leaders").country in (None, "GEO")


def test_town_country_needs_the_towns_own_name_and_size_or_a_hint():
    from dateline.places import gazetteer

    towns = gazetteer()
    assert towns.town_country("Tyumen") == "RUS"  # big enough on its own
    assert towns.town_country("Freedom") is None  # an alternate name only
    assert towns.town_country("Liberty") is None  # a small town, country not in the article
    assert towns.town_country("Liberty", hints=("USA",)) == "USA"
    assert towns.town_country("Texas") == "USA"


def test_a_capitals_namesake_in_a_named_country_is_that_countrys_town(pipeline):
    doc, index = resolve(pipeline, "Gunmen attacked a convoy in Tripoli, the Lebanese army said.")
    assert actor_for(doc, index, "Tripoli").country == "LBN"
    doc, index = resolve(pipeline, "Tripoli rejected the plan, Libyan officials said.")
    actor = actor_for(doc, index, "Tripoli")
    assert (actor.country, actor.sector) == ("LBY", "GOV")  # the capital, as a metonym
