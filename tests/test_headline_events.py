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


def _shared_nlp(new: Pipeline, old: Pipeline) -> Pipeline:
    new._nlp, new._kb, new._lexicon = old.nlp, old.kb, old.lexicon
    return new


def _body_only(pipeline):
    return _shared_nlp(Pipeline(pipeline.settings.with_(code_title=False)), pipeline)


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


# --- the store, exports, event groups and the dashboard ----------------------------------------


def test_headline_events_in_a_store_file_and_its_exports(pipeline, tmp_path):
    import csv

    from dateline.store import Store

    result = pipeline.code(_article(STRIKES))
    heads = _headline(result)
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        assert store.add_result(result)
    with Store(path, read_only=True) as store:
        rows = store.sql(
            "SELECT part, sentence, trigger_start, trigger_end, trigger_text, sentence_text, "
            "group_id FROM events ORDER BY event_index"
        )
        assert list(rows["part"]) == [e.part for e in result.events]
        head = rows.iloc[0]
        assert head["part"] == "title" and head["sentence_text"] == STRIKES
        assert STRIKES[head["trigger_start"] : head["trigger_end"]] == head["trigger_text"]
        # the lead's record of the act and the headline's are one event group
        lead = rows[(rows["part"] == "text") & (rows["trigger_text"] == "bombed")].iloc[0]
        assert lead["group_id"] == head["group_id"], (heads[0].target, result.events[1].target)
        n = store.export(tmp_path / "e.csv", "csv", include_duplicates=True)
        exported = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
        assert n == len(exported) and [r["part"] for r in exported].count("title") == 1
        store.export(tmp_path / "e.jsonl", "plover")
        plover = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
        assert sorted(r["part"] for r in plover) == sorted(r["part"] for r in exported)


def test_an_older_store_gets_the_part_column(tmp_path):
    import duckdb

    from dateline.store import Store, schema

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for migration in schema.MIGRATIONS[:-1]:
        migration(con)
        con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [migration.__name__])
    columns = [c for c in schema.EVENT_COLUMNS if c != "part"]
    values = ["a:0", "a", 0, "AGREE", *[None] * (len(columns) - 4)]
    values[columns.index("negated")] = False
    values[columns.index("group_id")] = "g"
    con.execute(
        f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        values,
    )
    con.close()
    with Store(path) as store:
        assert store.migrations()[-1] == "m007_event_part"
        assert list(store.sql("SELECT part FROM events")["part"]) == ["text"]


def _key(src, kind, tgt, day, headline=False):
    from dateline.store.dedup import GroupKey

    return GroupKey(day, kind, src, tgt, False, headline=headline)


@pytest.mark.parametrize(
    ("head", "linked"),
    [
        (_key("TUR", "ASSAULT", "SYR", "2018-01-22", True), True),  # the lead's day before
        (_key("TUR", "ASSAULT", "", "2018-01-22", True), True),  # target unknown in the headline
        (_key("", "ASSAULT", "", "2018-01-22", True), True),  # nobody named: the lead's act
        (_key("TUR", "ASSAULT", "IRQ", "2018-01-22", True), False),  # another target
        (_key("TUR", "ACCUSE", "SYR", "2018-01-22", True), False),  # another type
        (_key("TUR", "ASSAULT", "SYR", "2018-01-30", True), False),  # a week after
        (_key("TUR", "ASSAULT", "", "2018-01-22"), False),  # a body event: the usual rules
    ],
)
def test_a_headline_act_joins_the_group_of_its_restatement(head, linked):
    from dateline.store.dedup import article_group_ids

    keys = [head, _key("TUR", "ASSAULT", "SYR", "2018-01-21"), _key("RUS", "ASSAULT", "SYR", None)]
    ids = article_group_ids(keys, "a")
    assert (ids[0] == ids[1]) is linked
    assert ids[1] != ids[2]


def test_the_article_page_shows_the_headline_and_its_marks(pipeline):
    from dateline.web.pages import _evidence_context
    from dateline.web.queries import marks, result_doc

    result = pipeline.code(_article(STRIKES.upper()))
    doc = result_doc(result.to_dict())
    chunks = _evidence_context(doc)["chunks"]
    assert chunks[0].part == "title" and [e["part"] for e in chunks[0].events] == ["title"]
    assert (
        '<mark class="hl hl-t conflict"' in chunks[0].html and ">STRIKES</mark>" in chunks[0].html
    )
    assert all(c.part == "text" for c in chunks[1:])
    # no trigger of the headline is marked in the text (its offsets count in the title)
    head = doc["events"][0]
    assert all(
        (m.start, m.end) != (head["trigger_start"], head["trigger_end"])
        for m in marks(doc)
        if m.kind == "trigger"
    )
    assert sum(len(c.events) for c in chunks) == len(doc["events"])


def test_story_evaluation_codes_the_title_and_says_so(pipeline, tmp_path):
    from dateline.evaluation import evaluate_file

    story = {
        "id": "s1",
        "level": "story",
        "title": "Turkey Launches Air Strikes on Kurdish Militia in Syria",
        "text": "The weather in Ankara was cold on Monday. Shops opened late.",
        "events": [{"event": "ASSAULT"}],
    }
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(story) + "\n", encoding="utf-8")
    with_title = evaluate_file(path, pipeline)
    body_only = evaluate_file(path, _body_only(pipeline))
    assert (with_title.types.recall, body_only.types.recall) == (1.0, 0.0)
    assert "titles: coded with the body" in with_title.to_markdown()
    assert "titles: not coded (body only)" in body_only.to_markdown()


def test_a_headline_without_a_trigger_word_is_parsed_in_fast_mode_too(pipeline):
    # one short line (about 5 ms): the model may still propose its act, so it is always parsed
    quiet = _article("Weather In Ankara Stays Cold Today")
    assert not pipeline.selector.can_yield_events(title_text(quiet))
    assert pipeline.title_view(quiet) == "Weather in Ankara stays cold today."
    assert pipeline.title_view(_article("UN CHIEF URGES CEASEFIRE")) == "UN chief urges ceasefire."
    full = _shared_nlp(Pipeline(pipeline.settings.with_(full_parse=True)), pipeline)
    assert full.title_view(quiet) == pipeline.title_view(quiet)
    assert pipeline.title_view(_article(None)) is None
    assert pipeline.selector.can_yield_events("Turkey launches air strikes on Kurdish militia")
    assert not pipeline.selector.can_yield_events("A quiet day at the seaside")


def test_dateline_code_marks_headline_rows_and_no_title_drops_them():
    from typer.testing import CliRunner

    from dateline.cli import app

    runner = CliRunner()
    shown = runner.invoke(app, ["code", "--sample"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    rows = [line for line in shown.stdout.splitlines() if "│" in line]
    assert any(line.split("│")[1].strip() == "title" for line in rows), shown.stdout
    body = runner.invoke(app, ["code", "--sample", "--no-title", "--format", "json"])
    assert body.exit_code == 0, body.output
    assert {e["part"] for e in json.loads(body.stdout)["events"]} == {"text"}
