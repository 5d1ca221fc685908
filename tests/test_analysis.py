"""Dyad series and the actor network, on a hand-built store whose numbers are known."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import StoreError
from dateline.store import Store
from test_store_builders import event, make_result


def results():
    return [
        make_result("b1", [event("USA", "AGREE", "RUS", "2024-01-02"),
                           event("RUS", "ACCUSE", "USA", "2024-01-03")], published="2024-01-03"),
        make_result("b2", [event("USA", "AID", "RUS", "2024-01-16"),
                           event("USA", "ASSAULT", "RUS", "2024-01-17"),
                           event("CHN", "AGREE", "UKR", "2024-01-17")], published="2024-01-17"),
        make_result("b3", [event("RUS", "THREATEN", "USA", "2024-02-07")], published="2024-02-07"),
        # another outlet restating b1's agreement: same group, so no extra counts
        make_result("b4", [event("USA", "AGREE", "RUS", "2024-01-02")], published="2024-01-04",
                    source="Second Paper"),
    ]  # fmt: skip


@pytest.fixture
def store():
    s = Store()
    for r in results():
        s.add_result(r)
    yield s
    s.close()


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        for r in results():
            s.add_result(r)
    return path


def test_weekly_dyad_counts_by_quad_class_with_gaps_filled(store):
    frame = store.dyad("USA", "RUS", freq="week")
    assert list(frame["period"].dt.strftime("%Y-%m-%d")) == [
        "2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29", "2024-02-05"
    ]  # fmt: skip
    first = frame.iloc[0]
    assert (
        first["verbal_coop"],
        first["material_coop"],
        first["verbal_conflict"],
        first["material_conflict"],
    ) == (1, 0, 1, 0)
    assert first["events"] == 2 and first["goldstein"] == pytest.approx(3.0)
    assert frame.iloc[1]["events"] == 0 and math.isnan(frame.iloc[1]["goldstein"])
    third = frame.iloc[2]
    assert (third["material_coop"], third["material_conflict"], third["goldstein"]) == (1, 1, -1.5)
    assert (third["cooperation"], third["conflict"]) == (1, 1)
    assert frame.iloc[5]["verbal_conflict"] == 1 and frame.iloc[5]["goldstein"] == -4.0


def test_monthly_dyad_and_direction(store):
    frame = store.dyad("USA", "RUS", freq="month")
    assert list(frame["period"].dt.strftime("%Y-%m")) == ["2024-01", "2024-02"]
    jan = frame.iloc[0]
    assert (jan["cooperation"], jan["conflict"], jan["events"]) == (2, 2, 4)
    assert jan["goldstein"] == pytest.approx((8 - 2 + 7 - 10) / 4)
    directed = store.dyad("USA", "RUS", freq="month", directed=True)
    assert list(directed["events"]) == [3]
    assert store.dyad("usa", "Russia", freq="month")["events"].sum() == 5  # names work too
    assert store.dyad("USA", "FRA").empty
    with pytest.raises(StoreError, match="freq"):
        store.dyad("USA", "RUS", freq="hour")


def test_a_restated_event_adds_rows_but_not_counts(store):
    assert len(store.events(dyad="USA:RUS", type="AGREE")) == 2  # b1 and b4
    group = store.groups().iloc[0]
    assert (group["num_articles"], group["num_sources"]) == (2, 2)


def test_network_edges_are_weighted_and_signed(store):
    g = store.network()
    assert set(g.edges) == {("USA", "RUS"), ("RUS", "USA"), ("CHN", "UKR")}
    usa_rus = g.edges["USA", "RUS"]
    assert usa_rus["weight"] == 3 and usa_rus["sign"] == 1
    assert usa_rus["goldstein"] == pytest.approx((8 + 7 - 10) / 3, abs=1e-3)
    assert (usa_rus["cooperation"], usa_rus["conflict"]) == (2, 1)
    rus_usa = g.edges["RUS", "USA"]
    assert (rus_usa["weight"], rus_usa["goldstein"], rus_usa["sign"]) == (2, -3.0, -1)
    assert g.nodes["USA"]["events"] == 5
    later = store.network(since="2024-02")
    assert list(later.edges) == [("RUS", "USA")]
    by_name = store.network(by="name")
    assert ("United States", "Russia") in by_name.edges


def test_dyad_cli_table_csv_and_plot(db_path, tmp_path):
    runner = CliRunner()
    res = runner.invoke(
        app, ["dyad", "USA", "RUS", "--db", str(db_path), "--freq", "month", "--format", "csv"]
    )
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].startswith("period,verbal_coop,material_coop,verbal_conflict,material_conflict")
    assert len(lines) == 3
    png = tmp_path / "usa-rus.png"
    res = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db_path), "--plot", str(png)])
    assert res.exit_code == 0, res.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = runner.invoke(app, ["dyad", "USA", "FRA", "--db", str(db_path)])
    assert res.exit_code == 1 and "no dated events" in res.output


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_network_cli_writes_a_readable_graph(db_path, tmp_path, suffix):
    out = tmp_path / f"graph{suffix}"
    res = CliRunner().invoke(app, ["network", "--db", str(db_path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    g = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
    assert g.number_of_edges() == 3
    assert int(g.edges["USA", "RUS"]["weight"]) == 3


def test_dyad_frame_is_empty_but_typed_without_events(store):
    frame = store.dyad("FRA", "CHN")
    assert frame.empty and "goldstein" in frame.columns
    assert pd.api.types.is_datetime64_any_dtype(frame["period"])
