"""Where the event coder loses the gold events it misses, stage by stage.

For every gold event that happened and has no counted prediction of its type in its sentence,
names the stage that lost it (``dateline.evaluation.stages``): the cheap pass that skips
sentences, no lexicon entry with the model below its proposal threshold, a lexicon candidate
the model dropped, the clause rules, the coder's rules, another type, or fewer records::

    python scripts/recall_stages.py --gold ../shared/eval/guardian_lead_dev.jsonl
    python scripts/recall_stages.py --models /tmp/cv14/main --annotations ANN/guardian_corpus

The first codes an article gold file with the shipped model (or DATELINE_EVENT_MODEL_FILE);
the second codes the real training articles out of fold with the fold models stored by
``scripts/cv_articles.py`` (``--annotations`` as given to it). ``--examples N`` prints N missed
events per stage: use it on training articles only (rules are never written from the
evaluation sets).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, help="an article-level gold file (JSONL)")
    parser.add_argument("--models", type=Path, help="fold models of scripts/cv_articles.py")
    parser.add_argument("--data", type=Path, default=Path("../shared/train"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--annotations", type=Path, help="default: annotations/guardian_corpus")
    parser.add_argument("--examples", type=int, default=0, help="missed events shown per stage")
    args = parser.parse_args(argv)
    if (args.gold is None) == (args.models is None):
        parser.error("give either --gold FILE or --models DIR")

    from dateline.evaluation import crossval, stages
    from dateline.evaluation.articles import code_texts, load_articles
    from dateline.events.classifier import MODEL_FILE_ENV
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    pipeline = Pipeline(Settings.load())
    report = stages.StageReport()

    def add(golds) -> None:
        predicted = code_texts(((g.id, g.text, g.date) for g in golds), pipeline)
        for g in golds:
            stages.add_article(report, pipeline, g, predicted.get(g.id, []))

    if args.gold is not None:
        add(load_articles(args.gold))
    else:
        from dateline.train import default_annotations, default_corpus

        annotations = args.annotations or default_annotations()
        cv = crossval.read_texts(args.data, annotations, default_corpus(args.data), log=_log)
        fold_of = crossval.article_folds(cv.groups(), args.folds, args.seed)
        crossval.read_manifest(args.models, args.folds, args.seed, fold_of)
        for f in range(args.folds):
            os.environ[MODEL_FILE_ENV] = str((args.models / f"fold{f}.npz").resolve())
            add([crossval.gold_of(t) for t in crossval.held_out(cv, fold_of, f)])
            _log(f"fold {f} traced")
    print(report.markdown())
    rng = random.Random(args.seed)
    for stage in stages.STAGES:
        shown = report.examples.get(stage, [])
        if not args.examples or not shown:
            continue
        print(f"\n## {stage}\n")
        for event, trigger, sentence in rng.sample(shown, min(args.examples, len(shown))):
            print(f"- {event} | {trigger} | {sentence}")
    return 0


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
