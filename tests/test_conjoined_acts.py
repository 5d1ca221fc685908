"""Conjoined acts of one type ("captured and killed", "tortured and murdered", "airstrikes and
shelling") are two acts: the coding guide codes two records. Before round 11 the one whose object
or agent the parser hung on the other lost it and gave way to the other as if one act were told
twice. Sentences of our own."""

from __future__ import annotations

import pytest

from coded import happened

pytestmark = pytest.mark.slow


def _records(pipeline, text: str) -> list:
    return [(e.trigger.text, e.source, e.target) for e in happened(pipeline, text, "ASSAULT")]


def test_conjoined_verbs_of_force_are_two_acts_on_the_same_victims(pipeline):
    records = _records(pipeline, "The militants captured and killed three Kenyan soldiers near the border.")  # fmt: skip
    assert {t for t, _, _ in records} == {"captured", "killed"}, records
    assert all(tgt is not None and tgt.country == "KEN" for _, _, tgt in records), records


def test_conjoined_passives_share_their_agent(pipeline):
    records = _records(pipeline, "Opposition activists were tortured and murdered by the Sudanese militia.")  # fmt: skip
    assert {t for t, _, _ in records} == {"tortured", "murdered"}, records
    assert all(src is not None and src.country == "SDN" for _, src, _ in records), records


def test_an_act_told_again_by_a_noun_is_still_one_record(pipeline):
    records = _records(pipeline, "Ugandan jets struck the town and the strike killed five Kenyan soldiers.")  # fmt: skip
    assert len(records) == 1, records


def test_conjoined_acts_are_different_words_joined_as_conjuncts(nlp):
    from dateline.events.extract.coder import _conjoined_acts

    doc = nlp("The militants captured and killed three soldiers, and the army killed two of them.")
    captured, killed, killed2 = (t for t in doc if t.lemma_ in {"capture", "kill"})
    assert _conjoined_acts(captured, killed)
    assert not _conjoined_acts(killed, killed2)  # the same word: maybe one act told twice
    assert not _conjoined_acts(captured, None)


def test_a_wound_beside_the_attack_is_the_same_attack(pipeline):
    records = _records(pipeline, "The gunmen shot and wounded three Kenyan policemen.")
    assert len(records) == 1, records


def test_conjoined_words_of_one_threat_are_one_threat(pipeline):
    text = "Kenya warned that it would shoot down the drones and attack their launchers."
    threats = [e for e in pipeline.code_text(text, date="2021-05-10").events if e.event == "THREATEN"]  # fmt: skip
    assert len(threats) <= 1, [(e.trigger.text, e.source, e.target) for e in threats]
