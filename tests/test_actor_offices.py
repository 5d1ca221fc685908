"""Offices only one state has ("the home secretary", "the defense secretary") give a role its
country, and office holders since 2015 are known by name (actors/kb.py, data/actors/people.csv)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors.kb import KnowledgeBase
from dateline.model import Article


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_an_office_only_one_state_has_names_that_state(kb):
    assert kb.office_country("home secretary", date(2019, 3, 1)) == "GBR"
    assert kb.office_country("defense secretary", date(2018, 5, 1)) == "USA"
    assert kb.office_country("defence secretary", date(2018, 5, 1)) == "GBR"
    assert kb.office_country("national security adviser", date(2018, 5, 1)) == "USA"


def test_an_office_many_states_have_names_none(kb):
    assert kb.office_country("foreign minister", date(2019, 3, 1)) is None
    assert kb.office_country("prime minister", date(2019, 3, 1)) is None
    assert kb.office_country("chancellor", date(2019, 3, 1)) is None  # one word: too generic
    assert kb.office_country("spokesman", date(2019, 3, 1)) is None


def test_an_office_nobody_holds_on_the_date_names_none(kb):
    assert kb.office_country("home secretary", date(1850, 1, 1)) is None


def test_office_holders_since_2015_are_known(kb):
    javid = kb.lookup("Sajid Javid", on=date(2019, 3, 1))
    assert (javid.country, javid.sector) == ("GBR", "GOV")
    akar = kb.lookup("Hulusi Akar", on=date(2019, 3, 1))
    assert (akar.country, akar.sector) == ("TUR", "GOV")
    assert kb.lookup("Hulusi Akar", on=date(2016, 3, 1)).sector == "MIL"


@pytest.mark.slow
def test_a_role_named_by_such_an_office_takes_its_country(pipeline):
    text = (
        "Rebels shelled a village on Monday. The home secretary accused the rebels of war crimes."
    )
    events = pipeline.code(Article(id="t", text=text, published=date(2019, 3, 1))).events
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse and accuse[0].source.country == "GBR"
