"""`dateline run`: code a corpus into an event store, resumably."""

from __future__ import annotations

import logging
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
    show_log,
)
from dateline.lifecycle import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, sigterm_as_interrupt
from dateline.settings import Settings
from dateline.store import Store


@app.command("run")
@handle_errors
def run_cli(
    inputs: list[str] = typer.Argument(
        ..., help="Files, directories, '-' for stdin (text, HTML, JSONL, CSV, WARC)."
    ),
    db: Path = typer.Option(
        None, "--db", help="The event store to write (a DuckDB file; created if missing)."
    ),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes coding in parallel."),
    limit: int = typer.Option(
        None, "--limit", min=1, help="Stop after reading this many articles."
    ),
    published: str = PUBLISHED_OPTION,
    text_field: str = TEXT_FIELD_OPTION,
    date_field: str = DATE_FIELD_OPTION,
    id_field: str = ID_FIELD_OPTION,
    model: str = MODEL_OPTION,
    full_parse: bool = FULL_PARSE_OPTION,
    code_title: bool = CODE_TITLE_OPTION,
    min_confidence: float = MIN_CONFIDENCE_OPTION,
    max_input_bytes: int = MAX_INPUT_BYTES_OPTION,
    actors_files: list[Path] = ACTORS_OPTION,
    batch_size: int = typer.Option(
        8, "--batch-size", min=1, help="Articles coded together (and lost at most on a kill)."
    ),
    progress: bool = typer.Option(
        True, "--progress/--no-progress", help="Show a progress bar on stderr."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Log every stored article and error on stderr."
    ),
    engine: str = typer.Option(
        "local", "--engine", help="'local' (processes here) or 'dask' (a Dask cluster)."
    ),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Dask scheduler (tcp://HOST:8786); default: --workers local."
    ),
    parquet: Path = typer.Option(
        None, "--parquet", help="Dask engine: write partitioned Parquet to this folder."
    ),
    parquet_only: bool = typer.Option(
        False, "--parquet-only", help="Dask engine: write only the Parquet (no --db needed)."
    ),
) -> None:
    """Code a corpus into an event store; run it again to resume.

    Articles already in the store (same content) are skipped, and each article is committed
    as soon as it is coded, so an interrupted run loses at most the articles in flight.

    Examples:

      dateline run corpus/ --db events.duckdb

      dateline run articles.jsonl --db events.duckdb --workers 4 --text-field body

      dateline run guardian.csv --db events.duckdb --limit 100 --no-progress

      dateline run shards/ --db events.duckdb --engine dask --scheduler tcp://HOST:8786

    Exit status: 0 when every item was coded; 1 when some items could not be read or coded
    (they are listed in the store's errors table, the rest is stored); 2 when (nearly) all
    failed; 130 when interrupted by Ctrl-C, 143 when stopped by SIGTERM (kill): the run is
    recorded as interrupted, run the same command again to resume.

    In Python: `dateline.runs.local.run_corpus(inputs, dateline.open("events.duckdb", create=True), settings)`.
    """
    from dateline.cli.progress import RichProgress
    from dateline.runs.local import run_corpus

    if verbose:
        show_log(logging.INFO)
    settings = Settings.load(
        model=model,
        full_parse=full_parse,
        code_title=code_title,
        min_confidence=min_confidence,
        max_input_bytes=max_input_bytes,
        actors_files=tuple(str(p) for p in actors_files) if actors_files else None,
        text_field=text_field,
        date_field=date_field,
        id_field=id_field,
    )
    anchor = parse_date(published)
    if engine not in {"local", "dask"}:
        fail(f"unknown --engine {engine!r}; use 'local' or 'dask'", 2)
    if db is None and not parquet_only:
        fail("no event store given; add --db events.duckdb (or --engine dask --parquet-only)", 2)
    if engine == "dask":
        from dateline.cli.dask_run import check_dask_options, run_parquet_only

        check_dask_options(db, limit, scheduler, parquet, parquet_only)
        if parquet_only:
            run_parquet_only(inputs, settings, scheduler, workers, parquet, anchor, batch_size,
                             progress=RichProgress() if progress else None)  # fmt: skip
            return
    bar = RichProgress() if progress else None
    with Store(db) as store, sigterm_as_interrupt():
        try:
            if engine == "dask":
                from dateline.runs.dask import run_dask

                summary = run_dask(inputs, store, settings, scheduler=scheduler, workers=workers,
                                   parquet_dir=parquet, published=anchor, batch_size=batch_size,
                                   progress=bar)  # fmt: skip
            else:
                summary = run_corpus(inputs, store, settings, workers=workers, progress=bar,
                                     limit=limit, published=anchor, batch_size=batch_size)  # fmt: skip
        except KeyboardInterrupt as exc:
            err_console.print(
                f"Interrupted. Everything coded so far is in {db}; run the same command again to resume."
            )
            code = EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
            raise typer.Exit(code) from None
        stats = store.stats()
    table = Table(title=f"Run {summary.run_id} → {db}", title_justify="left")
    table.add_column("", style="bold")
    table.add_column("this run", justify="right")
    table.add_column("in store", justify="right")
    rows = [
        ("articles read", summary.read, None),
        ("coded", summary.coded, stats["articles"]),
        ("skipped (already stored)", summary.skipped, None),
        ("near duplicates", summary.duplicates, stats["duplicates"]),
        ("events", summary.events, stats["events"]),
        ("quotes", summary.quotes, stats["quotes"]),
        ("errors", summary.errors, stats["errors"]),
    ]
    for name, this, total in rows:
        table.add_row(name, str(this), "" if total is None else str(total))
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)", "")
    console.print(table)
    for line in summary.error_items[:5]:
        err_console.print(f"[bold red]Error:[/] {line}", highlight=False, soft_wrap=True)
    if summary.errors:
        more = f" (first {len(summary.error_items[:5])} above)" if summary.error_items else ""
        err_console.print(
            f"{summary.errors} items failed{more}; all are in the errors table: "
            f"dateline sql --db {db} \"SELECT * FROM errors WHERE run_id = '{summary.run_id}'\"",
            highlight=False, soft_wrap=True,
        )  # fmt: skip
    if summary.read == 0 and not summary.errors:
        fail("no articles found in the inputs; check the paths (see 'dateline run --help')", 2)
    raise typer.Exit(summary.exit_code)
