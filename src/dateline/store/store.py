"""The event store: one DuckDB file, and the one class through which every read and write goes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from dateline.errors import StoreBusy, StoreError
from dateline.model import ActorRef, Result
from dateline.store import dedup, schema
from dateline.store.modality import resolve as resolve_modality

if TYPE_CHECKING:
    import networkx as nx

log = logging.getLogger(__name__)

MEMORY = ":memory:"

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


def _period_start(value: str, name: str) -> dt.date:
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


def _period_end(value: str, name: str) -> dt.date:
    """The last day of the year, month or day a (partial) date names."""
    start = _period_start(value, name)
    n = len(str(value).split("-"))
    if n == 1:
        return dt.date(start.year, 12, 31)
    if n == 2:
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return _period_start(str(value)[:10], "date")


def event_day(date: str | None, published: dt.date | None) -> dt.date | None:
    """The calendar day an event is counted on: its own date when it names a day, else the
    publication date when that falls inside the event's month/year, else the period's first day."""
    if date:
        try:
            start = _period_start(date, "date")
        except StoreError:
            return published
        if len(date.split("-")) == 3:
            return start
        end = _period_end(date, "date")
        if published and start <= published <= end:
            return published
        return start
    return published


def parse_dyad(dyad: str | Sequence[str] | None) -> tuple[str, str] | None:
    """'USA:RUS', 'USA,RUS' or ('USA', 'RUS') -> ('USA', 'RUS')."""
    if dyad is None:
        return None
    parts = dyad.replace(",", ":").split(":", 1) if isinstance(dyad, str) else list(dyad)
    parts = [str(p).strip() for p in parts]
    if len(parts) != 2 or not all(parts):
        raise StoreError(f"dyad: {dyad!r} should name two actors, like 'USA:RUS'")
    return parts[0], parts[1]


def _ref(ref: ActorRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None, None, None, None)
    return (ref.text, ref.name, ref.country, ref.sector)


def _side_key(ref: ActorRef | None) -> str:
    if ref is None:
        return ""
    return dedup.actor_key(ref.country, ref.name, ref.text)


def _side_match(side: str) -> str:
    """SQL matching one side of an event against an actor: country code or name (any case)."""
    return (
        f"(upper(e.{side}_country) = upper(?) OR lower(e.{side}_name) = lower(?)"
        f" OR lower(e.{side}_text) = lower(?))"
    )


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
        self._con = self._connect()
        try:
            self._prepare()
        except BaseException:
            self._con.close()
            raise

    # --- opening -------------------------------------------------------------------------------

    def _connect(self) -> duckdb.DuckDBPyConnection:
        memory = self.path == MEMORY
        if self.read_only and not memory and not Path(self.path).exists():
            raise StoreError(
                f"no event store at {self.path}; create one with 'dateline run INPUT --db {self.path}'"
            )
        try:
            return duckdb.connect(self.path, read_only=self.read_only and not memory)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                if self.read_only:
                    raise StoreBusy(
                        f"database busy: {self.path} is open for writing in another process "
                        "(probably a 'dateline run'); try again when the run finishes or use a "
                        f"copy of the file (cp {self.path} snapshot.duckdb)"
                    ) from None
                raise StoreBusy(
                    f"database busy: {self.path} is open in another process (a 'dateline run', "
                    "'dateline serve' or a notebook); try again when that finishes or use "
                    "another --db file"
                ) from None
            raise StoreError(f"cannot open {self.path}: {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}; is it a DuckDB file?") from None

    def _prepare(self) -> None:
        if self.read_only and self.path != MEMORY:
            # a read-only store reads only itself: no files, URLs or attached databases via sql()
            self._con.execute("SET enable_external_access = false")
            missing = schema.pending(self._con)
            if missing:
                names = ", ".join(m.__name__ for m in missing)
                raise StoreError(
                    f"{self.path} needs schema migrations ({names}); open it once without "
                    "read_only (any 'dateline run' or 'dateline.open(path)') to upgrade it"
                )
            return
        try:
            schema.migrate(self._con)
        except duckdb.Error as exc:
            raise StoreError(f"cannot migrate {self.path}: {exc}") from None

    def close(self) -> None:
        """Close the connection (a writer releases the file for other processes)."""
        self._con.close()

    def reader(self) -> Store:
        """A read-only Store on a second connection to this open database, for another thread
        of this process: DuckDB lets one process write a file, so a dashboard beside a writer
        (``dateline watch --serve``) reads through this rather than opening the file again."""
        other = object.__new__(type(self))
        other.path, other.read_only, other._near = self.path, True, None
        other.frozen = False  # the writer beside it goes on writing
        other._con = self._con.cursor()
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
        return int(self._scalar("SELECT count(*) FROM schema_migrations"))

    def migrations(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        rows = self._con.execute("SELECT name FROM schema_migrations ORDER BY applied_at, name")
        return [r[0] for r in rows.fetchall()]

    # --- low-level helpers (used by export.py and analysis.py) ----------------------------------

    def _frame(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        try:
            return self._con.execute(query, list(params or [])).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {_msg(exc)}") from None

    def _rows(self, query: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            return self._con.execute(query, list(params or [])).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {_msg(exc)}") from None

    def _cursor(self, query: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        """A cursor over a query's result, for streaming exports."""
        cur = self._con.cursor()
        try:
            return cur.execute(query, list(params or []))
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {_msg(exc)}") from None

    def _arrow(self, query: str, params: Sequence[Any] | None = None) -> Any:
        """A query's result as a pyarrow Table."""
        try:
            rel = self._con.sql(query, params=list(params or []))
            fetch = getattr(rel, "to_arrow_table", None) or rel.arrow  # duckdb < 1.4: .arrow()
            return fetch()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {_msg(exc)}") from None

    def _scalar(self, query: str, params: Sequence[Any] | None = None) -> Any:
        rows = self._rows(query, params)
        return rows[0][0] if rows else None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it without read_only to write")

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: everything inside is written, or (on any error) nothing is."""
        self._writable()
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield self._con
        except duckdb.Error as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(
                f"{what}: could not be stored ({_msg(exc)}); nothing of it was written"
            ) from None
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    # --- writing -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id (content hash) is stored."""
        return self._scalar("SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0

    def duplicate_of(self, article_id: str) -> str | None:
        """The id of the article this one nearly duplicates, or None."""
        return self._scalar("SELECT duplicate_of FROM articles WHERE id = ?", [article_id])

    def article_ids(self) -> set[str]:
        """The ids of every stored article."""
        return {r[0] for r in self._rows("SELECT id FROM articles")}

    def _near_index(self) -> dedup.NearDuplicates:
        if self._near is None:
            rows = self._rows(
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
        self._writable()
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
        article_row = self._article_row(result, sig, near, run_id)
        event_rows = [
            self._event_row(result, i, original_groups) for i in range(len(result.events))
        ]
        actor_rows, mention_rows = self._actor_rows(result)
        quote_rows = [
            (
                f"{art.id}:q{i}",
                art.id,
                i,
                q.text,
                q.start,
                q.end,
                q.sentence,
                *_ref(q.speaker),
                q.speaker.actor_id if q.speaker else None,
            )  # fmt: skip
            for i, q in enumerate(result.quotes)
        ]
        with self._transaction(f"article {art.id}") as con:
            if exists:
                self._delete_article(con, art.id)
            con.execute(self._insert("articles", schema.ARTICLE_COLUMNS), article_row)
            for table, columns, rows in (
                ("events", schema.EVENT_COLUMNS, event_rows),
                ("actors", schema.ACTOR_COLUMNS, actor_rows),
                ("mentions", schema.MENTION_COLUMNS, mention_rows),
                ("quotes", schema.QUOTE_COLUMNS, quote_rows),
            ):
                if rows:
                    con.executemany(self._insert(table, columns), rows)
        if exists:
            index.remove(art.id)
        if sig is not None and near is None:
            index.add(art.id, sig)
        return True

    @staticmethod
    def _article_row(
        result: Result, sig: Any, near: tuple[str, float] | None = None, run_id: str | None = None
    ) -> tuple:
        """The articles row of a result, in ``schema.ARTICLE_COLUMNS`` order."""
        art = result.article
        return (
            art.id, art.title, list(art.authors or []), art.published, art.source, art.url,
            art.origin, art.text, sig, near[0] if near else None, near[1] if near else None,
            run_id, _now(), art.record_id,
        )  # fmt: skip

    @staticmethod
    def _insert(table: str, columns: Sequence[str]) -> str:
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )

    @staticmethod
    def _delete_article(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
        for table in ("events", "quotes", "actors", "mentions"):
            con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _group_links(self, article_id: str) -> dict[tuple, str]:
        """(event, source key, target key, negated) -> group id, for the events of an article."""
        rows = self._rows(
            "SELECT event, source_country, source_name, source_text, target_country, target_name,"
            " target_text, negated, group_id FROM events WHERE article_id = ? ORDER BY event_index",
            [article_id],
        )
        links: dict[tuple, str] = {}
        for ev, sc, sn, st, tc, tn, tt, neg, gid in rows:
            key = (ev, dedup.actor_key(sc, sn, st), dedup.actor_key(tc, tn, tt), bool(neg))
            links.setdefault(key, gid)
        return links

    @staticmethod
    def _event_row(result: Result, i: int, links: dict[tuple, str]) -> tuple:
        art, e = result.article, result.events[i]
        day = event_day(e.date, art.published)
        skey, tkey = _side_key(e.source), _side_key(e.target)
        gid = links.get((e.event, skey, tkey, bool(e.negated))) or dedup.group_id(
            day.isoformat() if day else None, e.event, skey, tkey, bool(e.negated), art.id
        )
        loc = e.location
        return (
            f"{art.id}:{i}", art.id, i, e.event, e.mode, list(e.context or []), e.cameo,
            e.quad_class, e.goldstein,
            *_ref(e.source), e.source.actor_id if e.source else None,
            *_ref(e.target), e.target.actor_id if e.target else None,
            e.date, e.date_precision, day, e.sentence, e.sentence_text,
            e.trigger.text, e.trigger.start, e.trigger.end, bool(e.negated), e.modality,
            *_ref(e.reported_by),
            loc.name if loc else None, loc.country if loc else None, loc.admin1 if loc else None,
            loc.lat if loc else None, loc.lon if loc else None, loc.precision if loc else None,
            e.confidence, gid, e.date_note, loc.feature_id if loc else None,
            loc.basis if loc else None, loc.text if loc else None,
        )  # fmt: skip

    @staticmethod
    def _actor_rows(result: Result) -> tuple[list[tuple], list[tuple]]:
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
        with self._transaction(f"run {run_id}") as con:
            con.execute(
                "INSERT INTO runs (id, started, inputs, settings, dateline_version, model,"
                " model_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    _now(),
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
        with self._transaction(f"run {run_id}") as con:
            con.execute(
                f"UPDATE runs SET finished = ?, status = ?{', ' if sets else ''}{sets} WHERE id = ?",
                [_now(), status, *counts.values(), run_id],
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
        with self._transaction(f"error for {item}") as con:
            if kind == "input" and item is not None:
                con.execute(
                    "DELETE FROM errors WHERE kind = 'input' AND item = ? AND reason = ?",
                    [item, reason],
                )
            con.execute(
                'INSERT INTO errors (run_id, kind, item, article_id, reason, "at") VALUES (?, ?, ?, ?, ?, ?)',
                [run_id, kind, item, article_id, reason, _now()],
            )

    def errors(self, run_id: str | None = None) -> pd.DataFrame:
        """Recorded errors (of one run or all), oldest first."""
        where, params = ("WHERE run_id = ?", [run_id]) if run_id else ("", [])
        return self._frame(f'SELECT * FROM errors {where} ORDER BY "at"', params)

    def runs(self) -> pd.DataFrame:
        """Every corpus run with its settings, versions and counts, newest first."""
        return self._frame("SELECT * FROM runs ORDER BY started DESC")

    # --- reading -------------------------------------------------------------------------------

    def _event_where(
        self,
        actor: str | None = None,
        dyad: str | Sequence[str] | None = None,
        type: str | Sequence[str] | None = None,  # noqa: A002 - the documented filter name
        quad: int | Sequence[int] | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        include_negated: bool = False,
        include_duplicates: bool = False,
        article_id: str | None = None,
        directed: bool = False,
        modality: str | Sequence[str] | None = None,
        run_id: str | None = None,
        place: str | None = None,
        min_confidence: float | None = None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if min_confidence:  # the coder's calibrated probability that the event is right
            clauses.append("coalesce(e.confidence, 0) >= ?")
            params.append(float(min_confidence))
        if place:  # a gazetteer feature id (a town, a division) or a country's alpha-3 code
            clauses.append("(e.location_feature_id = ? OR e.location_country = ?)")
            params += [place, place]
        modalities = resolve_modality(modality)
        if modalities:
            marks = ", ".join("?" * len(modalities))
            negated = " OR e.negated" if "negated" in modalities else ""
            clauses.append(f"(coalesce(e.modality, 'asserted') IN ({marks}){negated})")
            params += list(modalities)
            include_negated = include_negated or "negated" in modalities
        if actor:
            clauses.append(f"({_side_match('source')} OR {_side_match('target')})")
            params += [actor] * 6
        pair = parse_dyad(dyad)
        if pair:
            a, b = pair
            fwd = f"({_side_match('source')} AND {_side_match('target')})"
            if directed:
                clauses.append(fwd)
                params += [a] * 3 + [b] * 3
            else:
                clauses.append(f"({fwd} OR {fwd})")
                params += [a] * 3 + [b] * 3 + [b] * 3 + [a] * 3
        if type:
            types = [type] if isinstance(type, str) else list(type)
            clauses.append(
                "(" + " OR ".join("upper(e.event) = upper(?) OR e.cameo = ?" for _ in types) + ")"
            )
            for t in types:
                params += [t, t]
        if quad is not None and quad != []:
            quads = [int(quad)] if isinstance(quad, int | str) else [int(q) for q in quad]
            clauses.append(f"e.quad_class IN ({', '.join('?' * len(quads))})")
            params += quads
        if since:
            clauses.append("e.day >= ?")
            params.append(_since(since))
        if until:
            clauses.append("e.day <= ?")
            params.append(_until(until))
        if text:
            clauses.append(
                "(contains(lower(e.sentence_text), lower(?)) OR contains(lower(e.source_name), lower(?))"
                " OR contains(lower(e.target_name), lower(?)) OR contains(lower(a.title), lower(?)))"
            )
            params += [text] * 4
        if not include_negated:
            clauses.append("NOT e.negated")
        if not include_duplicates:
            clauses.append("a.duplicate_of IS NULL")
        if article_id:
            clauses.append("e.article_id = ?")
            params.append(article_id)
        if run_id:  # the articles one run (or `dateline watch` round) stored
            clauses.append("a.run_id = ?")
            params.append(run_id)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

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
        where, params = self._event_where(
            actor, dyad, type, quad, since, until, text, include_negated,
            include_duplicates, article_id, directed, modality, place=place,
            min_confidence=min_confidence,
        )  # fmt: skip
        order_sql = _order(order, EVENT_ORDER) + ", e.article_id, e.event_index"
        query = (
            "SELECT e.*, a.title AS article_title, a.published, a.source AS article_source,"
            " a.url, a.duplicate_of, a.record_id, a.origin"
            f" FROM events e JOIN articles a ON a.id = e.article_id {where}"
            f" ORDER BY {order_sql}" + _page(limit, offset, params)
        )
        return self._frame(query, params)

    def count_events(self, **filters: Any) -> int:
        """How many events match the same filters as :meth:`events` (limit/offset/order aside)."""
        for key in ("limit", "offset", "order"):
            filters.pop(key, None)
        where, params = self._event_where(**filters)
        return int(
            self._scalar(
                f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id {where}",
                params,
            )
        )

    def groups(
        self,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Event groups (restatements of one happening across articles), busiest first."""
        clauses, params = [], []
        if since:
            clauses.append("day >= ?")
            params.append(_since(since))
        if until:
            clauses.append("day <= ?")
            params.append(_until(until))
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        query = f"SELECT * FROM event_groups {where} ORDER BY num_articles DESC, day, group_id"
        return self._frame(query + _page(limit, 0, params), params)

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
        clauses, params = [], []
        if speaker:
            clauses.append(
                "(lower(q.speaker_name) = lower(?) OR lower(q.speaker_text) = lower(?)"
                " OR upper(q.speaker_country) = upper(?))"
            )
            params += [speaker] * 3
        if article_id:
            clauses.append("q.article_id = ?")
            params.append(article_id)
        if text:
            clauses.append("contains(lower(q.text), lower(?))")
            params.append(text)
        if since:
            clauses.append("a.published >= ?")
            params.append(_since(since))
        if until:
            clauses.append("a.published <= ?")
            params.append(_until(until))
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        query = (
            "SELECT q.id, q.article_id, q.quote_index, q.text, q.start_char AS start,"
            ' q.end_char AS "end", q.sentence, q.speaker_text, q.speaker_name, q.speaker_country,'
            " q.speaker_sector, a.title AS article_title, a.published, a.url"
            f" FROM quotes q JOIN articles a ON a.id = q.article_id {where}"
            " ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_index"
        )
        return self._frame(query + _page(limit, offset, params), params)

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
        clauses, params = [], []
        if since:
            clauses.append("a.published >= ?")
            params.append(_since(since))
        if until:
            clauses.append("a.published <= ?")
            params.append(_until(until))
        if text:
            clauses.append(
                "(contains(lower(a.title), lower(?)) OR contains(lower(a.text), lower(?)))"
            )
            params += [text, text]
        if source:
            clauses.append("lower(a.source) = lower(?)")
            params.append(source)
        if not include_duplicates:
            clauses.append("a.duplicate_of IS NULL")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        cols = "a.id, a.record_id, a.title, a.authors, a.published, a.source, a.url, a.origin, a.duplicate_of," \
               " a.similarity, a.run_id, a.coded_at" + (", a.text" if with_text else "")  # fmt: skip
        query = (
            f"SELECT {cols},"
            " (SELECT count(*) FROM events e WHERE e.article_id = a.id AND NOT e.negated) AS events,"
            " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
            f" FROM articles a {where} ORDER BY {_order(order, ARTICLE_ORDER)}, a.id"
        )
        return self._frame(query + _page(limit, offset, params), params)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with all its events (negated ones too), quotes and actors, as plain data.

        ``{"article": {...}, "events": [...], "quotes": [...], "actors": [{..., "mentions": [...]}]}``
        """
        rows = self._frame("SELECT * EXCLUDE (minhash) FROM articles WHERE id = ?", [article_id])
        if rows.empty:
            return None
        art = _plain(rows.to_dict("records")[0])
        events = self._frame(
            "SELECT * FROM events WHERE article_id = ? ORDER BY event_index", [article_id]
        )
        quotes = self.quotes(article_id=article_id)
        quotes = quotes.sort_values("quote_index") if not quotes.empty else quotes
        actors = self._frame(
            "SELECT actor_id AS id, name, country, sector, kind FROM actors WHERE article_id = ?"
            " ORDER BY actor_id",
            [article_id],
        )
        mentions = self._frame(
            'SELECT actor_id, text, start_char AS start, end_char AS "end", sentence, rule'
            " FROM mentions WHERE article_id = ? ORDER BY actor_id, mention_index",
            [article_id],
        )
        by_actor: dict[str, list[dict[str, Any]]] = {}
        for m in mentions.to_dict("records"):
            by_actor.setdefault(m.pop("actor_id"), []).append(_plain(m))
        actor_list = [
            {**_plain(a), "mentions": by_actor.get(a["id"], [])} for a in actors.to_dict("records")
        ]
        return {
            "article": art,
            "events": [_plain(e) for e in events.to_dict("records")],
            "quotes": [_plain(q) for q in quotes.to_dict("records")],
            "actors": actor_list,
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
        clauses, params = [], []
        if name:
            clauses.append("contains(lower(ac.name), lower(?))")
            params.append(name)
        if country:
            clauses.append("upper(ac.country) = upper(?)")
            params.append(country)
        if sector:
            clauses.append("upper(ac.sector) = upper(?)")
            params.append(sector)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
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
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE NOT e.negated AND a.duplicate_of IS NULL
                UNION ALL
                SELECT e.target_name, e.target_country, e.target_sector, e.group_id
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE NOT e.negated AND a.duplicate_of IS NULL
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
        return self._frame(query + _page(limit, offset, both), both)

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
                return self._con.execute(query, args).df()
            except duckdb.Error as exc:
                raise StoreError(f"sql: {_msg(exc)}") from None
        cur = self._con.cursor()
        try:
            cur.execute("BEGIN TRANSACTION")
            return cur.execute(query, args).df()
        except duckdb.Error as exc:
            raise StoreError(f"sql: {_msg(exc)}") from None
        finally:
            with contextlib.suppress(duckdb.Error):
                cur.execute("ROLLBACK")
            cur.close()

    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, the event date range and the schema version."""
        row = self._rows(
            """SELECT
                (SELECT count(*) FROM articles),
                (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
                (SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id
                   WHERE NOT e.negated AND a.duplicate_of IS NULL),
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


def _msg(exc: BaseException) -> str:
    """The first line of a DuckDB error (the rest repeats the statement)."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _since(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else _period_start(value, "since")


def _until(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else _period_end(value, "until")


def _order(order: str, allowed: dict[str, str]) -> str:
    desc = order.startswith("-")
    key = order.lstrip("-")
    if key not in allowed:
        raise StoreError(f"order: unknown key {key!r}; use one of {', '.join(sorted(allowed))}")
    return f"{allowed[key]} {'DESC' if desc else 'ASC'} NULLS LAST"


def _page(limit: int | None, offset: int, params: list[Any]) -> str:
    """LIMIT/OFFSET as parameters (appended to ``params``)."""
    sql = ""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql


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
