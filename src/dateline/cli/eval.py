"""`dateline eval`: score Dateline against a gold standard and write the error report."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.markdown import Markdown
from rich.table import Table

from dateline.cli.app import (
    CODE_TITLE_OPTION,
    FULL_PARSE_OPTION,
    MODEL_OPTION,
    app,
    console,
    err_console,
    handle_errors,
)
from dateline.errors import EvaluationError
from dateline.evaluation import NONE, Report, Scores, compare, errors_markdown, evaluate_file
from dateline.settings import Settings


class EvalFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command("eval")
@handle_errors
def eval_cli(
    gold: Path = typer.Argument(
        ...,
        help="Gold file: sentence JSONL, article JSONL ('sents'), story JSONL ('level': "
        "'story'), PLOVER gold JSON or PETRARCH XML.",
    ),
    output_format: EvalFormat = typer.Option(
        EvalFormat.table, "--format", "-f", help="table, json or markdown."
    ),
    errors: Path = typer.Option(
        None, "--errors", help="Write every miss and false event to this markdown file."
    ),
    save: Path = typer.Option(
        None, "--save", help="Save the full report as JSON (to --compare later)."
    ),
    compare_to: Path = typer.Option(
        None, "--compare", help="A report saved with --save: show the differences."
    ),
    model: str = MODEL_OPTION,
    full_parse: bool = FULL_PARSE_OPTION,
    code_title: bool = CODE_TITLE_OPTION,
) -> None:
    """Code every gold sentence and score the events: precision, recall and F1 for event types and
    for (type, source country, target country) triples, per type, CAMEO root agreement and a
    confusion table. Article-level gold is coded article by article and counted per sentence
    (plus event locations); story-level labels give recall of the labelled type. See
    docs/evaluation.md for the counting rules.

    Examples:

      dateline eval gold.jsonl

      dateline eval gold.jsonl --errors errors.md --save run.json

      dateline eval gold.jsonl --compare run.json --format markdown
    """
    from dateline.pipeline import get_pipeline

    if not gold.exists():
        raise EvaluationError(f"{gold}: no such gold file")
    baseline = _load_saved(compare_to) if compare_to else None
    settings = Settings.load(model=model, full_parse=full_parse, code_title=code_title)
    report = evaluate_file(gold, get_pipeline(settings))
    report.meta.update({"label": gold.name if not save else save.stem, "model": settings.model})
    if save:
        save.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    if errors:
        errors.write_text(errors_markdown(report.errors), "utf-8")
    if output_format is EvalFormat.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif output_format is EvalFormat.markdown:
        sys.stdout.write(report.to_markdown())
        if baseline:
            sys.stdout.write("\n" + compare(baseline, report))
    else:
        print_report(report)
        if baseline:
            console.print(Markdown(compare(baseline, report)))
    if errors:
        err_console.print(f"{len(report.errors)} errors written to {errors}", highlight=False)


def _load_saved(path: Path) -> Report:
    try:
        return Report.from_dict(json.loads(path.read_text("utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(
            f"{path}: cannot read the saved report ({exc}); save one with --save"
        ) from None


def _add(table: Table, label: str, s: Scores, *extra: str) -> None:
    table.add_row(
        label,
        f"{s.precision:.3f}",
        f"{s.recall:.3f}",
        f"{s.f1:.3f}",
        str(s.tp),
        str(s.fp),
        str(s.fn),
        *extra,
    )


def print_report(report: Report) -> None:
    """Rich tables: micro scores, per-type scores and the confusion table."""
    level = report.meta.get("level")
    if level == "story":
        console.print(Markdown(report.to_markdown()))
        return
    counted = (
        "asserted/historical, not negated; gold: asserted"
        if level == "article"
        else "negated ones not counted"
    )
    articles = f"{report.meta['articles']} articles · " if level == "article" else ""
    console.print(
        f"{articles}{report.records} sentences · {report.gold_events} gold events · "
        f"{report.predicted_events} predicted ({counted})",
        highlight=False,
    )
    micro = Table(title="Micro scores", title_justify="left")
    for col in ("level", "P", "R", "F1", "tp", "fp", "fn"):
        micro.add_column(col, justify="left" if col == "level" else "right")
    _add(micro, "event types", report.types)
    _add(micro, "(type, source, target)", report.triples)
    console.print(micro)
    console.print(
        f"CAMEO root agreement: {report.cameo_root_agreement:.3f} ({report.cameo_agree}/{report.cameo_total})",
        highlight=False,
    )
    if report.locations:
        console.print(report.locations_line(), highlight=False)
    per = Table(title="Per event type", title_justify="left")
    for col in ("type", "P", "R", "F1", "tp", "fp", "fn", "triple F1"):
        per.add_column(col, justify="left" if col == "type" else "right")
    for name in sorted(report.per_type):
        _add(
            per,
            name,
            report.per_type[name],
            f"{report.per_type_triples.get(name, Scores()).f1:.3f}",
        )
    console.print(per)
    cols = sorted({c for row in report.confusion.values() for c in row} - {NONE}) + [NONE]
    conf = Table(
        title="Confusion (rows gold, columns predicted; sentences with <= 1 gold type)",
        title_justify="left",
    )
    conf.add_column("gold")
    for c in cols:
        conf.add_column(c[:4], justify="right")
    for gold in sorted(report.confusion, key=lambda g: (g == NONE, g)):
        row = report.confusion[gold]
        conf.add_row(
            gold,
            *[
                (f"[bold]{row[c]}[/]" if c == gold else str(row[c])) if row.get(c) else ""
                for c in cols
            ],
        )
    console.print(conf)
