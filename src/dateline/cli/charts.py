"""Charts the CLI draws (matplotlib, at the edge): the store gives the data, this draws it."""

from __future__ import annotations

from typing import Any

import pandas as pd


def plot_dyad(frame: pd.DataFrame, a: str, b: str, out: Any, freq: str = "week") -> None:
    """Draw a dyad series to a PNG/SVG/PDF: cooperation above the axis, conflict below,
    mean Goldstein as a line on a second axis (matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=120)
    x = pd.to_datetime(frame["period"]) if len(frame) else pd.Series(dtype="datetime64[ns]")
    width = {"day": 0.8, "week": 5, "month": 24, "quarter": 70, "year": 280}.get(freq, 24)
    ax.bar(x, frame["verbal_coop"], width=width, color="#9ecae1", label="verbal cooperation")
    ax.bar(x, frame["material_coop"], width=width, bottom=frame["verbal_coop"], color="#2171b5",
           label="material cooperation")  # fmt: skip
    ax.bar(x, -frame["verbal_conflict"], width=width, color="#fcae91", label="verbal conflict")
    ax.bar(x, -frame["material_conflict"], width=width, bottom=-frame["verbal_conflict"],
           color="#cb181d", label="material conflict")  # fmt: skip
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("events (conflict below zero)")
    top = max(1, int(frame["cooperation"].max()) if len(frame) else 1)
    bottom = max(1, int(frame["conflict"].max()) if len(frame) else 1)
    lim = max(top, bottom) * 1.15
    ax.set_ylim(-lim, lim)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{abs(v):.0f}"))
    ax2 = ax.twinx()
    ax2.plot(x, frame["goldstein"], color="#333333", marker="o", markersize=3, linewidth=1.4,
             label="mean Goldstein")  # fmt: skip
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("mean Goldstein score")
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    labels = ax.get_legend_handles_labels()[1] + ax2.get_legend_handles_labels()[1]
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=8,
              frameon=False, ncol=5)  # fmt: skip
    ax.set_title(f"{a} – {b}: event groups per {freq} (cooperation up, conflict down)", loc="left")
    ax.spines[["top"]].set_visible(False)
    ax2.spines[["top"]].set_visible(False)
    locator = matplotlib.dates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
