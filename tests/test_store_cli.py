"""`dateline events`, `quotes` and `sql` against a real store file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store
from test_store import corpus


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        for r in corpus():
            s.add_result(r)
    return str(path)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def test_events_table_lists_filtered_events(db_path):
    res = invoke("events", "--db", db_path, "--dyad", "USA:RUS")
    assert res.exit_code == 0, res.output
    assert "Events (4 of 4)" in res.output
    assert "THREATEN" in res.output and "ASSAULT" not in res.output


def test_events_csv_and_json(db_path):
    res = invoke("events", "--db", db_path, "--quad", "3", "--quad", "4", "--format", "csv")
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 4 and lines[0].startswith("id,article_id,event_index,event")
    res = invoke(
        "events", "--db", db_path, "--type", "AGREE", "--since", "2024-02", "--format", "json"
    )
    rows = json.loads(res.output)
    assert [r["id"] for r in rows] == ["a4:0"]
    res = invoke("events", "--db", db_path, "--actor", "USA", "--limit", "2", "--format", "json")
    assert len(json.loads(res.output)) == 2


def test_quotes_command(db_path):
    res = invoke("quotes", "--db", db_path, "--speaker", "Russia", "--format", "json")
    assert res.exit_code == 0, res.output
    assert [q["text"] for q in json.loads(res.output)] == ["We are ready to talk"]


def test_sql_command_reads_and_refuses_writes(db_path):
    res = invoke("sql", "--db", db_path, "SELECT count(*) AS n FROM events WHERE source_country = ?",
                 "-p", "USA", "--format", "csv")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert res.output.split() == ["n", "3"]
    res = invoke("sql", "--db", db_path, "DELETE FROM events")
    assert res.exit_code == 1
    assert "only SELECT" in res.output
    with Store(db_path, read_only=True) as s:
        assert s.stats()["events"] == 7


def test_a_missing_store_is_one_readable_line(tmp_path):
    res = invoke("events", "--db", str(tmp_path / "nope.duckdb"))
    assert res.exit_code == 1
    assert "no event store" in res.output and "Traceback" not in res.output


def test_map_draws_a_png_and_lists_places(tmp_path):
    from dateline.web.fixtures import build_store

    db = tmp_path / "m.duckdb"
    build_store(str(db)).close()
    out = tmp_path / "where.png"
    result = CliRunner().invoke(
        app, ["map", "--db", str(db), "--png", str(out), "--type", "ASSAULT"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    assert "1 of 1 events located" in result.output and "Kyiv" in result.output
    assert "Geneva" not in result.output  # the filter applies
