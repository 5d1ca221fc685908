"""Headlines and lower-case text re-cased as running text before spaCy reads them."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.recase import headline_case, recase_text

NAMES = {"lahore": "Lahore", "pakistani": "Pakistani", "un": "UN", "new york": "New York"}


def is_name(phrase: str) -> str | None:
    return NAMES.get(phrase.lower())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("POLICE ARREST 40 AFTER LAHORE MARCH", True),
        ("Police Arrest 40 After Lahore March", True),
        ("Police arrested 40 people after the march in Lahore.", False),
        ("Ukraine crisis", False),  # too short to tell
        ("Pakistani Officials Visited London, Paris And Berlin", True),
        ("Pakistani, Indian and Chinese officials met in Geneva", False),
    ],
)
def test_headline_case(line, expected):
    assert headline_case(line) is expected


def test_headline_recased_keeping_names_and_length():
    text = "Police Arrest 40 After Lahore March\nThe police said the march was illegal."
    out = recase_text(text, is_name)
    assert out == "Police arrest 40 after Lahore march\nThe police said the march was illegal."
    assert len(out) == len(text)


def test_capitals_recased_with_acronyms_from_the_names():
    assert (
        recase_text("UN ENVOY VISITS NEW YORK TODAY", is_name) == "UN envoy visits New York today"
    )


def test_title_case_keeps_its_acronyms():
    assert recase_text("UN Envoy Visits Lahore Again Today", lambda p: None) == (
        "UN envoy visits lahore again today"
    )


def test_lower_case_text_gets_names_and_sentence_starts():
    text = "police arrested 40 people in lahore. pakistani officials said so."
    assert recase_text(text, is_name) == (
        "Police arrested 40 people in Lahore. Pakistani officials said so."
    )


def test_running_text_is_untouched():
    text = "Police arrested 40 people in Lahore. Officials in New York said so."
    assert recase_text(text, is_name) is text


@pytest.mark.slow
def test_headline_is_coded_with_the_story_country(pipeline):
    from dateline.model import Article

    article = Article(
        id="h", text="POLICE ARREST 40 AFTER LAHORE MARCH", published=date(2021, 3, 7)
    )
    coerce = [e for e in pipeline.code(article).events if e.event == "COERCE"]
    assert coerce and (coerce[0].source.country, coerce[0].source.sector) == ("PAK", "COP")


@pytest.mark.slow
def test_lower_case_text_is_coded_with_the_story_country(pipeline):
    from dateline.model import Article

    text = "police arrested 40 people after the march in lahore on sunday."
    events = pipeline.code(Article(id="l", text=text, published=date(2021, 3, 7))).events
    coerce = [e for e in events if e.event == "COERCE"]
    assert coerce
    assert (coerce[0].source.country, coerce[0].target.country) == ("PAK", "PAK")
