"""The SQL of the store's reads: each read's query and parameters, from its filters.

The :class:`~dateline.store.Store` runs them as DataFrames (``events()``, ...) or as plain rows
(``event_records()``, ...); the ``WHERE`` clauses come from :mod:`dateline.store.filters`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.errors import StoreError
from dateline.store.filters import EventFilter, Where

# Sort keys accepted by ``events(order=...)``; a leading "-" sorts descending.
EVENT_ORDER = {
    "date": "e.day",
    "day": "e.day",
    "event": "e.event",
    "source": "e.source_name",
    "source_name": "e.source_name",
    "source_country": "e.source_country",
    "target": "e.target_name",
    "target_name": "e.target_name",
    "target_country": "e.target_country",
    "quad_class": "e.quad_class",
    "goldstein": "e.goldstein",
    "confidence": "e.confidence",
    "article_id": "e.article_id",
    "published": "a.published",
    "id": "e.id",
}
ARTICLE_ORDER = {"published": "a.published", "title": "a.title", "id": "a.id",
                 "coded_at": "a.coded_at", "events": "events", "source": "a.source"}  # fmt: skip


def events_sql(
    match: EventFilter, limit: int | None, offset: int, order: str
) -> tuple[str, list[Any]]:
    """The query and parameters of ``Store.events``: every events column and its article's."""
    where, params = match.where()
    order_sql = order_by(order, EVENT_ORDER) + ", e.article_id, e.event_index"
    query = (
        "SELECT e.*, a.title AS article_title, a.published, a.source AS article_source,"
        " a.url, a.duplicate_of, a.record_id, a.origin"
        f" FROM events e JOIN articles a ON a.id = e.article_id {where}"
        f" ORDER BY {order_sql}" + page(limit, offset, params)
    )
    return query, params


def quotes_sql(
    speaker: str | None = None,
    article_id: str | None = None,
    text: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[str, list[Any]]:
    """The query and parameters of ``Store.quotes``: quotes with their article, newest first."""
    w = Where()
    if speaker:
        w.and_(
            "(lower(q.speaker_name) = lower(?) OR lower(q.speaker_text) = lower(?)"
            " OR upper(q.speaker_country) = upper(?))",
            *[speaker] * 3,
        )
    if article_id:
        w.and_("q.article_id = ?", article_id)
    if text:
        w.and_("contains(lower(q.text), lower(?))", text)
    w.window("a.published", since, until)
    where, params = w.sql(), w.params
    query = (
        "SELECT q.id, q.article_id, q.quote_index, q.text, q.start_char AS start,"
        ' q.end_char AS "end", q.sentence, q.speaker_text, q.speaker_name, q.speaker_country,'
        " q.speaker_sector, a.title AS article_title, a.published, a.url"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id {where}"
        " ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_index"
    )
    return query + page(limit, offset, params), params


def articles_sql(
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    text: str | None = None,
    source: str | None = None,
    include_duplicates: bool = True,
    with_text: bool = False,
    limit: int | None = None,
    offset: int = 0,
    order: str = "-published",
) -> tuple[str, list[Any]]:
    """The query and parameters of ``Store.articles``, with event and quote counts."""
    w = Where()
    w.window("a.published", since, until)
    if text:
        w.and_(
            "(contains(lower(a.title), lower(?)) OR contains(lower(a.text), lower(?)))",
            text,
            text,
        )
    if source:
        w.and_("lower(a.source) = lower(?)", source)
    if not include_duplicates:
        w.and_("a.duplicate_of IS NULL")
    where, params = w.sql(), w.params
    cols = "a.id, a.record_id, a.title, a.authors, a.published, a.source, a.url, a.origin, a.duplicate_of," \
           " a.similarity, a.run_id, a.coded_at" + (", a.text" if with_text else "")  # fmt: skip
    query = (
        f"SELECT {cols},"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id AND NOT e.negated) AS events,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        f" FROM articles a {where} ORDER BY {order_by(order, ARTICLE_ORDER)}, a.id"
    )
    return query + page(limit, offset, params), params


def actors_sql(
    name: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[str, list[Any]]:
    """The query and parameters of ``Store.actors``: distinct actors with their counts."""
    w = Where()
    if name:
        w.and_("contains(lower(ac.name), lower(?))", name)
    if country:
        w.and_("upper(ac.country) = upper(?)", country)
    if sector:
        w.and_("upper(ac.sector) = upper(?)", sector)
    where, params = w.sql(), w.params
    counted, _ = EventFilter().where()  # events that count: not negated, not duplicates
    query = f"""
        WITH acts AS (
            SELECT ac.name, ac.country, ac.sector, any_value(ac.kind) AS kind,
                   count(DISTINCT ac.article_id) AS articles
            FROM actors ac {where}
            GROUP BY ac.name, ac.country, ac.sector
        ),
        ment AS (
            SELECT ac.name, ac.country, ac.sector, count(*) AS mentions
            FROM mentions m JOIN actors ac ON ac.id = m.actor_key {where}
            GROUP BY ac.name, ac.country, ac.sector
        ),
        sides AS (
            SELECT e.source_name AS name, e.source_country AS country,
                   e.source_sector AS sector, e.group_id
            FROM events e JOIN articles a ON a.id = e.article_id {counted}
            UNION ALL
            SELECT e.target_name, e.target_country, e.target_sector, e.group_id
            FROM events e JOIN articles a ON a.id = e.article_id {counted}
        ),
        evs AS (
            SELECT name, country, sector, count(DISTINCT group_id) AS events
            FROM sides GROUP BY name, country, sector
        )
        SELECT acts.name, acts.country, acts.sector, acts.kind, acts.articles,
               coalesce(ment.mentions, 0) AS mentions, coalesce(evs.events, 0) AS events
        FROM acts
        LEFT JOIN ment ON ment.name IS NOT DISTINCT FROM acts.name
            AND ment.country IS NOT DISTINCT FROM acts.country
            AND ment.sector IS NOT DISTINCT FROM acts.sector
        LEFT JOIN evs ON evs.name IS NOT DISTINCT FROM acts.name
            AND evs.country IS NOT DISTINCT FROM acts.country
            AND evs.sector IS NOT DISTINCT FROM acts.sector
        ORDER BY events DESC, articles DESC, acts.name"""
    both = params * 2
    return query + page(limit, offset, both), both


def order_by(order: str, allowed: dict[str, str]) -> str:
    """``key ASC|DESC NULLS LAST`` for an allowed sort key (a leading '-' sorts descending)."""
    desc = order.startswith("-")
    key = order.lstrip("-")
    if key not in allowed:
        raise StoreError(f"order: unknown key {key!r}; use one of {', '.join(sorted(allowed))}")
    return f"{allowed[key]} {'DESC' if desc else 'ASC'} NULLS LAST"


def page(limit: int | None, offset: int, params: list[Any]) -> str:
    """LIMIT/OFFSET as parameters (appended to ``params``)."""
    sql = ""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql
