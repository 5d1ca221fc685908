"""The event store: one DuckDB file, and the one class through which every read and write goes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from dateline.errors import StoreError
from dateline.model import Result
from dateline.store import dedup, reads
from dateline.store.connection import MEMORY, Database, message
from dateline.store.filters import EventFilter, Where
from dateline.store.periods import per_period
from dateline.store.rows import TABLE_COLUMNS, insert_sql, result_rows, utc_now

if TYPE_CHECKING:
    import networkx as nx

log = logging.getLogger(__name__)


class Store:
    """Coded articles, events, actors and quotes in DuckDB: ``Store("events.duckdb")``.

    Opening applies pending schema migrations (unless ``read_only``). A file being written by
    another process raises :class:`~dateline.errors.StoreBusy`.
    """

    def __init__(self, path: str | Path = MEMORY, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        # No one can write it while it is open: DuckDB bars writers in other processes while a
        # read-only connection holds the file (a reader() of an open writer is not frozen).
        self.frozen = read_only and self.path != MEMORY
        self._near: dedup.NearDuplicates | None = None
        self.db = Database.open(self.path, read_only)

    def close(self) -> None:
        """Close the connection (a writer releases the file for other processes)."""
        self.db.close()

    def reader(self) -> Store:
        """A read-only Store on a second connection to this open database, for another thread
        of this process: DuckDB lets one process write a file, so a dashboard beside a writer
        (``dateline watch --serve``) reads through this rather than opening the file again."""
        other = object.__new__(type(self))
        other.path, other.read_only, other._near = self.path, True, None
        other.frozen = False  # the writer beside it goes on writing
        other.db = self.db.reader()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Store {self.path} ({mode})>"

    @property
    def schema_version(self) -> int:
        """How many named migrations this file has applied."""
        return int(self.db.scalar("SELECT count(*) FROM schema_migrations"))

    def migrations(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        rows = self.db.rows("SELECT name FROM schema_migrations ORDER BY applied_at, name")
        return [r[0] for r in rows]

    # --- writing -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id (content hash) is stored."""
        return self.db.scalar("SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0

    def duplicate_of(self, article_id: str) -> str | None:
        """The id of the article this one nearly duplicates, or None."""
        return self.db.scalar("SELECT duplicate_of FROM articles WHERE id = ?", [article_id])

    def article_ids(self) -> set[str]:
        """The ids of every stored article."""
        return {r[0] for r in self.db.rows("SELECT id FROM articles")}

    def _near_index(self) -> dedup.NearDuplicates:
        if self._near is None:
            rows = self.db.rows(
                "SELECT id, minhash FROM articles WHERE duplicate_of IS NULL AND minhash IS NOT NULL"
            )
            self._near = dedup.NearDuplicates.build(rows)
        return self._near

    def add_result(self, result: Result, run_id: str | None = None, replace: bool = False) -> bool:
        """Store one coded article with its events, actors, mentions and quotes, atomically.

        Returns False (and writes nothing) when the article id is already stored, unless
        ``replace`` is true, which swaps the old rows for the new ones in the same transaction.
        A near duplicate of a stored article gets ``duplicate_of`` set and its events join the
        original's event groups, so it adds no event counts.
        """
        self.db.writable()
        art = result.article
        exists = self.has_article(art.id)
        if exists and not replace:
            return False
        sig = dedup.signature(art.text or "")
        index = self._near_index()
        near = index.find(sig)
        if near and near[0] == art.id:
            near = None
        original_groups = self._group_links(near[0]) if near else {}
        rows = result_rows(result, sig, near, run_id, original_groups)
        with self.db.transaction(f"article {art.id}") as con:
            if exists:
                self._delete_article(con, art.id)
            for table in ("articles", "events", "actors", "mentions", "quotes"):
                if rows[table]:
                    con.executemany(insert_sql(table, TABLE_COLUMNS[table]), rows[table])
        if exists:
            index.remove(art.id)
        if sig is not None and near is None:
            index.add(art.id, sig)
        return True

    @staticmethod
    def _delete_article(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
        for table in ("events", "quotes", "actors", "mentions"):
            con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _group_links(self, article_id: str) -> dict[tuple, str]:
        """``GroupKey.link()`` -> group id, for the events of an article."""
        rows = self.db.rows(
            "SELECT event, source_country, source_name, source_text, target_country, target_name,"
            " target_text, negated, group_id FROM events WHERE article_id = ? ORDER BY event_index",
            [article_id],
        )
        links: dict[tuple, str] = {}
        for ev, sc, sn, st, tc, tn, tt, neg, gid in rows:
            skey, tkey = dedup.actor_key(sc, sn, st), dedup.actor_key(tc, tn, tt)
            links.setdefault((ev, *dedup.dyad_key(ev, skey, tkey), bool(neg)), gid)
        return links

    # --- runs and errors -----------------------------------------------------------------------

    def start_run(
        self,
        settings: dict[str, Any] | None = None,
        inputs: Sequence[str] = (),
        model: str | None = None,
        model_version: str | None = None,
    ) -> str:
        """Record the start of a corpus run; returns its id."""
        from dateline._version import __version__

        run_id = uuid.uuid4().hex[:12]
        with self.db.transaction(f"run {run_id}") as con:
            con.execute(
                "INSERT INTO runs (id, started, inputs, settings, dateline_version, model,"
                " model_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    utc_now(),
                    [str(i) for i in inputs],
                    json.dumps(settings or {}, default=str),
                    __version__,
                    model,
                    model_version,
                ],  # fmt: skip
            )
        return run_id

    def finish_run(self, run_id: str, status: str = "finished", **counts: int) -> None:
        """Record a run's end and its counts (articles, skipped, duplicates, events, errors)."""
        allowed = ("articles", "skipped", "duplicates", "events", "errors")
        unknown = set(counts) - set(allowed)
        if unknown:
            raise StoreError(f"finish_run: unknown counts {sorted(unknown)}; use {allowed}")
        sets = ", ".join(f"{k} = ?" for k in counts)
        with self.db.transaction(f"run {run_id}") as con:
            con.execute(
                f"UPDATE runs SET finished = ?, status = ?{', ' if sets else ''}{sets} WHERE id = ?",
                [utc_now(), status, *counts.values(), run_id],
            )

    def add_error(
        self,
        reason: str,
        item: str | None = None,
        run_id: str | None = None,
        kind: str = "input",
        article_id: str | None = None,
    ) -> None:
        """Record why an input item or an article could not be coded.

        An input error is kept once per input: the same error for the same item from an
        earlier run (a resume) is replaced by this run's, so re-running a corpus with a bad
        file does not pile up copies of its error."""
        with self.db.transaction(f"error for {item}") as con:
            if kind == "input" and item is not None:
                con.execute(
                    "DELETE FROM errors WHERE kind = 'input' AND item = ? AND reason = ?",
                    [item, reason],
                )
            con.execute(
                'INSERT INTO errors (run_id, kind, item, article_id, reason, "at") VALUES (?, ?, ?, ?, ?, ?)',
                [run_id, kind, item, article_id, reason, utc_now()],
            )

    def errors(self, run_id: str | None = None) -> pd.DataFrame:
        """Recorded errors (of one run or all), oldest first."""
        where, params = ("WHERE run_id = ?", [run_id]) if run_id else ("", [])
        return self.db.frame(f'SELECT * FROM errors {where} ORDER BY "at"', params)

    def runs(self) -> pd.DataFrame:
        """Every corpus run with its settings, versions and counts, newest first."""
        return self.db.frame("SELECT * FROM runs ORDER BY started DESC")

    # --- reading -------------------------------------------------------------------------------

    def events(
        self,
        actor: str | None = None,
        dyad: str | Sequence[str] | None = None,
        type: str | Sequence[str] | None = None,  # noqa: A002 - the documented filter name
        quad: int | Sequence[int] | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        include_negated: bool = False,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
        include_duplicates: bool = False,
        article_id: str | None = None,
        directed: bool = False,
        modality: str | Sequence[str] | None = None,
        place: str | None = None,
        min_confidence: float | None = None,
    ) -> pd.DataFrame:
        """Events matching every filter given, one row each, with their article's title and date.

        ``actor`` matches either side by country code or name; ``dyad`` ("USA:RUS" or a pair)
        matches both directions unless ``directed``; ``type`` is a PLOVER type or CAMEO code;
        ``quad`` a QuadClass (1-4) or list; ``since``/``until`` take YYYY, YYYY-MM or YYYY-MM-DD.
        Events of near-duplicate articles are left out unless ``include_duplicates``.
        ``modality`` keeps only events of those modalities ("future", "happened" = asserted,
        reported or historical, a list; default: all). ``place`` keeps events located at a
        gazetteer feature id (``location_feature_id``) or in a country (alpha-3).
        ``min_confidence`` keeps events the coder gives at least that probability of being right.
        """
        match = EventFilter(
            actor, dyad, type, quad, since, until, text, include_negated,
            include_duplicates, article_id, directed, modality, place=place,
            min_confidence=min_confidence,
        )  # fmt: skip
        return self.db.frame(*reads.events_sql(match, limit, offset, order))

    def event_records(
        self,
        match: EventFilter | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
    ) -> list[dict[str, Any]]:
        """The rows of :meth:`events` for the events ``match`` selects, as plain dicts
        (column -> Python value): for JSON and the web, which want rows, not a DataFrame."""
        return self.db.records(*reads.events_sql(match or EventFilter(), limit, offset, order))

    def count_events(self, match: EventFilter | None = None, **filters: Any) -> int:
        """How many events match the same filters as :meth:`events` (limit/offset/order aside),
        given as keywords or as an :class:`EventFilter`."""
        for key in ("limit", "offset", "order"):
            filters.pop(key, None)
        where, params = (match or EventFilter(**filters)).where()
        return int(
            self.db.scalar(
                f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id {where}",
                params,
            )
        )

    def event_types(self, match: EventFilter | None = None) -> list[tuple[str, int]]:
        """(event type, events) of the events ``match`` selects, most frequent first."""
        where, params = (match or EventFilter()).where()
        return self.db.rows(
            "SELECT e.event, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id"
            f" {where} GROUP BY e.event ORDER BY n DESC, e.event",
            params,
        )

    def groups(
        self,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Event groups (restatements of one happening across articles), busiest first."""
        w = Where()
        w.window("day", since, until)
        query = f"SELECT * FROM event_groups {w.sql()} ORDER BY num_articles DESC, day, group_id"
        return self.db.frame(query + reads.page(limit, 0, w.params), w.params)

    def quotes(
        self,
        speaker: str | None = None,
        article_id: str | None = None,
        text: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Quotes with their speaker and article; ``speaker`` matches name, words or country."""
        return self.db.frame(
            *reads.quotes_sql(speaker, article_id, text, since, until, limit, offset)
        )

    def quote_records(self, **filters: Any) -> list[dict[str, Any]]:
        """The rows of :meth:`quotes` (the same filters) as plain dicts, for JSON and the web."""
        return self.db.records(*reads.quotes_sql(**filters))

    def articles(
        self,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        source: str | None = None,
        include_duplicates: bool = True,
        with_text: bool = False,
        limit: int | None = None,
        offset: int = 0,
        order: str = "-published",
    ) -> pd.DataFrame:
        """Articles with their event and quote counts (without the text unless ``with_text``)."""
        return self.db.frame(
            *reads.articles_sql(
                since, until, text, source, include_duplicates, with_text, limit, offset, order
            )
        )

    def article_records(self, **filters: Any) -> list[dict[str, Any]]:
        """The rows of :meth:`articles` (the same filters) as plain dicts, for JSON and the web."""
        return self.db.records(*reads.articles_sql(**filters))

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with all its events (negated ones too), quotes and actors, as plain data.

        ``{"article": {...}, "events": [...], "quotes": [...], "actors": [{..., "mentions": [...]}]}``
        """
        rows = self.db.records(
            "SELECT * EXCLUDE (minhash) FROM articles WHERE id = ?", [article_id]
        )
        if not rows:
            return None
        events = self.db.records(
            "SELECT * FROM events WHERE article_id = ? ORDER BY event_index", [article_id]
        )
        quotes = sorted(self.quote_records(article_id=article_id), key=lambda q: q["quote_index"])
        actors = self.db.records(
            "SELECT actor_id AS id, name, country, sector, kind FROM actors WHERE article_id = ?"
            " ORDER BY actor_id",
            [article_id],
        )
        mentions = self.db.records(
            'SELECT actor_id, text, start_char AS start, end_char AS "end", sentence, rule'
            " FROM mentions WHERE article_id = ? ORDER BY actor_id, mention_index",
            [article_id],
        )
        by_actor: dict[str, list[dict[str, Any]]] = {}
        for m in mentions:
            by_actor.setdefault(m.pop("actor_id"), []).append(_plain(m))
        return {
            "article": _plain(rows[0]),
            "events": [_plain(e) for e in events],
            "quotes": [_plain(q) for q in quotes],
            "actors": [{**_plain(a), "mentions": by_actor.get(a["id"], [])} for a in actors],
        }

    def actors(
        self,
        name: str | None = None,
        country: str | None = None,
        sector: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Distinct actors (name, country, sector, kind) with articles, mentions and event counts.

        ``events`` counts event groups the actor takes part in, from non-duplicate articles.
        """
        return self.db.frame(*reads.actors_sql(name, country, sector, limit, offset))

    def actor_records(self, **filters: Any) -> list[dict[str, Any]]:
        """The rows of :meth:`actors` (the same filters) as plain dicts, for JSON and the web."""
        return self.db.records(*reads.actors_sql(**filters))

    def dyad(
        self,
        a: str,
        b: str,
        freq: str = "week",
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        directed: bool = False,
        modality: str | Sequence[str] | None = "happened",
    ) -> pd.DataFrame:
        """Event groups between two actors per period (day, week, month, quarter or year), by
        QuadClass, with mean Goldstein; every period from ``since`` to ``until`` is a row, zeros
        where nothing happened (only events that happened unless ``modality`` says otherwise)."""
        from dateline.store.analysis import dyad

        return dyad(self, a, b, freq=freq, since=since, until=until, directed=directed,
                    modality=modality)  # fmt: skip

    def series(self, match: EventFilter | None = None, freq: str = "week") -> pd.DataFrame:
        """Event groups per period of the events ``match`` selects (default: every event that
        happened), by QuadClass, with mean Goldstein: the one count of "events per period" that
        :meth:`dyad`, the CLI and the web pages share (see :func:`periods.per_period`)."""
        return per_period(self.db, match or EventFilter(modality="happened"), freq)

    def panel(
        self,
        freq: str = "month",
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        by: str = "country",
        modality: str | Sequence[str] | None = "happened",
    ) -> pd.DataFrame:
        """Every directed dyad x period of the window: counts per QuadClass, all event groups,
        Goldstein sum and mean (a balanced panel for R or pandas; see ``analysis.panel``)."""
        from dateline.store.analysis import panel

        return panel(self, freq=freq, since=since, until=until, by=by, modality=modality)

    def network(
        self,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        by: str = "country",
        modality: str | Sequence[str] | None = "happened",
    ) -> nx.DiGraph:
        """Who acts on whom: a directed graph weighted by event groups, signed by mean Goldstein
        (only events that happened unless ``modality`` says otherwise)."""
        from dateline.store.analysis import network

        return network(self, since=since, until=until, by=by, modality=modality)

    def export(self, out: str | Path, format: str = "parquet",  # noqa: A002
               overwrite: bool = False, **filters: Any) -> int:  # fmt: skip
        """Write events to ``out`` as parquet, csv, jsonl, plover or gdelt; returns the row count.

        Written atomically; an existing non-empty ``out`` is refused unless ``overwrite``."""
        from dateline.store.export import export

        return export(self, out, format, overwrite=overwrite, **filters)

    def sql(self, query: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run one read-only SELECT (or WITH ... SELECT) with optional ``?`` parameters.

        Anything else (INSERT, DELETE, ATTACH, COPY, PRAGMA, SET, ...) is refused. On a store
        opened read-only, the query runs on that read-only connection; otherwise inside a
        transaction that is always rolled back.
        """
        try:
            statements = duckdb.extract_statements(query)
        except duckdb.Error as exc:
            raise StoreError(f"sql: cannot parse the query: {exc}") from None
        if len(statements) != 1:
            raise StoreError(f"sql: give exactly one statement, not {len(statements)}")
        kind = statements[0].type
        if kind != duckdb.StatementType.SELECT:
            raise StoreError(
                f"sql: only SELECT (or WITH ... SELECT) queries are allowed, not {kind.name}; "
                "the store is changed only by 'dateline run'"
            )
        args = params if isinstance(params, dict) else list(params or [])
        if self.read_only:
            try:
                return self.db.con.execute(query, args).df()
            except duckdb.Error as exc:
                raise StoreError(f"sql: {message(exc)}") from None
        cur = self.db.con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            return cur.execute(query, args).df()
        except duckdb.Error as exc:
            raise StoreError(f"sql: {message(exc)}") from None
        finally:
            with contextlib.suppress(duckdb.Error):
                cur.execute("ROLLBACK")
            cur.close()

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, the event date range and the schema version."""
        counted, _ = EventFilter().where()  # events that count: not negated, not duplicates
        row = self.db.rows(
            f"""SELECT
                (SELECT count(*) FROM articles),
                (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
                (SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id {counted}),
                (SELECT count(*) FROM events WHERE negated),
                (SELECT count(*) FROM event_groups),
                (SELECT count(*) FROM quotes),
                (SELECT count(DISTINCT (name, country, sector)) FROM actors),
                (SELECT count(*) FROM runs),
                (SELECT count(*) FROM errors),
                (SELECT min(day) FROM events),
                (SELECT max(day) FROM events)"""
        )[0]
        keys = ("articles", "duplicates", "events", "negated_events", "event_groups", "quotes",
                "actors", "runs", "errors", "first_day", "last_day")  # fmt: skip
        out = dict(zip(keys, row, strict=True))
        for k in ("first_day", "last_day"):
            out[k] = out[k].isoformat() if out[k] else None
        out["schema_version"] = self.schema_version
        out["path"] = self.path
        return out


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """numpy/pandas values -> plain Python (lists, ISO dates, None for NaN/NaT)."""
    out = {}
    for key, value in row.items():
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        if isinstance(value, dt.datetime):
            value = value.date().isoformat() if key in ("published", "day") else value.isoformat()
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif value is pd.NaT or (isinstance(value, float) and value != value) or value is pd.NA:
            value = None
        out[key] = value
    return out
