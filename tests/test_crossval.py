"""Article-level cross-validation (dateline.evaluation.crossval): folds by article, never an
article in its own fold's training part, out-of-fold predictions scored as ``dateline eval``."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dateline.evaluation import crossval
from dateline.train import CodedText, Example

# Articles of our own: a unique place word in each, so a model's vocabulary shows whether it
# learnt from an article.
PLACES = [
    "orchard", "lighthouse", "granary", "quarry", "windmill", "foundry",
    "tannery", "brewery", "sawmill", "observatory", "vineyard", "aqueduct",
]  # fmt: skip


def _article(n: int, place: str) -> dict:
    if n % 3 == 2:
        sents = [
            f"Workers at the {place} went on strike over unpaid wages.",
            f"Police later closed the road to the {place} for a week.",
        ]
        event = {"sent": 0, "event": "PROTEST", "trigger": "went on strike"}
    else:
        sents = [
            f"Rebel fighters attacked the {place} near the border on Monday.",
            f"Soldiers later guarded the {place} and the road beside it.",
        ]
        event = {"sent": 0, "event": "ASSAULT", "trigger": "attacked"}
    event.update({"modality": "asserted", "source": None, "target": None})
    return {"id": f"own-{n}", "date": "2024-05-01", "sents": sents, "events": [event]}


def _texts(real: int = 12, synthetic: int = 3) -> crossval.CVTexts:
    texts = [
        CodedText(a["id"], a["id"], a["sents"], a["events"], a["date"])
        for a in (_article(n, PLACES[n % len(PLACES)]) for n in range(real))
    ]
    texts += [CodedText(f"syn-{n}", f"headline {n}", ["A story."], [], None, 0.7)
              for n in range(synthetic)]  # fmt: skip
    sets = {t.id: (crossval.LEAD_SET if n % 4 else crossval.CORPUS_SET)
            for n, t in enumerate(texts[:real])}  # fmt: skip
    return crossval.CVTexts(texts, sets)


def test_every_article_is_held_out_once_and_never_trained_on_in_its_fold():
    cv = _texts()
    fold_of = crossval.article_folds(cv.groups(), 4, seed=3)
    assert sorted(fold_of) == sorted(t.group for t in cv.texts if t.id in cv.real)
    examples = [Example(t.group, [f"l={w}"], "NONE") for t in cv.texts for w in ("a", "b")]
    seen = Counter()
    for f in range(4):
        held = {t.group for t in crossval.held_out(cv, fold_of, f)}
        seen.update(held)
        part = crossval.training_part(examples, fold_of, f)
        assert held and not held & {ex.group for ex in part}
        # everything else trains the fold: the other folds' articles and every synthetic text
        assert {ex.group for ex in part} == {t.group for t in cv.texts} - held
    assert set(seen.values()) == {1} and len(seen) == 12


def test_folds_are_deterministic_balanced_per_set_and_change_with_the_seed():
    groups = {f"a{n}": ("lead" if n < 40 else "corpus") for n in range(100)}
    a, b = crossval.article_folds(groups, 5, 0), crossval.article_folds(groups, 5, 0)
    assert a == b and a != crossval.article_folds(groups, 5, 1)
    for name, size in (("lead", 40), ("corpus", 60)):
        per_fold = Counter(f for g, f in a.items() if groups[g] == name)
        assert sorted(per_fold) == [0, 1, 2, 3, 4]
        assert max(per_fold.values()) - min(per_fold.values()) <= 1
        assert sum(per_fold.values()) == size
    with pytest.raises(ValueError):
        crossval.article_folds(groups, 1, 0)
    with pytest.raises(ValueError):
        crossval.article_folds({"a": "lead"}, 2, 0)


def test_stored_fold_models_are_refused_for_other_folds(tmp_path):
    fold_of = crossval.article_folds(_texts().groups(), 3, 0)
    with pytest.raises(FileNotFoundError):
        crossval.read_manifest(tmp_path, 3, 0, fold_of)
    (tmp_path / crossval.MANIFEST).write_text(json.dumps({"k": 3, "seed": 0, "fold_of": fold_of}))
    crossval.read_manifest(tmp_path, 3, 0, fold_of)
    other = crossval.article_folds(_texts().groups(), 3, 1)
    with pytest.raises(ValueError):
        crossval.read_manifest(tmp_path, 3, 1, other)


def test_out_of_fold_rows_name_false_events_and_misses_per_sentence():
    cv = _texts(real=3, synthetic=0)
    gold = [crossval.gold_of(t) for t in cv.texts]
    second = len(gold[0].sents[0]) + 1  # where sentence 1 starts
    predicted = {
        "own-0": [
            {"event": "ASSAULT", "trigger": {"start": 13, "text": "attacked"},
             "source": {"text": "Rebel fighters", "country": None, "sector": "REB"}},
            {"event": "ASSAULT", "trigger": {"start": second + 14, "text": "guarded"}},
            {"event": "COERCE", "negated": True, "trigger": {"start": second + 14}},
        ],
    }  # fmt: skip
    result = crossval.CVResult(2, 0, {t.id: 0 for t in cv.texts}, {"lead": gold}, predicted)
    rows = {r["id"]: r for r in crossval.prediction_rows(result)}
    first, later = rows["own-0"]["sents"]
    assert first["false_types"] == [] and first["missed_types"] == []
    assert first["predicted"][0]["source"]["sector"] == "REB"
    assert later["false_types"] == ["ASSAULT"]
    assert [p["counted"] for p in later["predicted"]] == [True, False]
    assert rows["own-1"]["sents"][0]["missed_types"] == ["ASSAULT"]
    assert rows["own-2"]["sents"][0]["missed_types"] == ["PROTEST"]


@pytest.mark.slow
def test_each_fold_model_never_saw_its_held_out_articles(tmp_path):
    """End to end on articles of our own: two folds, models trained as ``dateline train``
    trains them; each fold's model knows the words of the other fold's articles only."""
    from dateline.events.classifier import EventModel
    from dateline.pipeline import Pipeline

    lines = [json.dumps(_article(n, place)) for n, place in enumerate(PLACES)]
    (tmp_path / "guardian_lead_train.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    models = tmp_path / "models"
    result = crossval.cross_validate_articles(
        tmp_path, Pipeline(), k=2, seed=0, models=models, annotations=None, corpus=None,
        log=lambda _msg: None,
    )  # fmt: skip
    assert sorted(result.predicted) == sorted(f"own-{n}" for n in range(len(PLACES)))
    for f in range(2):
        vocab = " ".join(EventModel.read(models / f"fold{f}.npz").vocab)
        held = [p for n, p in enumerate(PLACES) if result.fold_of[f"own-{n}"] == f]
        trained = [p for p in PLACES if p not in held]
        assert not [p for p in held if p in vocab], f  # no held-out article's own word
        # the check is not vacuous: words of the fold's training articles do reach the
        # vocabulary (those seen at least twice among the words the coder scores)
        assert [p for p in trained if p in vocab], f
    report = result.reports["all"]
    assert report.types.tp + report.types.fn == len(PLACES)
    assert set(result.reports) == {"all", crossval.LEAD_SET}
    again = crossval.cross_validate_articles(
        tmp_path, Pipeline(), k=2, seed=0, models=models, reuse=True, annotations=None,
        corpus=None, log=lambda _msg: None,
    )  # fmt: skip
    assert again.predicted == result.predicted
    # a partial figure over one fold's articles: just those are coded and scored
    part = crossval.cross_validate_articles(
        tmp_path, Pipeline(), k=2, seed=0, models=models, reuse=True, annotations=None,
        corpus=None, log=lambda _msg: None, only=[1],
    )  # fmt: skip
    ones = sorted(a for a, f in result.fold_of.items() if f == 1)
    assert sorted(part.predicted) == ones and sorted(part.fold_of) == ones
    assert part.reports["all"].types.tp + part.reports["all"].types.fn == len(ones)
    with pytest.raises(ValueError, match="stored fold models"):
        crossval.cross_validate_articles(
            tmp_path, Pipeline(), k=2, seed=0, models=models, annotations=None, corpus=None,
            log=lambda _msg: None, only=[1],
        )  # fmt: skip
    # the shipped coder's confidence curve put on the fold models: the same words are
    # proposed, their confidences follow the curve (a steeper one here: every confidence moves)
    curved = crossval.cross_validate_articles(
        tmp_path, Pipeline(), k=2, seed=0, models=models, reuse=True, annotations=None,
        corpus=None, log=lambda _msg: None, calibration=(2.0, 1.0),
    )  # fmt: skip
    assert EventModel.read(models / "fold0.npz").calibration == (1.0, 0.0)  # stored untouched
    raw = [e.get("confidence") for evs in result.predicted.values() for e in evs]
    moved = [e.get("confidence") for evs in curved.predicted.values() for e in evs]
    assert raw and None not in raw and None not in moved and raw != moved
