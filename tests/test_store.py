"""The Store: schema, idempotent and atomic writes, near duplicates, every read filter, sql()."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest

from dateline.errors import StoreBusy, StoreError
from dateline.model import Span
from dateline.store import SCHEMA_VERSION, Store
from dateline.store.periods import event_day
from test_store_builders import FILLER, event, make_result


def corpus():
    return [
        make_result("a1", [event("USA", "AGREE", "RUS", "2024-01-10"),
                           event("RUS", "ACCUSE", "USA", "2024-01-10"),
                           event("USA", "CONSULT", "CHN", "2024-01-10", negated=True)],
                    published="2024-01-10", quotes=[("RUS", "We are ready to talk")]),
        make_result("a2", [event("CHN", "AID", "UKR", "2024-01-19"),
                           event("RUS", "ASSAULT", "UKR", "2024-01-20")], published="2024-01-20",
                    source="Other Daily"),
        make_result("a3", [event("USA", "THREATEN", "RUS", "2024-02-14"),
                           event("FRA", "CONSULT", "USA")], published="2024-02-15"),
        make_result("a4", [event("RUS", "AGREE", "USA", "2024-03-04")], published="2024-03-05",
                    quotes=[("USA", "No deal yet")]),
    ]  # fmt: skip


@pytest.fixture
def store():
    s = Store()
    for r in corpus():
        assert s.add_result(r)
    yield s
    s.close()


def test_new_store_applies_and_records_every_migration(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.migrations()[:3] == ["m001_initial", "m002_event_groups", "m003_record_ids"]
        assert "m004_watch" in s.migrations()
    with Store(path, read_only=True) as s:  # reopening applies nothing new
        assert s.schema_version == SCHEMA_VERSION


def test_read_only_refuses_a_missing_file_and_writes(tmp_path):
    with pytest.raises(StoreError, match="no event store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    Store(tmp_path / "e.duckdb").close()
    with (
        Store(tmp_path / "e.duckdb", read_only=True) as s,
        pytest.raises(StoreError, match="read-only"),
    ):
        s.add_result(corpus()[0])


def test_adding_the_same_article_twice_is_a_no_op(store):
    before = store.stats()
    assert store.add_result(corpus()[0]) is False
    assert store.stats() == before
    assert store.has_article("a1") and not store.has_article("zz")
    assert store.article_ids() == {"a1", "a2", "a3", "a4"}


def test_replace_swaps_the_rows_of_an_article(store):
    new = make_result("a4", [event("RUS", "AGREE", "USA", "2024-03-04"),
                             event("USA", "AGREE", "RUS", "2024-03-04")], published="2024-03-05")  # fmt: skip
    assert store.add_result(new, replace=True)
    assert len(store.events(article_id="a4")) == 2
    assert store.quotes(article_id="a4").empty
    assert store.sql("SELECT count(*) AS n FROM articles WHERE id = 'a4'")["n"][0] == 1


def test_a_failure_mid_article_stores_nothing_of_it(store):
    bad = make_result("bad", [event("USA", "AGREE", "RUS", "2024-01-10"),
                              event("RUS", "ACCUSE", "USA", "2024-01-10")],
                      quotes=[("RUS", "never stored")])  # fmt: skip
    bad.events[1].trigger = Span("accused", "not a number", 7)  # the events insert fails
    with pytest.raises(StoreError, match="article bad.*nothing of it was written"):
        store.add_result(bad)
    assert not store.has_article("bad")
    for table in ("events", "quotes", "actors", "mentions"):
        n = store.sql(f"SELECT count(*) AS n FROM {table} WHERE article_id = ?", ["bad"])["n"][0]
        assert n == 0, table
    # the store still works, and the article can be stored once fixed
    bad.events[1].trigger = Span("accused", 0, 7)
    assert store.add_result(bad)
    assert len(store.events(article_id="bad")) == 2


def test_a_near_duplicate_adds_no_event_counts(store):
    long_text = "Russia accused the United States of breaking the ceasefire. " + FILLER * 2
    original = make_result("orig", [event("RUS", "ACCUSE", "USA", "2024-04-02")],
                           published="2024-04-02", text=long_text)  # fmt: skip
    copy = make_result("copy", [event("RUS", "ACCUSE", "USA", "2024-04-02")],
                       published="2024-04-02", text=long_text.replace("evening", "late evening"),
                       source="Copy Desk")  # fmt: skip
    store.add_result(original)
    before = (store.stats()["events"], store.dyad("RUS", "USA", freq="month")["events"].sum())
    store.add_result(copy)
    assert store.duplicate_of("copy") == "orig"
    assert store.duplicate_of("orig") is None
    assert (
        store.stats()["events"],
        store.dyad("RUS", "USA", freq="month")["events"].sum(),
    ) == before
    assert len(store.events(since="2024-04")) == 1
    assert len(store.events(since="2024-04", include_duplicates=True)) == 2
    group = store.groups(since="2024-04").iloc[0]
    assert (group["num_articles"], group["num_sources"], group["num_mentions"]) == (2, 2, 2)
    assert store.stats()["duplicates"] == 1


def test_near_duplicates_are_found_after_reopening(tmp_path):
    text = "China sent aid to Ukraine on Friday. " + FILLER * 2
    path = tmp_path / "e.duckdb"
    with Store(path) as s:
        s.add_result(make_result("x1", [event("CHN", "AID", "UKR", "2024-05-03")], text=text))
    with Store(path) as s:  # the LSH index is rebuilt from the stored signatures
        s.add_result(
            make_result("x2", [event("CHN", "AID", "UKR", "2024-05-03")], text=text + " Ends.")
        )
        assert s.duplicate_of("x2") == "x1"


def test_different_articles_are_not_duplicates(store):
    assert store.stats()["duplicates"] == 0
    assert store.articles(include_duplicates=False).shape[0] == 4


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 7),
        ({"actor": "USA"}, 5),
        ({"actor": "united states"}, 5),
        ({"dyad": "USA:RUS"}, 4),
        ({"dyad": ("RUS", "USA")}, 4),
        ({"dyad": "USA:RUS", "directed": True}, 2),
        ({"type": "AGREE"}, 2),
        ({"type": "057"}, 2),
        ({"type": ["AGREE", "AID"]}, 3),
        ({"quad": 1}, 3),
        ({"quad": [3, 4]}, 3),
        ({"since": "2024-02"}, 3),
        ({"until": "2024-01"}, 4),
        ({"since": "2024-01-19", "until": "2024-01-19"}, 1),
        ({"since": dt.date(2024, 3, 1)}, 1),
        ({"since": "2024", "until": "2024"}, 7),
        ({"text": "sent aid"}, 1),
        ({"include_negated": True}, 8),
        ({"actor": "USA", "quad": 3}, 2),
        ({"article_id": "a2"}, 2),
    ],
)
def test_event_filters(store, filters, expected):
    frame = store.events(**filters)
    assert len(frame) == expected
    assert store.count_events(**filters) == expected


def test_events_columns_order_and_paging(store):
    frame = store.events()
    for col in ("id", "article_id", "event_index", "event", "source_name", "target_country", "day",
                "trigger_start", "group_id", "article_title", "published", "url"):  # fmt: skip
        assert col in frame.columns
    assert list(frame["day"]) == sorted(frame["day"])
    assert frame["goldstein"].iloc[0] in (8.0, -2.0)
    assert store.events(order="-goldstein")["goldstein"].iloc[0] == 8.0
    page = store.events(limit=2, offset=1)
    assert list(page["id"]) == list(frame["id"][1:3])
    assert store.events(order="-date")["day"].iloc[0] == frame["day"].iloc[-1]
    with pytest.raises(StoreError, match="order"):
        store.events(order="nonsense")
    with pytest.raises(StoreError, match="not a date"):
        store.events(since="last week")
    with pytest.raises(StoreError, match="two actors"):
        store.events(dyad="USA")


def test_undated_events_are_counted_on_the_publication_day(store):
    row = store.events(type="CONSULT").iloc[0]
    assert row["date"] is None and row["day"].date() == dt.date(2024, 2, 15)


def test_quotes_filters(store):
    assert len(store.quotes()) == 2
    q = store.quotes(speaker="russia")
    assert list(q["text"]) == ["We are ready to talk"]
    assert list(store.quotes(speaker="USA")["speaker_name"]) == ["United States"]
    assert list(store.quotes(article_id="a4")["text"]) == ["No deal yet"]
    assert list(store.quotes(text="DEAL")["article_id"]) == ["a4"]
    assert len(store.quotes(since="2024-02")) == 1
    row = q.iloc[0]
    assert row["article_title"] == "Report a1"
    text = store.article("a1")["article"]["text"]
    assert text[row["start"] : row["end"]] == "We are ready to talk"


def test_article_returns_everything_for_the_page(store):
    doc = store.article("a1")
    assert doc["article"]["id"] == "a1" and doc["article"]["published"] == "2024-01-10"
    assert "minhash" not in doc["article"]
    assert [e["event"] for e in doc["events"]] == ["AGREE", "ACCUSE", "CONSULT"]  # negated too
    assert doc["events"][2]["negated"] is True
    assert doc["quotes"][0]["speaker_name"] == "Russia"
    names = {a["name"]: a for a in doc["actors"]}
    assert set(names) == {"United States", "Russia", "China"}
    mention = names["United States"]["mentions"][0]
    assert doc["article"]["text"][mention["start"] : mention["end"]] == "United States"
    assert store.article("nope") is None


def test_articles_and_actors(store):
    arts = store.articles()
    assert list(arts["id"]) == ["a4", "a3", "a2", "a1"]
    assert dict(zip(arts["id"], arts["events"], strict=True)) == {
        "a4": 1,
        "a3": 2,
        "a2": 2,
        "a1": 2,
    }
    assert "text" not in arts.columns and "text" in store.articles(with_text=True).columns
    assert list(store.articles(since="2024-02")["id"]) == ["a4", "a3"]
    assert list(store.articles(source="other daily")["id"]) == ["a2"]
    actors = store.actors().set_index("name")
    assert actors.loc["United States", "events"] == 5
    assert actors.loc["Russia", "articles"] == 4
    assert list(store.actors(country="UKR")["name"]) == ["Ukraine"]


def test_stats(store):
    s = store.stats()
    assert (s["articles"], s["events"], s["negated_events"], s["quotes"]) == (4, 7, 1, 2)
    assert (s["first_day"], s["last_day"]) == ("2024-01-10", "2024-03-04")
    assert s["schema_version"] == SCHEMA_VERSION


def test_runs_and_errors_are_recorded(store):
    run = store.start_run({"model": "m"}, inputs=["x.jsonl"], model="m", model_version="1")
    store.add_error("cannot read", item="x.jsonl line 3", run_id=run)
    store.finish_run(run, articles=3, errors=1)
    runs = store.runs()
    assert runs.iloc[0]["status"] == "finished" and runs.iloc[0]["errors"] == 1
    assert list(store.errors(run)["item"]) == ["x.jsonl line 3"]


def test_sql_runs_selects_with_parameters(store):
    frame = store.sql(
        "SELECT event, count(*) AS n FROM events WHERE source_country = ? GROUP BY event ORDER BY event",
        ["USA"],
    )
    assert dict(zip(frame["event"], frame["n"], strict=True)) == {
        "AGREE": 1,
        "CONSULT": 1,
        "THREATEN": 1,
    }
    assert store.sql("WITH x AS (SELECT 1 AS one) SELECT one FROM x")["one"][0] == 1


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM events",
        "INSERT INTO articles (id) VALUES ('x')",
        "UPDATE events SET event = 'X'",
        "DROP TABLE events",
        "ATTACH 'other.duckdb' AS other",
        "COPY events TO 'events.csv'",
        "PRAGMA enable_profiling",
        "SET threads = 1",
        "CALL pragma_version()",
        "SELECT 1; DELETE FROM events",
        "CREATE TABLE t AS SELECT 1",
    ],
)
def test_sql_refuses_anything_but_select(store, query, tmp_path):
    with pytest.raises(StoreError, match="sql:"):
        store.sql(query)
    assert store.stats()["events"] == 7


def test_sql_on_a_read_only_file(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as s:
        s.add_result(corpus()[0])
    with Store(path, read_only=True) as s:
        assert s.sql("SELECT count(*) AS n FROM events")["n"][0] == 3
        with pytest.raises(StoreError):
            s.sql("DELETE FROM events")
        (tmp_path / "other.csv").write_text("a,b\n1,2\n")
        with pytest.raises(StoreError, match="disabled"):  # no reading other files
            s.sql("SELECT * FROM read_csv(?)", [str(tmp_path / "other.csv")])
        assert s.runs().empty and len(s.events()) == 2


def test_a_reader_gets_store_busy_while_a_writer_holds_the_file(tmp_path):
    path = tmp_path / "e.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from dateline.store import Store
            s = Store({str(path)!r})
            print("ready", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy, match="database busy: .* try again when the run finishes"):
            Store(path, read_only=True)
        with pytest.raises(StoreBusy, match="database busy: .* open in another process"):
            Store(path)
    finally:
        holder.communicate("done\n", timeout=30)
    with Store(path, read_only=True) as s:  # free again
        assert s.stats()["articles"] == 0


@pytest.mark.parametrize(
    ("date", "published", "day"),
    [
        ("2024-03-05", dt.date(2024, 3, 9), dt.date(2024, 3, 5)),
        ("2024-03", dt.date(2024, 3, 9), dt.date(2024, 3, 9)),
        ("2024-03", dt.date(2024, 5, 1), dt.date(2024, 3, 1)),
        ("2023", dt.date(2024, 5, 1), dt.date(2023, 1, 1)),
        (None, dt.date(2024, 5, 1), dt.date(2024, 5, 1)),
        (None, None, None),
    ],
)
def test_event_day(date, published, day):
    assert event_day(date, published) == day


def test_record_reads_are_the_frame_reads_as_plain_rows(store):
    from dateline.store.filters import EventFilter

    rows = store.event_records(EventFilter(actor="USA", quad=[1, 2]), order="-date")
    frame = store.events(actor="USA", quad=[1, 2], order="-date")
    assert [r["id"] for r in rows] == list(frame["id"]) and rows
    assert isinstance(rows[0]["published"], dt.date) and isinstance(rows[0]["context"], list)
    assert store.count_events(EventFilter(actor="USA")) == store.count_events(actor="USA")
    assert [r["id"] for r in store.article_records(limit=2)] == list(store.articles(limit=2)["id"])
    assert [r["name"] for r in store.actor_records()] == list(store.actors()["name"])
    assert [r["id"] for r in store.quote_records(speaker="USA")] == list(
        store.quotes(speaker="USA")["id"]
    )
    types = store.event_types()
    assert sum(n for _, n in types) == store.count_events()
    assert [n for _, n in types] == sorted((n for _, n in types), reverse=True)


def test_series_is_the_one_count_per_period_that_dyad_draws(store):
    import pandas as pd

    from dateline.store.filters import EventFilter

    match = EventFilter(dyad=("USA", "RUS"), modality="happened")
    pd.testing.assert_frame_equal(store.series(match, "month"), store.dyad("USA", "RUS", "month"))
    everything = store.series(freq="month")
    assert list(everything["period"].dt.strftime("%Y-%m")) == ["2024-01", "2024-02", "2024-03"]
    assert everything["events"].sum() == store.stats()["event_groups"] == 7
