"""Analyses over the store: dyad time series and the actor network, counted by event group."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from dateline.errors import StoreError
from dateline.store.filters import EventFilter
from dateline.store.periods import (
    QUADS,
    SERIES_COLUMNS,
    freq_alias,
    per_period,
    periods,
    quad_counts,
)

if TYPE_CHECKING:
    import networkx as nx

    from dateline.store.store import Store

DYAD_COLUMNS = SERIES_COLUMNS
PANEL_COLUMNS = ["source", "target", "period", *QUADS.values(), "events", "goldstein_sum",
                 "goldstein_mean"]  # fmt: skip
#: What a panel row's or a network node's source and target are: ``country``, a country,
#: else an IGO or NGO by name (other actors with no country, "people", "fighters", are left
#: out); ``name``, the actor's name.
SIDE_KEYS = {
    "country": (
        "coalesce(e.source_country, CASE WHEN e.source_sector IN ('IGO', 'NGO') THEN e.source_name END)",
        "coalesce(e.target_country, CASE WHEN e.target_sector IN ('IGO', 'NGO') THEN e.target_name END)",
    ),
    "name": ("coalesce(e.source_name, e.source_text)", "coalesce(e.target_name, e.target_text)"),
}


def _side_keys(by: str) -> tuple[str, str]:
    if by not in SIDE_KEYS:
        raise StoreError(f"by: {by!r} is not one of {', '.join(SIDE_KEYS)}")
    return SIDE_KEYS[by]


# a group whose events name more than one source is a reciprocal act coded both ways ("A and B
# met"; only reciprocal types group two directions, see dedup.dyad_key)
_MUTUAL = (
    "count(DISTINCT coalesce(e.source_country, lower(e.source_name), lower(e.source_text))) > 1"
    " AS mutual"
)


def _both_ways(source: str, target: str) -> str:
    """SQL over the groups ``g`` that lists a group coded in both directions under each: both
    parties did it, so a directed view shows it both ways (once per direction)."""
    return (
        f"SELECT * FROM g UNION ALL "
        f"SELECT * REPLACE ({target} AS {source}, {source} AS {target}) FROM g WHERE mutual"
    )


def dyad(
    store: Store,
    a: str,
    b: str,
    freq: str = "week",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    directed: bool = False,
    modality: str | Sequence[str] | None = "happened",
) -> pd.DataFrame:
    """Event groups between ``a`` and ``b`` per period: one column per QuadClass, the
    cooperation (1+2) and conflict (3+4) totals, all groups, and their mean Goldstein score.

    Every period of the window is a row, zeros where nothing happened (Goldstein NaN): from
    ``since`` (else the first event) to ``until`` (else the last). ``freq`` is day, week
    (Monday to Sunday), month, quarter or year; ``period`` is the period's first day.
    """
    match = EventFilter(dyad=(a, b), since=since, until=until, directed=directed, modality=modality)
    return per_period(store.db, match, freq)


def panel(
    store: Store,
    freq: str = "month",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    by: str = "country",
    modality: str | Sequence[str] | None = "happened",
) -> pd.DataFrame:
    """A balanced panel for R or pandas: every directed dyad (source, target) that has an event
    group in the window, times every period of the window, with counts per QuadClass, all
    groups, and the sum and mean of their Goldstein scores (zeros and NaN where none)."""
    alias = freq_alias(freq)
    src, tgt = _side_keys(by)
    where, params = EventFilter(since=since, until=until, modality=modality).and_dated()
    query = f"""
        WITH g AS (
            SELECT e.group_id, arg_min({src}, e.id) AS source, arg_min({tgt}, e.id) AS target,
                   min(e.day) AS day, arg_min(e.quad_class, e.id) AS quad_class,
                   avg(e.goldstein) AS goldstein, {_MUTUAL}
            FROM events e JOIN articles a ON a.id = e.article_id {where}
            GROUP BY e.group_id
        ),
        d AS ({_both_ways("source", "target")})
        SELECT source, target, day, {quad_counts()}, count(*) AS events,
               sum(goldstein) AS goldstein_sum, count(goldstein) AS gn
        FROM d WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
        GROUP BY source, target, day"""
    frame = store.db.frame(query, params)
    counts = [*QUADS.values(), "events"]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c in ("source", "target") else
                                          "datetime64[us]" if c == "period" else "float64")
                             for c in PANEL_COLUMNS})  # fmt: skip
    days = pd.to_datetime(frame["day"])
    frame["period"] = days.dt.to_period(alias).dt.start_time.dt.normalize()
    grouped = frame.groupby(["source", "target", "period"])[[*counts, "goldstein_sum", "gn"]].sum()
    index = periods(freq, days.min(), days.max(), since, until)
    dyads = grouped.index.droplevel("period").unique()
    full = pd.MultiIndex.from_tuples(
        [(s, t, p) for s, t in dyads for p in index], names=["source", "target", "period"]
    )
    grouped = grouped.reindex(full)
    grouped[counts] = grouped[counts].fillna(0).astype("int64")
    grouped["goldstein_sum"] = grouped["goldstein_sum"].fillna(0.0)
    grouped["goldstein_mean"] = grouped["goldstein_sum"] / grouped["gn"].where(grouped["gn"] > 0)
    out = grouped.reset_index()[PANEL_COLUMNS]
    out["period"] = pd.to_datetime(out["period"]).astype("datetime64[us]")
    return out


def network(
    store: Store,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    by: str = "country",
    modality: str | Sequence[str] | None = "happened",
) -> nx.DiGraph:
    """A directed actor graph: an edge per (source, target) with ``weight`` (event groups),
    ``goldstein`` (mean score), ``sign`` (+1 cooperative, -1 conflictual, 0), and the
    ``cooperation`` / ``conflict`` counts. Nodes are countries (IGOs and NGOs by name; other
    actors without a country are left out) when ``by="country"``, or actor names when ``by="name"``.
    """
    import networkx as nx

    src, tgt = _side_keys(by)
    where, params = EventFilter(since=since, until=until, modality=modality).where()
    query = f"""
        WITH g AS (
            SELECT e.group_id, arg_min({src}, e.id) AS s, arg_min({tgt}, e.id) AS t,
                   arg_min(e.quad_class, e.id) AS quad_class, avg(e.goldstein) AS goldstein,
                   {_MUTUAL}
            FROM events e JOIN articles a ON a.id = e.article_id {where}
            GROUP BY e.group_id
        ),
        d AS ({_both_ways("s", "t")})
        SELECT s, t, count(*) AS weight, avg(goldstein) AS goldstein,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
        FROM d WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
        GROUP BY s, t ORDER BY s, t"""
    graph = nx.DiGraph(since=str(since or ""), until=str(until or ""), by=by)
    for s, t, weight, gold, coop, conflict in store.db.rows(query, params):
        gold = float(gold) if gold is not None else 0.0
        for node in (s, t):
            if node not in graph:
                graph.add_node(node, label=node, events=0)
            graph.nodes[node]["events"] += int(weight)
        graph.add_edge(
            s, t,
            weight=int(weight),
            goldstein=round(gold, 3),
            sign=(gold > 0) - (gold < 0),
            cooperation=int(coop),
            conflict=int(conflict),
        )  # fmt: skip
    return graph
