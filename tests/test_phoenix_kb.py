"""The actor tables converted from the Phoenix dictionaries, and the converter itself."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline.actors import dictionaries as d
from dateline.actors.kb import KnowledgeBase, normalize
from dateline.datafiles import read_csv

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def convert():
    spec = importlib.util.spec_from_file_location(
        "convert_phoenix", ROOT / "scripts" / "convert_phoenix.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = module
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ the shipped, converted files


def test_lean_reader_matches_the_strict_reader():
    """phoenix_people.csv is read without per-cell checks; the strict reader must agree."""
    path = d.DATA_DIR / "phoenix_people.csv"
    strict = d._rows_to_tables(read_csv(path), "person", path, "").roles
    lean = d.read_phoenix_people(path)
    assert len(lean) == len(strict) > 20000
    for a, b in zip(lean, strict, strict=True):
        assert (a.id, a.name, a.country, a.role_country, a.sector, a.start, a.end) == (
            b.id,
            b.name,
            b.country,
            b.role_country,
            b.sector,
            b.start,
            b.end,
        )
        assert a.start is None or a.start <= d.PHOENIX_UNTIL


def test_converted_groups_and_organisations_read_strictly():
    for name, kind in d.PHOENIX_FILES[:2]:
        path = d.DATA_DIR / name
        named = d._rows_to_tables(read_csv(path), kind, path, "").named
        assert len(named) > 500
        assert all(n.sector in d.SECTORS for n in named)


def test_office_holder_is_dated(kb):
    during = kb.lookup("Carl Bildt", on=date(2010, 5, 1))
    assert (during.country, during.sector, during.kind) == ("SWE", "GOV", "person")
    between = kb.lookup("Carl Bildt", on=date(2000, 1, 1))  # between his two offices
    assert between.sector == "ELI"
    # after the tables' last revision the office may have ended: country kept, sector unknown
    later = kb.lookup("Carl Bildt", on=date(2019, 5, 1))
    assert (later.country, later.sector) == ("SWE", None)


def test_curated_people_win_and_are_not_duplicated(kb):
    putin = kb.lookup("Vladimir Putin", on=date(2017, 1, 28))
    assert putin.id == "person:vladimir-putin" and putin.source.startswith("people.csv")
    curated = {normalize(r.name) for r in d.read_shipped(include_phoenix=False).roles}
    phoenix = {normalize(r.name) for r in d.read_phoenix_people(d.DATA_DIR / "phoenix_people.csv")}
    assert not curated & phoenix


def test_armed_group_and_igo(kb):
    group = kb.lookup("Abu Nidal Organization")
    assert (group.kind, group.country, group.sector) == ("group", None, "REB")


@pytest.mark.parametrize("word", ["Foundation", "the Foundation", "Youth", "NGO", "Aid Group"])
def test_ordinary_words_are_not_phoenix_names(kb, word):
    entry = kb.lookup(word)
    assert entry is None or not entry.source.startswith(d.PHOENIX_PREFIX)


def test_phoenix_names_are_not_searched_for_in_text(kb):
    """Looked up when NER finds them; the phrase matcher keeps only the curated names."""
    phrases = set(kb.phrases())
    assert "Carl Bildt" not in phrases and "Abu Nidal Organization" not in phrases
    assert "Vladimir Putin" in phrases


def test_phoenix_acronym_needs_capitals(kb):
    acronyms = [
        n.name
        for n in d._rows_to_tables(
            read_csv(d.DATA_DIR / "phoenix_organisations.csv"),
            "organisation",
            d.DATA_DIR / "phoenix_organisations.csv",
            "",
        ).named
        if n.name.isupper() and " " not in n.name and len(n.name) > 3
    ]
    assert acronyms
    word = acronyms[0]
    assert kb.lookup(word) is not None
    assert kb.lookup(word.title()) is None or kb.lookup(word.title()).source.startswith(
        ("people", "countries", "organisations", "groups", "metonyms")
    )


# ------------------------------------------------------------------ the converter

SAMPLE = """\
# a dictionary of my own in the TABARI format
FREEDONIA_  [FRE]
RUFUS_T_FIREFLY_  # invented
+R_T_FIREFLY_
\t[FRAGOV 330101-331231]
\t[FRAELI]
FOREIGN_MINISTER_TRENTINO_
\t[FRAGOV 330101-331231]
ZEPPO_SPARTAN_ [DEUGOVBUS 050101-061231] [DEUGOV >070101]
GRAND_FENWICK_LEAGUE_ [IGO]
+THE_LEAGUE_
+GFL
"""


def test_converter_parses_people_dates_and_names(convert, tmp_path):
    path = tmp_path / "sample.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    entries = convert.parse(path)
    assert [e.name for e in entries][:2] == ["FREEDONIA_", "RUFUS_T_FIREFLY_"]
    rows = convert.convert_people(entries, {"FRA", "DEU"}, set(), "sample", set())
    by_name = {}
    for r in rows:
        by_name.setdefault(r["name"], []).append(r)
    assert "Foreign Minister Trentino" not in by_name  # a title, not a name
    firefly = by_name["Rufus T Firefly"]
    assert {(r["sector"], r["start"], r["end"]) for r in firefly} == {
        ("GOV", "1933-01-01", "1933-12-31"),  # YYMMDD after the source's year: the 1900s
        ("ELI", "", ""),
    }
    assert firefly[0]["aliases"] == "R T Firefly"
    spartan = by_name["Zeppo Spartan"]
    assert {(r["sector"], r["start"], r["end"]) for r in spartan} == {
        ("GOV", "2005-01-01", "2006-12-31"),
        ("GOV", "2007-01-01", ""),
    }
    # a name the curated tables know is left to them
    assert not convert.convert_people(entries, {"FRA"}, {"rufus t firefly"}, "sample", set())


def test_converter_keeps_organisations_not_ordinary_words(convert, tmp_path):
    path = tmp_path / "sample.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    orgs = convert.convert_named(convert.parse(path), {"FRA"}, set(), "IGO", set())
    assert [(o["name"], o["aliases"], o["country"], o["sector"]) for o in orgs] == [
        ("Grand Fenwick League", ["GFL"], None, "IGO")  # "The League" is a description
    ]
