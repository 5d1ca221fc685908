"""The store's one filter builder: filters in, a SQL ``WHERE`` clause and its parameters out.

Every read of events (lists, counts, exports, dyad series, panels, networks, the web's pages)
asks :class:`EventFilter` for its clause, so a filter means the same thing everywhere; the other
tables' reads build theirs with :class:`Where`. Values always travel as ``?`` parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.errors import StoreError
from dateline.store.modality import resolve as resolve_modality
from dateline.store.periods import since_date, until_date


@dataclass
class Where:
    """A WHERE clause being built: ``and_(sql, *params)`` per condition, then :meth:`sql`."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def and_(self, clause: str, *params: Any) -> None:
        """Add one condition, with the values of its ``?`` marks in order."""
        self.clauses.append(clause)
        self.params += params

    def window(self, column: str, since: str | dt.date | None, until: str | dt.date | None) -> None:
        """``column`` from the first day of ``since`` to the last day of ``until`` (inclusive)."""
        if since:
            self.and_(f"{column} >= ?", since_date(since))
        if until:
            self.and_(f"{column} <= ?", until_date(until))

    def sql(self) -> str:
        """``WHERE a AND b``, or an empty string when there is no condition."""
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def parse_dyad(dyad: str | Sequence[str] | None) -> tuple[str, str] | None:
    """'USA:RUS', 'USA,RUS' or ('USA', 'RUS') -> ('USA', 'RUS')."""
    if dyad is None:
        return None
    parts = dyad.replace(",", ":").split(":", 1) if isinstance(dyad, str) else list(dyad)
    parts = [str(p).strip() for p in parts]
    if len(parts) != 2 or not all(parts):
        raise StoreError(f"dyad: {dyad!r} should name two actors, like 'USA:RUS'")
    return parts[0], parts[1]


def side_match(side: str) -> str:
    """SQL matching one side of an event against an actor: country code or name (any case)."""
    return (
        f"(upper(e.{side}_country) = upper(?) OR lower(e.{side}_name) = lower(?)"
        f" OR lower(e.{side}_text) = lower(?))"
    )


@dataclass(frozen=True)
class EventFilter:
    """Which events a read covers; the fields are the documented filters of ``Store.events``.

    The clause reads the events as ``e`` joined to their articles as ``a``.
    """

    actor: str | None = None
    dyad: str | Sequence[str] | None = None
    type: str | Sequence[str] | None = None
    quad: int | Sequence[int] | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    text: str | None = None
    include_negated: bool = False
    include_duplicates: bool = False
    article_id: str | None = None
    directed: bool = False
    modality: str | Sequence[str] | None = None
    run_id: str | None = None
    place: str | None = None
    min_confidence: float | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause (empty when nothing filters) and its parameters."""
        w = Where()
        include_negated = self.include_negated
        if self.min_confidence:  # the coder's calibrated probability that the event is right
            w.and_("coalesce(e.confidence, 0) >= ?", float(self.min_confidence))
        if self.place:  # a gazetteer feature id (a town, a division) or a country's alpha-3 code
            w.and_("(e.location_feature_id = ? OR e.location_country = ?)", self.place, self.place)
        modalities = resolve_modality(self.modality)
        if modalities:
            marks = ", ".join("?" * len(modalities))
            negated = " OR e.negated" if "negated" in modalities else ""
            w.and_(f"(coalesce(e.modality, 'asserted') IN ({marks}){negated})", *modalities)
            include_negated = include_negated or "negated" in modalities
        if self.actor:
            w.and_(f"({side_match('source')} OR {side_match('target')})", *[self.actor] * 6)
        pair = parse_dyad(self.dyad)
        if pair:
            a, b = pair
            fwd = f"({side_match('source')} AND {side_match('target')})"
            if self.directed:
                w.and_(fwd, *[a] * 3, *[b] * 3)
            else:
                w.and_(f"({fwd} OR {fwd})", *[a] * 3, *[b] * 3, *[b] * 3, *[a] * 3)
        if self.type:
            types = [self.type] if isinstance(self.type, str) else list(self.type)
            w.and_(
                "(" + " OR ".join("upper(e.event) = upper(?) OR e.cameo = ?" for _ in types) + ")",
                *[v for t in types for v in (t, t)],
            )
        quad = self.quad
        if quad is not None and quad != []:
            quads = [int(quad)] if isinstance(quad, int | str) else [int(q) for q in quad]
            w.and_(f"e.quad_class IN ({', '.join('?' * len(quads))})", *quads)
        w.window("e.day", self.since, self.until)
        if self.text:
            w.and_(
                "(contains(lower(e.sentence_text), lower(?)) OR contains(lower(e.source_name), lower(?))"
                " OR contains(lower(e.target_name), lower(?)) OR contains(lower(a.title), lower(?)))",
                *[self.text] * 4,
            )
        if not include_negated:
            w.and_("NOT e.negated")
        if not self.include_duplicates:
            w.and_("a.duplicate_of IS NULL")
        if self.article_id:
            w.and_("e.article_id = ?", self.article_id)
        if self.run_id:  # the articles one run (or `dateline watch` round) stored
            w.and_("a.run_id = ?", self.run_id)
        return w.sql(), w.params

    def and_dated(self) -> tuple[str, list[Any]]:
        """:meth:`where` plus "the event has a day" (a time series counts dated events only)."""
        where, params = self.where()
        return where + (" AND " if where else "WHERE ") + "e.day IS NOT NULL", params
