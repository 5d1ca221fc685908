"""What `dateline watch` remembers in the store: sources, items seen, and rounds.

Every write is its own short transaction, made right after the thing it records, so a watch
killed at any moment resumes from the store: a source keeps its ETag and failure count, an
item is marked only once its article is stored (the store's content id catches the rest).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from dateline.store import Store

#: Item outcomes. ``failed`` items are tried again (up to ``watch_item_attempts`` rounds).
CODED, DUPLICATE, SKIPPED, FAILED = "coded", "duplicate", "skipped", "failed"


def now() -> dt.datetime:
    """The current time as the store keeps it: UTC, naive."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass
class SourceState:
    """One source as stored: its validators for conditional requests and its health."""

    url: str
    kind: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_due: dt.datetime | None = None
    last_error: str | None = None
    last_checked: dt.datetime | None = None

    def due(self, at: dt.datetime) -> bool:
        return self.next_due is None or self.next_due <= at


_SOURCE_COLUMNS = ("url", "kind", "title", "etag", "last_modified", "failures", "next_due",
                   "last_error", "last_checked")  # fmt: skip


def register(store: Store, urls: Iterable[str]) -> None:
    """Add sources not yet in the store (known ones keep their state)."""
    with store.db.transaction("watch sources") as con:
        for url in urls:
            con.execute(
                "INSERT INTO watch_sources (url, added) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [url, now()],
            )


