"""Sides the sentence names, round 15 (docs/accuracy-history.md, "Round 15: missing sides"), on sentences
of our own: a body's name written in lower case after "the" ("the security council"), as some
newspapers write them, is still that body, unless its head is a role noun ("the general
assembly"); a month's name after "with" or "called on" ("talks with May") is whom one deals
with, not a date; a veto is aimed at the international body the sentence names, the nearest;
"the two leaders" pairs the leaders in the order the text first named them; the possessor of an
arrest or a sentence ("after his arrest in Kenya") underwent it, whoever the clause makes its doer;
a gerund the parser made a verb ("killed in airstrikes and shelling by X") is done by its "by";
a tour's "of" names the state toured."""

from __future__ import annotations

from datetime import date

import pytest

from coded import coded_events, first_event
from dateline.actors import namesakes
from dateline.actors.resolve import resolve_actors
from dateline.model import Article
from dateline.nlp import annotate


def _actors(pipeline, text: str, words: str) -> set[tuple[str | None, str | None]]:
    """(country, sector) of the actors whose mention is exactly ``words``."""
    article = Article(id="t", text=text, published=date(2019, 3, 1))
    index = resolve_actors(annotate(pipeline.nlp, text), article, pipeline.kb)
    return {(a.country, a.sector) for a in index.actors for m in a.mentions if m.text == words}


@pytest.mark.slow
def test_a_lower_case_council_after_the_is_the_un_body(pipeline):
    text = "Kenya condemned the security council for its silence on the killings."
    assert _actors(pipeline, text, "security council") == {(None, "IGO")}


@pytest.mark.slow
def test_a_lower_case_name_whose_head_is_a_role_stays_that_role(pipeline):
    text = "Kenya's president told the general assembly that the sanctions had failed."
    assert (None, "IGO") not in _actors(pipeline, text, "general assembly")


@pytest.mark.slow
def test_a_state_own_lower_case_council_is_not_the_un_body(pipeline):
    text = "Russia's security council met on Friday to discuss the border."
    assert (None, "IGO") not in _actors(pipeline, text, "security council")


@pytest.mark.slow
def test_the_lower_case_council_is_the_side_an_accusation_names(pipeline):
    events = coded_events(
        pipeline, "Kenya condemned the security council's failure to stop the killing in Sudan."
    )
    accuse = first_event(events, "ACCUSE")
    assert accuse.target is not None and accuse.target.sector == "IGO", accuse


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "is_date"),
    [
        ("Kenya's president held talks with May on trade.", False),
        ("The families called on May to press Kenya for the men's release.", False),
        ("The deal was signed with May elections in mind.", True),
        ("The vote was called on May after weeks of talks.", True),
        ("The talks resumed on May 5 in Nairobi.", True),
    ],
)
def test_a_month_after_with_or_called_on_is_a_party_not_a_date(pipeline, text, is_date):
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.text == "May")
    assert namesakes.is_date_word(doc[tok.i : tok.i + 1]) is is_date


@pytest.mark.slow
def test_talks_with_a_leader_named_like_a_month_have_that_leader_as_target(pipeline):
    events = coded_events(
        pipeline, "After his talks with May in London, the Kenyan president praised the deal."
    )
    consult = first_event(events, "CONSULT")
    assert consult.target is not None and consult.target.country == "GBR", consult


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "China vetoed the resolution at the UN security council.",
        "When the UN security council met on Friday, China vetoed the draft on Sudan.",
        "China's veto at the United Nations angered Kenya.",
    ],
)
def test_a_veto_is_aimed_at_the_body_it_is_cast_in(pipeline, text):
    vetoes = [e for e in coded_events(pipeline, text) if e.event == "REJECT"]
    assert len(vetoes) == 1, vetoes
    assert vetoes[0].target is not None and vetoes[0].target.sector == "IGO", vetoes


@pytest.mark.slow
def test_of_two_bodies_a_veto_takes_the_one_named_nearest(pipeline):
    text = "Once more the UN was helpless, the security council paralysed by Chinese vetoes."
    vetoes = [e for e in coded_events(pipeline, text) if e.event == "REJECT"]
    assert [e.target.text if e.target else None for e in vetoes] == ["security council"], vetoes


@pytest.mark.slow
def test_a_veto_with_no_body_named_keeps_its_other_target(pipeline):
    events = coded_events(pipeline, "The president vetoed the bill passed by Congress.")
    veto = first_event(events, "REJECT")
    assert veto.target is not None and veto.target.sector == "LEG", veto


@pytest.mark.slow
def test_the_two_leaders_are_paired_in_the_order_the_text_named_them(pipeline):
    text = (
        "Kenyan President William Ruto met his Ugandan counterpart, Yoweri Museveni, in Nairobi. "
        "The two presidents agreed to reopen the border."
    )
    agree = first_event(coded_events(pipeline, text), "AGREE")
    assert (agree.source.country, agree.target.country) == ("KEN", "UGA"), agree


@pytest.mark.slow
def test_one_who_underwent_an_arrest_is_not_its_doer(pipeline):
    text = "Omar Farah, a senior al-Shabaab recruiter, was questioned after his arrest in Kenya."
    arrest = first_event(coded_events(pipeline, text), "COERCE")
    assert arrest.target is not None and arrest.target.country == "SOM", arrest
    assert arrest.source is None or arrest.source.country == "KEN", arrest


@pytest.mark.slow
def test_an_arrest_by_named_police_keeps_them_as_its_doer(pipeline):
    text = "Omar Farah, a senior al-Shabaab recruiter, was questioned after his arrest by Kenyan police."
    arrest = first_event(coded_events(pipeline, text), "COERCE")
    assert (arrest.source.country, arrest.target.country) == ("KEN", "SOM"), arrest


@pytest.mark.slow
def test_a_gerund_parsed_as_a_verb_is_done_by_its_by_phrase(pipeline):
    text = (
        "The toll in the district rose to more than 500 killed in airstrikes and shelling by "
        "Somali government forces."
    )
    shelling = [e for e in coded_events(pipeline, text) if e.trigger.text == "shelling"]
    assert shelling and shelling[0].source is not None, shelling
    assert (shelling[0].source.country, shelling[0].source.sector) == ("SOM", "MIL"), shelling


@pytest.mark.slow
def test_a_tour_of_a_state_is_aimed_at_that_state(pipeline):
    events = coded_events(pipeline, "President Ruto's tour of Uganda ended on Friday.")
    tour = first_event(events, "CONSULT")
    assert tour.target is not None and tour.target.country == "UGA", tour


@pytest.mark.slow
def test_a_tour_of_places_no_state_names_has_no_target(pipeline):
    events = coded_events(pipeline, "Ruto's tour of the refugee camps ended on Friday.")
    assert all(e.target is None for e in events if e.event == "CONSULT"), events
