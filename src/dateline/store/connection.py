"""The store's DuckDB connection: opening a file (a busy or missing one named as such), applying
the schema's migrations, and running queries with DuckDB's errors turned into StoreErrors.

The :class:`~dateline.store.Store` facade and the store's own modules (analysis, export, the
watch state) query through one :class:`Database`; nothing else touches DuckDB directly.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dateline.errors import StoreBusy, StoreError
from dateline.store import schema

MEMORY = ":memory:"


def message(exc: BaseException) -> str:
    """The first line of a DuckDB error (the rest repeats the statement)."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``; a missing file (read-only) or a locked one is a
    StoreError that says what to do."""
    memory = path == MEMORY
    if read_only and not memory and not Path(path).exists():
        raise StoreError(
            f"no event store at {path}; create one with 'dateline run INPUT --db {path}'"
        )
    try:
        return duckdb.connect(path, read_only=read_only and not memory)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            if read_only:
                raise StoreBusy(
                    f"database busy: {path} is open for writing in another process "
                    "(probably a 'dateline run'); try again when the run finishes or use a "
                    f"copy of the file (cp {path} snapshot.duckdb)"
                ) from None
            raise StoreBusy(
                f"database busy: {path} is open in another process (a 'dateline run', "
                "'dateline serve' or a notebook); try again when that finishes or use "
                "another --db file"
            ) from None
        raise StoreError(f"cannot open {path}: {exc}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}; is it a DuckDB file?") from None


def prepare(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    """Migrate a writable store; a read-only file is locked down and must be up to date."""
    if read_only and path != MEMORY:
        # a read-only store reads only itself: no files, URLs or attached databases via sql()
        con.execute("SET enable_external_access = false")
        missing = schema.pending(con)
        if missing:
            names = ", ".join(m.__name__ for m in missing)
            raise StoreError(
                f"{path} needs schema migrations ({names}); open it once without "
                "read_only (any 'dateline run' or 'dateline.open(path)') to upgrade it"
            )
        return
    try:
        schema.migrate(con)
    except duckdb.Error as exc:
        raise StoreError(f"cannot migrate {path}: {exc}") from None


class Database:
    """One open DuckDB connection of a store, with query helpers that name the file on error."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str, read_only: bool = False) -> Database:
        """Connect, then migrate (or check, when read-only); the connection is closed on error."""
        con = connect(path, read_only)
        try:
            prepare(con, path, read_only)
        except BaseException:
            con.close()
            raise
        return cls(con, path, read_only)

    def reader(self) -> Database:
        """A read-only view on a second cursor of this connection (for another thread)."""
        return Database(self.con.cursor(), self.path, True)

    def close(self) -> None:
        self.con.close()

    def frame(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """A query's result as a DataFrame."""
        try:
            return self.con.execute(query, list(params or [])).df()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {message(exc)}") from None

    def rows(self, query: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """A query's result as tuples of plain Python values."""
        try:
            return self.con.execute(query, list(params or [])).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {message(exc)}") from None

    def records(self, query: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """A query's result as one dict per row (column name -> plain Python value)."""
        cur = self.cursor(query, params)
        try:
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {message(exc)}") from None
        finally:
            cur.close()

    def cursor(self, query: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        """A cursor over a query's result, for streaming exports."""
        cur = self.con.cursor()
        try:
            return cur.execute(query, list(params or []))
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {message(exc)}") from None

    def arrow(self, query: str, params: Sequence[Any] | None = None) -> Any:
        """A query's result as a pyarrow Table."""
        try:
            rel = self.con.sql(query, params=list(params or []))
            fetch = getattr(rel, "to_arrow_table", None) or rel.arrow  # duckdb < 1.4: .arrow()
            return fetch()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {message(exc)}") from None

    def scalar(self, query: str, params: Sequence[Any] | None = None) -> Any:
        """The first column of the first row, or None."""
        rows = self.rows(query, params)
        return rows[0][0] if rows else None

    def writable(self) -> None:
        """Refuse to write a store opened read-only."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it without read_only to write")

    @contextlib.contextmanager
    def transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: everything inside is written, or (on any error) nothing is."""
        self.writable()
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(
                f"{what}: could not be stored ({message(exc)}); nothing of it was written"
            ) from None
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
