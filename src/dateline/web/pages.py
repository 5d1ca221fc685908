"""The dashboard pages: server-rendered HTML, each the twin of a JSON route under /api."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from dateline.events.ontology import plover_types
from dateline.web import queries
from dateline.web.api import code_article, store_call
from dateline.web.charts import bars_svg, network_svg, timeline_svg, tone
from dateline.web.params import (
    MODALITY_QUERY,
    EventFilters,
    Freq,
    NetworkBy,
    PageArgs,
    check_modality,
    check_range,
    event_filters,
    page_args,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, template: str, **context: Any) -> Response:
    context.setdefault("params", {})
    return request.app.state.templates.TemplateResponse(request, template, context)


def _twin(request: Request, path: str) -> str:
    query = request.url.query
    return f"{path}?{query}" if query else path


def _mix_chart(mix: list[dict]) -> Any:
    return bars_svg(
        [(m["event"], m["count"]) for m in mix],
        css=[tone(m["event"]) for m in mix],
        links=[f"/events?type={quote(m['event'])}" for m in mix],
    )


def _timeline(periods: list[dict]) -> Any:
    return timeline_svg([(p["period"], p["coop"], p["conflict"]) for p in periods])


def _list_page(
    request: Request,
    name: str,
    found: tuple[list[dict], bool],
    filters: dict[str, Any],
    page: PageArgs,
) -> Response:
    """A paged list (articles, actors, quotes): its rows, the next-page flag, the filters kept
    for the page links, and the JSON twin under /api/NAME."""
    rows, has_more = found
    return render(
        request,
        f"{name}.html",
        title=name.capitalize(),
        nav=name,
        twin=_twin(request, f"/api/{name}"),
        rows=rows,
        has_more=has_more,
        params=_Params(filters, page.limit, page.offset),
    )


@router.get("/")
def home(request: Request) -> Response:
    stats = store_call(request, queries.stats)
    rows, _ = store_call(request, queries.events, EventFilters(limit=10))
    return render(
        request,
        "home.html",
        title="Overview",
        nav="home",
        twin="/api/stats",
        stats=stats,
        rows=rows,
        dyads=stats.get("top_dyads", []),
        mix_chart=_mix_chart(stats.get("event_mix", [])),
    )


@router.get("/events")
def events_page(request: Request, f: EventFilters = Depends(event_filters)) -> Response:
    rows, has_more = store_call(request, queries.events, f)
    total = store_call(request, queries.count_events, f)
    params = f.as_params()
    params["limit"] = f.limit
    params["offset"] = f.offset
    return render(
        request,
        "events.html",
        title="Events",
        nav="events",
        twin=_twin(request, "/api/events"),
        rows=rows,
        has_more=has_more,
        total=total,
        params=_Params(params, f.limit, f.offset),
        event_types=plover_types(),
    )


class _Params(dict):
    """Filter values for templates: attribute access, and the page links drop defaults."""

    def __init__(self, values: dict[str, Any], limit: int, offset: int) -> None:
        clean = {k: v for k, v in values.items() if k not in ("limit", "offset")}
        if limit != 50:
            clean["limit"] = limit
        if offset:
            clean["offset"] = offset
        super().__init__(clean)
        self.limit = limit
        self.offset = offset

    def __getattr__(self, key: str) -> Any:
        return self.get(key)


@router.get("/map")
def map_page(request: Request, f: EventFilters = Depends(event_filters)) -> Response:
    from dateline.web.geomap import map_svg

    data = store_call(request, queries.map_data, f)
    params = f.as_params()
    return render(
        request,
        "map.html",
        title="Map",
        nav="map",
        twin=_twin(request, "/api/map"),
        data=data,
        svg=map_svg(data["points"], data["countries"], params),
        params=_Params(params, f.limit, 0),
        event_types=plover_types(),
    )


@router.get("/articles")
def articles_page(
    request: Request,
    q: str | None = Query(None, max_length=200),
    since: str | None = Query(None, max_length=10),
    until: str | None = Query(None, max_length=10),
    page: PageArgs = Depends(page_args),
) -> Response:
    since, until = check_range(since, until)
    found = store_call(request, queries.articles, q or None, since, until, page.limit, page.offset)
    return _list_page(request, "articles", found, {"q": q, "since": since, "until": until}, page)


def _evidence_context(doc: dict[str, Any]) -> dict[str, Any]:
    from dateline.web.highlight import chunk_article, headline_chunk

    text = doc["article"].get("text") or ""
    body = [e for e in doc["events"] if not queries.headline_event(e)]
    chunks = chunk_article(text, queries.marks(doc), body)
    headline = [e for e in doc["events"] if queries.headline_event(e)]
    if headline:  # the headline's events: a row of their own above the text, marked in the title
        title = doc["article"].get("title") or ""
        chunks.insert(0, headline_chunk(title, queries.trigger_marks(headline), headline))
    return {"chunks": chunks}


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    doc = store_call(request, queries.article, article_id)
    if doc is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return render(
        request,
        "article.html",
        title=doc["article"].get("title") or article_id,
        nav="articles",
        twin=f"/api/articles/{quote(article_id, safe='')}",
        **doc,
        **_evidence_context(doc),
    )


@router.get("/actors")
def actors_page(
    request: Request,
    q: str | None = Query(None, max_length=200),
    country: str | None = Query(None, max_length=3),
    sector: str | None = Query(None, max_length=10),
    page: PageArgs = Depends(page_args),
) -> Response:
    found = store_call(
        request, queries.actors, q or None, country or None, sector or None, page.limit, page.offset
    )
    filters = {"q": q, "country": country, "sector": sector}
    return _list_page(request, "actors", found, filters, page)


@router.get("/actors/{name}")
def actor_page(request: Request, name: str, freq: Freq = "month") -> Response:
    doc = store_call(request, queries.actor, name, freq)
    if doc is None:
        raise HTTPException(404, f"no actor named {name!r}")
    partners = doc["partners"][:12]
    return render(
        request,
        "actor.html",
        title=doc["actor"]["name"],
        nav="actors",
        twin=f"/api/actors/{quote(name, safe='')}",
        actor=doc["actor"],
        rows=doc["events"],
        quotes=doc["quotes"],
        partners_chart=bars_svg(
            [(p["partner"], p["events"]) for p in partners],
            css=["coop" if p["coop"] >= p["conflict"] else "conflict" for p in partners],
            links=[
                f"/dyads/{quote(name, safe='')}/{quote(p['partner'], safe='')}" for p in partners
            ],
        ),
        timeline=_timeline(doc["periods"]),
        mix_chart=_mix_chart(doc["mix"]),
    )


@router.get("/dyads/{a}/{b}")
def dyad_page(
    request: Request, a: str, b: str, freq: Freq = "month", modality: str | None = MODALITY_QUERY
) -> Response:
    doc = store_call(request, queries.dyad, a, b, freq, check_modality(modality))
    return render(
        request,
        "dyad.html",
        title=f"{a} ↔ {b}",
        nav="network",
        twin=_twin(request, f"/api/dyads/{quote(a, safe='')}/{quote(b, safe='')}"),
        a=a,
        b=b,
        freq=freq,
        total=doc["total"],
        coop=doc["coop"],
        conflict=doc["conflict"],
        rows=doc["events"],
        quotes=doc["quotes"],
        timeline=_timeline(doc["periods"]),
        mix_chart=_mix_chart(doc["mix"]),
    )


@router.get("/network")
def network_page(
    request: Request,
    since: str | None = Query(None, max_length=10),
    until: str | None = Query(None, max_length=10),
    min_events: int = Query(1, ge=1, le=1000),
    top: int = Query(40, ge=2, le=200),
    by: NetworkBy = "country",
    modality: str | None = MODALITY_QUERY,
) -> Response:
    since, until = check_range(since, until)
    modality = check_modality(modality)
    doc = store_call(request, queries.network, since, until, min_events, top, by, modality)
    return render(
        request,
        "network.html",
        title="Network",
        nav="network",
        twin=_twin(request, "/api/network"),
        params={"since": since, "until": until, "min_events": min_events, "top": top, "by": by},
        nodes=doc["nodes"],
        edges=doc["edges"],
        svg=network_svg(doc["nodes"], doc["edges"]),
    )


@router.get("/quotes")
def quotes_page(
    request: Request,
    speaker: str | None = Query(None, max_length=200),
    page: PageArgs = Depends(page_args),
) -> Response:
    found = store_call(request, queries.quotes, speaker or None, None, page.limit, page.offset)
    return _list_page(request, "quotes", found, {"speaker": speaker}, page)


@router.get("/sources")
def sources_page(request: Request) -> Response:
    doc = store_call(request, queries.sources, 10)
    return render(request, "sources.html", title="Sources", nav="sources", twin="/api/sources",
                  **doc)  # fmt: skip


@router.get("/code")
def code_form(request: Request) -> Response:
    return render(
        request,
        "code.html",
        title="Code a text",
        nav="code",
        max_bytes=request.app.state.limits.max_body_bytes,
    )


@router.post("/code")
def code_submit(
    request: Request,
    text: str = Form(..., max_length=200_000),
    date: str | None = Form(None, max_length=10),
    title: str | None = Form(None, max_length=1000),
) -> Response:
    result = code_article(request, text, date or None, title or None)
    doc = queries.result_doc(result)
    return render(
        request,
        "code.html",
        title="Code a text",
        nav="code",
        max_bytes=request.app.state.limits.max_body_bytes,
        text=text,
        form_title=title,
        form_date=date,
        result=result,
        **doc,
        **_evidence_context(doc),
    )
