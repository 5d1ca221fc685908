"""Who did it to whom, round 13 (docs/accuracy.md, "Round 13: actors"), on sentences of our own:
former names of states, and organisations named later by an acronym."""

from __future__ import annotations

from datetime import date

import pytest

from coded import coded_events
from dateline.actors.resolve import resolve_actors
from dateline.actors.resolve.coreference import initials, is_acronym
from dateline.model import Article
from dateline.nlp import annotate


def _mentions(pipeline, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each mention's words -> (country, sector) of the actor it resolved to."""
    article = Article(id="t", text=text, published=date(2018, 3, 1))
    index = resolve_actors(annotate(pipeline.nlp, text), article, pipeline.kb)
    return {m.text: (a.country, a.sector) for a in index.actors for m in a.mentions}


def test_initials_skip_small_words_and_need_capitalised_words():
    assert initials("Syrian Negotiations Commission") == "SNC"
    assert initials("National Union of Teachers") == "NUT"
    assert initials("the people of Syria") == ""


def test_an_acronym_is_two_or_more_capitals():
    class Tok:
        def __init__(self, text):
            self.text = text

    assert is_acronym(Tok("PYD")) and not is_acronym(Tok("Syria")) and not is_acronym(Tok("A"))


def test_former_state_names_are_their_successor_states(pipeline):
    kb = pipeline.kb
    assert kb.country_of("Soviet Union") == "RUS"
    assert kb.country_of("USSR") == "RUS"
    assert kb.country_of("West Germany") == "DEU"
    assert kb.country_of("Soviet") == "RUS"


@pytest.mark.slow
def test_the_soviet_union_is_a_state_not_a_trade_union(pipeline):
    found = _mentions(
        pipeline, "The Soviet Union was accused of shelling villages in the mountains in 1982."
    )
    assert found["Soviet Union"] == ("RUS", None)


@pytest.mark.slow
def test_a_bracketed_acronym_names_the_organisation_wherever_it_recurs(pipeline):
    found = _mentions(
        pipeline,
        "Rebels shelled Damascus on Monday. The Syrian Negotiations Commission (SNC) said it "
        "would not attend the talks. The SNC later accused the government of breaking the "
        "truce.",
    )
    countries = {text: c for text, c in found.items() if text.endswith("SNC")}
    assert countries and all(c == ("SYR", "OPP") for c in countries.values())


@pytest.mark.slow
def test_an_acronym_of_a_name_met_earlier_is_that_organisation(pipeline):
    found = _mentions(
        pipeline,
        "Rebels shelled Damascus on Monday. Omar Khalil, of the Syrian Negotiations "
        "Commission, said the talks had failed. The SNC later accused the government of "
        "breaking the truce.",
    )
    assert found["SNC"] == ("SYR", "OPP")


@pytest.mark.slow
def test_an_acronym_with_no_spelled_out_name_stays_unknown(pipeline):
    found = _mentions(
        pipeline,
        "Rebels shelled Damascus on Monday. The Syrian Negotiations Commission said the talks "
        "had failed. The XQZ later accused the government of breaking the truce.",
    )
    assert found.get("XQZ", (None, None))[1] != "OPP"


@pytest.mark.slow
def test_the_town_of_talks_does_not_make_the_storys_conflict_its_countrys(pipeline):
    found = _mentions(
        pipeline,
        "Talks in Geneva stalled again on Monday, as delegates met in Geneva. Syria said rebels "
        "had shelled Homs overnight.",
    )
    assert found["rebels"][0] == "SYR"


def test_a_countrys_towns_vote_only_when_the_article_names_it():
    from dateline.actors.home import conflict_country, named_countries
    from dateline.actors.index import ActorIndex
    from dateline.model import Actor, Mention

    def country(code: str, *rules: str) -> Actor:
        mentions = [
            Mention(text="x", start=i, end=i + 1, sentence=0, rule=r) for i, r in enumerate(rules)
        ]
        return Actor(id=code, name=code, country=code, kind="country", mentions=mentions)

    index = ActorIndex()
    index.actors = [
        country("CHE", "gazetteer", "gazetteer", "gazetteer"),
        country("SYR", "kb:countries.csv:SYR"),
        country("SYR", "gazetteer"),
    ]
    assert named_countries(index) == {"SYR"}
    assert conflict_country(index) == "SYR"
    # no country the article names has towns: every town votes
    index.actors = [country("SYR", "gazetteer", "gazetteer"), country("USA", "kb:x")]
    assert conflict_country(index) == "SYR"


@pytest.mark.slow
def test_a_peers_title_makes_a_british_legislator(pipeline):
    found = _mentions(
        pipeline,
        "Rebels shelled Damascus on Monday. Lord Dannatt, a former official, urged the "
        "government to end the siege.",
    )
    assert found["Dannatt"] == ("GBR", "LEG")


def test_only_a_peers_title_alone_before_the_name_is_a_peerage():
    from dateline.actors.resolve.persons import HONORIFICS, PEERAGE

    assert PEERAGE <= HONORIFICS and "drug" not in HONORIFICS


@pytest.mark.slow
def test_a_royal_title_and_first_name_is_the_person_met_before(pipeline):
    found = _mentions(
        pipeline,
        "Crown prince Mohammed bin Salman met Trump in Washington. Senators accused Prince "
        "Mohammed of ordering the killing.",
    )
    assert found["Mohammed"] == ("SAU", "GOV")


@pytest.mark.slow
def test_people_a_government_jails_are_its_own(pipeline):
    events = coded_events(
        pipeline,
        "Rebels shelled Aleppo in Syria on Monday. Syrian forces besieged Homs. Erdoğan has "
        "jailed tens of thousands of people, including teachers and journalists. The Turkish "
        "government arrested thousands of activists.",
    )
    held = [e for e in events if e.event == "COERCE" and e.source and e.source.country == "TUR"]
    assert held and all(e.target is not None and e.target.country == "TUR" for e in held)


@pytest.mark.slow
def test_people_of_a_named_nationality_keep_it_when_arrested(pipeline):
    events = coded_events(
        pipeline,
        "Rebels shelled Aleppo in Syria on Monday. Syrian forces besieged Homs. The Turkish "
        "government arrested three Iraqi activists.",
    )
    held = [e for e in events if e.event == "COERCE" and e.source and e.source.country == "TUR"]
    assert held and all(e.target is not None and e.target.country == "IRQ" for e in held)


@pytest.mark.slow
def test_an_office_only_an_igo_has_makes_an_igo_person(pipeline):
    found = _mentions(
        pipeline,
        "Rebels shelled Damascus on Monday. Jean Moreau, the high commissioner for human "
        "rights, condemned the attacks on hospitals.",
    )
    assert found["Jean Moreau"] == (None, "IGO")


@pytest.mark.slow
def test_a_states_high_commissioner_stays_the_states(pipeline):
    found = _mentions(
        pipeline,
        "Rebels shelled Damascus on Monday. Tom Hart, the British high commissioner to India, "
        "condemned the attacks.",
    )
    assert found["Tom Hart"][0] == "GBR"


def test_ngos_of_the_knowledge_base_have_no_country(pipeline):
    # the coding guide keys IGOs and NGOs by sector, not by the country they work in
    for name in ("White Helmets", "Syrian Observatory for Human Rights", "Amnesty International"):
        entry = pipeline.kb.lookup(name)
        assert entry is not None and entry.sector == "NGO" and entry.country is None, name