def load_sources(store: Store, urls: Iterable[str] | None = None) -> list[SourceState]:
    """The stored state of ``urls`` (in that order), or of every source."""
    rows = store.db.rows(f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM watch_sources ORDER BY url")
    states = {r[0]: SourceState(*r) for r in rows}
    if urls is None:
        return list(states.values())
    return [states.get(u) or SourceState(u) for u in urls]


def source_checked(
    store: Store,
    state: SourceState,
    *,
    ok: bool,
    status: str,
    next_due: dt.datetime,
    error: str | None = None,
    new_items: int = 0,
) -> None:
    """Record one check of a source: success resets its failures, failure counts one more."""
    at = now()
    failures = 0 if ok else state.failures + 1
    with store.db.transaction(f"watch source {state.url}") as con:
        con.execute(
            "UPDATE watch_sources SET kind = ?, title = ?, etag = ?, last_modified = ?,"
            " failures = ?, next_due = ?, last_error = ?, status = ?, last_checked = ?,"
            " last_success = CASE WHEN ? THEN ? ELSE last_success END,"
            " last_new = CASE WHEN ? > 0 THEN ? ELSE last_new END WHERE url = ?",
            [state.kind, state.title, state.etag, state.last_modified, failures, next_due,
             error, status, at, ok, at, new_items, at, state.url],
        )  # fmt: skip
    state.failures = failures
    state.next_due = next_due
    state.last_error = error
    state.last_checked = at


def seen(store: Store, max_attempts: int) -> set[str]:
    """URLs (and canonical URLs) of items not to fetch again: done, or failed too often."""
    rows = store.db.rows(
        "SELECT url, canonical_url FROM watch_items WHERE status <> ? OR attempts >= ?",
        [FAILED, max_attempts],
    )
    return {u for row in rows for u in row if u}


def record_item(
    store: Store,
    url: str,
    source_url: str,
    status: str,
    *,
    reason: str | None = None,
    canonical_url: str | None = None,
    article_id: str | None = None,
    run_id: str | None = None,
) -> None:
    """Record what became of one listed item (a retried item counts one more attempt)."""
    at = now()
    with store.db.transaction(f"watch item {url}") as con:
        con.execute(
            "INSERT INTO watch_items (url, canonical_url, source_url, first_seen, last_tried,"
            " attempts, status, reason, article_id, run_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET canonical_url = excluded.canonical_url,"
            " last_tried = excluded.last_tried, attempts = watch_items.attempts + 1,"
            " status = excluded.status, reason = excluded.reason,"
            " article_id = excluded.article_id, run_id = excluded.run_id",
            [url, canonical_url, source_url, at, at, status, reason, article_id, run_id],
        )


def start_round(store: Store, run_id: str, sources: int) -> None:
    """Record a round's start; rounds a killed watch left 'running' are marked 'killed'."""
    with store.db.transaction(f"watch round {run_id}") as con:
        con.execute(
            "UPDATE runs SET status = 'killed' WHERE status = 'running' AND id IN"
            " (SELECT run_id FROM watch_rounds WHERE finished IS NULL)"
        )
        con.execute(
            "INSERT INTO watch_rounds (run_id, started, sources) VALUES (?, ?, ?)",
            [run_id, now(), sources],
        )


ROUND_COUNTS = ("sources_checked", "sources_failed", "not_modified", "new_items", "coded",
                "failed", "skipped", "duplicates", "events")  # fmt: skip


def finish_round(
    store: Store, run_id: str, counts: dict[str, int], export_path: str | None = None
) -> None:
    values = [int(counts.get(k, 0)) for k in ROUND_COUNTS]
    sets = ", ".join(f"{k} = ?" for k in ROUND_COUNTS)
    with store.db.transaction(f"watch round {run_id}") as con:
        con.execute(
            f"UPDATE watch_rounds SET finished = ?, export_path = ?, {sets} WHERE run_id = ?",
            [now(), export_path, *values, run_id],
        )


_ROUNDS = (
    "SELECT w.*, r.status FROM watch_rounds w LEFT JOIN runs r ON r.id = w.run_id"
    " ORDER BY w.started DESC LIMIT ?"
)


def rounds(store: Store, limit: int = 20) -> pd.DataFrame:
    """The latest rounds with their counts and status, newest first."""
    return store.db.frame(_ROUNDS, [limit])


def round_rows(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """:func:`rounds` as plain rows (for the web)."""
    return store.db.records(_ROUNDS, [limit])


#: Every source with its items, articles and events (see :func:`health`).
_HEALTH = """
        WITH items AS (
            SELECT source_url, count(*) AS items,
                   count(*) FILTER (WHERE status = 'coded') AS articles,
                   count(*) FILTER (WHERE status = 'failed') AS failed_items,
                   count(*) FILTER (WHERE status = 'skipped') AS skipped_items
            FROM watch_items GROUP BY source_url
        ),
        evs AS (
            SELECT i.source_url, count(e.id) AS events
            FROM watch_items i
            JOIN articles a ON a.id = i.article_id AND a.duplicate_of IS NULL
            JOIN events e ON e.article_id = a.id AND NOT e.negated
            WHERE i.status = 'coded'
            GROUP BY i.source_url
        )
        SELECT s.url, s.kind, s.title, s.status, s.last_checked, s.last_success, s.last_new,
               s.failures, s.next_due, s.last_error,
               coalesce(items.items, 0) AS items, coalesce(items.articles, 0) AS articles,
               coalesce(items.failed_items, 0) AS failed_items,
               coalesce(items.skipped_items, 0) AS skipped_items,
               coalesce(evs.events, 0) AS events
        FROM watch_sources s
        LEFT JOIN items ON items.source_url = s.url
        LEFT JOIN evs ON evs.source_url = s.url
        ORDER BY s.failures DESC, s.url"""


def health(store: Store) -> pd.DataFrame:
    """Every source with its state, items seen, articles coded and (non-negated) events brought.

    An article listed by two sources counts for the first one that brought it.
    """
    return store.db.frame(_HEALTH)


def health_rows(store: Store) -> list[dict[str, Any]]:
    """:func:`health` as plain rows (for the web)."""
    return store.db.records(_HEALTH)


def items(store: Store, source_url: str | None = None) -> pd.DataFrame:
    """Items seen (of one source or all) with their outcome, latest first."""
    where, params = ("WHERE source_url = ?", [source_url]) if source_url else ("", [])
    return store.db.frame(f"SELECT * FROM watch_items {where} ORDER BY last_tried DESC", params)


def as_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame as plain dicts (timestamps as datetimes, NaN/NaT as None)."""
    out = []
    for row in frame.to_dict("records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                value = value.to_pydatetime()
            elif value is pd.NaT or (isinstance(value, float) and value != value):
                value = None
            clean[key] = value
        out.append(clean)
    return out
