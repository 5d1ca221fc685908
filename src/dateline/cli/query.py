"""`dateline events`, `dateline quotes`, `dateline sql`: read an event store from the shell."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.app import MIN_CONFIDENCE_OPTION, app, handle_errors
from dateline.cli.shared import (
    DB_OPTION,
    FORMAT_OPTION,
    MODALITY_OPTION,
    SINCE_OPTION,
    UNTIL_OPTION,
    TableFormat,
    open_store,
    print_frame,
)

EVENT_COLUMNS = ["day", "source_name", "event", "target_name", "quad_class", "goldstein",
                 "modality", "negated", "article_id"]  # fmt: skip
QUOTE_COLUMNS = ["published", "speaker_name", "text", "article_id"]


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
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
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
