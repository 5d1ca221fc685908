"""The Dask options of `dateline run` (--engine dask): checks, and the Parquet-only run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from dateline.cli.app import console, err_console, fail
from dateline.runs.progress import RunProgress
from dateline.settings import Settings


def check_dask_options(
    db: Path | None, limit: int | None, scheduler: str | None, parquet: Path | None,
    parquet_only: bool,
) -> None:  # fmt: skip
    """Fail with one line when the options do not fit together."""
    if limit is not None:
        fail("--limit works with the local engine only; give the Dask engine fewer inputs", 2)
    if parquet_only and parquet is None:
        fail("--parquet-only needs --parquet DIR, the folder to write the Parquet files to", 2)
    if parquet_only and db is not None:
        fail("--parquet-only writes no store; drop --db or --parquet-only", 2)
    if scheduler is not None and not scheduler.startswith(("tcp://", "tls://", "inproc://")):
        fail(f"--scheduler {scheduler!r} is not a Dask address; use tcp://HOST:8786", 2)


def run_parquet_only(
    inputs: list[str], settings: Settings, scheduler: str | None, workers: int,
    parquet: Path, published: date | None, batch_size: int, progress: RunProgress | None = None,
) -> None:  # fmt: skip
    """Code ``inputs`` on Dask into partitioned Parquet and print what was written."""
    from dateline.runs.dask import run_dask

    summary = run_dask(inputs, None, settings, scheduler=scheduler, workers=workers,
                       parquet_dir=parquet, published=published, batch_size=batch_size,
                       progress=progress)  # fmt: skip
    table = Table(title=f"Run {summary.run_id} → {parquet}/", title_justify="left")
    table.add_column("", style="bold")
    table.add_column("this run", justify="right")
    for name, value in (("articles read", summary.read), ("coded", summary.coded),
                        ("events", summary.events), ("quotes", summary.quotes),
                        ("errors", summary.errors)):  # fmt: skip
        table.add_row(name, str(value))
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
    console.print(table)
    for line in summary.error_items[:5]:
        err_console.print(f"[bold red]Error:[/] {line}", highlight=False, soft_wrap=True)
    if summary.read == 0 and not summary.errors:
        fail("no articles found in the inputs; check the paths (see 'dateline run --help')", 2)
    raise typer.Exit(summary.exit_code)
