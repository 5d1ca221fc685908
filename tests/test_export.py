"""Exports round-trip: Parquet by month, CSV, JSONL, PLOVER records and GDELT's 61 columns."""

from __future__ import annotations

import csv
import json

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import StoreError
from dateline.model import Location
from dateline.store import Store
from dateline.store.export import EXPORT_COLUMNS, GDELT_COLUMNS
from test_store_builders import FILLER, event, make_result

KYIV = Location("Kyiv", country="UKR", admin1="Kyiv City", lat=50.45, lon=30.52, precision="city")


def results():
    text = "China sent aid to Ukraine on Friday. " + FILLER * 2
    return [
        make_result("c1", [event("USA", "AGREE", "RUS", "2024-01-10"),
                           event("RUS", "ACCUSE", "USA", "2024-01-10", negated=True)],
                    published="2024-01-10"),
        make_result("c2", [event("RUS", "ASSAULT", "UKR", "2024-02-03", location=KYIV)],
                    published="2024-02-03"),
        make_result("c3", [event("CHN", "AID", "UKR", "2024-02-09")], published="2024-02-09", text=text),
        make_result("c4", [event("CHN", "AID", "UKR", "2024-02-09")], published="2024-02-09",
                    text=text + " More soon.", source="Copy Desk"),  # near duplicate of c3
        make_result("c5", [event("FRA", "CONSULT", "USA")], published=None),  # undated
    ]  # fmt: skip


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "events.duckdb"
    with Store(path) as s:
        for r in results():
            s.add_result(r)
    return path


@pytest.fixture
def store(db_path):
    with Store(db_path, read_only=True) as s:
        yield s


def test_parquet_is_partitioned_by_month_and_reads_back_the_same(store, tmp_path):
    out = tmp_path / "pq"
    n = store.export(out, "parquet")
    assert n == 4  # negated and near-duplicate events left out
    assert sorted(p.name for p in out.iterdir()) == [
        "month=2024-01",
        "month=2024-02",
        "month=undated",
    ]
    by_pandas = pd.read_parquet(out).sort_values("id").reset_index(drop=True)
    by_duckdb = duckdb.sql(
        f"SELECT * FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true) ORDER BY id"
    ).df()
    assert list(by_pandas["id"]) == list(by_duckdb["id"]) == ["c1:0", "c2:0", "c3:0", "c5:0"]
    for col in ("event", "source_country", "target_country", "goldstein", "sentence_text"):
        assert list(by_pandas[col]) == list(by_duckdb[col]), col
    assert list(by_pandas["month"].astype(str)) == ["2024-01", "2024-02", "2024-02", "undated"]
    assert set(EXPORT_COLUMNS) <= set(by_duckdb.columns)


