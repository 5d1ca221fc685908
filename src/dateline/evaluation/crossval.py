"""Article-level cross-validation: how the event coder does on real articles its model never saw.

The only article-level dev set (``../shared/eval/guardian_lead_dev.jsonl``, 20 articles) is too
small to choose between builds. The real articles the event model trains on are ten times as
many: ``guardian_lead_train.jsonl`` and the corpus rows coded in ``annotations/guardian_corpus``.
Here they are split into K folds by article; for each fold a model is trained exactly as
``dateline train`` trains it (:func:`dateline.train.train`: the same synthetic texts, weights,
weak story examples, temperature and modes) on everything but that fold's articles, and the
whole default pipeline codes the held-out articles with it. The out-of-fold predictions are
scored with the article-level scorer of ``dateline eval``.

Every text is parsed once for its training features and every story lead once, then reused by
all folds (``train(examples=..., story_leads=...)``); the fold models are kept in a folder, so a
change to the coder that does not touch the features can be measured by coding the held-out
articles again with the same models (``reuse=True``) instead of retraining. The fold models
carry no event-level confidence curve (``calibrate=False``): the curve is a monotone map of the
confidence, which decides nothing unless ``min_confidence`` is set.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dateline.evaluation.articles import (
    ArticleGold,
    article_gold,
    code_texts,
    counted_prediction,
    score_articles,
)
from dateline.evaluation.report import Report
from dateline.events.ontology import Ontology

#: The real-article sets and the file or folder each comes from.
LEAD_SET = "guardian_lead_train"
CORPUS_SET = "guardian_corpus"
LEAD_FILE = "guardian_lead_train.jsonl"
MANIFEST = "folds.json"


@dataclass
class CVTexts:
    """The coded texts ``dateline train`` reads, and which of them are real articles (id ->
    set name): only those are held out and scored; the synthetic ones train every fold."""

    texts: list  # dateline.train.CodedText, in the order dateline train reads them
    real: dict[str, str]

    def groups(self) -> dict[str, str]:
        """The fold unit of each real article (its training group: the article itself) -> set."""
        return {t.group: self.real[t.id] for t in self.texts if t.id in self.real}


@dataclass
class CVResult:
    """Out-of-fold predictions and their scores, overall and per real-article set."""

    k: int
    seed: int
    fold_of: dict[str, int]  # article id -> fold
    gold: dict[str, list[ArticleGold]]  # set name -> articles
    predicted: dict[str, list[dict[str, Any]]]  # article id -> Event.to_dict()s
    reports: dict[str, Report] = field(default_factory=dict)  # "all" and each set
    seconds: dict[str, float] = field(default_factory=dict)


def read_texts(folder: Path, annotations: Path | None, corpus: Path | None, log=print) -> CVTexts:
    """What ``dateline train`` reads (training folder, corpus annotations, story annotations,
    in its order), with the real articles marked."""
    from dateline import train as T

    texts = T.training_texts(folder, annotations, corpus, log)
    lead_ids = (
        {t.id for t in T.read_coded(folder / LEAD_FILE)}
        if (folder / LEAD_FILE).is_file()
        else set()
    )
    real = {t.id: LEAD_SET for t in texts if t.id in lead_ids}
    real.update({t.id: CORPUS_SET for t in texts if t.meta.get("corpus")})
    return CVTexts(texts, real)


def article_folds(groups: dict[str, str], k: int, seed: int = 0) -> dict[str, int]:
    """A fold for every article group: each set's groups, sorted and shuffled with ``seed``, are
    dealt round robin (continuing from set to set), so every fold holds about 1/k of each set."""
    if k < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {k}")
    if len(groups) < k:
        raise ValueError(f"{len(groups)} articles cannot fill {k} folds")
    rng = np.random.default_rng(seed)
    fold_of: dict[str, int] = {}
    dealt = 0
    for name in sorted(set(groups.values())):
        members = sorted(g for g, s in groups.items() if s == name)
        for g in rng.permutation(len(members)):
            fold_of[members[int(g)]] = dealt % k
            dealt += 1
    return fold_of


def training_part(examples: list, fold_of: dict[str, int], fold: int) -> list:
    """The examples a fold's model may learn from: every one whose group is not held out."""
    return [ex for ex in examples if fold_of.get(ex.group, -1) != fold]


def held_out(cv: CVTexts, fold_of: dict[str, int], fold: int) -> list:
    """The real articles a fold's model is scored on."""
    return [t for t in cv.texts if t.id in cv.real and fold_of.get(t.group) == fold]


def gold_of(text) -> ArticleGold:
    """A coded text as article gold (sentences joined by spaces, as trained and as coded)."""
    record = {"id": text.id, "text": " ".join(text.sents), "sents": text.sents,
              "date": text.date, "events": text.events}  # fmt: skip
    return article_gold(record, f"{text.id}", Ontology.load())


