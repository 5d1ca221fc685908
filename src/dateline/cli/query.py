"""`dateline events`, `dateline quotes`, `dateline sql`: read an event store from the shell."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import pandas as pd
import typer
from rich.table import Table

from dateline.cli.app import MIN_CONFIDENCE_OPTION, app, console, handle_errors
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

EVENT_COLUMNS = ["day", "source_name", "event", "target_name", "quad_class", "goldstein",
                 "modality", "negated", "article_id"]  # fmt: skip
QUOTE_COLUMNS = ["published", "speaker_name", "text", "article_id"]
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


@app.command("events")
@handle_errors
def events_cli(
    db: Path = DB_OPTION,
    actor: str = typer.Option(None, "--actor", help="Either side: country code (USA) or name."),
    dyad: str = typer.Option(None, "--dyad", help="Two actors, both directions: USA:RUS."),
    type_: list[str] = typer.Option(
        None, "--type", help="PLOVER type (AGREE) or CAMEO code; repeatable."
    ),
    quad: list[int] = typer.Option(None, "--quad", help="QuadClass 1-4; repeatable."),
    since: str = typer.Option(
        None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    until: str = typer.Option(None, "--until", help="Up to this date, inclusive."),
    text: str = typer.Option(
        None, "--text", help="Words in the evidence sentence, an actor or the title."
    ),
    include_negated: bool = typer.Option(
        False, "--include-negated", help="Also list negated events."
    ),
    include_duplicates: bool = typer.Option(
        False, "--include-duplicates", help="Also list events of near-duplicate articles."
    ),
    order: str = typer.Option(
        "date",
        "--order",
        help="Sort key (date, event, source, target, goldstein, ...); '-' for descending.",
    ),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many rows (0: all)."),
    offset: int = typer.Option(0, "--offset", help="Skip this many rows first."),
    modality: list[str] = MODALITY_OPTION,
    min_confidence: float = MIN_CONFIDENCE_OPTION,
    fmt: TableFormat = FORMAT_OPTION,
) -> None:
    """List stored events, filtered.

    Examples:

      dateline events --db events.duckdb --dyad USA:RUS

      dateline events --db events.duckdb --actor CHN --quad 4 --since 2024-01

      dateline events --db events.duckdb --type AGREE --format csv > agree.csv

      dateline events --db events.duckdb --modality future,hypothetical

    In Python: `dateline.open("events.duckdb", read_only=True).events(dyad="USA:RUS")`.
    """
    with open_store(db) as store:
        frame = store.events(
            actor=actor, dyad=dyad, type=type_ or None, quad=quad or None, since=since, until=until,
            text=text, include_negated=include_negated, include_duplicates=include_duplicates,
            limit=limit or None, offset=offset, order=order, modality=modality or None,
            min_confidence=min_confidence,
        )  # fmt: skip
        total = store.count_events(
            actor=actor, dyad=dyad, type=type_ or None, quad=quad or None, since=since, until=until,
            text=text, include_negated=include_negated, include_duplicates=include_duplicates,
            modality=modality or None, min_confidence=min_confidence,
        )  # fmt: skip
    print_frame(frame, fmt, EVENT_COLUMNS, title=f"Events ({len(frame)} of {total})")


@app.command("quotes")
@handle_errors
def quotes_cli(
    db: Path = DB_OPTION,
    speaker: str = typer.Option(
        None, "--speaker", help="Speaker name, words used, or country code."
    ),
    article_id: str = typer.Option(None, "--article", help="Only quotes of this article id."),
    text: str = typer.Option(None, "--text", help="Words inside the quote."),
    since: str = typer.Option(None, "--since", help="Articles published from this date."),
    until: str = typer.Option(None, "--until", help="Articles published up to this date."),
    limit: int = typer.Option(50, "--limit", "-n", help="At most this many rows (0: all)."),
    fmt: TableFormat = FORMAT_OPTION,
) -> None:
    """List stored quotes with their speakers.

    Examples:

      dateline quotes --db events.duckdb --speaker "Vladimir Putin"

      dateline quotes --db events.duckdb --text sanctions --format json

    In Python: `dateline.open("events.duckdb", read_only=True).quotes(speaker="Vladimir Putin")`.
    """
    with open_store(db) as store:
        frame = store.quotes(speaker=speaker, article_id=article_id, text=text, since=since,
                             until=until, limit=limit or None)  # fmt: skip
    print_frame(frame, fmt, QUOTE_COLUMNS, title=f"Quotes ({len(frame)})")


@app.command("sql")
@handle_errors
def sql_cli(
    query: str = typer.Argument(..., help="One SELECT (or WITH ... SELECT) statement."),
    db: Path = DB_OPTION,
    params: list[str] = typer.Option(
        None, "--param", "-p", help="Value for a '?' placeholder; repeatable."
    ),
    fmt: TableFormat = FORMAT_OPTION,
) -> None:
    """Run a read-only SQL query against the store (tables: articles, events, event_groups,
    actors, mentions, quotes, runs, errors; see docs/store.md).

    Examples:

      dateline sql --db events.duckdb "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC"

      dateline sql --db events.duckdb "SELECT * FROM events WHERE source_country = ?" -p USA

    Only SELECT queries run, on a read-only connection.
    In Python: `dateline.open("events.duckdb", read_only=True).sql("SELECT ...")`.
    """
    with open_store(db) as store:
        frame = store.sql(query, params or None)
    print_frame(frame, fmt)
