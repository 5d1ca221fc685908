"""`dateline dyad` and `dateline network`: the two analyses over a store, from the shell."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from dateline.cli.app import app, console, fail, handle_errors
from dateline.cli.shared import (
    DB_OPTION,
    FORMAT_OPTION,
    HAPPENED_OPTION,
    SINCE_OPTION,
    UNTIL_OPTION,
    Freq,
    TableFormat,
    freq_option,
    open_store,
    print_frame,
)

SHORT = {"verbal_coop": "verb.coop", "material_coop": "mat.coop", "verbal_conflict": "verb.confl",
         "material_conflict": "mat.confl", "cooperation": "coop", "conflict": "confl"}  # fmt: skip


@app.command("dyad")
@handle_errors
def dyad_cli(
    a: str = typer.Argument(..., help="First actor: country code (USA) or name."),
    b: str = typer.Argument(..., help="Second actor."),
    db: Path = DB_OPTION,
    freq: Freq = freq_option(Freq.week),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    directed: bool = typer.Option(
        False, "--directed", help="Only A acting on B (default: both directions)."
    ),
    plot: Path = typer.Option(
        None, "--plot", help="Also draw a chart to this file (.png, .svg or .pdf)."
    ),
    fmt: TableFormat = FORMAT_OPTION,
    modality: list[str] = HAPPENED_OPTION,
) -> None:
    """Cooperation and conflict between two actors over time.

    Counts event groups (restatements across articles count once) per day, week, month, quarter
    or year, by QuadClass, with the mean Goldstein score. Every period from --since to --until
    is a row (zeros where nothing happened), so the series plots as it is. Only events that happened count unless
    --modality says otherwise (planned and hypothetical events are not events yet).

    Examples:

      dateline dyad USA RUS --db events.duckdb --freq month --since 2017-08 --until 2018-12

      dateline dyad USA RUS --db events.duckdb --plot usa-rus.png

      dateline dyad USA RUS --db events.duckdb --modality future

    In Python: `dateline.open("events.duckdb", read_only=True).dyad("USA", "RUS", freq="month")`.
    """
    from dateline.cli.charts import plot_dyad

    with open_store(db) as store:
        frame = store.dyad(a, b, freq=freq.value, since=since, until=until, directed=directed,
                           modality=modality or "happened")  # fmt: skip
    if frame.empty:
        fail(
            f"no dated events between {a} and {b} in {db}; check the codes with 'dateline events --db {db} --actor {a}'"
        )
    shown = frame
    if fmt is TableFormat.table:  # short headers so the table fits a terminal
        shown = frame.assign(period=frame["period"].dt.strftime("%Y-%m-%d"),
                             goldstein=frame["goldstein"].round(2)).rename(columns=SHORT)  # fmt: skip
    print_frame(shown, fmt, title=f"{a} – {b} per {freq.value} (event groups; QuadClass 1-4)")
    if plot:
        plot_dyad(frame, a, b, plot, freq=freq.value)
        console.print(f"chart written to {plot}", highlight=False)


@app.command("network")
@handle_errors
def network_cli(
    out: Path = typer.Option(..., "--out", "-o", help="Graph file: .graphml or .gexf."),
    db: Path = DB_OPTION,
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    by: str = typer.Option(
        "country", "--by", help="Nodes are 'country' codes (else names) or actor 'name's."
    ),
    modality: list[str] = HAPPENED_OPTION,
) -> None:
    """Write who-acts-on-whom as a directed graph for Gephi, networkx or igraph.

    Edges carry weight (event groups), goldstein (mean), sign (+1/-1/0), cooperation and
    conflict counts; nodes carry label and events.

    Examples:

      dateline network --db events.duckdb --out graph.graphml

      dateline network --db events.duckdb --since 2024-01 --out graph.gexf

      dateline network --db events.duckdb --modality all --out everything.graphml

    In Python: `dateline.open("events.duckdb", read_only=True).network(since="2024-01")`.
    """
    import networkx as nx

    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    writer = writers.get(out.suffix.lower())
    if writer is None:
        fail(f"--out {out}: use a .graphml or .gexf file name")
    with open_store(db) as store:
        graph = store.network(since=since, until=until, by=by, modality=modality or "happened")
    out.parent.mkdir(parents=True, exist_ok=True)
    writer(graph, out)
    console.print(
        f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges written to {out}",
        highlight=False,
    )


class PanelFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


@app.command("panel")
@handle_errors
def panel_cli(
    out: Path = typer.Argument(..., help="Output file: .csv or .parquet."),
    db: Path = DB_OPTION,
    freq: Freq = freq_option(Freq.month),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    by: str = typer.Option(
        "country", "--by", help="Dyads of 'country' codes (else IGO/NGO names) or actor 'name's."
    ),
    modality: list[str] = HAPPENED_OPTION,
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing OUT."),
) -> None:
    """Write a dyad x period panel for R or pandas: one row per directed dyad and period.

    Every dyad with an event group in the window gets every period of the window (zeros where
    nothing happened), with counts per QuadClass, all event groups, and the sum and mean of
    their Goldstein scores.

    Examples:

      dateline panel --db events.duckdb panel.csv --freq month --since 2018 --until 2019

      dateline panel --db events.duckdb panel.parquet --freq quarter --by name

    In Python: `dateline.open("events.duckdb", read_only=True).panel(freq="month")`.
    """
    from dateline.store.target import atomic_target, check_target

    kind = out.suffix.lower().lstrip(".")
    if kind not in PanelFormat.__members__:
        fail(f"{out}: use a .csv or .parquet file name")
    with open_store(db) as store:
        frame = store.panel(freq=freq.value, since=since, until=until, by=by,
                            modality=modality or "happened")  # fmt: skip
        check_target(out, store.path, directory=False, overwrite=overwrite)
    with atomic_target(out, directory=False) as tmp:
        if kind == "csv":
            frame.to_csv(tmp, index=False, date_format="%Y-%m-%d")
        else:
            frame.to_parquet(tmp, index=False)
    dyads = frame[["source", "target"]].drop_duplicates().shape[0] if len(frame) else 0
    console.print(f"{len(frame)} rows ({dyads} dyads) written to {out}", highlight=False)
