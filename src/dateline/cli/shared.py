"""What the store commands share: options declared once, opening a store, printing a frame.

Every command that reads a store takes --db, --format, --since/--until, --freq and --modality
the same way; they are declared here once and imported by the command modules.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd
import typer
from rich.table import Table

from dateline.cli.app import console
from dateline.csvcells import escape_frame
from dateline.store import Store
from dateline.store.modality import HELP as MODALITY_HELP

# Shared options, declared once (every store command takes --db and --format the same way).
DB_OPTION = typer.Option(
    ..., "--db", help="The event store (DuckDB file) written by 'dateline run'."
)


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


FORMAT_OPTION = typer.Option(TableFormat.table, "--format", "-f", help="table, csv or json.")
MODALITY_OPTION = typer.Option(None, "--modality", help=MODALITY_HELP + " Default: all.")
HAPPENED_OPTION = typer.Option(
    None, "--modality", help=MODALITY_HELP + " Default: happened (planned, hypothetical and "
    "negated events are not counted)."
)  # fmt: skip
SINCE_OPTION = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UNTIL_OPTION = typer.Option(None, "--until", help="Up to this date, inclusive.")


class Freq(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


def freq_option(default: Freq) -> Any:
    """The --freq option, with the default of the command that takes it."""
    return typer.Option(
        default, "--freq", help="day, week (Monday to Sunday), month, quarter or year."
    )


NO_WRAP = {"day", "published", "event", "quad_class", "period"}
QUAD_STYLE = {1: "blue", 2: "green", 3: "yellow", 4: "red"}


def open_store(db: Path) -> Store:
    """Open a store read-only (a running 'dateline run' makes this raise StoreBusy)."""
    return Store(db, read_only=True)


def _plain(value):
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def print_frame(frame: pd.DataFrame, fmt: TableFormat, columns: list[str] | None = None,
                title: str | None = None) -> None:  # fmt: skip
    """Write a DataFrame as a rich table (``columns`` only), CSV or JSON records."""
    if fmt is TableFormat.csv:
        escape_frame(frame).to_csv(sys.stdout, index=False)
        return
    if fmt is TableFormat.json:
        text = frame.to_json(orient="records", date_format="iso", force_ascii=False)
        sys.stdout.write(json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n")
        return
    shown = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    table = Table(title=title, title_justify="left", expand=False)
    for c in shown:
        table.add_column(c, overflow="fold", no_wrap=c in NO_WRAP)
    for row in frame[shown].itertuples(index=False):
        cells = [_plain(v) for v in row]
        if "quad_class" in shown:
            quad = row[shown.index("quad_class")]
            style = QUAD_STYLE.get(int(quad)) if quad == quad and quad is not None else None
            if style and "event" in shown:
                i = shown.index("event")
                cells[i] = f"[{style}]{cells[i]}[/]"
        table.add_row(*cells)
    console.print(table)
