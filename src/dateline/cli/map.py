"""`dateline map`: where stored events happened, as a table and a PNG/SVG map for reports."""

from __future__ import annotations

from pathlib import Path

import typer

from dateline.cli.app import app, console, handle_errors
from dateline.cli.shared import DB_OPTION, HAPPENED_OPTION, SINCE_OPTION, UNTIL_OPTION, open_store


@app.command("map")
@handle_errors
def map_cli(
    db: Path = DB_OPTION,
    png: Path = typer.Option(
        None, "--png", help="Draw the map to this file (.png, .svg or .pdf; by its suffix)."
    ),
    actor: str = typer.Option(None, "--actor", help="Actor name or country code, either side."),
    type_: str = typer.Option(None, "--type", help="PLOVER event type or CAMEO code."),
    since: str = SINCE_OPTION,
    until: str = UNTIL_OPTION,
    top: int = typer.Option(15, "--top", min=0, help="Places listed in the table."),
    modality: list[str] = HAPPENED_OPTION,
) -> None:
    """Where events happened: countries shaded by their events, towns and divisions as points.

    The same map as the dashboard's /map page, drawn offline over a vendored Natural Earth
    outline. Only events that happened count unless --modality says otherwise.

    Examples:

      dateline map --db events.duckdb --png where.png

      dateline map --db events.duckdb --type ASSAULT --since 2018 --png assaults.png
    """
    from rich.table import Table

    from dateline.mapdata import MAP_MAX_EVENTS, map_data

    with open_store(db) as store:
        frame = store.events(actor=actor, type=type_, since=since, until=until,
                             modality=modality or "happened", limit=MAP_MAX_EVENTS,
                             order="-date")  # fmt: skip
        data = map_data(frame.to_dict("records"))
    console.print(
        f"{data['located']} of {data['events']} events located · {len(data['points'])} places "
        f"with coordinates · {len(data['countries'])} countries",
        highlight=False,
    )
    table = Table(title="Places", title_justify="left")
    for col in ("place", "precision", "country", "events"):
        table.add_column(col, justify="right" if col == "events" else "left")
    for p in data["points"][:top]:
        table.add_row(str(p["name"]), p["precision"], p["country"] or "", str(p["count"]))
    if top:
        console.print(table)
    if png:
        draw_map(data, png)
        console.print(f"map written to {png}", highlight=False)


def draw_map(data: dict, out: Path) -> None:
    """The map with matplotlib: countries shaded by events, points sized by events."""
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import PolyCollection

    from dateline.mapdata import NORTH, SOUTH, rings, world

    colours = ["#d9d9d9", "#fde0c5", "#f9b27c", "#ef7d45", "#c94a1f"]
    top = max(data["countries"].values(), default=0)
    polys, faces = [], []
    for f in world():
        n = data["countries"].get(f["properties"]["iso3"], 0)
        shade = 0 if not n else 1 + min(3, int(4 * math.log1p(n) / math.log1p(top + 1)))
        for ring in rings(f):
            polys.append(ring)
            faces.append(colours[shade])
    fig, ax = plt.subplots(figsize=(12, 5.2), dpi=120)
    ax.add_collection(PolyCollection(polys, facecolors=faces, edgecolors="white", linewidths=0.3))
    pts = [p for p in data["points"] if p.get("lat") is not None]
    if pts:
        biggest = max(p["count"] for p in pts)
        ax.scatter([p["lon"] for p in pts], [p["lat"] for p in pts],
                   s=[8 + 180 * p["count"] / biggest for p in pts], c="#1f4e79", alpha=0.75,
                   edgecolors="white", linewidths=0.5, zorder=3)  # fmt: skip
        for p in pts[:10]:
            ax.annotate(p["name"], (p["lon"], p["lat"]), xytext=(4, 4), textcoords="offset points",
                        fontsize=7, color="#222")  # fmt: skip
    ax.set_xlim(-180, 180)
    ax.set_ylim(SOUTH, NORTH)
    ax.set_aspect("equal")
    ax.set_facecolor("#eef3f7")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"Where events happened: {data['located']} of {data['events']} located")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
