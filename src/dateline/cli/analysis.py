"""`dateline dyad` and `dateline network`: the two analyses over a store, from the shell."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from dateline.cli.app import app, console, fail, handle_errors
from dateline.cli.query import DB_OPTION, HAPPENED_OPTION, TableFormat, open_store, print_frame


class Freq(StrEnum):
    week = "week"
    month = "month"


SHORT = {"verbal_coop": "verb.coop", "material_coop": "mat.coop", "verbal_conflict": "verb.confl",
         "material_conflict": "mat.confl", "cooperation": "coop", "conflict": "confl"}  # fmt: skip


@app.command("dyad")
@handle_errors
def dyad_cli(
    a: str = typer.Argument(..., help="First actor: country code (USA) or name."),
    b: str = typer.Argument(..., help="Second actor."),
    db: Path = DB_OPTION,
    freq: Freq = typer.Option(Freq.week, "--freq", help="week or month."),
    since: str = typer.Option(
        None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    until: str = typer.Option(None, "--until", help="Up to this date, inclusive."),
    directed: bool = typer.Option(
        False, "--directed", help="Only A acting on B (default: both directions)."
    ),
    plot: Path = typer.Option(
        None, "--plot", help="Also draw a chart to this file (.png, .svg or .pdf)."
    ),
    fmt: TableFormat = typer.Option(
        TableFormat.table, "--format", "-f", help="table, csv or json."
    ),
    modality: list[str] = HAPPENED_OPTION,
) -> None:
    """Cooperation and conflict between two actors over time.

    Counts event groups (restatements across articles count once) per week or month, by
    QuadClass, with the mean Goldstein score. Only events that happened count unless
    --modality says otherwise (planned and hypothetical events are not events yet).

    Examples:

      dateline dyad USA RUS --db events.duckdb --freq month

      dateline dyad USA RUS --db events.duckdb --plot usa-rus.png

      dateline dyad USA RUS --db events.duckdb --modality future

    In Python: `dateline.open("events.duckdb", read_only=True).dyad("USA", "RUS", freq="month")`.
    """
    from dateline.store.analysis import plot_dyad

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
    since: str = typer.Option(
        None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    until: str = typer.Option(None, "--until", help="Up to this date, inclusive."),
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
