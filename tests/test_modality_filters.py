"""Modality everywhere downstream: planned and hypothetical events are listed when asked for,
never counted as happened in series, networks or the GDELT export unless asked for."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.export import EXPORT_COLUMNS
from dateline.store.modality import HAPPENED, resolve
from test_store_builders import event, make_result


def _with_modality(article_id: str, spec: dict, modality: str, published: str = "2024-01-10"):
    result = make_result(article_id, [spec], published=published)
    result.events[0].modality = modality
    return result


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.add_result(
            _with_modality("m1", event("USA", "AGREE", "RUS", "2024-01-10"), "asserted")
        )
        store.add_result(
            _with_modality("m2", event("RUS", "ASSAULT", "USA", "2024-01-12"), "future")
        )
        store.add_result(
            _with_modality("m3", event("USA", "THREATEN", "RUS", "2024-02-02"), "hypothetical")
        )
        store.add_result(
            _with_modality("m4", event("RUS", "ACCUSE", "USA", "2024-02-05"), "reported")
        )
    return path


def test_resolve_names_and_groups():
    assert resolve(None) is None and resolve("all") is None
    assert resolve("happened") == HAPPENED
    assert resolve("future, hypothetical") == ("future", "hypothetical")
    assert resolve(["future", "asserted,future"]) == ("future", "asserted")
    with pytest.raises(StoreError, match="'planned' is not one of"):
        resolve("planned")


def test_events_filter_by_modality(db_path):
    with Store(db_path, read_only=True) as store:
        assert len(store.events()) == 4  # a listing shows every modality by default
        assert store.events(modality="future")["article_id"].tolist() == ["m2"]
        assert sorted(store.events(modality="happened")["article_id"]) == ["m1", "m4"]
        assert store.count_events(modality=["future", "hypothetical"]) == 2


def test_series_and_network_count_only_what_happened_by_default(db_path):
    with Store(db_path, read_only=True) as store:
        series = store.dyad("USA", "RUS", freq="month")
        assert series["events"].tolist() == [1, 1]  # the AGREE in January, the ACCUSE in February
        assert series["material_conflict"].sum() == 0  # the planned ASSAULT is not counted
        assert store.dyad("USA", "RUS", freq="month", modality="all")["events"].tolist() == [2, 2]
        graph = store.network()
        assert graph["RUS"]["USA"]["weight"] == 1 and graph["USA"]["RUS"]["weight"] == 1
        assert store.network(modality="all")["RUS"]["USA"]["weight"] == 2


def test_gdelt_holds_what_happened_and_tables_carry_modality_and_negation(db_path, tmp_path):
    with Store(db_path, read_only=True) as store:
        assert store.export(tmp_path / "g.tsv", "gdelt") == 2
        with pytest.raises(StoreError, match="add --dateline-columns"):
            store.export(tmp_path / "all.tsv", "gdelt", modality="all")
        with pytest.raises(StoreError, match="add --dateline-columns"):
            store.export(tmp_path / "neg.tsv", "gdelt", include_negated=True)
        assert store.export(tmp_path / "r.tsv", "gdelt", modality="reported") == 1
        assert store.export(tmp_path / "all.tsv", "gdelt", modality="all",
                            dateline_columns=True) == 4  # fmt: skip
    modalities = sorted(line.split("\t")[-2] for line in
                        (tmp_path / "all.tsv").read_text(encoding="utf-8").splitlines())  # fmt: skip
    assert modalities == ["asserted", "future", "hypothetical", "reported"]
    with Store(db_path, read_only=True) as store:
        store.export(tmp_path / "e.csv", "csv")
        store.export(tmp_path / "e.jsonl", "jsonl", modality="future")
    assert {"modality", "negated"} <= set(EXPORT_COLUMNS)
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert sorted(r["modality"] for r in rows) == ["asserted", "future", "hypothetical", "reported"]
    assert {r["negated"] for r in rows} == {"False"}
    [line] = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["modality"] == "future"


def test_cli_modality_options(db_path, tmp_path):
    runner = CliRunner()
    out = runner.invoke(
        app, ["events", "--db", str(db_path), "--modality", "future", "--format", "csv"]
    )
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(out.stdout.splitlines()))
    assert [r["modality"] for r in rows] == ["future"]
    out = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db_path), "--freq", "month",
                              "--format", "json", "--modality", "all"])  # fmt: skip
    assert [p["events"] for p in json.loads(out.stdout)] == [2, 2]
    out = runner.invoke(app, ["network", "--db", str(db_path), "--out", str(tmp_path / "g.graphml"),
                              "--modality", "future"])  # fmt: skip
    assert out.exit_code == 0 and "1 edges" in out.stdout
    out = runner.invoke(app, ["export", str(tmp_path / "f.csv"), "--db", str(db_path),
                              "--format", "csv", "--modality", "hypothetical"])  # fmt: skip
    assert out.exit_code == 0 and "1 rows" in out.stdout
    out = runner.invoke(app, ["export", str(tmp_path / "f.tsv"), "--db", str(db_path),
                              "--format", "gdelt", "--modality", "future"])  # fmt: skip
    assert out.exit_code == 1 and "add --dateline-columns" in out.output
    out = runner.invoke(app, ["export", str(tmp_path / "f.tsv"), "--db", str(db_path),
                              "--format", "gdelt", "--modality", "future", "--dateline-columns"])  # fmt: skip
    assert out.exit_code == 0 and "1 rows" in out.stdout
    out = runner.invoke(app, ["events", "--db", str(db_path), "--modality", "maybe"])
    assert out.exit_code == 1 and "'maybe' is not one of" in out.output


def test_api_modality_parameter(db_path):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    with (
        Store(db_path, read_only=True) as store,
        TestClient(create_app(store), base_url="http://localhost") as client,
    ):
        rows = client.get("/api/events?modality=future").json()["rows"]
        assert [r["modality"] for r in rows] == ["future"]
        assert client.get("/api/dyads/USA/RUS").json()["total"] == 2
        assert client.get("/api/dyads/USA/RUS?modality=all").json()["total"] == 4
        edges = client.get("/api/network?modality=future").json()["edges"]
        assert [(e["source"], e["target"]) for e in edges] == [("RUS", "USA")]
        bad = client.get("/api/events?modality=maybe")
        assert bad.status_code == 400 and "maybe" in bad.json()["error"]
