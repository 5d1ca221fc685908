"""Query parameters shared by the API and the pages: declared once, bounded, validated."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from fastapi import HTTPException, Query, Request

from dateline.errors import StoreError
from dateline.store.filters import parse_dyad as store_parse_dyad
from dateline.store.modality import resolve as resolve_modality
from dateline.store.periods import period_start

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_PAGE = 500
Sort = Literal[
    "date", "-date", "event", "-event", "source", "-source", "target", "-target",
    "quad_class", "-quad_class", "goldstein", "-goldstein", "confidence", "-confidence",
    "article_id", "-article_id",
]  # fmt: skip
Freq = Literal["week", "month"]
SeriesFreq = Literal["day", "week", "month", "quarter", "year"]
NetworkBy = Literal["country", "name"]


def check_date(value: str | None, name: str) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real date; 400 otherwise."""
    if value is None or value == "":
        return None
    if not re.fullmatch(DATE_PATTERN, value):
        raise HTTPException(
            400, f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    try:
        period_start(value, name)  # as the store will read it
    except StoreError:
        raise HTTPException(400, f"{name}: {value!r} is not a real date") from None
    return value


def check_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    since, until = check_date(since, "since"), check_date(until, "until")
    if since and until and since[: len(until)] > until:
        raise HTTPException(400, f"since ({since}) is after until ({until}); swap them")
    return since, until


MODALITY_QUERY = Query(
    None,
    max_length=100,
    pattern=r"^[a-z,]*$",
    description="Only events of these modalities (comma-separated): asserted, reported, "
    "historical, future, hypothetical, negated, `happened` or `all`",
)


def check_modality(value: str | None) -> str | None:
    """A ``modality`` filter naming known modalities, else 400."""
    if not value:
        return None
    try:
        resolve_modality(value)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None
    return value


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """'USA:RUS' (or 'USA,RUS') -> ('USA', 'RUS'), read as the store reads it; a bad one is a 400."""
    if value is None or value == "":
        return None
    try:
        return store_parse_dyad(value)
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


@dataclass
class EventFilters:
    """The filters of /api/events and /events, as received (strings kept for links)."""

    actor: str | None = None
    dyad: str | None = None
    type: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    include_negated: bool = False
    modality: str | None = None
    place: str | None = None
    sort: str = "-date"
    limit: int = 50
    offset: int = 0

    def as_params(self) -> dict[str, Any]:
        """For building links: defaults dropped."""
        out = asdict(self)
        if out["sort"] == "-date":
            out["sort"] = None
        if out["limit"] == 50:
            out["limit"] = None
        if not out["offset"]:
            out["offset"] = None
        return out


def event_filters(
    actor: str | None = Query(
        None, max_length=200, description="Actor name or country code, on either side"
    ),
    dyad: str | None = Query(
        None, max_length=401, description="Two actors, `A:B` (either direction), e.g. `USA:RUS`"
    ),
    type: str | None = Query(
        None,
        max_length=40,
        pattern=r"^[A-Za-z0-9_]*$",
        description="PLOVER event type (e.g. `AGREE`) or CAMEO code",
    ),
    quad: int | None = Query(
        None,
        ge=1,
        le=4,
        description="Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict",
    ),
    since: str | None = Query(
        None, max_length=10, description="Earliest event date, YYYY[-MM[-DD]]"
    ),
    until: str | None = Query(None, max_length=10, description="Latest event date, YYYY[-MM[-DD]]"),
    q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
    include_negated: bool = Query(False, description="Include events the text negates"),
    modality: str | None = MODALITY_QUERY,
    place: str | None = Query(
        None,
        max_length=40,
        pattern=r"^[A-Za-z0-9]*$",
        description="Where it happened: a gazetteer feature id (GeoNames id of a town, "
        "`SY12` for a division) or a country's alpha-3 code",
    ),
    sort: Sort = Query("-date", description="Sort column; prefix `-` for descending"),
    limit: int = Query(50, ge=1, le=MAX_PAGE, description=f"Rows per page (1-{MAX_PAGE})"),
    offset: int = Query(0, ge=0, le=1_000_000, description="Rows to skip"),
) -> EventFilters:
    """FastAPI dependency: the validated event filters."""
    check_range(since, until)
    parse_dyad(dyad)
    return EventFilters(
        actor=actor or None,
        dyad=dyad or None,
        type=type.upper() if type else None,
        quad=quad,
        since=since or None,
        until=until or None,
        q=q or None,
        include_negated=include_negated,
        modality=check_modality(modality),
        place=place or None,
        sort=sort,
        limit=limit,
        offset=offset,
    )


@dataclass
class PageArgs:
    limit: int = 50
    offset: int = 0


def page_args(
    limit: int = Query(50, ge=1, le=MAX_PAGE, description=f"Rows per page (1-{MAX_PAGE})"),
    offset: int = Query(0, ge=0, le=1_000_000, description="Rows to skip"),
) -> PageArgs:
    return PageArgs(limit, offset)


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"