def test_csv_and_jsonl_have_one_line_per_event(store, tmp_path):
    n = store.export(tmp_path / "e.csv", "csv", include_negated=True, include_duplicates=True)
    assert n == 6
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert len(rows) == 6 and list(rows[0]) == list(EXPORT_COLUMNS)
    assert len((tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()) == 7
    n = store.export(tmp_path / "e.jsonl", "jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 4
    first = json.loads(lines[0])
    assert first["id"] == "c1:0" and first["day"] == "2024-01-10" and first["context"] == []


def test_export_filters(store, tmp_path):
    assert store.export(tmp_path / "f.csv", "csv", dyad="RUS:UKR") == 1
    assert store.export(tmp_path / "g.csv", "csv", since="2024-02") == 2


def test_plover_records(store, tmp_path):
    store.export(tmp_path / "p.jsonl", "plover")
    records = [
        json.loads(x) for x in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assault = next(r for r in records if r["event"] == "ASSAULT")
    assert assault["actor"] == [
        {"actorText": "Russia", "name": "Russia", "code": "RUS", "sector": "GOV"}
    ]
    assert assault["recipient"][0]["code"] == "UKR"
    assert assault["date"] == "2024-02-03" and assault["text"].startswith("Russia attacked Ukraine")
    assert assault["location"]["name"] == "Kyiv"
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "text"):
        assert key in assault


def test_gdelt_geography_uses_fips_codes():
    from dateline.store.export import _gdelt_geo

    paris = _gdelt_geo("Paris", "FRA", "11", 48.85, 2.35, "city", "2988507")
    assert paris == [4, "Paris, Ile-de-France, France", "FR", "FR11", None, 48.85, 2.35, "2988507"]
    britain = _gdelt_geo("Britain", "GBR", None, None, None, "country")
    assert britain[:4] == [1, "United Kingdom", "UK", "UK"] and britain[7] == "UK"
    assert britain[5] is not None  # a country gets coordinates (its capital's)
    assert _gdelt_geo("Berlin", "DEU", "16", 52.5, 13.4, "city")[2] == "GM"
    texas = _gdelt_geo("Texas", "USA", "TX", 31.0, -97.5, "admin1", "USTX")
    assert texas[:4] == [2, "Texas, United States", "US", "USTX"]  # a US state is type 2
    assert _gdelt_geo("Austin", "USA", "TX", 30.3, -97.7, "city")[0] == 3  # a US city is type 3
    assert _gdelt_geo(None, None, None, None, None, None) == [None] * 8


# GDELT 2.0 Event Codebook, the 8 geography fields of each of Actor1Geo, Actor2Geo, ActionGeo.
GDELT_GEO_SPEC = {
    "Geo_Type": lambda v: v in {"1", "2", "3", "4", "5"},  # country, US state, US city,
    # world city, world state (ADM1)
    "Geo_FullName": lambda v: bool(v) and "\t" not in v,  # "City, ADM1, Country"
    "Geo_CountryCode": lambda v: len(v) == 2 and v.isalpha() and v.isupper(),  # FIPS 10-4
    "Geo_ADM1Code": lambda v: len(v) in (2, 4, 5) and v[:2].isupper() and v.isalnum(),
    "Geo_ADM2Code": lambda v: v == "" or v.isalnum(),  # GAUL ADM2 (Dateline: empty)
    "Geo_Lat": lambda v: -90 <= float(v) <= 90,
    "Geo_Long": lambda v: -180 <= float(v) <= 180,
    "Geo_FeatureID": lambda v: bool(v) and (v.isdigit() or v.isalnum()),  # GNS/GeoNames id,
    # or the ADM1 / country code
}


def test_gdelt_geography_columns_follow_gdelts_definitions(tmp_path):
    from dateline.places import resolve_place

    places = [
        resolve_place(n) for n in ("Aleppo", "Idlib province", "Syria", "Texas", "Paris, Texas")
    ]
    assert all(p.precision != "unresolved" for p in places)
    rows_in = [
        make_result(f"g{i}", [event("RUS", "ASSAULT", "UKR", "2024-03-0" + str(i + 1), location=p)],
                    published="2024-03-0" + str(i + 1))
        for i, p in enumerate(places)
    ]  # fmt: skip
    with Store(tmp_path / "g.duckdb") as s:
        for r in rows_in:
            s.add_result(r)
        s.export(tmp_path / "g.tsv", "gdelt")
    rows = [
        dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        for line in (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()
    ]
    assert len(rows) == 5
    for row in rows:
        for prefix in ("Actor1", "Actor2", "Action"):
            for field, ok in GDELT_GEO_SPEC.items():
                value = row[f"{prefix}{field}"]
                assert ok(value), (prefix, field, value, row[f"{prefix}Geo_FullName"])
            code, adm1 = row[f"{prefix}Geo_CountryCode"], row[f"{prefix}Geo_ADM1Code"]
            assert adm1.startswith(code)
            if row[f"{prefix}Geo_Type"] == "1":
                assert adm1 == code == row[f"{prefix}Geo_FeatureID"]
    by_type = {r["ActionGeo_Type"]: r for r in rows}
    assert (
        by_type["4"]["ActionGeo_FullName"] == "Aleppo, Syria"
    )  # the division of the same name once
    assert (
        by_type["4"]["ActionGeo_FeatureID"] == "170063"
        and by_type["4"]["ActionGeo_ADM1Code"] == "SY09"
    )
    assert by_type["5"]["ActionGeo_ADM1Code"] == "SY12" == by_type["5"]["ActionGeo_FeatureID"]
    assert by_type["1"]["ActionGeo_CountryCode"] == "SY"
    assert (
        by_type["2"]["ActionGeo_ADM1Code"] == "USTX"
        and by_type["3"]["ActionGeo_ADM1Code"] == "USTX"
    )
    # actors are placed where they are based: Russia (RS) and Ukraine (UP), at country level
    assert {(r["Actor1Geo_CountryCode"], r["Actor2Geo_CountryCode"]) for r in rows} == {
        ("RS", "UP")
    }


def test_gdelt_rows_have_61_tab_separated_columns(store, tmp_path):
    n = store.export(tmp_path / "g.tsv", "gdelt")
    lines = (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 4  # one row per event group; the near duplicate joins c3's group
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    assault = dict(zip(GDELT_COLUMNS, next(r for r in rows if r[26] == "190"), strict=True))
    assert (
        assault["Day"] == "20240203"
        and assault["MonthYear"] == "202402"
        and assault["Year"] == "2024"
    )
    assert assault["Actor1Code"] == "RUSGOV" and assault["Actor1CountryCode"] == "RUS"
    assert assault["Actor2CountryCode"] == "UKR" and assault["Actor1Type1Code"] == "GOV"
    assert (assault["EventBaseCode"], assault["EventRootCode"], assault["QuadClass"]) == (
        "190",
        "19",
        "4",
    )
    assert assault["GoldsteinScale"] == "-10.0" and assault["AvgTone"] == "0"
    assert assault["ActionGeo_FullName"] == "Kyiv, Ukraine" and assault["ActionGeo_Lat"] == "50.45"
    # GDELT writes geography in FIPS 10-4 codes: Ukraine is UP; a division name is no code
    assert assault["ActionGeo_CountryCode"] == "UP" and assault["ActionGeo_ADM1Code"] == "UP"
    assert assault["SOURCEURL"] == "https://example.org/c2"
    assert len(assault["DATEADDED"]) == 14 and int(assault["GlobalEventID"]) > 0
    aid = dict(zip(GDELT_COLUMNS, next(r for r in rows if r[26] == "070"), strict=True))
    assert (aid["NumMentions"], aid["NumArticles"], aid["NumSources"]) == ("2", "2", "2")
    undated = next(r for r in rows if r[26] == "040")
    assert undated[1] == ""


def test_unknown_format_and_bad_targets(store, tmp_path):
    with pytest.raises(StoreError, match="unknown"):
        store.export(tmp_path / "x", "xml")
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        store.export(tmp_path / "file", "parquet")


def test_export_cli(db_path, tmp_path):
    out = tmp_path / "cli.csv"
    res = CliRunner().invoke(app, ["export", "--db", str(db_path), "--format", "csv", str(out)])
    assert res.exit_code == 0, res.output
    assert "4 rows written" in res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


# Safe targets (issue 17): an export never destroys anything it did not write itself.


def test_export_refuses_the_folder_holding_the_store_and_keeps_everything(db_path, tmp_path):
    (tmp_path / "notes.txt").write_text("my notes")
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "a.py").write_text("print(1)")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for args in ([str(tmp_path)], [str(tmp_path), "--overwrite"]):
        res = CliRunner().invoke(app, ["export", "--db", str(db_path), *args])
        assert res.exit_code == 1, res.output
        assert "folder holding the store" in res.output
        assert "Traceback" not in res.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "notes.txt").read_text() == "my notes"
    with Store(db_path, read_only=True) as s:  # the store is intact
        assert s.stats()["articles"] == 5


def test_export_never_overwrites_the_store_or_another_duckdb_file(db_path, tmp_path):
    size = db_path.stat().st_size
    for fmt in ("csv", "jsonl", "gdelt", "parquet"):
        res = CliRunner().invoke(
            app, ["export", "--db", str(db_path), "-f", fmt, str(db_path), "--overwrite"]
        )
        assert res.exit_code == 1 and "store itself" in res.output, res.output
    assert db_path.stat().st_size == size
    other = tmp_path / "other.duckdb"
    Store(other).close()
    with Store(db_path, read_only=True) as s, pytest.raises(StoreError, match="DuckDB database"):
        s.export(other, "csv", overwrite=True)


def test_existing_target_needs_overwrite_and_folder_with_foreign_files_is_refused(store, tmp_path):
    out = tmp_path / "e.csv"
    out.write_text("keep me")
    with pytest.raises(StoreError, match="--overwrite"):
        store.export(out, "csv")
    assert out.read_text() == "keep me"
    assert store.export(out, "csv", overwrite=True) == 4
    assert out.read_text(encoding="utf-8").startswith("id,")
    (tmp_path / "empty.csv").touch()  # an empty file is no loss
    assert store.export(tmp_path / "empty.csv", "csv") == 4

    pq = tmp_path / "pq"
    store.export(pq, "parquet")
    with pytest.raises(StoreError, match="already holds a Parquet export"):
        store.export(pq, "parquet")
    assert store.export(pq, "parquet", overwrite=True, since="2024-02") == 2
    assert sorted(p.name for p in pq.iterdir()) == ["month=2024-02"]  # the old export replaced
    (pq / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match=r"not a Parquet export \(notes.txt\)"):
        store.export(pq, "parquet", overwrite=True)
    assert (pq / "notes.txt").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_a_failed_export_leaves_the_previous_one_whole(store, tmp_path, monkeypatch):
    import dateline.store.export as export_module

    out = tmp_path / "e.csv"
    store.export(out, "csv")
    before = out.read_bytes()

    def dies_half_way(rows):
        for i, row in enumerate(rows):
            if i == 2:
                raise KeyboardInterrupt  # a Ctrl-C (or a kill) in the middle of writing
            yield row

    real_records = export_module._records
    monkeypatch.setattr(export_module, "_records", lambda *a: dies_half_way(real_records(*a)))
    with pytest.raises(KeyboardInterrupt):
        store.export(out, "csv", overwrite=True, include_negated=True)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.csv", "events.duckdb"]
