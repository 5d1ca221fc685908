"""`dateline train`: rebuild the event model from the shared training data."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from dateline.cli.app import MODEL_OPTION, app, console, err_console, handle_errors
from dateline.settings import Settings


def _shipped_path() -> Path:
    import dateline.data
    from dateline.events.classifier import MODEL_FILE

    return Path(dateline.data.__file__).parent / MODEL_FILE


@app.command("train")
@handle_errors
def train_cli(
    data: Path = typer.Option(
        Path("../shared/train"), "--data", help="Training folder (guardian_lead_train.jsonl, ...)."
    ),
    out: Path = typer.Option(
        None, "--out", help="Where to write the model (default: the one the package ships)."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed for the folds and the solver."),
    folds: int = typer.Option(5, "--folds", help="Cross-validation folds (by article/headline)."),
    c: float = typer.Option(
        None,
        "--c",
        help="Inverse regularisation strength of the logistic regression (default: the "
        "chosen one, dateline.train.C; scripts/token_cv.py compares values).",
    ),
    report: Path = typer.Option(None, "--report", help="Write the training report as JSON."),
    annotations: Path = typer.Option(
        None,
        "--annotations",
        help="Hand-coded corpus rows (default: the checkout's annotations/guardian_corpus).",
    ),
    corpus: Path = typer.Option(
        None,
        "--corpus",
        help="The corpus the annotations point into (default: "
        "<data>/../corpus/guardian_sample_249.csv).",
    ),
    no_annotations: bool = typer.Option(
        False, "--no-annotations", help="Train on the training folder alone."
    ),
    story_check: bool = typer.Option(
        False,
        "--story-check",
        help="Also code the held-out synthetic stories with the new model and report recall "
        "of their labelled type (a few minutes).",
    ),
    dense: str = typer.Option(
        None,
        "--dense",
        help="Blocks of spaCy's token vectors the model reads beside its sparse features, "
        "comma-separated (word,head,subj,obj,sent; default: the chosen recipe's), or 'none'.",
    ),
    verify: bool = typer.Option(
        False,
        "--verify",
        help="Do not train: parse the training data with this checkout and tell whether it "
        "gives the examples the model file (--out, default the shipped one) was trained on "
        "(a few minutes; exit status 1 when it does not, i.e. the file needs a retrain).",
    ),
    model: str = MODEL_OPTION,
) -> None:
    """Train the event model on sentence-coded articles: parse them with the coder's own
    pipeline, label each verb and noun with the gold event it triggers (or none), fit a
    logistic regression, calibrate it on cross-validated predictions and save it. The
    repository's hand-coded corpus rows (annotations/guardian_corpus, joined with the shared
    corpus) are used too when both are there; a note says so when they are not.

    Examples:

      dateline train --data ../shared/train

      dateline train --data ../shared/train --out /tmp/event_model.npz --report train.json

      dateline train --data ../shared/train --verify    # is the shipped file this checkout's?
    """
    from dateline.pipeline import Pipeline
    from dateline.train import (
        DENSE,
        REAL_SHARE,
        C,
        default_annotations,
        default_corpus,
        dense_option,
        train,
    )
    from dateline.train import story_check as check_stories

    pipeline = Pipeline(Settings.load(model=model))
    target = out or _shipped_path()
    if verify:
        settings = {
            "C": C if c is None else c,
            "seed": seed,
            "folds": folds,
            "real_share": REAL_SHARE,
            "dense": list(DENSE if dense is None else dense_option(dense)),
        }
        _verify(target, data, pipeline, annotations, corpus, no_annotations, settings)
        return
    result = train(
        data,
        target,
        pipeline,
        seed=seed,
        folds=folds,
        c=C if c is None else c,
        annotations=None if no_annotations else (annotations or default_annotations()),
        corpus=corpus or default_corpus(data),
        log=err_console.print,
        dense=DENSE if dense is None else dense_option(dense),
    )
    if story_check:
        import os

        from dateline.events.classifier import MODEL_FILE_ENV

        os.environ[MODEL_FILE_ENV] = str(target.resolve())
        result["stories"] = check_stories(data, pipeline)
        err_console.print(f"story-level recall of the labelled type: {result['stories']['recall']}")
    text = json.dumps(result, indent=2)
    if report is not None:
        report.write_text(text + "\n", "utf-8")
    console.print_json(text)


def _verify(
    target: Path, data: Path, pipeline, annotations, corpus, no_annotations, settings: dict
) -> None:
    from dateline.errors import InputError
    from dateline.events.classifier import EventModel
    from dateline.train import default_annotations, default_corpus, verify_inputs

    if not target.is_file():
        raise InputError(f"no model file at {target}; train one first (dateline train --out ...)")
    info = EventModel.read(target).info or {}
    result = verify_inputs(
        data,
        info,
        pipeline,
        None if no_annotations else (annotations or default_annotations()),
        corpus or default_corpus(data),
        log=err_console.print,
        settings=settings,
    )
    console.print_json(json.dumps({"model": str(target), **result}))
    if not result["recorded"]:
        err_console.print(
            f"{target} records no training inputs (trained before they were recorded): "
            "retrain it to make it checkable."
        )
        raise typer.Exit(1)
    if result["changed_settings"]:
        err_console.print(
            f"{target} was trained with other settings ({', '.join(result['changed_settings'])}: "
            "see above) than these: retrain it, or pass the recorded ones (--c, --seed, ...)."
        )
        raise typer.Exit(1)
    if not result["same"]:
        err_console.print(
            f"this checkout does not build the examples {target} was trained on: retrain it "
            "with `dateline train --data ...` (same settings as above)."
        )
        raise typer.Exit(1)
    console.print(f"{target} was trained on exactly the examples this checkout builds.")
