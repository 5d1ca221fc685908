"""User dictionaries (YAML/CSV) and the PETRARCH importer, loaded through KnowledgeBase.load()."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.actors.dictionaries import cameo_to_plover, read_petrarch
from dateline.actors.kb import KnowledgeBase
from dateline.errors import DataFileError


@pytest.fixture(scope="module")
def actors_dir(data_dir):
    return data_dir / "actors"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ("RUS", "GOV")),
        ("USAMIL", ("USA", "MIL")),
        ("IGOUNO", (None, "IGO")),
        ("NGO", (None, "NGO")),
        ("GBRMED", ("GBR", "JRN")),  # CAMEO MED is media
        ("SYRINS", ("SYR", "REB")),
        ("FRA", ("FRA", None)),
        ("ELI", (None, "ELI")),  # a bare sector code, as Phoenix writes "former official"
    ],
)
def test_cameo_to_plover(code, expected):
    assert cameo_to_plover(code) == expected


def test_petrarch_same_surname_different_codes_by_date(actors_dir):
    kb = KnowledgeBase.load([actors_dir / "petrarch_sample.txt"])
    alice_in, alice_after = (
        kb.lookup("Alice Example", date(2012, 1, 1)),
        kb.lookup("Alice Example", date(2017, 1, 1)),
    )
    assert (alice_in.country, alice_in.sector) == ("FRA", "GOV")
    assert (alice_after.country, alice_after.sector) == ("FRA", "ELI")
    assert kb.lookup("A. Example", date(2012, 1, 1)).name == "Alice Example"
    bob_before, bob_after = (
        kb.lookup("Robert Example", date(2011, 1, 1)),
        kb.lookup("Bob Example", date(2015, 1, 1)),
    )
    assert (bob_before.country, bob_before.sector) == ("DEU", "MIL")
    assert (bob_after.country, bob_after.sector) == ("DEU", "GOV")
    # both hold office in 2012 -> the bare surname is ambiguous; in 2018 Alice is ELI, Bob GOV
    assert len(kb.people_with_surname("Example", date(2012, 1, 1))) == 2
    assert kb.lookup("Example", date(2018, 1, 1)).name == "Bob Example"


def test_petrarch_igo_person_and_organisation(actors_dir):
    kb = KnowledgeBase.load([actors_dir / "petrarch_sample.txt"])
    carol = kb.lookup("Carol Sample", date(2018, 1, 1))
    assert (carol.kind, carol.country, carol.sector) == ("person", None, "IGO")
    fund = kb.lookup("WEF")
    assert (fund.kind, fund.country, fund.sector) == ("organisation", None, "IGO")
    assert fund.source.startswith("user:petrarch_sample.txt row ")


def test_petrarch_overrides_shipped_person(actors_dir):
    kb = KnowledgeBase.load([actors_dir / "petrarch_sample.txt"])
    putin = kb.lookup("Putin", date(2010, 1, 1))
    assert (putin.sector, putin.source) == ("GOV", "user:petrarch_sample.txt row 17")


def test_bad_petrarch_names_file_and_line(actors_dir):
    with pytest.raises(DataFileError, match=r"bad_petrarch\.txt row 2: bad date restriction"):
        read_petrarch(actors_dir / "bad_petrarch.txt")


def test_user_yaml_overrides_shipped_entries(actors_dir):
    kb = KnowledgeBase.load([actors_dir / "user_people.yaml"])
    putin = kb.lookup("Vladimir Putin", date(2017, 1, 28))
    assert (putin.sector, putin.role) == ("LEG", "Hypothetical Governor")
    assert putin.source == "user:user_people.yaml row 1"
    nato = kb.lookup("NATO")
    assert nato.name == "North Atlantic Test Organisation" and nato.source.startswith("user:")
    assert kb.lookup("Sample Relief Network").sector == "NGO"
    zara = kb.lookup("Testova", date(2030, 6, 1))
    assert (zara.country, zara.sector, zara.role) == ("UKR", "GOV", "Foreign Minister")
    # the shipped default is untouched
    assert KnowledgeBase.load().lookup("Vladimir Putin", date(2017, 1, 28)).sector == "GOV"


def test_user_csv_kind_from_file_name(actors_dir):
    kb = KnowledgeBase.load([actors_dir / "user_groups.csv"])
    entry = kb.lookup("Front of Examples")
    assert (entry.kind, entry.country, entry.sector) == ("group", "COL", "REB")
    assert entry.source == "user:user_groups.csv row 3"


def test_malformed_user_file_names_file_and_row(actors_dir):
    with pytest.raises(DataFileError, match=r"bad_sector\.csv row 3: unknown sector 'XYZ'"):
        KnowledgeBase.load([actors_dir / "bad_sector.csv"])
    with pytest.raises(
        DataFileError, match=r"bad_date\.yaml row 1: 'end' 2019-01-01 is before 'start'"
    ):
        KnowledgeBase.load([actors_dir / "bad_date.yaml"])


def test_missing_file_and_bad_yaml(tmp_path):
    with pytest.raises(DataFileError, match="no such file"):
        KnowledgeBase.load([tmp_path / "nope.yaml"])
    bad = tmp_path / "broken.yaml"
    bad.write_text("- {name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.yaml.*bad YAML"):
        KnowledgeBase.load([bad])
    nokind = tmp_path / "mine.csv"
    nokind.write_text("name,sector\nSomething,GOV\n", encoding="utf-8")
    with pytest.raises(
        DataFileError, match=r"mine\.csv row 2: unknown kind ''; add a 'kind' column"
    ):
        KnowledgeBase.load([nokind])


def test_user_sector_rows(tmp_path):
    path = tmp_path / "my_sectors.csv"
    path.write_text("phrase,sector\nhelmsman,GOV\n", encoding="utf-8")
    kb = KnowledgeBase.load([path])
    assert kb.sector_of("helmsmen") == "GOV"
