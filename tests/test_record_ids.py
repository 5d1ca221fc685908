"""Every output names the input it came from: record ids and origins through the JSON contract,
the store, every export and the API; a skipped input still gets its own JSONL line."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.ingest import iter_articles
from dateline.model import SCHEMA_VERSION, validate
from dateline.settings import Settings
from dateline.store import Store
from test_store_builders import event, make_result

STORY = (
    "The harbour authority of Velmora reopened the northern quay on Tuesday after a week of "
    "repairs, and the first grain ships were unloaded by the evening shift of dock workers."
)


def coded(record_id: str | None, origin: str):
    result = make_result("h1", [event("USA", "AGREE", "RUS", "2024-01-10")])
    result.article.record_id = record_id
    result.article.origin = origin
    return result


def test_records_keep_their_own_id_and_their_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [{"doc": "n-17", "text": STORY}, {"doc": "n-18", "text": ""}, {"text": STORY + " Ok."}]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    good, bad = [], []
    for item in iter_articles([path], Settings(id_field="doc")):
        (good if hasattr(item, "text") else bad).append(item)
    assert [(a.record_id, a.origin) for a in good] == [("n-17", f"{path}:1"), (None, f"{path}:3")]
    assert [(e.item, e.record_id) for e in bad] == [(f"{path}:2", "n-18")]
    assert "empty document" in bad[0].reason


def test_json_contract_carries_record_id_and_origin():
    data = coded("n-17", "corpus.jsonl:1").to_dict()
    assert data["schema_version"] == SCHEMA_VERSION != "1.0"
    assert data["id"] == data["article"]["id"] == "h1"  # the content id stays
    assert data["article"]["record_id"] == "n-17"
    assert data["article"]["origin"] == "corpus.jsonl:1"
    validate(data)


def test_store_exports_and_queries_carry_record_id(tmp_path):
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        store.add_result(coded("n-17", "corpus.jsonl:1"))
        assert store.articles()["record_id"].tolist() == ["n-17"]
        events = store.events()
        assert events[["record_id", "origin"]].values.tolist() == [["n-17", "corpus.jsonl:1"]]
        assert store.article("h1")["article"]["record_id"] == "n-17"
        store.export(tmp_path / "e.csv", "csv")
        [row] = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
        assert (row["record_id"], row["origin"]) == ("n-17", "corpus.jsonl:1")
        for fmt in ("jsonl", "plover"):
            store.export(tmp_path / f"e.{fmt}", fmt)
            [line] = (tmp_path / f"e.{fmt}").read_text(encoding="utf-8").splitlines()
            assert json.loads(line)["record_id"] == "n-17", fmt
        store.export(tmp_path / "pq", "parquet")
        assert pd.read_parquet(tmp_path / "pq")["record_id"].tolist() == ["n-17"]


def test_gdelt_export_carries_record_id_only_when_asked(tmp_path):
    from dateline.store.export import DATELINE_GDELT_COLUMNS, GDELT_COLUMNS

    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        store.add_result(coded("n-17", "corpus.jsonl:1"))
        store.export(tmp_path / "plain.tsv", "gdelt")
        store.export(tmp_path / "joined.tsv", "gdelt", dateline_columns=True)
        event_id = store.events()["id"].tolist()[0]
    [plain] = (tmp_path / "plain.tsv").read_text(encoding="utf-8").splitlines()
    assert len(plain.split("\t")) == len(GDELT_COLUMNS)  # GDELT's own shape by default
    [joined] = (tmp_path / "joined.tsv").read_text(encoding="utf-8").splitlines()
    columns = GDELT_COLUMNS + DATELINE_GDELT_COLUMNS
    row = dict(zip(columns, joined.split("\t"), strict=True))
    assert row["Dateline_RecordId"] == "n-17" and row["Dateline_Origin"] == "corpus.jsonl:1"
    assert row["Dateline_EventId"] == event_id
    assert (row["Dateline_Modality"], row["Dateline_Negated"]) == ("asserted", "0")
    out = CliRunner().invoke(app, ["export", str(tmp_path / "x.csv"), "--db", str(db),
                                   "--format", "csv", "--dateline-columns"])  # fmt: skip
    message = " ".join(out.output.replace("│", " ").split())  # rich wraps it in a box
    assert out.exit_code == 2 and "--dateline-columns is for --format gdelt" in message
    out = CliRunner().invoke(app, ["export", str(tmp_path / "x.tsv"), "--db", str(db),
                                   "--format", "gdelt", "--dateline-columns"])  # fmt: skip
    assert out.exit_code == 0, out.output
    [line] = (tmp_path / "x.tsv").read_text(encoding="utf-8").splitlines()
    assert line.split("\t")[-5:-3] == ["n-17", "corpus.jsonl:1"]


def test_an_old_store_gains_the_record_id_column(tmp_path):
    import duckdb

    from dateline.store import schema

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for migration in schema.MIGRATIONS[:2]:
        migration(con)
        con.execute("INSERT INTO schema_migrations VALUES (?, now())", [migration.__name__])
    con.close()
    with Store(db) as store:
        assert "m003_record_ids" in store.migrations()
        store.add_result(coded("n-1", "a.jsonl:1"))
        assert store.articles()["record_id"].tolist() == ["n-1"]


def test_api_events_carry_record_id(tmp_path):
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    store = Store()
    store.add_result(coded("n-17", "corpus.jsonl:1"))
    with TestClient(create_app(store), base_url="http://localhost") as client:
        [row] = client.get("/api/events").json()["rows"]
        assert (row["record_id"], row["origin"]) == ("n-17", "corpus.jsonl:1")
        assert client.get("/api/articles/h1").json()["article"]["record_id"] == "n-17"


def test_code_jsonl_writes_one_line_per_input_line_even_for_skipped_ones(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": ""}\nnot json\n{"id": "c", "body": "x"}\n', "utf-8")
    out = CliRunner().invoke(app, ["code", str(path), "--format", "jsonl"])
    assert out.exit_code == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(x["id"], x["error"]["record_id"]) for x in lines] == [(None, "a"), (None, None),
                                                                    (None, "c")]  # fmt: skip
    assert [x["error"]["item"] for x in lines] == [f"{path}:{n}" for n in (1, 2, 3)]
    assert "empty document" in lines[0]["error"]["reason"]
    assert "not valid JSON" in lines[1]["error"]["reason"]


@pytest.mark.slow
def test_code_jsonl_lines_answer_input_lines_in_order(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "r1", "text": STORY}) + "\n"
        + json.dumps({"id": "r2", "text": "   "}) + "\n"
        + json.dumps({"id": "r3", "text": STORY.replace("Tuesday", "Friday")}) + "\n",
        "utf-8",
    )  # fmt: skip
    out = CliRunner().invoke(app, ["code", str(path), "--format", "jsonl"])
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0]["article"]["record_id"] == "r1" and lines[0]["article"]["origin"].endswith(":1")
    assert lines[1]["error"]["record_id"] == "r2"
    assert lines[2]["article"]["record_id"] == "r3"
