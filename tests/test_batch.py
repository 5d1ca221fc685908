"""Corpus runs: resumable, idempotent, errors recorded, and a killed run resumes exactly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Article
from dateline.runs.local import RunSummary, code_batch, run_corpus
from dateline.settings import Settings
from dateline.store import Store

# Invented news items, one per line of the test corpus.
STORIES = [
    ("Russia and China signed a trade agreement in Beijing on Monday.", "2024-01-08"),
    ("Ukraine accused Russia of shelling the city of Kharkiv on Tuesday.", "2024-01-09"),
    ("The United States imposed new sanctions on Iran on Wednesday.", "2024-01-10"),
    ("France and Germany met in Paris to discuss energy policy.", "2024-01-11"),
    ("Israel carried out air strikes against Hamas in Gaza on Friday.", "2024-01-12"),
    ("India sent humanitarian aid to Sri Lanka after the floods.", "2024-01-15"),
    ("Turkey threatened Sweden over its NATO bid on Monday.", "2024-01-15"),
    ("Japan and South Korea agreed to resume security talks.", "2024-01-16"),
    ("Brazil criticised the United States over its tariffs.", "2024-01-17"),
    ("Egypt hosted talks between Israel and Hamas in Cairo.", "2024-01-18"),
    ("Poland expelled Russian diplomats on Thursday.", "2024-01-18"),
    ("China warned Taiwan against any move toward independence.", "2024-01-19"),
]
PADDING = (
    " Officials said more meetings were planned. The statement gave no further details."
    " Analysts said the decision had been expected for weeks. Markets reacted calmly."
)


def write_corpus(path: Path, bad_line: bool = False, padding: int = 1) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (text, day) in enumerate(STORIES):
            record = {
                "id": f"n{i:02d}",
                "title": f"Story {i}",
                "text": text + PADDING * padding,
                "date": day,
            }
            fh.write(json.dumps(record) + "\n")
        if bad_line:
            fh.write("{not json\n")
    return path


@pytest.mark.parametrize(
    ("read", "input_errors", "coding_errors", "code"),
    [(10, 0, 0, 0), (10, 1, 0, 1), (10, 0, 9, 1), (0, 3, 0, 2), (5, 0, 5, 2), (0, 0, 0, 0)],
)
def test_exit_code_follows_the_error_ratio(read, input_errors, coding_errors, code):
    summary = RunSummary("r", read=read, input_errors=input_errors, coding_errors=coding_errors)
    assert summary.exit_code == code


class Recorder:
    """A RunProgress that writes down what the run told it."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def start(self, total):
        self.calls.append(("start", total))

    def advance(self, items, summary):
        self.calls.append(("advance", items, summary.errors))

    def error(self, item, reason, summary):
        self.calls.append(("error", item, reason))

    def finish(self, summary):
        self.calls.append(("finish", summary.read, summary.errors))


def test_progress_is_told_the_total_each_item_and_each_error_by_name(tmp_path):
    corpus = tmp_path / "broken.jsonl"
    corpus.write_text('{not json\n{"id": "x"}\n\n{also not json\n', encoding="utf-8")
    recorder = Recorder()
    with Store() as store:
        summary = run_corpus([str(corpus)], store, progress=recorder)
    calls = recorder.calls
    assert calls[0] == ("start", 3) and calls[-1] == ("finish", 0, 3)
    errors = [c for c in calls if c[0] == "error"]
    assert [c[1] for c in errors] == [f"{corpus}:1", f"{corpus}:2", f"{corpus}:4"]
    assert all(c[2] for c in errors)
    assert sum(c[1] for c in calls if c[0] == "advance") == 3 == summary.input_errors


def test_the_cli_bar_draws_items_done_of_the_total_and_the_errors(tmp_path):
    from io import StringIO

    from rich.console import Console

    from dateline.cli.progress import RichProgress

    out = StringIO()
    bar = RichProgress(Console(file=out, width=120, force_terminal=False))
    bar.start(4)
    bar.advance(3, RunSummary("r", read=3, coded=3, events=5))
    bar.error(
        "wire.jsonl:4", "not JSON", RunSummary("r", read=3, coded=3, events=5, input_errors=1)
    )
    bar.advance(1, RunSummary("r", read=3, coded=3, events=5, input_errors=1))
    bar.finish(RunSummary("r", read=3, coded=3, events=5, input_errors=1))
    text = out.getvalue()
    assert "4/4" in text and "5 events" in text and "1 errors" in text


@pytest.mark.slow
def test_a_failing_article_is_isolated_from_its_batch(pipeline):
    good = Article(id="g", text="Russia and China signed a trade agreement on Monday.")
    bad = Article(id="b", text=None)  # type: ignore[arg-type] - breaks the tokenizer
    out = list(code_batch(pipeline, [good, bad, good]))
    assert [a.id for a, _ in out] == ["g", "b", "g"]
    assert not isinstance(out[0][1], str) and out[0][1].events
    assert isinstance(out[1][1], str) and out[1][1].startswith("coding failed")


