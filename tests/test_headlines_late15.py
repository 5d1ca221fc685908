"""Round 15, late lane: headlines. A headline's surnames of known people stay names when it is
re-cased; a headline is parsed even with no trigger word. Headlines of our own."""

from __future__ import annotations

import pytest

from dateline.ingest import article_from_text
from dateline.recase import name_lookup, recase_text


class _KB:
    """The two questions :func:`name_lookup` asks of people's surnames, and no country."""

    surnames = {"putin", "erdogan", "rice"}

    def people_with_surname(self, surname):
        return ["someone"] if surname in self.surnames else []

    def country_of(self, word):
        return None

    def lookup(self, phrase, on=None):
        return None


def test_a_known_surname_that_is_no_common_word_stays_a_name():
    common = frozenset({"agree", "meet", "in"})
    words = frozenset({"rice", "agree", "meet", "cold"})  # verbs, adjectives, adverbs
    title = name_lookup(_KB(), common, words)
    body = name_lookup(_KB(), common)
    line = "Police Meet Putin And Rice In Moscow Hall"
    assert recase_text(line, title) == "Police meet Putin and rice in Moscow hall"
    assert recase_text(line, body) == "Police meet putin and rice in Moscow hall"
    assert title("Erdogan") == "Erdogan" and title("Smith") is None


@pytest.mark.slow
def test_body_lines_do_not_learn_surnames(pipeline):
    # the body's headline lines are training text: re-cased as before
    line = "Erdogan Meets Merkel in Berlin over Migrants"
    assert pipeline._recase(line) == "Erdogan meets merkel in Berlin over migrants"
    assert pipeline._recase(line, title=True) == "Erdogan meets Merkel in Berlin over migrants"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "sides"),
    [
        ("Erdogan Meets Merkel in Berlin over Migrants", {"TUR", "DEU"}),
    ],
)
def test_both_people_of_a_title_case_headline_are_found(pipeline, title, sides):
    article = article_from_text(
        "Officials spoke on Monday.", published="2018-01-22", title=title, detect_header=False
    )
    events = [e for e in pipeline.code(article).events if e.part == "title"]
    found = {a.country for e in events for a in (e.source, e.target) if a is not None}
    assert sides <= found
