"""Time series you can plot as they are: the requested window filled with zeros, five period
lengths, and a balanced dyad x period panel."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import StoreError
from dateline.store import Store
from test_store_builders import event, make_result


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "ts.duckdb"
    with Store(path) as store:
        store.add_result(make_result("t1", [event("USA", "AGREE", "RUS", "2018-01-10")],
                                     published="2018-01-10"))  # fmt: skip
        store.add_result(make_result("t2", [event("RUS", "ASSAULT", "UKR", "2018-01-20")],
                                     published="2018-01-20"))  # fmt: skip
        store.add_result(make_result("t3", [event("USA", "ACCUSE", "RUS", "2018-04-02")],
                                     published="2018-04-02"))  # fmt: skip
    return path


def test_the_requested_window_is_filled_with_zeros(db_path):
    with Store(db_path, read_only=True) as store:
        frame = store.dyad("USA", "RUS", freq="month", since="2017-08", until="2018-05")
    assert [p.strftime("%Y-%m") for p in frame["period"]] == [
        "2017-08", "2017-09", "2017-10", "2017-11", "2017-12",
        "2018-01", "2018-02", "2018-03", "2018-04", "2018-05",
    ]  # fmt: skip
    assert frame["events"].tolist() == [0, 0, 0, 0, 0, 1, 0, 0, 1, 0]
    assert frame["goldstein"].isna().sum() == 8


@pytest.mark.parametrize(
    ("freq", "first", "count"),
    [("day", "2018-01-10", 83), ("week", "2018-01-08", 13), ("month", "2018-01-01", 4),
     ("quarter", "2018-01-01", 2), ("year", "2018-01-01", 1)],
)  # fmt: skip
def test_every_period_length(db_path, freq, first, count):
    with Store(db_path, read_only=True) as store:
        frame = store.dyad("USA", "RUS", freq=freq)
    assert frame["period"].iloc[0] == pd.Timestamp(first)
    assert len(frame) == count and frame["events"].sum() == 2


def test_an_empty_window_is_all_zeros_and_a_bad_freq_is_named(db_path):
    with Store(db_path, read_only=True) as store:
        frame = store.dyad("USA", "CHN", freq="quarter", since="2018", until="2018")
        assert len(frame) == 4 and frame["events"].sum() == 0
        with pytest.raises(StoreError, match="'fortnight' is not one of"):
            store.dyad("USA", "RUS", freq="fortnight")


def test_panel_is_every_dyad_times_every_period(db_path, tmp_path):
    with Store(db_path, read_only=True) as store:
        panel = store.panel(freq="month", since="2018-01", until="2018-06")
    dyads = sorted(set(zip(panel["source"], panel["target"], strict=True)))
    assert dyads == [("RUS", "UKR"), ("USA", "RUS")]
    assert len(panel) == 2 * 6
    usa_rus = panel[(panel["source"] == "USA") & (panel["target"] == "RUS")]
    assert usa_rus["events"].tolist() == [1, 0, 0, 1, 0, 0]
    assert usa_rus["goldstein_sum"].tolist() == [8.0, 0.0, 0.0, -2.0, 0.0, 0.0]
    assert usa_rus["verbal_conflict"].sum() == 1


def test_panel_and_dyad_commands(db_path, tmp_path):
    runner = CliRunner()
    out = runner.invoke(app, ["panel", str(tmp_path / "p.csv"), "--db", str(db_path),
                              "--freq", "quarter", "--since", "2018", "--until", "2018"])  # fmt: skip
    assert out.exit_code == 0, out.output
    panel = pd.read_csv(tmp_path / "p.csv")
    assert len(panel) == 8 and panel["period"].iloc[0] == "2018-01-01"
    out = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db_path), "--freq", "year",
                              "--since", "2016", "--until", "2018", "--format", "csv"])  # fmt: skip
    assert out.exit_code == 0, out.output
    rows = pd.read_csv(pd.io.common.StringIO(out.stdout))
    assert rows["events"].tolist() == [0, 0, 2]


def test_api_dyad_window_and_freq(db_path):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    with (
        Store(db_path, read_only=True) as store,
        TestClient(create_app(store), base_url="http://localhost") as client,
    ):
        doc = client.get("/api/dyads/USA/RUS?freq=quarter&since=2017-07&until=2018-06").json()
        assert [p["events"] for p in doc["periods"]] == [0, 0, 1, 1]
