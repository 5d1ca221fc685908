"""The store's rows of one coded article: a :class:`~dateline.model.Result` as the tuples of the
``articles``, ``events``, ``quotes``, ``actors`` and ``mentions`` tables, in the columns' order
of :mod:`dateline.store.schema`.

The Store writes these rows and the Dask runner writes the same rows to Parquet, so a table
reads the same whichever engine coded it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dateline.model import ActorRef, Event, Result
from dateline.store import dedup, schema
from dateline.store.periods import event_day

#: Each table's columns, in the order of its rows' cells.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": schema.ARTICLE_COLUMNS,
    "events": schema.EVENT_COLUMNS,
    "quotes": schema.QUOTE_COLUMNS,
    "actors": schema.ACTOR_COLUMNS,
    "mentions": schema.MENTION_COLUMNS,
}
TABLES = tuple(TABLE_COLUMNS)


def utc_now() -> dt.datetime:
    """Now, in UTC without a time zone (the store's timestamps)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def actor_ref_cells(ref: ActorRef | None) -> tuple[Any, ...]:
    """An event side's or speaker's text, name, country and sector columns."""
    if ref is None:
        return (None, None, None, None)
    return (ref.text, ref.name, ref.country, ref.sector)


def side_key(ref: ActorRef | None) -> str:
    """One side of an event as event groups compare it (see :func:`dedup.actor_key`)."""
    if ref is None:
        return ""
    return dedup.actor_key(ref.country, ref.name, ref.text)


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def article_row(
    result: Result, sig: Any, near: tuple[str, float] | None = None, run_id: str | None = None
) -> tuple:
    """The articles row of a result: its near duplicate (id, similarity) if any, coded now."""
    art = result.article
    return (
        art.id, art.title, list(art.authors or []), art.published, art.source, art.url,
        art.origin, art.text, sig, near[0] if near else None, near[1] if near else None,
        run_id, utc_now(), art.record_id,
    )  # fmt: skip


def group_key(result: Result, e: Event) -> dedup.GroupKey:
    """What groups one event of a result: its counting day, type, side keys and negation."""
    day = event_day(e.date, result.article.published)
    return dedup.GroupKey(
        day.isoformat() if day else None,
        e.event,
        side_key(e.source),
        side_key(e.target),
        bool(e.negated),
        headline=e.part == "title",
    )


def event_rows(result: Result, links: dict[tuple, str] | None = None) -> list[tuple]:
    """The events rows of a result, with the group ids of :func:`dedup.article_group_ids`;
    ``links`` (``GroupKey.link()`` -> group id) are a near-duplicate original's groups."""
    group_ids = dedup.article_group_ids(
        [group_key(result, e) for e in result.events], result.article.id, links or {}
    )
    return [event_row(result, i, gid) for i, gid in enumerate(group_ids)]


def event_row(result: Result, i: int, gid: str) -> tuple:
    """The events row of a result's ``i``-th event, in the event group ``gid``."""
    art, e = result.article, result.events[i]
    day = event_day(e.date, art.published)
    loc = e.location
    return (
        f"{art.id}:{i}", art.id, i, e.event, e.mode, list(e.context or []), e.cameo,
        e.quad_class, e.goldstein,
        *actor_ref_cells(e.source), e.source.actor_id if e.source else None,
        *actor_ref_cells(e.target), e.target.actor_id if e.target else None,
        e.date, e.date_precision, day, e.sentence, e.sentence_text,
        e.trigger.text, e.trigger.start, e.trigger.end, bool(e.negated), e.modality,
        *actor_ref_cells(e.reported_by),
        loc.name if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.precision if loc else None,
        e.confidence, gid, e.date_note, loc.feature_id if loc else None,
        loc.basis if loc else None, loc.text if loc else None, e.part,
    )  # fmt: skip


def quote_rows(result: Result) -> list[tuple]:
    """The quotes rows of a result, with their speaker's columns."""
    art = result.article
    return [
        (f"{art.id}:q{i}", art.id, i, q.text, q.start, q.end, q.sentence,
         *actor_ref_cells(q.speaker), q.speaker.actor_id if q.speaker else None)
        for i, q in enumerate(result.quotes)
    ]  # fmt: skip


def actor_rows(result: Result) -> tuple[list[tuple], list[tuple]]:
    """The actors rows and the mentions rows of a result."""
    aid = result.article.id
    actors, mentions = [], []
    for a in result.actors:
        key = f"{aid}:{a.id}"
        actors.append((key, aid, a.id, a.name, a.country, a.sector, a.kind))
        mentions.extend(
            (key, aid, a.id, j, m.text, m.start, m.end, m.sentence, m.rule)
            for j, m in enumerate(a.mentions)
        )
    return actors, mentions


def result_rows(
    result: Result,
    sig: Any,
    near: tuple[str, float] | None = None,
    run_id: str | None = None,
    links: dict[tuple, str] | None = None,
) -> dict[str, list[tuple]]:
    """Every row of one coded article, by table (:data:`TABLES`)."""
    actors, mentions = actor_rows(result)
    return {
        "articles": [article_row(result, sig, near, run_id)],
        "events": event_rows(result, links),
        "quotes": quote_rows(result),
        "actors": actors,
        "mentions": mentions,
    }
