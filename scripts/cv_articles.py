"""Article-level cross-validation of the event coder on the real hand-coded articles.

Splits the real articles the event model trains on (``guardian_lead_train.jsonl`` and the corpus
rows coded in ``annotations/guardian_corpus``) into K folds by article, trains each fold's model
as ``dateline train`` does without that fold's articles, codes the held-out articles with the
default pipeline and that model, and scores them as ``dateline eval`` scores article gold
(``dateline.evaluation.crossval``)::

    python scripts/cv_articles.py --folds 5 --models /tmp/cv --predictions /tmp/oof.jsonl
    python scripts/cv_articles.py --folds 5 --models /tmp/cv --reuse-models   # code again only

``--reuse-models`` codes the held-out articles again with the fold models stored in ``--models``
(no retraining): for a change to the coder or the lexicon measured against the same models.
About 25 minutes for K=5 on 2 busy cores (a few minutes with ``--reuse-models``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/train"))
    parser.add_argument("--folds", type=int, default=5, help="K, folds by article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--models", type=Path, help="folder for the fold models (default: tmp)")
    parser.add_argument("--reuse-models", action="store_true", help="code with stored models")
    parser.add_argument("--predictions", type=Path, help="write out-of-fold predictions (JSONL)")
    parser.add_argument("--report", type=Path, help="write the figures as JSON")
    parser.add_argument(
        "--only-folds",
        help="with --reuse-models: code and score only these folds' articles (e.g. 0,1)",
    )
    parser.add_argument(
        "--calibration-from",
        type=Path,
        metavar="MODEL",
        help="code with this model file's confidence curve put on each fold model (fold models "
        "are trained uncalibrated; e.g. src/dateline/data/event_model.npz)",
    )
    parser.add_argument("--annotations", type=Path, help="default: annotations/guardian_corpus")
    parser.add_argument("--corpus", type=Path, help="default: <data>/../corpus/<corpus file>")
    parser.add_argument("--model", help="spaCy model (default: the settings' model)")
    args = parser.parse_args(argv)

    from dateline.evaluation import crossval
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings
    from dateline.train import default_annotations, default_corpus

    if args.reuse_models and args.models is None:
        parser.error("--reuse-models needs --models")
    if args.only_folds and not args.reuse_models:
        parser.error("--only-folds needs --reuse-models")
    only = [int(f) for f in args.only_folds.split(",")] if args.only_folds else None
    calibration = None
    if args.calibration_from:
        from dateline.events.classifier import EventModel

        calibration = EventModel.read(args.calibration_from).calibration
    pipeline = Pipeline(Settings.load(model=args.model))
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    result = crossval.cross_validate_articles(
        args.data,
        pipeline,
        k=args.folds,
        seed=args.seed,
        models=args.models,
        reuse=args.reuse_models,
        annotations=args.annotations or default_annotations(),
        corpus=args.corpus or default_corpus(args.data),
        log=log,
        only=only,
        calibration=calibration,
    )
    print(crossval.summary_markdown(result))
    if args.predictions:
        n = crossval.write_predictions(result, args.predictions)
        log(f"{n} articles with their out-of-fold predictions written to {args.predictions}")
    if args.report:
        args.report.write_text(json.dumps(crossval.summary_dict(result), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
