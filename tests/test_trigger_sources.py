"""Where event candidates come from besides a verb entry: event nouns that name their own
participants, nouns derived from a verb of the lexicon, and the converted PETRARCH verb table
(a fallback the trained model must confirm)."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from dateline.datafiles import data_file
from dateline.events.lexicon import FALLBACK_FILE, Lexicon
from dateline.events.ontology import plover_types

ROOT = Path(__file__).resolve().parent.parent
LEXICON = Lexicon.load()


def _converter():
    spec = importlib.util.spec_from_file_location(
        "convert_petrarch_verbs", ROOT / "scripts" / "convert_petrarch_verbs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A few blocks in the TABARI verb-dictionary format, written for this test.
SAMPLE = """\
####### SYNONYM SETS #######
&THING
+WIDGET

####### VERB PATTERNS #######

--- SCOLD_SOMEONE [111] ---
SCOLD
REBUKE {REBUKES REBUKED REBUKING}
+TELL_OFF
+GIVE_A_PIECE_OF_MIND
MUTTER [---]
- * + OVER &THING [112]  # SCOLD

--- WALK_AWAY [0874] ---
+PULL_OUT
EVACUATE

--- REMARK_ON [010] ---
OPINE

--- IDLE [---] ---
LOUNGE
"""


def test_converter_keeps_single_verbs_and_particle_verbs_with_a_plover_type(tmp_path):
    conv = _converter()
    source = tmp_path / "verbs.txt"
    source.write_text(SAMPLE, "latin-1")
    from dateline.events.ontology import Ontology

    rows = {
        (r["verb"], r["particle"]): r for r in conv.convert(conv.parse(source), Ontology.load())
    }
    assert rows[("scold", "")]["event"] == "ACCUSE"
    assert rows[("rebuke", "")]["cameo"] == "111"
    assert rows[("tell", "off")]["event"] == "ACCUSE"
    assert (
        rows[("pull", "out")]["event"] == "RETREAT" and rows[("evacuate", "")]["event"] == "RETREAT"
    )
    assert ("mutter", "") not in rows, "a verb marked [---] is no event"
    assert ("opine", "") not in rows, "statements (CAMEO 01) have no PLOVER type"
    assert ("lounge", "") not in rows, "a [---] block is no event"
    assert not any(len(v.split()) > 1 or "piece" in v for v, _p in rows), "phrases are dropped"
    assert ("widget", "") not in rows, "synonym sets are not verbs"


def test_shipped_table_has_plover_types_and_no_everyday_verbs():
    conv = _converter()
    with data_file(FALLBACK_FILE).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) > 500
    assert {r["event"] for r in rows} <= set(plover_types())
    assert not {r["verb"] for r in rows if not r["particle"]} & conv.TOO_GENERAL
    entries = [e for bucket in LEXICON.fallback_verbs.values() for e in bucket]
    assert entries and all(e.fallback for e in entries)
    assert not any(e.fallback for e in LEXICON.entries), "hand entries are never fallbacks"


def test_derived_nouns_take_their_verbs_plain_entries():
    assert {e.event for e in LEXICON.derived_entries("extradition")} == {"COOPERATE"}
    assert LEXICON.derived_entries("team") == [], "a team is no act of teaming up"
    assert LEXICON.derived_entries("blast") == [], "a blast is an explosion, not criticism"
    assert LEXICON.derived_entries("weather") == []


def happened(pipeline, text):
    result = pipeline.code_text(text, date="2020-03-01")
    return {
        (e.event, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in result.events
        if not e.negated and e.modality in {"asserted", "historical"}
    }


@pytest.mark.slow
def test_event_noun_with_its_own_participant_under_any_verb(pipeline, monkeypatch):
    monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    got = happened(pipeline, "Villagers fled after airstrikes by the Russian air force on Idlib.")
    assert any(t == "ASSAULT" and s == "RUS" for t, s, _ in got)
    got = happened(
        pipeline,
        "Thousands of people joined the protest against the Chilean government in Santiago.",
    )
    assert "PROTEST" in {t for t, _s, _t in got} and "ACCUSE" not in {t for t, _s, _t in got}
    got = happened(pipeline, "The Dutch embassy sent a formal protest to Ankara.")
    assert ("ACCUSE", "NLD", "TUR") in got, "a protest delivered to a state is a complaint"


@pytest.mark.slow
def test_derived_noun_is_a_candidate_and_a_thing_is_not(pipeline, monkeypatch):
    monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    got = happened(
        pipeline,
        "The Ecuadorian government approved the extradition of a Colombian banker to Bogota.",
    )
    assert any(t == "COOPERATE" and s == "ECU" for t, s, _ in got)
    assert not happened(pipeline, "The team from Sweden arrived in Oslo for the final.")


@pytest.mark.slow
def test_petrarch_verb_is_a_feature_for_the_model_and_no_event_without_it(pipeline, monkeypatch):
    from dateline.events.extract.triggers import find_candidates

    text = "The Peruvian army pummelled the rebel camp near Ayacucho."
    doc = pipeline.nlp(text)
    assert not [c for s in doc.sents for c in find_candidates(s, pipeline.lexicon)]
    cands = [c for s in doc.sents for c in find_candidates(s, pipeline.lexicon, fallback=True)]
    verb = [c for c in cands if c.token.lower_ == "pummelled"]
    assert verb and verb[0].entry.fallback and verb[0].proposed_type.startswith("pv:")
    monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    assert not happened(pipeline, text), "without the model a fallback verb proposes nothing"
    # a verb the hand lexicon names is never looked up in the table
    doc = pipeline.nlp("Chilean troops attacked a border post.")
    assert not any(
        c.entry.fallback
        for s in doc.sents
        for c in find_candidates(s, pipeline.lexicon, fallback=True)
    )