def train_folds(
    folder: Path,
    cv: CVTexts,
    fold_of: dict[str, int],
    k: int,
    models: Path,
    pipeline,
    seed: int = 0,
    annotations: Path | None = None,
    corpus: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, float]:
    """Parse every text and story lead once, then train each fold's model into
    ``models/fold<N>.npz`` with :func:`dateline.train.train` on the other folds' examples."""
    from dateline import train as T

    seconds: dict[str, float] = {}
    started = time.perf_counter()
    log(f"parsing {len(cv.texts)} coded texts once for all folds")
    examples = list(T.parse_texts(cv.texts, pipeline))
    story_file = folder / T.STORY_FILE
    held = (
        T.validation_titles(
            {str(s.get("title") or s.get("id")) for s in T.read_stories(story_file)},
            exclude={t.group for t in cv.texts},
        )
        if story_file.is_file()
        else set()
    )  # the validation headlines dateline train leaves out of the weak examples
    leads = T.story_words(folder, pipeline, held)
    seconds["parse"] = round(time.perf_counter() - started, 1)
    log(f"{len(examples)} candidate words, {len(leads)} story leads ({seconds['parse']} s)")
    models.mkdir(parents=True, exist_ok=True)
    for f in range(k):
        t0 = time.perf_counter()
        part = training_part(examples, fold_of, f)
        T.train(
            folder, models / f"fold{f}.npz", pipeline, seed=seed, calibrate=False,
            annotations=annotations, corpus=corpus, log=lambda _msg: None,
            examples=part, story_leads=leads,
        )  # fmt: skip
        seconds[f"fold{f}"] = round(time.perf_counter() - t0, 1)
        log(f"fold {f}: trained on {len(part)} words ({seconds[f'fold{f}']} s)")
    (models / MANIFEST).write_text(
        json.dumps({"k": k, "seed": seed, "fold_of": fold_of}, indent=1) + "\n", "utf-8"
    )
    return seconds


def read_manifest(models: Path, k: int, seed: int, fold_of: dict[str, int]) -> None:
    """Check that stored fold models were trained on these folds (else their scores would be
    on training data)."""
    path = models / MANIFEST
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no fold manifest; train the fold models first")
    stored = json.loads(path.read_text("utf-8"))
    if stored.get("k") != k or stored.get("seed") != seed or stored.get("fold_of") != fold_of:
        raise ValueError(f"{path}: the stored fold models were trained on other folds")


def code_folds(
    cv: CVTexts, fold_of: dict[str, int], k: int, models: Path, pipeline, log=print,
    only: Iterable[int] | None = None, calibration: tuple[float, float] | None = None,
) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
    """Code each fold's held-out articles (of the folds in ``only``, else all) with the default
    pipeline and that fold's model. Fold models are trained uncalibrated (the curve costs two
    more trainings a fold), so the coder's confidence thresholds meet raw probabilities out of
    fold; ``calibration`` (slope, intercept: the shipped model's) is put on a copy of each fold
    model to code as the shipped coder does."""
    import tempfile
    from dataclasses import replace

    from dateline.events.classifier import MODEL_FILE_ENV, EventModel

    predicted: dict[str, list[dict[str, Any]]] = {}
    previous = os.environ.get(MODEL_FILE_ENV)
    copies = Path(tempfile.mkdtemp(prefix="dateline-cv-calibrated-")) if calibration else None
    try:
        for f in sorted(set(range(k) if only is None else only)):
            path = (models / f"fold{f}.npz").resolve()
            if copies is not None:
                curve = (float(calibration[0]), float(calibration[1]))
                path = copies / f"fold{f}.npz"
                replace(EventModel.read(models / f"fold{f}.npz"), calibration=curve).save(path)
            os.environ[MODEL_FILE_ENV] = str(path)
            texts = held_out(cv, fold_of, f)
            predicted.update(
                code_texts(((t.id, " ".join(t.sents), t.date) for t in texts), pipeline)
            )
            log(f"fold {f}: coded {len(texts)} held-out articles")
    finally:
        if previous is None:
            os.environ.pop(MODEL_FILE_ENV, None)
        else:
            os.environ[MODEL_FILE_ENV] = previous
    return predicted


def cross_validate_articles(
    folder: Path,
    pipeline,
    k: int = 5,
    seed: int = 0,
    models: Path | None = None,
    reuse: bool = False,
    annotations: Path | None = None,
    corpus: Path | None = None,
    log: Callable[[str], None] = print,
    only: Iterable[int] | None = None,
    calibration: tuple[float, float] | None = None,
) -> CVResult:
    """Train K fold models (or reuse those stored in ``models``), code every real article with
    the model that never saw it, and score the predictions overall and per set. With ``only``
    (reused models), just the articles of those folds are coded and scored: a partial figure
    while the other fold models are still training. ``calibration``: see :func:`code_folds`."""
    import tempfile

    cv = read_texts(folder, annotations, corpus, log)
    fold_of = article_folds(cv.groups(), k, seed)
    models = Path(models or tempfile.mkdtemp(prefix="dateline-cv-"))
    seconds: dict[str, float] = {}
    if reuse:
        read_manifest(models, k, seed, fold_of)
    else:
        seconds.update(
            train_folds(folder, cv, fold_of, k, models, pipeline, seed, annotations, corpus, log)
        )
    t0 = time.perf_counter()
    if only is not None and not reuse:
        raise ValueError("scoring only some folds needs stored fold models (reuse)")
    predicted = code_folds(cv, fold_of, k, models, pipeline, log, only, calibration)
    seconds["code"] = round(time.perf_counter() - t0, 1)
    kept = set(range(k) if only is None else only)
    gold: dict[str, list[ArticleGold]] = {}
    for t in cv.texts:
        if t.id in cv.real and fold_of[t.group] in kept:
            gold.setdefault(cv.real[t.id], []).append(gold_of(t))
    article_fold = {
        t.id: fold_of[t.group] for t in cv.texts if t.id in cv.real and fold_of[t.group] in kept
    }
    result = CVResult(k, seed, article_fold, gold, predicted, seconds=seconds)
    result.reports["all"] = score_articles([a for g in gold.values() for a in g], predicted)
    for name, articles in sorted(gold.items()):
        result.reports[name] = score_articles(articles, predicted)
    return result


