"""Round 11 codes an act in a background clause from a calibrated confidence of 0.5 (round 10:
0.6). Out of fold, with the shipped calibration applied to the round-10 fold models, the acts
between 0.5 and 0.6 were right 18 times for 12 false (docs/accuracy-history.md, "Round 11: rules")."""

from __future__ import annotations

from dateline.events.extract import clauses


class _Cand:
    def __init__(self, confidence):
        self.confidence = confidence


def test_an_act_the_model_gives_even_odds_in_a_background_clause_is_coded():
    assert clauses.sure_background(_Cand(0.55))
    assert clauses.sure_background(_Cand(0.5))


def test_an_act_the_model_doubts_in_a_background_clause_still_gives_way():
    assert not clauses.sure_background(_Cand(0.45))
    assert not clauses.sure_background(_Cand(None))
