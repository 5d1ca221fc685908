"""Dates and periods of the store: what 'since 2020-03' means, the day an event is counted on,
and the periods (day, week, month, quarter, year) that a time series is counted in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from dateline.errors import StoreError

#: Period length -> pandas period alias (weeks run Monday to Sunday).
FREQS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


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
