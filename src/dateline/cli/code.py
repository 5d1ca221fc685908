"""`dateline code`: code articles and print their events, actors and quotes."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path

import typer
from rich.table import Table

from dateline.cli.app import (
    ACTORS_OPTION,
    CODE_TITLE_OPTION,
    DATE_FIELD_OPTION,
    FULL_PARSE_OPTION,
    ID_FIELD_OPTION,
    MAX_INPUT_BYTES_OPTION,
    MIN_CONFIDENCE_OPTION,
    MODEL_OPTION,
    PUBLISHED_OPTION,
    TEXT_FIELD_OPTION,
    app,
    console,
    err_console,
    fail,
    handle_errors,
    parse_date,
)
from dateline.errors import ArticleTimeout, InputError
from dateline.limits import call_with_limit, warm_up
from dateline.model import Result, error_record
from dateline.settings import Settings


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def sample_path() -> Path:
    """The invented sample article shipped with the package."""
    return Path(str(resources.files("dateline.samples").joinpath("sample-article.txt")))


@app.command("code")
@handle_errors
def code_cli(
    inputs: list[str] = typer.Argument(
        None,
        help="Files, directories, '-' for stdin. Text, HTML, JSONL, CSV and WARC are recognised.",
    ),
    output_format: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table, json or jsonl."
    ),
    published: str = PUBLISHED_OPTION,
    model: str = MODEL_OPTION,
    actors_files: list[Path] = ACTORS_OPTION,
    text_field: str = TEXT_FIELD_OPTION,
    date_field: str = DATE_FIELD_OPTION,
    id_field: str = ID_FIELD_OPTION,
    include_negated: bool = typer.Option(
        False, "--include-negated", help="Also output negated events."
    ),
    full_parse: bool = FULL_PARSE_OPTION,
    code_title: bool = CODE_TITLE_OPTION,
    min_confidence: float = MIN_CONFIDENCE_OPTION,
    max_input_bytes: int = MAX_INPUT_BYTES_OPTION,
    sample: bool = typer.Option(
        False, "--sample", help="Code the sample article shipped with Dateline."
    ),
) -> None:
    """Code articles into PLOVER events with actors, dates, places and quotes.

    Examples:

      dateline code --sample

      dateline code article.txt

      dateline code page.html --format json

      dateline code sentences.jsonl --format jsonl > coded.jsonl

      cat article.txt | dateline code - --date 2017-01-28

    Exit status: 0 when every item was coded, 1 when an input could not be read (the other
    items are still coded; each bad item is named on stderr). With --format jsonl a bad item
    also gets its output line, {"id": null, "error": {"item", "record_id", "reason"}}, so
    output line N answers input line N.
    """
    from dateline.ingest import iter_articles
    from dateline.pipeline import get_pipeline

    if sample:
        inputs = [str(sample_path())]
    if not inputs:
        fail("give a file, a directory or '-' for stdin (or --sample). See 'dateline code --help'.")
    anchor = parse_date(published)
    settings = Settings.load(
        model=model,
        actors_files=tuple(str(p) for p in actors_files) if actors_files else None,
        text_field=text_field,
        date_field=date_field,
        id_field=id_field,
        include_negated=include_negated or None,
        full_parse=full_parse,
        code_title=code_title,
        min_confidence=min_confidence,
        max_input_bytes=max_input_bytes,
    )
    pipeline = get_pipeline(settings)
    errors = 0
    coded = 0
    for item in iter_articles(inputs, settings, published=anchor):
        if isinstance(item, InputError):
            errors += 1
            err_console.print(f"[bold red]Error:[/] {item}", highlight=False, soft_wrap=True)
            if output_format is OutputFormat.jsonl:  # output line N answers input line N
                record = error_record(item.item, item.reason, item.record_id)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        try:  # the same per-article time limit as 'dateline run'
            warm_up(pipeline)
            result = call_with_limit(
                settings.timeout_s, item.origin or item.id, pipeline.code, item
            )
        except ArticleTimeout as exc:
            errors += 1
            err_console.print(f"[bold red]Error:[/] {exc}", highlight=False, soft_wrap=True)
            if output_format is OutputFormat.jsonl:
                record = error_record(item.origin or item.id, str(exc), item.record_id)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        coded += 1
        _emit(result, output_format, settings.include_negated)
    if errors and not coded:
        raise typer.Exit(1)
    if errors:
        err_console.print(f"{coded} coded, {errors} skipped (named above).", highlight=False)
        raise typer.Exit(1)


def _emit(result: Result, output_format: OutputFormat, include_negated: bool) -> None:
    if output_format is OutputFormat.jsonl:
        sys.stdout.write(result.to_json(include_negated) + "\n")
    elif output_format is OutputFormat.json:
        sys.stdout.write(result.to_json(include_negated, indent=2) + "\n")
    else:
        print_result(result, include_negated)


def _actor(ref) -> str:
    if ref is None:
        return "[dim]—[/]"
    code = "/".join(x for x in (ref.country, ref.sector) if x) or "?"
    return f"{ref.name or ref.text} [dim]({code})[/]"


def _where(loc) -> str:
    """ "Afrin [dim](SYR · city · clause)[/]": the place, its precision and the rule that chose it."""
    if loc is None:
        return "[dim]—[/]"
    detail = " · ".join(x for x in (loc.country, loc.precision, loc.basis) if x)
    return f"{loc.name} [dim]({detail})[/]"


def print_result(result: Result, include_negated: bool = False) -> None:
    """Readable tables: the article header, events, actors and quotes."""
    art = result.article
    console.rule(f"[bold]{art.title or art.origin or art.id}")
    meta = [f"id {art.id}"]
    if art.published:
        meta.append(f"published {art.published.isoformat()}")
    if art.authors:
        meta.append("by " + ", ".join(art.authors))
    console.print(" · ".join(meta), style="dim", highlight=False)
    events = [e for e in result.events if include_negated or not e.negated]
    table = Table(
        title=f"Events ({len(events)})", title_justify="left", show_lines=False, expand=True
    )
    # "#": the sentence of the text, or "title" for an event of the headline (Event.part)
    for name, kw in (("#", {"justify": "right", "width": 5}), ("date", {"no_wrap": True}), ("source", {}),
                     ("event", {"no_wrap": True}), ("target", {}), ("trigger", {}), ("where", {}),
                     ("modality", {})):  # fmt: skip
        table.add_column(name, overflow="fold", **kw)  # fold, never cut ("Vladim...")
    for e in events:
        kind = e.event + (f"/{e.mode}" if e.mode else "")
        style = {1: "blue", 2: "green", 3: "yellow", 4: "red"}.get(e.quad_class or 0, "")
        table.add_row(
            "title" if e.part == "title" else str(e.sentence),
            e.date or "[dim]—[/]",
            _actor(e.source),
            f"[{style}]{kind}[/]" if style else kind,
            _actor(e.target),
            e.trigger.text,
            _where(e.location),
            e.modality if e.modality != "asserted" else "",
        )
    console.print(table)
    actors = Table(title=f"Actors ({len(result.actors)})", title_justify="left", expand=True)
    for name in ("name", "country", "sector", "kind", "mentions"):
        actors.add_column(name, overflow="fold")
    for a in result.actors:
        mentions = sorted({m.text for m in a.mentions})
        actors.add_row(a.name, a.country or "", a.sector or "", a.kind, ", ".join(mentions)[:80])
    console.print(actors)
    if result.quotes:
        quotes = Table(title=f"Quotes ({len(result.quotes)})", title_justify="left", expand=True)
        quotes.add_column("speaker", overflow="fold")
        quotes.add_column("quote", overflow="fold")
        for q in result.quotes:
            quotes.add_row(_actor(q.speaker), f"“{q.text}”")
        console.print(quotes)
