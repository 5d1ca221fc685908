"""Compare training settings of the event model word by word on held-out real articles.

Parses the training data once as ``dateline train`` does (the hand-coded articles, their later
sentences and the synthetic stories coded by sentence; no weak story examples), then for each
setting and each chosen fold of the real articles (``dateline.evaluation.crossval``'s folds)
fits the logistic regression on everything else and scores the held-out real articles' words:
recall of the gold type at a precision of 0.6 to 0.8 (the best threshold for each), the best
F1, and precision / recall at probability 0.3 and 0.5::

    python scripts/token_cv.py --c 0.5,1,2 --folds 0,1,2 --cache /tmp/examples.pkl

About 4 minutes to parse and 1-2 minutes a fit on 2 cores; ``--cache`` keeps the parse.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np


def parse(data: Path, cache: Path | None) -> list:
    """The training examples (read from ``cache`` when it exists, else parsed and saved)."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    from dateline import train as T
    from dateline.evaluation.crossval import read_texts
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    cv = read_texts(data, T.default_annotations(), T.default_corpus(data), log=_log)
    examples = list(T.parse_texts(cv.texts, Pipeline(Settings.load())))
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(examples, fh)
    return examples


def scores(probs: np.ndarray, classes: list[str], labels: list[str]) -> dict:
    """Word-level figures of the likeliest event type (type must match the gold)."""
    none = classes.index("NONE")
    masked = probs.copy()
    masked[:, none] = -1.0
    best = masked.argmax(axis=1)
    conf = masked[np.arange(len(best)), best]
    gold = np.array(labels)
    right = np.array(classes)[best] == gold
    events = max(int((gold != "NONE").sum()), 1)
    order = np.argsort(-conf, kind="stable")
    tp = np.cumsum(right[order])
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / events
    out = {}
    for target in (0.6, 0.7, 0.75, 0.8):
        ok = np.flatnonzero(precision >= target)
        out[f"R@P{target}"] = round(float(recall[ok].max()), 3) if len(ok) else 0.0
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-9)
    out["best F1"] = round(float(f1.max()), 3)
    for t in (0.3, 0.5):
        sel = conf >= t
        out[f"P/R@{t}"] = [round(float(right[sel].mean()), 3) if sel.any() else 0.0,
                           round(float(right[sel].sum()) / events, 3)]  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/train"))
    parser.add_argument("--c", default="0.5,1", help="values of C, comma-separated")
    parser.add_argument("--real-share", default="0.5", help="values of REAL_SHARE ('none')")
    parser.add_argument("--folds", default="0,1,2", help="held-out folds of 5, comma-separated")
    parser.add_argument("--cache", type=Path, help="a pickle of the parsed examples")
    args = parser.parse_args(argv)

    from dateline import train as T
    from dateline.evaluation.crossval import article_folds

    examples = parse(args.data, args.cache)
    real = sorted({ex.group for ex in examples if ex.source == "real"})
    fold_of = article_folds(dict.fromkeys(real, "real"), 5, 0)
    for c in (float(v) for v in args.c.split(",")):
        for share_text in args.real_share.split(","):
            share = None if share_text.strip().lower() == "none" else float(share_text)
            rows = []
            for f in (int(v) for v in args.folds.split(",")):
                train = T.balance_sources(
                    [ex for ex in examples if fold_of.get(ex.group) != f], share
                )
                test = [ex for ex in examples if fold_of.get(ex.group) == f]
                vocab = T._vocabulary(train)
                weights = np.array([ex.weight for ex in train])
                labels = np.array([ex.label for ex in train])
                clf = T._logistic(T._matrix(train, vocab), labels, weights, c, 0)
                probs = clf.predict_proba(T._matrix(test, vocab))
                rows.append(
                    scores(probs, [str(k) for k in clf.classes_], [ex.label for ex in test])
                )
            print(json.dumps({"C": c, "real_share": share, "folds": rows}), flush=True)
    return 0


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