# --------------------------------------------------------------------------- output


def summary_markdown(result: CVResult) -> str:
    """Overall and per-set figures, then per type over all real articles."""
    lines = [
        f"Article-level cross-validation: {result.k} folds by article, seed {result.seed}",
        "",
        "| set | articles | gold events | predicted | type P | type R | type F1 "
        "| dyad P | dyad R | dyad F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, report in result.reports.items():
        t, d = report.types, report.triples
        lines.append(
            f"| {name} | {report.meta.get('articles')} | {t.tp + t.fn} | {t.tp + t.fp} "
            f"| {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} "
            f"| {d.precision:.3f} | {d.recall:.3f} | {d.f1:.3f} |"
        )
    report = result.reports["all"]
    lines += [
        "",
        "| type | P | R | F1 | tp | fp | fn | dyad F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, s in sorted(report.per_type.items()):
        triple = report.per_type_triples.get(name)
        lines.append(
            f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} "
            f"| {s.fn} | {triple.f1 if triple else 0.0:.3f} |"
        )
    return "\n".join(lines)


def summary_dict(result: CVResult) -> dict[str, Any]:
    """The figures as JSON: per set type and dyad scores, per type over all articles."""
    out: dict[str, Any] = {"k": result.k, "seed": result.seed, "seconds": result.seconds}
    for name, report in result.reports.items():
        out[name] = {
            "articles": report.meta.get("articles"),
            "types": report.types.to_dict(),
            "dyads": report.triples.to_dict(),
        }
    out["per_type"] = {k: v.to_dict() for k, v in sorted(result.reports["all"].per_type.items())}
    return out


def _actor(a: Any) -> dict[str, Any] | None:
    if not a:
        return None
    if isinstance(a, dict):
        return {k: a.get(k) for k in ("text", "country", "sector")}
    return {"text": a.text, "country": a.country, "sector": a.sector}


def prediction_rows(result: CVResult) -> list[dict[str, Any]]:
    """One row per real article: its set and fold, and per sentence the gold events and every
    predicted event (counted or not) with trigger, actors and modality, and the types that are
    false events or misses there (multisets, as the scorer counts them)."""
    onto = Ontology.load()
    rows = []
    for name, articles in result.gold.items():
        for art in articles:
            by_sent = art.predictions_by_sentence(
                result.predicted.get(art.id, []), onto, counted_only=False
            )
            sents = []
            for n, sentence in enumerate(art.sents):
                gold = [e for e in art.events if e.sent == n]
                preds = by_sent.get(n, [])
                counted = Counter(p["_type"] for p in preds if counted_prediction(p))
                asserted = Counter(e.event for e in gold if e.modality == "asserted")
                sents.append(
                    {
                        "n": n,
                        "text": sentence,
                        "gold": [
                            {
                                "event": e.event,
                                "mode": e.mode,
                                "trigger": e.trigger,
                                "source": _actor(e.source),
                                "target": _actor(e.target),
                                "modality": e.modality,
                                "background": e.background,
                            }
                            for e in gold
                        ],  # fmt: skip
                        "predicted": [
                            {
                                "event": p["_type"],
                                "mode": p.get("mode"),
                                "trigger": (p.get("trigger") or {}).get("text"),
                                "source": _actor(p.get("source")),
                                "target": _actor(p.get("target")),
                                "modality": p.get("modality"),
                                "negated": bool(p.get("negated")),
                                "counted": counted_prediction(p),
                                "confidence": p.get("confidence"),
                            }
                            for p in preds
                        ],  # fmt: skip
                        "false_types": sorted((counted - asserted).elements()),
                        "missed_types": sorted((asserted - counted).elements()),
                    }
                )
            rows.append(
                {
                    "id": art.id,
                    "set": name,
                    "fold": result.fold_of.get(art.id),
                    "date": art.date,
                    "sents": sents,
                }  # fmt: skip
            )
    return rows


def write_predictions(result: CVResult, path: Path) -> int:
    """The out-of-fold predictions with their gold, one JSON article a line."""
    rows = prediction_rows(result)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)