@pytest.mark.slow
def test_run_corpus_stores_skips_and_records_errors(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "corpus.jsonl", bad_line=True)
    with Store() as store:
        recorder = Recorder()
        first = run_corpus([str(corpus), str(tmp_path / "missing.jsonl")], store, progress=recorder)
        assert recorder.calls[0] == ("start", 13)  # 12 stories and the bad line; missing: 0
        assert sum(c[1] for c in recorder.calls if c[0] == "advance") == 14
        assert [c[1] for c in recorder.calls if c[0] == "error"] == [
            f"{corpus}:13",
            str(tmp_path / "missing.jsonl"),
        ]
        assert (first.read, first.coded, first.skipped, first.input_errors) == (12, 12, 0, 2)
        assert first.events == store.stats()["events"] > 0
        assert first.exit_code == 1
        errors = store.errors(first.run_id)
        assert len(errors) == 2 and set(errors["kind"]) == {"input"}
        assert store.runs().iloc[0]["status"] == "finished"
        again = run_corpus([str(corpus)], store)
        assert (again.read, again.coded, again.skipped, again.events) == (12, 0, 12, 0)
        assert store.stats()["articles"] == 12


@pytest.mark.slow
def test_limit_reads_only_the_first_articles(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    with Store() as store:
        summary = run_corpus([str(corpus)], store, Settings.load(), limit=5)
        assert (summary.read, summary.coded) == (5, 5)
        assert store.stats()["articles"] == 5


def _dateline(*args: str) -> list[str]:
    return [sys.executable, "-m", "dateline", *args]


def _event_rows(path: Path) -> list[tuple]:
    with Store(path, read_only=True) as s:
        frame = s.sql(
            "SELECT id, article_id, event, source_country, target_country, day, cameo, goldstein,"
            " trigger_start, negated, group_id FROM events ORDER BY id"
        )
    return [tuple(r) for r in frame.itertuples(index=False)]


@pytest.mark.slow
def test_a_killed_run_resumes_with_one_row_per_article(tmp_path):
    """SIGKILL a `dateline run` part way, run it again: one row per article, and the same events
    as an uninterrupted run (made with two worker processes, so that path is checked too)."""
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "COLUMNS": "120"}
    args = _dateline(
        "run", str(corpus), "--db", str(db), "--batch-size", "1", "--no-progress", "-v"
    )
    proc = subprocess.Popen(
        args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while stored < 3 and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            stored += line.startswith("INFO stored")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert stored == 3, "the run never stored three articles"
    with Store(db, read_only=True) as s:
        kept = s.stats()["articles"]
        assert 3 <= kept < 12, kept  # killed part way
        assert s.runs().iloc[0]["status"] == "running"  # it never finished
    resumed = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    fresh = tmp_path / "fresh.duckdb"  # the same corpus, uninterrupted, coded by two workers
    with Store(fresh) as store:
        summary = run_corpus([str(corpus)], store, workers=2, batch_size=3)
        assert (summary.coded, summary.exit_code) == (12, 0)
    with Store(db, read_only=True) as s:
        counts = s.sql("SELECT count(*) AS n, count(DISTINCT id) AS ids FROM articles")
        assert (counts["n"][0], counts["ids"][0]) == (12, 12)
        assert s.runs()["status"].tolist() == ["finished", "running"]
        assert s.runs().iloc[0]["skipped"] == kept
    assert _event_rows(db) == _event_rows(fresh)
    assert len(_event_rows(fresh)) > 0


@pytest.mark.slow
def test_run_cli_prints_a_summary_and_sets_the_exit_code(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "corpus.jsonl", bad_line=True)
    db = tmp_path / "events.duckdb"
    res = CliRunner().invoke(
        app, ["run", str(corpus), "--db", str(db), "--no-progress", "--limit", "4"]
    )
    assert res.exit_code == 0, res.output  # the bad last line lies beyond the limit
    assert "articles read" in res.output and "coded" in res.output
    with Store(db, read_only=True) as s:
        assert s.stats()["articles"] == 4
    res = CliRunner().invoke(
        app, ["run", str(tmp_path / "nothing.jsonl"), "--db", str(db), "--no-progress"]
    )
    assert res.exit_code == 2


@pytest.mark.slow
def test_run_cli_full_parse_reaches_the_settings_of_the_run(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    db = tmp_path / "events.duckdb"
    for flag in ("--fast", "--full-parse"):
        args = ["run", str(corpus), "--db", str(db), "--no-progress", "--limit", "2", flag]
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as s:
        recorded = [json.loads(v)["full_parse"] for v in s.runs()["settings"]]
    assert sorted(recorded) == [False, True]


WIRE = (
    "Russia and China signed a long-term gas supply agreement in Moscow on Tuesday, officials"
    " from both governments said. The deal covers deliveries through a new pipeline across"
    " Mongolia and was welcomed by the Chinese foreign ministry. Negotiators had worked on the"
    " terms for more than two years, and the final text was approved by both cabinets last week."
)


@pytest.mark.slow
def test_a_near_duplicate_story_adds_no_counts(tmp_path, pipeline):
    corpus = tmp_path / "wire.jsonl"
    copy = WIRE.replace("last week", "earlier this month")
    rows = [{"text": WIRE, "date": "2024-03-05", "source": "Wire A"},
            {"text": copy, "date": "2024-03-05", "source": "Paper B"},
            {"text": STORIES[1][0], "date": STORIES[1][1]}]  # fmt: skip
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store() as store:
        summary = run_corpus([str(corpus)], store)
        assert (summary.coded, summary.duplicates) == (3, 1)
        dup = store.articles().dropna(subset=["duplicate_of"])
        assert len(dup) == 1 and dup.iloc[0]["similarity"] >= 0.8
        original = dup.iloc[0]["duplicate_of"]
        solo = len(store.events(article_id=original))
        assert solo > 0
        assert store.stats()["events"] == solo + len(store.events(text="Kharkiv"))
        assert store.groups()["num_articles"].max() == 2
