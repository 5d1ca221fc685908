"""Round 15, issue 13: the headline (``Article.title``) is coded too, as a small text of its own.

A headline states the story's main act in a few words; its events are marked ``part="title"``
(trigger offsets into the title, sentence 0, the title as evidence), come before the body's,
and the body's events stay exactly as without the title. ``Settings.code_title`` (CLI
``--no-title``) switches it off. Headlines of our own, never from the evaluation sets.
"""

from __future__ import annotations

import json

import pytest

from dateline.ingest import article_from_text
from dateline.model import validate
from dateline.pipeline import Pipeline, title_text
from dateline.settings import Settings

pytestmark = pytest.mark.slow

DATE = "2018-01-22"
BODY = (
    "Turkish warplanes bombed positions of the YPG near Afrin on Sunday, the army said. "
    "The weather in Ankara was cold.\n\n"
    "The United Nations called for restraint."
)
STRIKES = "Turkey Launches Air Strikes on Kurdish Militia in Syria"


def _article(title, text=BODY):
    return article_from_text(text, published=DATE, title=title, detect_header=False)


def _body_only(pipeline):
    return Pipeline(pipeline.settings.with_(code_title=False))


def _shared_nlp(new: Pipeline, old: Pipeline) -> Pipeline:
    new._nlp, new._kb, new._lexicon = old.nlp, old.kb, old.lexicon
    return new


def _headline(result):
    return [e for e in result.events if e.part == "title"]


@pytest.mark.parametrize(
    "title",
    [STRIKES, STRIKES.upper(), STRIKES.lower(), "Turkey launches air strikes on Kurdish militia"],
)
def test_a_headline_in_any_case_is_coded_and_marked(pipeline, title):
    article = _article(title)
    result = pipeline.code(article)
    heads = _headline(result)
    assert [e.event for e in heads] == ["ASSAULT"], [(e.event, e.trigger) for e in result.events]
    e = heads[0]
    assert e.sentence == 0 and e.sentence_text == title
    assert title[e.trigger.start : e.trigger.end] == e.trigger.text  # offsets into the title
    assert e.trigger.text.lower() == "strikes"
    assert e.source is not None and e.source.country == "TUR"
    assert e.date == DATE  # the headline's present tense is the article's date
    assert result.events.index(e) == 0  # the headline comes first
    assert all(x.part == "text" for x in result.events[1:])


@pytest.mark.parametrize("full_parse", [False, True])
def test_body_events_stay_as_without_the_title(pipeline, full_parse):
    on = _shared_nlp(Pipeline(pipeline.settings.with_(full_parse=full_parse)), pipeline)
    off = _shared_nlp(
        Pipeline(pipeline.settings.with_(full_parse=full_parse, code_title=False)), pipeline
    )
    article = _article("UN Chief Urges Ceasefire")
    with_title = on.code(article)
    body = off.code(article)
    assert _headline(with_title) and not _headline(body)
    text_events = [e.to_dict() for e in with_title.events if e.part == "text"]
    assert text_events == [e.to_dict() for e in body.events]
    assert text_events and all(
        BODY[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
        for e in text_events
    )


def test_pipe_codes_headlines_like_code(pipeline):
    titles = [STRIKES, None, "UN CHIEF URGES CEASEFIRE", "Weather In Ankara Stays Cold Today"]
    articles = [_article(t) for t in titles]
    piped = [r.to_dict() for r in pipeline.pipe(articles, batch_size=3)]
    assert piped == [pipeline.code(a).to_dict() for a in articles]
    assert [sum(e["part"] == "title" for e in r["events"]) for r in piped][:3] == [1, 0, 1]


def test_headline_events_in_the_json_output(pipeline):
    result = pipeline.code(_article("UN Chief Urges Ceasefire in Syria"))
    data = json.loads(result.to_json())
    validate(data)
    parts = [e["part"] for e in data["events"]]
    assert parts[0] == "title" and set(parts[1:]) == {"text"}
    head = data["events"][0]
    assert head["event"] == "REQUEST" and head["sentence_text"] == data["article"]["title"]
    ids = {a["id"] for a in data["actors"]}
    assert head["source"]["name"] == "United Nations"
    un = [e for e in result.events if e.source and e.source.name == "United Nations"]
    assert len({e.source.actor_id for e in un}) == 1  # one actor for headline and body
    assert all(e.source.actor_id in ids for e in un)


def test_switched_off_or_repeated_titles_are_not_coded(pipeline):
    assert not _headline(_body_only(pipeline).code(_article(STRIKES)))
    repeated = _article(STRIKES, text=STRIKES + "\n\n" + BODY)
    assert title_text(repeated) == ""
    assert not _headline(pipeline.code(repeated))
    assert title_text(_article("  ")) == ""
    assert title_text(_article("Talks end\nin Geneva")) == "Talks end in Geneva."
    assert title_text(_article("Talks end?")) == "Talks end?"


def test_the_setting_reads_the_environment(monkeypatch):
    assert Settings.load().code_title is True
    monkeypatch.setenv("DATELINE_CODE_TITLE", "0")
    assert Settings.load().code_title is False
