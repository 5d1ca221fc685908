"""`dateline export`: write stored events as Parquet, CSV, JSONL, PLOVER JSON or GDELT TSV."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from dateline.cli.app import MIN_CONFIDENCE_OPTION, app, console, handle_errors
from dateline.cli.shared import DB_OPTION, SINCE_OPTION, UNTIL_OPTION, open_store
from dateline.store.export import EXPORTERS
from dateline.store.modality import HELP as MODALITY_HELP

#: The formats ``dateline.store.export.EXPORTERS`` can write: the registry owns the list.
ExportFormat = StrEnum("ExportFormat", {name: name for name in EXPORTERS})


@app.command("export")
@handle_errors
def export_cli(
    out: Path = typer.Argument(..., help="Output file (a folder for parquet)."),
    db: Path = DB_OPTION,
    fmt: ExportFormat = typer.Option(
        ExportFormat("parquet"), "--format", "-f", help=f"One of: {', '.join(EXPORTERS)}."
    ),
    actor: str = typer.Option(None, "--actor", help="Only events with this actor on either side."),
    dyad: str = typer.Option(None, "--dyad", help="Only events between two actors: USA:RUS."),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    include_negated: bool = typer.Option(
        False, "--include-negated", help="Also export negated events."
    ),
    include_duplicates: bool = typer.Option(
        False, "--include-duplicates", help="Also export events of near-duplicate articles."
    ),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="Replace an existing export at OUT (never other files)."
    ),
    modality: list[str] = typer.Option(
        None, "--modality", help=MODALITY_HELP + " Default: all (gdelt: happened)."
    ),
    min_confidence: float = MIN_CONFIDENCE_OPTION,
    dateline_columns: bool = typer.Option(
        False,
        "--dateline-columns",
        help="gdelt only: append Dateline_RecordId, _Origin, _EventId, _Modality and _Negated "
        "after GDELT's 61 columns, to join rows back to their input.",
    ),
) -> None:
    """Export events for other tools.

    parquet: a folder partitioned by month (out/month=2024-01/part-0.parquet);
    csv, jsonl: one row per event; plover: PLOVER-style JSON records, one per line;
    gdelt: the 61 tab-separated columns of the GDELT 2.0 event table, one row per event group,
    of events that happened only (unless --modality); --dateline-columns appends the record
    id, origin, event id, modality and negation. The other formats carry every event's
    record_id, origin, modality and negated columns.

    The export is written beside OUT and renamed into place when complete. An existing
    non-empty OUT is refused unless --overwrite; the store itself, a folder holding it, any
    DuckDB file and a folder with files other than a Parquet export are never replaced.

    Examples:

      dateline export --db events.duckdb events_parquet

      dateline export --db events.duckdb --format csv events.csv --since 2024-01

      dateline export --db events.duckdb --format gdelt events.gdelt.tsv

      dateline export --db events.duckdb --format csv planned.csv --modality future

    In Python: `dateline.open("events.duckdb", read_only=True).export("events.csv", "csv")`.
    """
    extra = {}
    if dateline_columns:
        if fmt.value != "gdelt":
            raise typer.BadParameter(
                "--dateline-columns is for --format gdelt; the other formats always carry "
                "record_id, origin, modality and negated",
                param_hint="--dateline-columns",
            )
        extra["dateline_columns"] = True
    with open_store(db) as store:
        n = store.export(out, fmt.value, overwrite=overwrite, actor=actor, dyad=dyad, since=since, until=until,
                         include_negated=include_negated, include_duplicates=include_duplicates,
                         modality=modality or None, min_confidence=min_confidence, **extra)  # fmt: skip
    console.print(f"{n} rows written to {out} ({fmt.value})", highlight=False)
