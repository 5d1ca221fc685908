"""GDELT and CAMEO fidelity: actor types as CAMEO codes, SOURCEURL, CAMEO sub-codes from the
trigger's words, Goldstein from the CAMEO code, QuadClass and the dashboard's labels agreeing."""

from __future__ import annotations

import csv

import pytest

from dateline.actors.dictionaries import SECTORS
from dateline.events.cameo_codes import choose, rules
from dateline.events.ontology import Ontology
from dateline.store import Store
from dateline.store.export import GDELT_COLUMNS, cameo_actor_types
from dateline.web.charts import tone
from test_store_builders import event, make_result


def gdelt_rows(path):
    with path.open(encoding="utf-8") as fh:
        return [
            dict(zip(GDELT_COLUMNS, row, strict=True)) for row in csv.reader(fh, delimiter="\t")
        ]


def test_every_plover_sector_has_a_cameo_type_and_the_false_friends_are_mapped():
    table = cameo_actor_types()
    assert set(table) >= SECTORS
    assert table["JRN"] == "MED"  # CAMEO MED is media
    assert table["MED"] == "HLH"  # PLOVER MED is medical
    assert table["GOV"] == "GOV" and table["PTY"] is None


def test_gdelt_actor_types_and_sourceurl(tmp_path):
    result = make_result("g1", [event("USA", "AID", "UKR", "2024-01-10")])
    source, target = result.events[0].source, result.events[0].target
    source.sector, target.sector = "MED", "JRN"
    no_url = make_result("g2", [event("FRA", "CONSULT", "RUS", "2024-01-11")])
    no_url.article.url, no_url.article.origin = None, "wires/day1.jsonl:7"
    with Store() as store:
        store.add_result(result)
        store.add_result(no_url)
        store.export(tmp_path / "g.tsv", "gdelt")
    first, second = gdelt_rows(tmp_path / "g.tsv")
    assert (first["Actor1Code"], first["Actor1Type1Code"]) == ("USAHLH", "HLH")
    assert (first["Actor2Code"], first["Actor2Type1Code"]) == ("UKRMED", "MED")
    assert first["SOURCEURL"] == "https://example.org/g1"
    assert second["SOURCEURL"] == "wires/day1.jsonl:7"


def test_every_subcode_rule_names_a_code_of_its_own_type():
    ontology = Ontology.load()
    for event_type, type_rules in rules().items():
        for rule in type_rules:
            assert ontology.cameo[rule.cameo].event == event_type


@pytest.mark.parametrize(
    ("event_type", "words", "code"),
    [
        ("ASSAULT", {"kill", "air strike", "strike"}, "195"),
        ("ASSAULT", {"shoot", "gunman"}, "193"),
        ("ASSAULT", {"shell", "town"}, "194"),
        ("ASSAULT", {"kill", "car bomb", "bomb"}, "1832"),
        ("REQUEST", {"demand", "release", "prisoner"}, "1053"),
        ("REQUEST", {"demand", "aid"}, "103"),
        ("AID", {"send", "humanitarian", "aid"}, "073"),
        ("ASSAULT", {"kill", "people"}, None),
    ],
)
def test_subcode_from_words(event_type, words, code):
    assert choose(event_type, words) == code


def test_goldstein_varies_within_a_type_as_the_cameo_scale_does():
    ontology = Ontology.load()
    assault = {ontology.cameo[c].goldstein for c in ("180", "182", "184", "195")}
    assert len(assault) > 1  # not one value per PLOVER type
    assert ontology.cameo["195"].goldstein == -10.0 and ontology.cameo["180"].goldstein == -9.0


def test_dashboard_labels_follow_the_quad_class_of_each_type():
    ontology = Ontology.load()
    for name, etype in ontology.types.items():
        expected = "coop" if etype.quad_class in (1, 2) else "conflict"
        assert tone(name) == expected, name
    assert tone("REQUEST") == "conflict"  # QuadClass 3, verbal conflict


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "event_type", "code"),
    [
        ("Government warplanes killed nine villagers in an air strike near Tarn on Monday.",
         "ASSAULT", "195"),
        ("Gunmen shot dead two Kenyan guards outside the embassy in Nairobi on Tuesday.",
         "ASSAULT", "193"),
        ("The Syrian army shelled the town of Idlib on Sunday.", "ASSAULT", "194"),
        ("Protesters in Kenya demanded the release of the detained students.", "REQUEST", "1053"),
    ],
)  # fmt: skip
def test_coded_events_get_the_subcode_and_its_goldstein(pipeline, sentence, event_type, code):
    ontology = Ontology.load()
    result = pipeline.code_text(sentence, date="2024-03-05")
    coded = [e for e in result.events if e.event == event_type]
    assert coded and coded[0].cameo == code
    for e in result.events:
        assert e.goldstein == ontology.cameo[e.cameo].goldstein
