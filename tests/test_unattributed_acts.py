"""Acts whose parties the parse does not attach: an attack the event model is sure of is coded
with no source and no target (the coding guide codes it, its actors from the context); other
acts with nobody named are generic and stay out (sentences of our own)."""

from __future__ import annotations

import pytest

from dateline.events.extract.coder import UNATTRIBUTED_ATTACK_CONFIDENCE, _unattributed_attack

pytestmark = pytest.mark.slow


class _Cand:
    def __init__(self, confidence):
        self.confidence = confidence


def test_only_a_confident_attack_goes_without_parties():
    sure, unsure = _Cand(UNATTRIBUTED_ATTACK_CONFIDENCE + 0.1), _Cand(0.3)
    assert _unattributed_attack("ASSAULT", sure)
    assert not _unattributed_attack("ASSAULT", unsure)
    assert not _unattributed_attack("ASSAULT", _Cand(None))  # a rule candidate the model never saw
    assert not _unattributed_attack("REQUEST", sure)
    assert not _unattributed_attack(None, sure)


def test_an_attack_with_no_party_attached_is_coded(pipeline):
    events = pipeline.code_text(
        "Dozens of people have died after what was clearly a chemical weapon attack.",
        date="2024-03-14",
    ).events
    attacks = [e for e in events if e.event == "ASSAULT" and not e.negated]
    assert attacks and attacks[0].modality == "asserted"


def test_other_acts_with_nobody_named_stay_out(pipeline):
    for text in ("Calls for calm grew louder on Sunday.", "The talks lasted three hours."):
        events = pipeline.code_text(text, date="2024-03-14").events
        assert not [e for e in events if e.source is None and e.target is None], text
