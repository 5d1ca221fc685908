"""Round 20, parties (parties20; issue 13): gold events coded with the right type but with
fewer records than the gold's parties.

- A list of names that the parser reads as a name with an apposition ("Saudi Arabia, the UAE,
  Bahrain and Egypt", "The US, UK and France") names one party each, not one party renamed
  (``nlp.listed_apposition``; ``coder._renames`` and the groups "they" stands for).
- "The leaders of Iran and Turkey" names a party of each country (``coder._names_several``).
- "X and Y hunted them down": a plural object pronoun is not the named subjects of its own
  clause (``pronouns._named_subject_ids``).
- "The two countries", "both nations", "the three powers" are the states coordinated just
  before (``coreference.counted_states``).

Sentences of our own.
"""

from __future__ import annotations

import pytest

from coded import country_pairs

pytestmark = pytest.mark.slow

DATE = "2021-05-10"


def test_listed_apposition_is_read_from_the_parse(pipeline):
    from dateline.nlp import listed_apposition

    doc = pipeline.nlp("Kenya, the DRC, Uganda and Rwanda signed the accord.")
    appos = [t for t in doc if t.dep_ == "appos"]
    if not appos:
        pytest.skip("the parser read this list as conjuncts")
    assert all(listed_apposition(t) for t in appos)
    doc = pipeline.nlp("Syria's closest ally, Iran, sent advisers to Damascus.")
    assert not any(listed_apposition(t) for t in doc)


def test_a_list_read_as_an_apposition_is_one_source_each(coder):
    text = "Saudi Arabia, the UAE, Bahrain and Egypt imposed a trade embargo on Qatar last June."
    sources = {s for s, _ in country_pairs(coder, text, "SANCTION")}
    assert {"SAU", "ARE", "BHR", "EGY"} <= sources


def test_they_after_a_list_read_as_an_apposition_stands_for_all(coder):
    text = "The US, UK and France said they had bombed three chemical weapons sites in Syria."
    sources = {s for s, _ in country_pairs(coder, text, "ASSAULT")}
    assert {"USA", "GBR", "FRA"} <= sources


def test_an_apposition_that_renames_stays_one_party(coder):
    text = "Iran's foreign minister, Mohammad Javad Zarif, condemned the sanctions on Tehran."
    assert len(country_pairs(coder, text, "ACCUSE")) <= 1


def test_the_leaders_of_two_states_are_one_target_each(coder):
    text = "The Kenyan president held talks in Nairobi with the leaders of Uganda and Tanzania."
    targets = {t for _, t in country_pairs(coder, text, "CONSULT")}
    assert {"UGA", "TZA"} <= targets


def test_the_leaders_of_one_state_stay_one_target(coder):
    text = "The Kenyan president held talks in Nairobi with the leaders of Uganda on Monday."
    assert len(country_pairs(coder, text, "CONSULT")) == 1


def test_them_is_not_the_subjects_of_its_own_clause(coder):
    text = (
        "Al-Shabaab fighters fled into the forest, where Kenyan troops and the Somali army "
        "continue to hunt them down."
    )
    pairs = country_pairs(coder, text, "ASSAULT")
    assert ("KEN", "KEN") not in pairs
    assert {s for s, _ in pairs} == {"KEN", "SOM"}


def test_the_two_countries_are_the_pair_named_before(coder):
    text = (
        "Uganda and Rwanda traded accusations over the border on Monday. "
        "The two countries have deployed troops to the frontier."
    )
    sources = {s for s, _ in country_pairs(coder, text, "MOBILIZE")}
    assert {"UGA", "RWA"} <= sources


def test_the_three_countries_need_three_named_before(pipeline):
    text = "Kenya and Uganda met in Arusha. The three countries agreed to open their borders."
    events = pipeline.code_text(text, date=DATE).events
    assert not any(e.source and e.source.text == "three countries" for e in events)


def test_both_countries_after_in_are_places_not_parties(pipeline):
    text = (
        "Kenya and Uganda host many refugees. Aid workers in both countries condemned the "
        "cuts to rations."
    )
    events = pipeline.code_text(text, date=DATE).events
    assert not any(
        (e.source and "countries" in e.source.text) or (e.target and "countries" in e.target.text)
        for e in events
    )
