"""Each list of choices has one owner, and the CLI, the web and the docs ask it."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from fastapi import HTTPException
from typer.testing import CliRunner

from dateline.cli import app
from dateline.cli.export import export_cli
from dateline.errors import StoreError
from dateline.ingest.sources import EXTENSIONS, RECORD_READERS
from dateline.store.export import EXPORTERS
from dateline.store.filters import parse_dyad
from dateline.web.params import parse_dyad as web_parse_dyad

ROOT = Path(__file__).resolve().parents[1]


def test_export_formats_are_the_exporters():
    assert list(EXPORTERS) == ["parquet", "csv", "jsonl", "plover", "gdelt"]
    choices = typing.get_type_hints(export_cli)["fmt"]
    assert [member.value for member in choices] == list(EXPORTERS)
    wrong = CliRunner().invoke(app, ["export", "out.csv", "--db", "x.duckdb", "--format", "xls"])
    assert wrong.exit_code == 2  # refused by the option's choices, before any store is opened


def test_input_formats_are_the_readers():
    assert set(RECORD_READERS) == {"jsonl", "json", "csv", "tsv"}
    assert set(EXTENSIONS.values()) == {*RECORD_READERS, "text", "html", "warc"}
    documented = (ROOT / "docs" / "input-formats.md").read_text(encoding="utf-8").lower()
    missing = [ending for ending in EXTENSIONS if ending not in documented]
    assert missing == [], f"document these endings in docs/input-formats.md: {missing}"


@pytest.mark.parametrize("value", ["USA:RUS", "USA,RUS", " USA : RUS "])
def test_the_web_reads_a_dyad_as_the_store_does(value):
    assert web_parse_dyad(value) == parse_dyad(value) == ("USA", "RUS")


def test_a_bad_dyad_is_the_same_error_everywhere():
    with pytest.raises(StoreError) as store_error:
        parse_dyad("USA")
    with pytest.raises(HTTPException) as web_error:
        web_parse_dyad("USA")
    assert web_error.value.status_code == 400
    assert web_error.value.detail == str(store_error.value)
    assert web_parse_dyad("") is None and web_parse_dyad(None) is None
