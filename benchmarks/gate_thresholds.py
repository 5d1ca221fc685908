"""Choose the event model's gate thresholds by cross-validation on the training articles.

For each of five folds (by article, or by headline for the synthetic stories: the folds of
``dateline train``), a model is trained on the other folds (plus the weak story examples) and
the whole coder codes the fold's held-out texts of ``guardian_lead_train.jsonl``,
``ngec_synthetic_sentences.jsonl`` and the hand-coded corpus rows (``annotations/``, when the
corpus is there) under every setting of (GATE, PROPOSE, RETYPE_MARGIN, MODE_MIN) on the grid;
``real_news`` pools the Guardian leads and the corpus rows. Each text is coded only by a model that never saw it, so the table is an
out-of-fold estimate of what each setting does to type precision/recall; the dev sets are
never read. ``--lexicon`` adds the lexicon alone (``DATELINE_EVENT_MODEL=off``) for comparison::

    python benchmarks/gate_thresholds.py --data ../shared/train --lexicon
    python benchmarks/gate_thresholds.py --grid '[[0.4, 0.3, 0.3, 0.5], [0.05, 0.5, 0.3, 0.5]]'

Rule used for the shipped constants (docs/accuracy.md): the highest F0.5 (precision counts
twice as much as recall: the issue asks for precision first) on the Guardian training articles.
About 15 minutes on 2 busy cores (the five fold models, then about 30 s per setting).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

DEFAULT_GRID = [
    [g, p, r, 0.5] for g in (0.05, 0.15, 0.3, 0.4, 0.5) for p in (0.3, 0.4, 0.5) for r in (0.3,)
]


def _gold_of(texts) -> list:
    """Article-level gold for sentence-coded training texts (joined with spaces, as trained)."""
    from dateline.evaluation.articles import ArticleEvent, ArticleGold, _actor

    out = []
    for t in texts:
        gold = ArticleGold(id=t.id, text=" ".join(t.sents), sents=t.sents, date=t.date)
        for e in t.events:
            gold.events.append(
                ArticleEvent(
                    sent=e["sent"],
                    event=str(e["event"]).upper(),
                    mode=e.get("mode"),
                    source=_actor(e.get("source")),
                    target=_actor(e.get("target")),
                    modality=str(e.get("modality") or "asserted"),
                    background=bool(e.get("background")),
                    trigger=e.get("trigger"),
                )
            )
        out.append(gold)
    return out


def run(data: Path, grid: list[tuple], lexicon: bool, seed: int = 0, c: float = 1.0) -> list:
    from dateline import train as T
    from dateline.evaluation.articles import load_articles, score_articles
    from dateline.evaluation.gold import GoldRecord
    from dateline.evaluation.sentences import article_of
    from dateline.events import gate
    from dateline.events.classifier import MODEL_FILE_ENV
    from dateline.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    texts = T.read_training_folder(data)
    corpus_texts = T.read_corpus_annotations(
        T.default_annotations(), T.default_corpus(data), {t.id for t in texts}
    )
    texts += corpus_texts
    examples = list(T.parse_texts(texts, pipeline))
    held_out = T.validation_titles(
        {str(s.get("title") or s.get("id")) for s in T.read_stories(data / T.STORY_FILE)},
        exclude={t.group for t in texts},
    )
    weak = T.weak_story_examples(data, pipeline, examples, held_out, c=c, seed=seed, dense=T.DENSE)
    sets = {
        "guardian_lead_train": load_articles(data / "guardian_lead_train.jsonl"),
        "ngec_synthetic_sentences": _gold_of([t for t in texts if t.id.startswith("ngec")]),
    }
    if corpus_texts:
        sets["guardian_corpus_annotations"] = _gold_of(corpus_texts)
    group_of = {t.id: t.group for t in texts}
    docs = {}
    for gold in sets.values():
        for a in gold:
            article = article_of(GoldRecord(id=a.id, text=a.text, date=a.date))
            text, starts = pipeline._prepare(article)
            docs[a.id] = (article, pipeline.nlp(text), starts)
    # the folds, fold models and temperature of ``dateline train`` (folds over the hand-coded
    # and the weak examples together, so a headline's stories stay on one side)
    everything = examples + weak
    fold = T._folds(everything, 5, seed)
    fold_of_group = {ex.group: f for ex, f in zip(everything, fold, strict=True)}
    models = [
        T.fit([ex for ex, g in zip(everything, fold, strict=True) if g != f], c=c, seed=seed,
              modes=True, dense=T.DENSE)
        for f in range(5)
    ]  # fmt: skip
    classes = models[0].classes
    logits = np.zeros((len(examples), len(classes)))
    for f, model in enumerate(models):
        rows = np.flatnonzero(fold[: len(examples)] == f)
        held = [examples[i] for i in rows]
        probs = model.scores([ex.feats for ex in held], dense=T.example_dense(held, model))
        for j, name in enumerate(classes):
            col = probs[:, model.classes.index(name)] if name in model.classes else 0.0
            logits[rows, j] = np.log(col + 1e-12)
    temperature = T.fit_temperature(logits, [ex.label for ex in examples], classes)
    settings = ([("lexicon",)] if lexicon else []) + [tuple(s) for s in grid]
    predicted: dict[tuple, dict] = {s: {} for s in settings}
    saved = (gate.GATE, gate.PROPOSE, gate.RETYPE_MARGIN, gate.MODE_MIN)
    workdir = Path(tempfile.mkdtemp(prefix="dateline-gate-"))
    try:
        for f, model in enumerate(models):
            path = workdir / f"fold{f}.npz"
            replace(model, temperature=temperature).save(path)
            os.environ[MODEL_FILE_ENV] = str(path)
            for s in settings:
                os.environ["DATELINE_EVENT_MODEL"] = "off" if s == ("lexicon",) else "on"
                if s != ("lexicon",):
                    gate.GATE, gate.PROPOSE, gate.RETYPE_MARGIN, gate.MODE_MIN = s
                for gold in sets.values():
                    for a in gold:
                        if fold_of_group.get(group_of[a.id]) != f:
                            continue
                        article, doc, starts = docs[a.id]
                        result = pipeline._code_doc(article, doc, starts)
                        predicted[s][a.id] = [e.to_dict() for e in result.events]
    finally:
        gate.GATE, gate.PROPOSE, gate.RETYPE_MARGIN, gate.MODE_MIN = saved
        os.environ.pop("DATELINE_EVENT_MODEL", None)
        os.environ.pop(MODEL_FILE_ENV, None)
    scored = dict(sets)
    if corpus_texts:
        scored["real_news"] = sets["guardian_lead_train"] + sets["guardian_corpus_annotations"]
    rows = []
    for s in settings:
        row = {"setting": "lexicon only" if s == ("lexicon",) else s}
        for name, gold in scored.items():
            report = score_articles(gold, {a.id: predicted[s].get(a.id, []) for a in gold})
            p, r = report.types.precision, report.types.recall
            row[name] = {
                "P": round(p, 3),
                "R": round(r, 3),
                "F1": round(report.types.f1, 3),
                "F0.5": round(1.25 * p * r / (0.25 * p + r), 3) if p + r else 0.0,
                "dyad_F1": round(report.triples.f1, 3),
            }
        rows.append(row)
    rows.append({"temperature": round(temperature, 3),
                 "seconds": round(time.perf_counter() - started)})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/train"))
    parser.add_argument("--grid", help="JSON list of [GATE, PROPOSE, RETYPE_MARGIN, MODE_MIN]")
    parser.add_argument("--lexicon", action="store_true", help="also the lexicon alone")
    args = parser.parse_args()
    grid = json.loads(args.grid) if args.grid else DEFAULT_GRID
    for row in run(args.data, grid, args.lexicon):
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
