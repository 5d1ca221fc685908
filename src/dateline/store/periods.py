"""Dates and periods of the store: what 'since 2020-03' means, the day an event is counted on,
the periods (day, week, month, quarter, year) a time series is counted in, and the one
definition of "how many events per period" (:func:`per_period`) that the CLI, the Python API
and the web pages all draw.

Per period counts **event groups**, not event records: a happening restated in several
sentences or articles (see :mod:`dateline.store.dedup`) counts once, on the day of its
earliest record, with the QuadClass of its first record and the mean Goldstein score of them
all; only dated events count, and which events at all (actor, dyad, modality, ...) is the
caller's :class:`~dateline.store.filters.EventFilter`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from dateline.errors import StoreError

if TYPE_CHECKING:
    from dateline.store.connection import Database
    from dateline.store.filters import EventFilter

#: Period length -> pandas period alias (weeks run Monday to Sunday).
FREQS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
#: The columns of a series: the period's first day, event groups per QuadClass, cooperation
#: (1+2), conflict (3+4), all groups, and their mean Goldstein score.
SERIES_COLUMNS = ["period", *QUADS.values(), "cooperation", "conflict", "events", "goldstein"]


def period_start(value: str, name: str) -> dt.date:
    """'2020' -> 2020-01-01, '2020-03' -> 2020-03-01, '2020-03-09' -> itself."""
    try:
        parts = [int(p) for p in str(value).split("-")]
        if not 1 <= len(parts) <= 3 or len(str(value).split("-")[0]) != 4:
            raise ValueError
        return dt.date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )
    except (ValueError, TypeError):
        raise StoreError(
            f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None


def period_end(value: str, name: str) -> dt.date:
    """The last day of the year, month or day a (partial) date names."""
    start = period_start(value, name)
    n = len(str(value).split("-"))
    if n == 1:
        return dt.date(start.year, 12, 31)
    if n == 2:
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def since_date(value: str | dt.date) -> dt.date:
    """A ``since`` filter's first day: a partial date counts from its start."""
    return value if isinstance(value, dt.date) else period_start(value, "since")


def until_date(value: str | dt.date) -> dt.date:
    """An ``until`` filter's last day: a partial date counts to its end, inclusive."""
    return value if isinstance(value, dt.date) else period_end(value, "until")


def event_day(date: str | None, published: dt.date | None) -> dt.date | None:
    """The calendar day an event is counted on: its own date when it names a day, else the
    publication date when that falls inside the event's month/year, else the period's first day."""
    if date:
        try:
            start = period_start(date, "date")
        except StoreError:
            return published
        if len(date.split("-")) == 3:
            return start
        end = period_end(date, "date")
        if published and start <= published <= end:
            return published
        return start
    return published


def freq_alias(freq: str) -> str:
    """The pandas period alias of a period length, or a StoreError naming the lengths."""
    if freq not in FREQS:
        raise StoreError(f"freq: {freq!r} is not one of {', '.join(FREQS)}")
    return FREQS[freq]


def periods(
    freq: str,
    first: Any = None,
    last: Any = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> pd.DatetimeIndex:
    """The first day of every period from ``since`` (else ``first``) to ``until`` (else
    ``last``): the requested window, even where it holds no event."""
    alias = freq_alias(freq)
    start = since_date(since) if since else first
    end = until_date(until) if until else last
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return pd.DatetimeIndex([], name="period")
    span = pd.period_range(pd.Timestamp(start).to_period(alias), pd.Timestamp(end).to_period(alias))
    return pd.DatetimeIndex(span.start_time.normalize(), name="period")


def quad_counts() -> str:
    """SQL counting the rows of each QuadClass, one column per :data:`QUADS` name."""
    return ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS {n}" for q, n in QUADS.items())


def per_period(db: Database, match: EventFilter, freq: str) -> pd.DataFrame:
    """Event groups of the events ``match`` selects, per period (:data:`SERIES_COLUMNS`).

    Every period of the window is a row, zeros where nothing happened (Goldstein NaN): from
    ``match.since`` (else the first event) to ``match.until`` (else the last). ``freq`` is
    day, week (Monday to Sunday), month, quarter or year; ``period`` is the period's first day.
    """
    alias = freq_alias(freq)
    where, params = match.and_dated()
    query = f"""
        WITH g AS (
            SELECT e.group_id, min(e.day) AS day, arg_min(e.quad_class, e.id) AS quad_class,
                   avg(e.goldstein) AS goldstein
            FROM events e JOIN articles a ON a.id = e.article_id {where}
            GROUP BY e.group_id
        )
        SELECT day, {quad_counts()}, count(*) AS events, sum(goldstein) AS gsum,
               count(goldstein) AS gn
        FROM g GROUP BY day"""
    frame = db.frame(query, params)
    days = pd.to_datetime(frame["day"]) if len(frame) else pd.Series(dtype="datetime64[ns]")
    index = periods(freq, days.min() if len(frame) else None, days.max() if len(frame) else None,
                    match.since, match.until)  # fmt: skip
    counts = [*QUADS.values(), "events"]
    if len(frame):
        frame["period"] = days.dt.to_period(alias).dt.start_time.dt.normalize()
        frame = frame.groupby("period")[[*counts, "gsum", "gn"]].sum()
    else:
        frame = pd.DataFrame(columns=[*counts, "gsum", "gn"], dtype="float64")
    frame = frame.reindex(index)
    frame.index.name = "period"
    frame[counts] = frame[counts].fillna(0).astype("int64")
    frame["goldstein"] = frame["gsum"] / frame["gn"].where(frame["gn"] > 0)
    frame["cooperation"] = frame["verbal_coop"] + frame["material_coop"]
    frame["conflict"] = frame["verbal_conflict"] + frame["material_conflict"]
    out = frame.reset_index()[SERIES_COLUMNS]
    out["period"] = pd.to_datetime(out["period"]).astype("datetime64[us]")
    out["goldstein"] = out["goldstein"].astype("float64")
    return out
