"""The JSON API under /api: one route per dashboard page, plus CSV export and the coder."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from dateline.csvcells import escape_frame
from dateline.errors import ArticleTimeout
from dateline.ingest.detect import check_size
from dateline.web import queries
from dateline.web.params import (
    DATE_PATTERN,
    MODALITY_QUERY,
    EventFilters,
    Freq,
    NetworkBy,
    PageArgs,
    SeriesFreq,
    check_date,
    check_modality,
    check_range,
    client_key,
    event_filters,
    page_args,
)


class ErrorBody(BaseModel):
    """Every error of the API has exactly this shape."""

    ok: bool = Field(False, description="Always false")
    error: str = Field(description="What went wrong and what to try")
    status: int = Field(description="The HTTP status code, repeated")


class RowsPage(BaseModel):
    """A page of rows. Follow `next` (a URL path) until it is null."""

    ok: bool = True
    rows: list[dict[str, Any]]
    limit: int
    offset: int
    has_more: bool
    next: str | None = None
    total: int | None = Field(None, description="Rows matching the filters (events only)")


class CodeRequest(BaseModel):
    """An article to code: the text, and optionally its date (anchors 'on Monday') and title."""

    text: str = Field(min_length=1, max_length=200_000, description="Plain article text")
    date: str | None = Field(None, pattern=DATE_PATTERN, description="Publication date YYYY-MM-DD")
    title: str | None = Field(None, max_length=1000)


ERRORS: dict[int | str, dict[str, Any]] = {
    "4XX": {
        "model": ErrorBody,
        "description": "Bad parameter, not found, body too large or rate-limited",
    },
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


def store_call(request: Request, func, *args, **kwargs):
    """Run one read on a connection of the pool, which lends each to one request at a time
    (a DuckDB connection is not thread-safe)."""
    with request.app.state.stores.take() as store:
        return func(store, *args, **kwargs)


def _next(request: Request, offset: int, limit: int, has_more: bool) -> str | None:
    if not has_more:
        return None
    return str(
        request.url.include_query_params(offset=offset + limit).replace(scheme="", netloc="")
    )


def _page(request: Request, rows: list[dict], limit: int, offset: int, has_more: bool) -> dict:
    return {
        "ok": True,
        "rows": rows,
        "limit": limit,
        "offset": offset,
        "has_more": has_more,
        "next": _next(request, offset, limit, has_more),
    }


def _csv(frame) -> Response:
    buf = io.StringIO()
    escape_frame(frame).to_csv(buf, index=False)
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="events.csv"'},
    )


@router.get(
    "/events",
    response_model=RowsPage,
    summary="Events, filtered, sorted and paginated",
    responses={200: {"content": {"text/csv": {}}}},
)
def api_events(
    request: Request,
    f: EventFilters = Depends(event_filters),
    format: str = Query("json", pattern="^(json|csv)$", description="`json` or `csv`"),
) -> Any:
    """Each row is one event with its actors, codes, date and evidence sentence."""
    if format == "csv":
        return _csv(store_call(request, queries.events_frame, f))
    rows, has_more = store_call(request, queries.events, f)
    total = store_call(request, queries.count_events, f)
    return {**_page(request, rows, f.limit, f.offset, has_more), "total": total}


@router.get(
    "/events.csv",
    summary="Events as CSV (same filters as /api/events)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "CSV, one event per row"}},
)
def api_events_csv(request: Request, f: EventFilters = Depends(event_filters)) -> Response:
    return _csv(store_call(request, queries.events_frame, f))


@router.get("/articles", response_model=RowsPage, summary="Coded articles, newest first")
def api_articles(
    request: Request,
    q: str | None = Query(None, max_length=200, description="Words in the title"),
    since: str | None = Query(
        None, max_length=10, description="Published on or after, YYYY[-MM[-DD]]"
    ),
    until: str | None = Query(None, max_length=10, description="Published on or before"),
    page: PageArgs = Depends(page_args),
) -> Any:
    since, until = check_range(since, until)
    rows, has_more = store_call(
        request, queries.articles, q or None, since, until, page.limit, page.offset
    )
    return _page(request, rows, page.limit, page.offset, has_more)


@router.get("/articles/{article_id}", summary="One article: text, events, quotes and actors")
def api_article(request: Request, article_id: str = Path(max_length=500)) -> dict[str, Any]:
    """The JSON twin of /articles/{id}; events carry their trigger offsets into the text."""
    doc = store_call(request, queries.article, article_id)
    if doc is None:
        raise HTTPException(404, f"no article with id {article_id!r}; list them at /api/articles")
    return {"ok": True, **doc}


@router.get("/actors", response_model=RowsPage, summary="Actors, most active first")
def api_actors(
    request: Request,
    q: str | None = Query(None, max_length=200, description="Part of the name"),
    country: str | None = Query(None, max_length=3, description="ISO-3166 alpha-3"),
    sector: str | None = Query(None, max_length=10, description="PLOVER sector, e.g. GOV"),
    page: PageArgs = Depends(page_args),
) -> Any:
    rows, has_more = store_call(
        request, queries.actors, q or None, country or None, sector or None, page.limit, page.offset
    )
    return _page(request, rows, page.limit, page.offset, has_more)


@router.get("/actors/{name}", summary="One actor: partners, activity over time, quotes, events")
def api_actor(
    request: Request,
    name: str = Path(max_length=200),
    freq: Freq = Query("month", description="Time bucket of the timeline"),
) -> dict[str, Any]:
    doc = store_call(request, queries.actor, name, freq)
    if doc is None:
        raise HTTPException(404, f"no actor named {name!r}; search at /api/actors?q=...")
    return {"ok": True, **doc}


@router.get("/quotes", response_model=RowsPage, summary="Quotations with their speakers")
def api_quotes(
    request: Request,
    speaker: str | None = Query(None, max_length=200, description="Speaker name or country"),
    article_id: str | None = Query(None, max_length=500),
    page: PageArgs = Depends(page_args),
) -> Any:
    rows, has_more = store_call(
        request, queries.quotes, speaker or None, article_id or None, page.limit, page.offset
    )
    return _page(request, rows, page.limit, page.offset, has_more)


@router.get("/dyads/{a}/{b}", summary="A pair of actors: cooperation vs conflict over time")
def api_dyad(
    request: Request,
    a: str = Path(max_length=200),
    b: str = Path(max_length=200),
    freq: SeriesFreq = Query("month", description="Time bucket: day, week, month, quarter or year"),
    since: str | None = Query(None, max_length=10, description="First period, YYYY[-MM[-DD]]"),
    until: str | None = Query(None, max_length=10, description="Last period, YYYY[-MM[-DD]]"),
    modality: str | None = MODALITY_QUERY,
) -> dict[str, Any]:
    """Both directions (A→B and B→A) are counted; `periods` is the chart, `events` the latest.
    Only events that happened count unless `modality` says otherwise."""
    modality = check_modality(modality)
    since, until = check_range(since, until)
    doc = store_call(request, queries.dyad, a, b, freq, modality, since, until)
    return {"ok": True, **doc}


@router.get("/network", summary="Actors and who acts on whom, with a layout")
def api_network(
    request: Request,
    since: str | None = Query(None, max_length=10, description="Earliest event date"),
    until: str | None = Query(None, max_length=10, description="Latest event date"),
    min_events: int = Query(1, ge=1, le=1000, description="Hide edges with fewer events"),
    top: int = Query(40, ge=2, le=200, description="Keep the most active actors"),
    by: NetworkBy = Query("country", description="Nodes are countries (else names) or actor names"),
    modality: str | None = MODALITY_QUERY,
) -> dict[str, Any]:
    """Nodes carry `x`, `y` in [0, 1] (spring layout); edges count event groups by tone.
    Only events that happened count unless `modality` says otherwise."""
    since, until = check_range(since, until)
    modality = check_modality(modality)
    doc = store_call(request, queries.network, since, until, min_events, top, by, modality)
    return {"ok": True, **doc}


@router.get("/sources", summary="Watched feeds and sitemaps: last update, events, health")
def api_sources(
    request: Request,
    rounds: int = Query(10, ge=0, le=200, description="How many of the latest rounds to list"),
) -> dict[str, Any]:
    """One row per source `dateline watch` follows (failing ones first): when it was last
    checked and last brought something new, failures in a row, its last error, the articles
    and (non-negated) events it brought; then the latest rounds with their counts."""
    return {"ok": True, **store_call(request, queries.sources, rounds)}


@router.get("/map", summary="Where the matching events happened: points and events per country")
def api_map(request: Request, f: EventFilters = Depends(event_filters)) -> dict[str, Any]:
    return store_call(request, queries.map_data, f)


@router.get("/stats", summary="Counts and date range of the store")
def api_stats(request: Request) -> dict[str, Any]:
    return {"ok": True, **store_call(request, queries.stats)}


def code_article(
    request: Request, text: str, date: str | None, title: str | None
) -> dict[str, Any]:
    """Rate-limit, then code one text with the app's pipeline; the Result as its JSON contract."""
    limits = request.app.state.limits
    if not limits.allow_code:
        raise HTTPException(403, "the coder is switched off on this server (allow_code=False)")
    wait = request.app.state.bucket.take(client_key(request))
    if wait > 0:
        raise HTTPException(
            429,
            f"too many texts coded from your address; try again in {wait:.0f} s",
            headers={"Retry-After": str(max(1, round(wait)))},
        )
    check_date(date, "date")
    if len(text.encode("utf-8")) > limits.max_body_bytes:
        raise HTTPException(
            413, f"text is larger than {limits.max_body_bytes} bytes; send a shorter one"
        )
    if not text.strip():
        raise HTTPException(400, "text is empty; post the article text")
    settings = request.app.state.settings
    check_size(text, settings, "the posted text")  # the limits every input path shares
    pipeline = request.app.state.pipeline
    if pipeline is None:  # the server's own worker process, under timeout_s
        try:
            return request.app.state.coder.code(text, date, title)
        except ArticleTimeout as exc:
            raise HTTPException(422, str(exc)) from None
    with request.app.state.pipeline_lock:  # a pipeline the caller shared: no time limit here
        return pipeline.code_text(text, date=date, title=title).to_dict()


@router.post("/code", summary="Code a posted article and return the Dateline JSON contract")
def api_code(request: Request, body: CodeRequest) -> dict[str, Any]:
    """Body: `{"text": "...", "date": "2017-01-28", "title": "..."}` (at most 200 kB).

    Returns `Result.to_dict()` (schema `result-v1.json`); nothing is stored.
    Rate-limited per client address (429 with Retry-After).
    """
    return code_article(request, body.text, body.date, body.title)
