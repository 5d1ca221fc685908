"""benchmarks/dyad_audit.py --oof: the kinds of wrong sides, read from out-of-fold predictions of
our own making (no coding, no model)."""

from __future__ import annotations

import json

import dyad_audit  # benchmarks/ is on sys.path (tests/conftest.py)


def _event(kind, source, target, **extra):
    return {"event": kind, "source": source, "target": target, **extra}


def test_oof_audit_sorts_wrong_sides_into_kinds(tmp_path, capsys):
    kenya = {"text": "Kenyan troops", "country": "KEN", "sector": "MIL"}
    shabaab = {"text": "al-Shabaab", "country": "SOM", "sector": "REB"}
    text = "Kenyan troops attacked al-Shabaab near the border."
    article = {
        "id": "own-1",
        "sents": [
            {  # right triple
                "n": 0, "text": text,
                "gold": [_event("ASSAULT", kenya, shabaab)],
                "predicted": [_event("ASSAULT", kenya, shabaab, counted=True)],
            },
            {  # same type, sides the wrong way round
                "n": 1, "text": text,
                "gold": [_event("ASSAULT", kenya, shabaab)],
                "predicted": [_event("ASSAULT", shabaab, kenya, counted=True)],
            },
            {  # same type, the victim missing although the sentence names it; an uncounted
                # prediction is no pair
                "n": 2, "text": text,
                "gold": [_event("ASSAULT", kenya, shabaab)],
                "predicted": [
                    _event("ASSAULT", kenya, None, counted=True),
                    _event("ASSAULT", kenya, shabaab, counted=False),
                ],
            },
        ],
    }  # fmt: skip
    oof = tmp_path / "oof.jsonl"
    oof.write_text(json.dumps(article) + "\n", "utf-8")
    show = tmp_path / "pairs.md"
    dyad_audit.audit_oof(oof, show)
    out = capsys.readouterr().out
    assert "| type pairs | 3 |" in out and "| triple right | 1 |" in out
    assert "| swapped source/target | 2 |" in out
    assert "| missing (gold named in the sentence) | 1 |" in out
    assert "own-1#2 target ASSAULT" in show.read_text("utf-8")
