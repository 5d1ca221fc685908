"""What each page and API route shows, read through the Store and shaped into plain JSON rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from dateline.store.filters import EventFilter
from dateline.web.charts import layout, tone
from dateline.web.highlight import Mark
from dateline.web.params import EventFilters, parse_dyad

# Event row keys of the API (documented as stable in docs/web.md); Store column -> API key.
EVENT_RENAMES = {"source_name": "source", "target_name": "target", "location_name": "location"}
QUOTE_RENAMES = {"speaker_name": "speaker"}


#: The map reads at most this many matching events (newest first).
MAP_MAX_EVENTS = 20_000


# --- JSON-safe rows ----------------------------------------------------------------------------


_PLAIN = frozenset({str, int, bool})


def clean(value: Any) -> Any:
    """numpy/pandas scalars, NaN/NaT/NA and dates -> plain JSON values."""
    if value is None or type(value) in _PLAIN:  # most cells: nothing to convert
        return value
    # numpy scalars only: item() of a one-element array would turn ["x"] into "x"
    if (
        hasattr(value, "item")
        and getattr(value, "ndim", 0) == 0
        and not isinstance(value, list | dict | str | bytes)
    ):
        with contextlib.suppress(ValueError, AttributeError):
            value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if not isinstance(value, list | tuple | dict | str) and not hasattr(value, "tolist"):
        try:
            if value != value:  # NaT, NaN-likes
                return None
        except (TypeError, ValueError):  # pd.NA refuses to be a bool
            return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if hasattr(value, "tolist"):
        return clean(value.tolist())
    try:
        if value != value:  # NaT, pd.NA raise or compare unequal
            return None
    except (TypeError, ValueError):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(frame, renames: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """A DataFrame's rows (the analyses' series, the watch state) as JSON-safe dicts."""
    if frame is None or len(frame) == 0:
        return []
    return plain_rows(frame.to_dict("records"), renames)


def plain_rows(
    rows: list[dict[str, Any]], renames: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """The Store's rows with JSON-safe values (and keys renamed for the API)."""
    renames = renames or {}
    return [{renames.get(str(k), str(k)): clean(v) for k, v in row.items()} for row in rows]


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event as the API shows it: flat, with tone and the anchor of its evidence."""
    row = {EVENT_RENAMES.get(k, k): clean(v) for k, v in row.items()}
    row["tone"] = tone(row.get("event"), row.get("quad_class"))
    if row.get("event_index") is not None:
        row["anchor"] = f"ev-{row['event_index']}"
    return row


# --- events --------------------------------------------------------------------------------------


def _filter_args(f: EventFilters) -> dict[str, Any]:
    """The web's event filters as the Store's (``q`` is the Store's ``text``)."""
    return {
        "actor": f.actor,
        "dyad": parse_dyad(f.dyad),
        "type": f.type,
        "quad": f.quad,
        "since": f.since,
        "until": f.until,
        "text": f.q,
        "include_negated": f.include_negated,
        "modality": f.modality,
        "place": f.place,
    }


def _event_rows(store, f: EventFilters, limit: int | None, offset: int) -> list[dict[str, Any]]:
    return store.event_records(EventFilter(**_filter_args(f)), limit, offset, f.sort)


def events(store, f: EventFilters) -> tuple[list[dict[str, Any]], bool]:
    """One page of events (and whether another follows): asks the Store for one row more."""
    rows = [event_row(r) for r in _event_rows(store, f, f.limit + 1, f.offset)]
    return rows[: f.limit], len(rows) > f.limit


def count_events(store, f: EventFilters) -> int:
    """How many events match the filters (all pages)."""
    return int(store.count_events(EventFilter(**_filter_args(f))))


def events_frame(store, f: EventFilters):
    """The same page as a DataFrame with the API's column names (for CSV)."""
    frame = store.events(**_filter_args(f), limit=f.limit, offset=f.offset, order=f.sort)
    return frame.rename(columns=EVENT_RENAMES)


def map_data(store, f: EventFilters) -> dict[str, Any]:
    """Where the matching events happened (see :func:`dateline.mapdata.map_data`)."""
    from dateline.mapdata import map_data as summarise

    return clean(summarise(plain_rows(_event_rows(store, f, MAP_MAX_EVENTS, 0))))


def _page(
    rows: list[dict[str, Any]], limit: int, convert=None
) -> tuple[list[dict[str, Any]], bool]:
    rows = plain_rows(rows)
    if convert:
        rows = [convert(r) for r in rows]
    return rows[:limit], len(rows) > limit


# --- articles ------------------------------------------------------------------------------------


def articles(store, q, since, until, limit: int, offset: int) -> tuple[list[dict], bool]:
    rows = store.article_records(since=since, until=until, text=q, limit=limit + 1, offset=offset)
    return _page(rows, limit)


def _actor_row(actor: dict[str, Any]) -> dict[str, Any]:
    actor = {k: clean(v) for k, v in actor.items()}
    mentions = actor.get("mentions")
    if isinstance(mentions, list):
        actor["mention_count"] = len(mentions)
    return actor


def _quote_row(quote: dict[str, Any], article: dict[str, Any] | None = None) -> dict[str, Any]:
    row = {QUOTE_RENAMES.get(k, k): clean(v) for k, v in quote.items()}
    if isinstance(row.get("speaker"), dict):  # the JSON contract's shape
        sp = row.pop("speaker")
        row.update(
            speaker=sp.get("name") or sp.get("text"),
            speaker_country=sp.get("country"),
            speaker_sector=sp.get("sector"),
        )
    elif not row.get("speaker") and row.get("speaker_text"):
        row["speaker"] = row["speaker_text"]
    row.setdefault("date", row.get("published"))
    if article:
        row.setdefault("article_id", article.get("id"))
        row.setdefault("article_title", article.get("title"))
        if not row.get("date"):
            row["date"] = article.get("published")
    return row


def article(store, article_id: str) -> dict[str, Any] | None:
    """Article, its events (with trigger offsets), quotes and actors."""
    doc = store.article(article_id)
    if doc is None:
        return None
    art = {k: clean(v) for k, v in doc["article"].items()}
    evs = [event_row(e) for e in doc.get("events") or []]
    for e in evs:
        e.setdefault("article_title", art.get("title"))
    quotes = [_quote_row(q, art) for q in doc.get("quotes") or []]
    for i, q in enumerate(quotes):
        q["anchor"] = f"q-{i}"
    actors = [_actor_row(a) for a in doc.get("actors") or []]
    return {"article": art, "events": evs, "quotes": quotes, "actors": actors}


def result_doc(result: dict[str, Any]) -> dict[str, Any]:
    """A Result's JSON contract (``Result.to_dict()``) in the shape the article page renders."""
    evs = []
    skip = ("source", "target", "trigger", "location", "reported_by")
    for i, e in enumerate(result["events"]):
        src, tgt = e.get("source") or {}, e.get("target") or {}
        loc = e.get("location") or {}
        evs.append(
            event_row(
                {
                    **{k: v for k, v in e.items() if k not in skip},
                    "event_index": i,
                    "source": src.get("name") or src.get("text"),
                    "source_country": src.get("country"),
                    "source_sector": src.get("sector"),
                    "target": tgt.get("name") or tgt.get("text"),
                    "target_country": tgt.get("country"),
                    "target_sector": tgt.get("sector"),
                    "trigger_text": e["trigger"]["text"],
                    "trigger_start": e["trigger"]["start"],
                    "trigger_end": e["trigger"]["end"],
                    "location": loc.get("name"),
                    "location_country": loc.get("country"),
                    "location_precision": loc.get("precision"),
                    "location_basis": loc.get("basis"),
                }
            )
        )
    quotes = [_quote_row(q) for q in result["quotes"]]
    for i, q in enumerate(quotes):
        q["anchor"] = f"q-{i}"
    return {
        "article": result["article"],
        "events": evs,
        "quotes": quotes,
        "actors": [_actor_row(a) for a in result["actors"]],
    }


def marks(doc: dict[str, Any]) -> list[Mark]:
    """The highlights of an article page: actor mentions, event triggers, quotes."""
    out: list[Mark] = []
    for a in doc["actors"]:
        label = a.get("name") or ""
        extra = " ".join(x for x in (a.get("country"), a.get("sector")) if x)
        title = f"{label} ({extra})" if extra else label
        for m in a.get("mentions") or []:
            if isinstance(m, dict) and m.get("start") is not None and m.get("end") is not None:
                out.append(Mark(int(m["start"]), int(m["end"]), "mention", title))
    for q in doc["quotes"]:
        if q.get("start") is not None and q.get("end") is not None:
            who = q.get("speaker") or "unknown speaker"
            mark = Mark(
                int(q["start"]), int(q["end"]), "quote", f"quote: {who}", (), q.get("anchor")
            )
            out.append(mark)
    out.extend(trigger_marks(e for e in doc["events"] if not headline_event(e)))
    return out


def headline_event(e: dict[str, Any]) -> bool:
    """An event of the article's headline (``part`` "title"): its trigger offsets count in the
    title, not in the text."""
    return e.get("part") == "title"


def trigger_marks(events: Iterable[dict[str, Any]]) -> list[Mark]:
    """The highlights of event triggers (offsets into the text they were coded from)."""
    out: list[Mark] = []
    for e in events:
        if e.get("trigger_start") is None or e.get("trigger_end") is None:
            continue
        title = f"{e.get('event')}: {e.get('source') or '?'} → {e.get('target') or '?'}"
        if e.get("negated"):
            title += " (negated)"
        start, end = int(e["trigger_start"]), int(e["trigger_end"])
        out.append(Mark(start, end, "trigger", title, (e["tone"],), e.get("anchor")))
    return out


# --- actors, quotes ------------------------------------------------------------------------------


def actors(store, q, country, sector, limit: int, offset: int) -> tuple[list[dict], bool]:
    rows = store.actor_records(
        name=q, country=country, sector=sector, limit=limit + 1, offset=offset
    )
    return _page(rows, limit)


def quotes(store, speaker, article_id, limit: int, offset: int) -> tuple[list[dict], bool]:
    rows = store.quote_records(
        speaker=speaker, article_id=article_id, limit=limit + 1, offset=offset
    )
    return _page(rows, limit, _quote_row)


def _mix(evs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(e.get("event") for e in evs if e.get("event"))
    return [{"event": k, "count": n, "tone": tone(k)} for k, n in counts.most_common()]


def _period_label(value: Any, freq: str) -> str:
    text = clean(value) or ""
    return text[:7] if freq == "month" else text[:10]


def _series(store, match: EventFilter, freq: str) -> list[dict[str, Any]]:
    """The Store's events per period (event groups; :func:`dateline.store.periods.per_period`)
    in the shape the pages chart: a week labelled by its Monday, a month as YYYY-MM."""
    return [
        {
            "period": _period_label(p["period"], freq),
            "events": int(p.get("events") or 0),
            "coop": int(p.get("cooperation") or 0),
            "conflict": int(p.get("conflict") or 0),
            "goldstein": p.get("goldstein"),
        }
        for p in records(store.series(match, freq))
    ]


MAX_PROFILE_EVENTS = 20_000  # an actor page reads at most this many events


def _is_code(name: str) -> bool:
    return len(name) == 3 and name.isalpha() and name.isupper()


def actor(store, name: str, freq: str = "month") -> dict[str, Any] | None:
    """An actor's profile: partners, activity over time, event mix, quotes, latest events."""
    evs = [
        event_row(r)
        for r in store.event_records(EventFilter(actor=name), MAX_PROFILE_EVENTS, 0, "-date")
    ]
    known = [
        a
        for a in plain_rows(store.actor_records(name=name))
        if (a.get("name") or "").lower() == name.lower()
    ]
    if not evs and not known and not _is_code(name):
        return None
    if not evs and not known:
        known = plain_rows(store.actor_records(country=name, limit=1))
        if not known:
            return None
    if known and not _is_code(name):
        info = max(known, key=lambda a: (a.get("events") or 0, a.get("articles") or 0))
    else:  # a country code (USA): the country as a whole
        info = {"name": name, "country": name, "kind": "country"}
    me = {name.lower(), (info.get("name") or "").lower()}

    def is_me(e: dict[str, Any], side: str) -> bool:
        return (e.get(side) or "").lower() in me or (e.get(f"{side}_country") or "") == name

    partners: dict[str, dict[str, Any]] = {}
    for e in evs:
        other = e.get("target") if is_me(e, "source") else e.get("source")
        if not other or other.lower() in me:
            continue
        p = partners.setdefault(other, {"partner": other, "events": 0, "coop": 0, "conflict": 0})
        p["events"] += 1
        if e["tone"] in ("coop", "conflict"):
            p[e["tone"]] += 1
    said = [_quote_row(q) for q in store.quote_records(speaker=name, limit=20)]
    return {
        "actor": {
            "name": info.get("name") or name,
            "country": info.get("country"),
            "sector": info.get("sector"),
            "kind": info.get("kind"),
            "events": len(evs),
            "articles": len({e.get("article_id") for e in evs}),
        },
        "partners": sorted(partners.values(), key=lambda p: (-p["events"], p["partner"])),
        "periods": _series(store, EventFilter(actor=name, modality="happened"), freq),
        "mix": _mix(evs),
        "quotes": said,
        "events": evs[:20],
    }


def dyad(
    store,
    a: str,
    b: str,
    freq: str = "month",
    modality: str | None = "happened",
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """Both directions between two actors: the Store's series, mix, latest events, quotes.

    ``periods`` and the totals count event groups (a happening reported by several articles
    counts once); ``mix`` and ``events`` are the coded events themselves.
    """
    modality = modality or "happened"
    match = EventFilter(dyad=(a, b), modality=modality, since=since, until=until)
    periods = _series(store, match, freq)
    evs = [event_row(r) for r in store.event_records(match, MAX_PROFILE_EVENTS, 0, "-date")]
    article_ids = {e.get("article_id") for e in evs}
    said = []
    for speaker in (a, b):
        for q in store.quote_records(speaker=speaker, limit=500):
            row = _quote_row(q)
            if row.get("article_id") in article_ids:
                said.append(row)
    return {
        "a": a,
        "b": b,
        "freq": freq,
        "modality": modality,
        "total": sum(p["events"] for p in periods),
        "coop": sum(p["coop"] for p in periods),
        "conflict": sum(p["conflict"] for p in periods),
        "periods": periods,
        "mix": _mix(evs),
        "events": evs[:25],
        "quotes": said[:20],
    }


# --- network, stats -------------------------------------------------------------------------------


def network(
    store,
    since,
    until,
    min_events: int = 1,
    top: int = 40,
    by: str = "country",
    modality: str | None = "happened",
) -> dict[str, Any]:
    """The Store's actor graph, trimmed to the ``top`` busiest actors, with a spring layout."""
    import networkx as nx

    modality = modality or "happened"
    graph = store.network(since=since, until=until, by=by, modality=modality)
    busiest = sorted(graph.nodes(data=True), key=lambda n: (-int(n[1].get("events", 0)), str(n[0])))
    kept = {n for n, _ in busiest[:top]}
    shown = [
        {
            "source": s,
            "target": t,
            "count": int(d.get("weight", 0)),
            "coop": int(d.get("cooperation", 0)),
            "conflict": int(d.get("conflict", 0)),
            "goldstein": clean(d.get("goldstein")),
        }
        for s, t, d in graph.edges(data=True)
        if s in kept and t in kept and int(d.get("weight", 0)) >= min_events
    ]
    names = sorted({e["source"] for e in shown} | {e["target"] for e in shown})
    sub = nx.DiGraph()
    sub.add_nodes_from(names)
    sub.add_edges_from((e["source"], e["target"], {"weight": e["count"]}) for e in shown)
    pos = layout(sub)
    nodes = [
        {
            "id": n,
            "label": graph.nodes[n].get("label", n),
            "events": int(graph.nodes[n].get("events", 0)),
            "x": round(pos[n][0], 4),
            "y": round(pos[n][1], 4),
        }
        for n in names
    ]
    shown.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
    return {"since": since, "until": until, "by": by, "modality": modality, "nodes": nodes,
            "edges": shown}  # fmt: skip


def stats(store) -> dict[str, Any]:
    """The Store's counts plus what the overview page shows: event mix and busiest pairs."""
    base = {k: clean(v) for k, v in store.stats().items() if k != "path"}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for s, t, d in store.network(by="country").edges(data=True):
        a, b = sorted((str(s), str(t)))
        p = pairs.setdefault((a, b), {"a": a, "b": b, "events": 0, "coop": 0, "conflict": 0})
        p["events"] += int(d.get("weight", 0))
        p["coop"] += int(d.get("cooperation", 0))
        p["conflict"] += int(d.get("conflict", 0))
    base["event_mix"] = [
        {"event": event, "count": int(n), "tone": tone(event)}
        for event, n in store.event_types()  # events that are neither negated nor duplicates
    ]
    base["top_dyads"] = sorted(pairs.values(), key=lambda p: (-p["events"], p["a"], p["b"]))[:10]
    return base


def sources(store, rounds: int = 10) -> dict[str, Any]:
    """The sources `dateline watch` follows with their health, failing ones first, and the
    latest rounds (read-only stores of an older schema show none)."""
    from dateline.watch import state

    if "m004_watch" not in store.migrations():
        return {"sources": [], "rounds": [], "failing": 0, "last_update": None}
    rows = plain_rows(state.health_rows(store))
    latest = plain_rows(state.round_rows(store, rounds))
    updates = [r["last_new"] for r in rows if r.get("last_new")]
    return {
        "sources": rows,
        "rounds": latest,
        "failing": sum(1 for r in rows if (r.get("failures") or 0) > 0),
        "last_update": max(updates) if updates else None,
    }
