"""One reader for data files: every problem is a DataFileError naming the file and row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.datafiles import DATA_DIR, data_file, load_mapping, load_yaml, read_csv
from dateline.errors import DataFileError

SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"
# Modules that still read data files themselves. This list may only shrink.
KNOWN_OWN_READERS = {
    "gazetteer.py",  # geo18's gazetteer (issue 18): moves to datafiles when it settles
}
# YAML and CSV tables (JSON maps and model files are read where they are used).
OWN_READING = re.compile(r"yaml\.(safe_)?load\(|csv\.DictReader\(")


def test_bad_yaml_names_the_file_and_line(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("words:\n  - one\n  - [two\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"mine\.yaml row \d+: bad YAML"):
        load_yaml(path)


def test_a_mapping_with_required_keys(tmp_path):
    path = tmp_path / "lists.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(
        DataFileError, match=r"lists\.yaml: expected a mapping at the top, not a list"
    ):
        load_mapping(path)
    path.write_text("verbs: say\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"'verbs' must be a list"):
        load_mapping(path, required={"verbs": list})
    path.write_text("verbs: [say, tell]\n", encoding="utf-8")
    assert load_mapping(path, required={"verbs": list}) == {"verbs": ["say", "tell"]}
    path.write_text("", encoding="utf-8")
    assert load_mapping(path) == {}


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(DataFileError, match=r"nowhere\.yaml: no such file"):
        load_yaml(tmp_path / "nowhere.yaml")
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nZ\xfcrich\n".encode("latin-1"))
    with pytest.raises(DataFileError, match=r"latin1\.csv: not UTF-8"):
        read_csv(path)


def test_csv_rows_keep_their_line_numbers(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("# a comment\ncode, name\n\n01 , one\n02,two\n", encoding="utf-8")
    assert read_csv(path) == [
        (4, {"code": "01", "name": "one"}),
        (5, {"code": "02", "name": "two"}),
    ]
    path.write_text("code,name\n01,one,extra\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"table\.csv row 2: 3 cells but 2 header columns"):
        read_csv(path)
    tsv = tmp_path / "table.tsv"
    tsv.write_text("code\tname\n01\tone, two\n", encoding="utf-8")
    assert read_csv(tsv, delimiter="\t") == [(2, {"code": "01", "name": "one, two"})]


def test_shipped_files_are_found():
    assert data_file("plover.yaml").is_file()
    assert data_file("actors").is_dir() and data_file("actors").parent == DATA_DIR


def test_no_module_reads_data_files_itself():
    readers = {
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "datafiles.py" and OWN_READING.search(path.read_text(encoding="utf-8"))
    }
    assert readers <= KNOWN_OWN_READERS, f"read data files through dateline.datafiles: {readers}"
