"""Exports of stored events: Parquet (by month), CSV, JSONL, PLOVER JSON and GDELT 2.0 TSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.csvcells import escape_formula
from dateline.datafiles import data_file, read_csv
from dateline.errors import DataFileError, StoreError
from dateline.store.filters import EventFilter
from dateline.store.modality import HAPPENED
from dateline.store.modality import resolve as resolve_modality
from dateline.store.target import atomic_target, check_target

if TYPE_CHECKING:
    from dateline.store.store import Store

# The flat event columns every tabular export writes, in order (documented in docs/store.md).
EXPORT_COLUMNS = (
    "id", "article_id", "event_index", "group_id", "day", "date", "date_precision", "date_note",
    "event", "mode",
    "context", "cameo", "quad_class", "goldstein", "source_text", "source_name", "source_country",
    "source_sector", "target_text", "target_name", "target_country", "target_sector", "negated",
    "modality", "reported_by_name", "reported_by_country", "location_name", "location_country",
    "location_admin1", "location_lat", "location_lon", "location_precision",
    "location_feature_id", "location_basis", "confidence",
    "part", "sentence", "sentence_text", "trigger_text", "trigger_start", "trigger_end", "published",
    "article_title", "article_source", "url", "duplicate_of", "record_id", "origin", "month",
)  # fmt: skip

# GDELT 2.0 event table, the 61 columns in the order of the GDELT Event Codebook V2.0.
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_COLUMNS) == 61
# Appended to the 61 GDELT columns only when asked for (``dateline_columns=True``,
# ``--dateline-columns``): GDELT readers expect exactly 61 columns. They join a row back to the
# input record of its first event and say how that event was reported.
DATELINE_GDELT_COLUMNS = (
    "Dateline_RecordId", "Dateline_Origin", "Dateline_EventId", "Dateline_Modality",
    "Dateline_Negated",
)  # fmt: skip

ACTOR_TYPES_FILE = "cameo_actor_types.csv"

LEAD_SENTENCES = 3  # events in the first sentences count as GDELT "root" events


def _select(store: Store, include_negated: bool, include_duplicates: bool, **filters: Any):
    where, params = EventFilter(
        include_negated=include_negated, include_duplicates=include_duplicates, **filters
    ).where()
    cols = ", ".join(
        {
            "published": "a.published",
            "article_title": "a.title AS article_title",
            "article_source": "a.source AS article_source",
            "url": "a.url",
            "duplicate_of": "a.duplicate_of",
            "record_id": "a.record_id",
            "origin": "a.origin",
            "month": "coalesce(strftime(e.day, '%Y-%m'), 'undated') AS month",
        }.get(c, f"e.{c}")
        for c in EXPORT_COLUMNS
    )
    query = (
        f"SELECT {cols} FROM events e JOIN articles a ON a.id = e.article_id {where}"
        " ORDER BY e.day NULLS LAST, e.article_id, e.event_index"
    )
    return query, params


def to_parquet(store: Store, out: Path, include_negated: bool = False,
               include_duplicates: bool = False, **filters: Any) -> int:  # fmt: skip
    """A Hive-partitioned Parquet folder: ``out/month=YYYY-MM/part-0.parquet``."""
    import pyarrow.dataset as ds

    query, params = _select(store, include_negated, include_duplicates, **filters)
    table = store.db.arrow(query, params)
    ds.write_dataset(
        table,
        out,
        format="parquet",
        partitioning=["month"],
        partitioning_flavor="hive",
        basename_template="part-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )
    return table.num_rows


def _records(store: Store, query: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cur = store.db.cursor(query, params)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def to_csv(store: Store, out: Path, include_negated: bool = False,
           include_duplicates: bool = False, **filters: Any) -> int:  # fmt: skip
    """One CSV file with a header row; ``context`` joined with ';'."""
    query, params = _select(store, include_negated, include_duplicates, **filters)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_COLUMNS)
        for rec in _records(store, query, params):
            rec["context"] = ";".join(rec["context"] or [])
            writer.writerow([escape_formula(_jsonable(rec[c])) for c in EXPORT_COLUMNS])
            n += 1
    return n


def to_jsonl(store: Store, out: Path, include_negated: bool = False,
             include_duplicates: bool = False, **filters: Any) -> int:  # fmt: skip
    """One JSON object per line, the same columns as CSV (``context`` a list)."""
    query, params = _select(store, include_negated, include_duplicates, **filters)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for rec in _records(store, query, params):
            fh.write(
                json.dumps({k: _jsonable(v) for k, v in rec.items()}, ensure_ascii=False) + "\n"
            )
            n += 1
    return n


def _plover_entity(text: Any, name: Any, country: Any, sector: Any) -> list[dict[str, Any]]:
    if not (text or name):
        return []
    return [{"actorText": text or name, "name": name, "code": country, "sector": sector}]


def to_plover(store: Store, out: Path, include_negated: bool = False,
              include_duplicates: bool = False, **filters: Any) -> int:  # fmt: skip
    """PLOVER-style JSON records, one per line: id, date, actor/recipient lists, event, mode,
    context, text (the evidence sentence) and provenance."""
    query, params = _select(store, include_negated, include_duplicates, **filters)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for r in _records(store, query, params):
            loc = None
            if r["location_name"]:
                loc = {"name": r["location_name"], "country": r["location_country"],
                       "admin1": r["location_admin1"], "lat": r["location_lat"],
                       "lon": r["location_lon"], "precision": r["location_precision"],
                       "feature_id": r["location_feature_id"], "basis": r["location_basis"]}  # fmt: skip
            record = {
                "id": r["id"],
                "date": r["date"] or _jsonable(r["day"]),
                "date_note": r["date_note"],
                "actor": _plover_entity(
                    r["source_text"], r["source_name"], r["source_country"], r["source_sector"]
                ),
                "recipient": _plover_entity(
                    r["target_text"], r["target_name"], r["target_country"], r["target_sector"]
                ),
                "event": r["event"],
                "mode": r["mode"],
                "context": list(r["context"] or []),
                "text": r["sentence_text"],
                "part": r["part"],
                "cameo": r["cameo"],
                "quad_class": r["quad_class"],
                "goldstein": r["goldstein"],
                "negated": r["negated"],
                "modality": r["modality"],
                "location": loc,
                "article_id": r["article_id"],
                "record_id": r["record_id"],
                "origin": r["origin"],
                "source": r["article_source"],
                "url": r["url"],
                "published": _jsonable(r["published"]),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


@cache
def cameo_actor_types() -> dict[str, str | None]:
    """PLOVER sector -> CAMEO actor type code (None: CAMEO has none), from the documented table
    ``dateline/data/cameo_actor_types.csv``: PLOVER reuses some CAMEO letters for other things
    (PLOVER MED is medical, CAMEO MED is media)."""
    table: dict[str, str | None] = {}
    for row_no, row in read_csv(data_file(ACTOR_TYPES_FILE)):
        sector = (row.get("plover_sector") or "").strip().upper()
        if not sector or sector in table:
            raise DataFileError(f"empty or repeated sector {sector!r}", ACTOR_TYPES_FILE, row_no)
        table[sector] = (row.get("cameo_type") or "").strip().upper() or None
    return table


def _gdelt_actor(code: Any, name: Any, sector: Any) -> list[Any]:
    """Actor{n}Code .. Actor{n}Type3Code (10 columns): the PLOVER sector as its CAMEO type."""
    kind = cameo_actor_types().get(str(sector).upper()) if sector else None
    cameo = (code or "") + (kind or "") or None
    return [cameo, (name or "").upper() or None, code, None, None, None, None, kind, None, None]


def _gdelt_geo(
    name: Any, country: Any, admin1: Any, lat: Any, lon: Any, precision: Any,
    feature_id: Any = None,
) -> list[Any]:  # fmt: skip
    """{prefix}Geo_Type .. Geo_FeatureID, the 8 columns as GDELT 2.0 defines them: Type (1
    country, 2 US state, 3 US city, 4 world city, 5 world state/ADM1), FullName ("City, ADM1,
    Country"), CountryCode and ADM1Code in FIPS 10-4 (ADM1: country code + division code; a
    country's own code at country level), ADM2Code (empty: GDELT's is a GAUL code outside the
    US and state + county FIPS inside it, and the gazetteer knows no second-level division;
    see docs/dates-places-quotes.md), Lat, Long, FeatureID (GeoNames id of a town, the ADM1
    code of a division, the country code of a country)."""
    from dateline.gazetteer import gazetteer

    if not name and not country:
        return [None] * 8
    g = gazetteer()
    fips = g.fips(country) if country else None
    division = g.admin1_rows.get((country, str(admin1))) if admin1 else None
    adm1 = fips
    if fips and admin1 and str(admin1).isalnum() and len(str(admin1)) <= 3:
        adm1 = f"{fips}{admin1}"
    kind = "city" if precision in ("point", "building") else precision
    geo_type = {"country": 1, "region": 1, "admin1": 5, "city": 4}.get(kind or "", 1 if fips else 0)
    if country == "USA":
        geo_type = {4: 3, 5: 2}.get(geo_type, geo_type)  # US city 3, US state 2
    country_name = g.country_name(country) if country else None
    if kind == "country" or not name:
        parts = [country_name or name]
    else:
        parts = [name]
        if division is not None and kind != "admin1":
            parts.append(division.name)
        if country_name:
            parts.append(country_name)
    full_name = ", ".join(dict.fromkeys(p for p in parts if p))
    if feature_id is None:
        feature_id = adm1 if kind == "admin1" else (fips if kind in ("country", "region") else None)
    if (lat is None or lon is None) and kind in ("country", "region") and country:
        place = g.country(country)
        lat, lon = (place.lat, place.lon) if place else (None, None)
    return [geo_type, full_name, fips, adm1 if kind != "country" else fips, None, lat, lon,
            feature_id]  # fmt: skip


def _actor_geo(text: Any, country: Any) -> list[Any]:
    """Actor{n}Geo_*: where the actor is based: a town or division its own words name ("Idlib
    rebels", "the Damascus government") in its country, else its country."""
    if not country:
        return [None] * 8
    from dateline.places import actor_place

    place = actor_place(text or "", country)
    if place is None:
        return _gdelt_geo(None, country, None, None, None, "country")
    return _gdelt_geo(place.name, place.country, place.admin1, place.lat, place.lon,
                      place.precision, place.feature_id)  # fmt: skip


def to_gdelt(store: Store, out: Path, include_negated: bool = False,
             include_duplicates: bool = False, dateline_columns: bool = False,
             **filters: Any) -> int:  # fmt: skip
    """GDELT 2.0 event-table rows (61 tab-separated columns, no header), one per event group:
    NumMentions/NumArticles/NumSources count how many events, articles and outlets restate it.
    Only events that happened (``modality="happened"``) unless ``modality`` says otherwise:
    GDELT's columns have no place for a planned or hypothetical event. ``dateline_columns``
    appends :data:`DATELINE_GDELT_COLUMNS` (record id, origin, event id, modality, negation of
    the group's first event)."""
    if filters.get("modality") is None:
        filters["modality"] = "happened"
    _require_dateline_columns(filters["modality"], include_negated, dateline_columns)
    where, params = EventFilter(
        include_negated=include_negated, include_duplicates=True, **filters
    ).where()
    query = f"""
        WITH ev AS (
            SELECT e.*, coalesce(a.url, a.origin) AS url, a.source AS outlet, a.coded_at,
                   a.duplicate_of, a.record_id, a.origin AS article_origin
            FROM events e JOIN articles a ON a.id = e.article_id {where}
        ),
        g AS (
            SELECT group_id, min(id) AS first_id, count(*) AS num_mentions,
                   count(DISTINCT article_id) AS num_articles,
                   count(DISTINCT coalesce(outlet, url, article_id)) AS num_sources,
                   min(sentence) AS first_sentence, avg(goldstein) AS goldstein,
                   bool_or(duplicate_of IS NULL) AS has_original
            FROM ev GROUP BY group_id
        )
        SELECT g.*, ev.day, ev.source_country, ev.source_name, ev.source_sector,
               ev.target_country, ev.target_name, ev.target_sector, ev.cameo, ev.quad_class,
               ev.location_name, ev.location_country, ev.location_admin1, ev.location_lat,
               ev.location_lon, ev.location_precision, ev.location_feature_id,
               ev.source_text, ev.target_text, ev.coded_at, ev.url, ev.record_id,
               ev.article_origin, ev.modality, ev.negated
        FROM g JOIN ev ON ev.id = g.first_id
        {"" if include_duplicates else "WHERE g.has_original"}
        ORDER BY ev.day NULLS LAST, g.group_id"""
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar="\\")  # fmt: skip
        for r in _records(store, query, params):
            row = _gdelt_row(r)
            if dateline_columns:
                row += [r["record_id"], r["article_origin"], r["first_id"], r["modality"],
                        int(bool(r["negated"]))]  # fmt: skip
            writer.writerow(["" if v is None else _clean_tsv(v) for v in row])
            n += 1
    return n


def _require_dateline_columns(modality: Any, include_negated: bool, dateline_columns: bool) -> None:
    """Refuse GDELT rows of events that did not happen unless each row says its modality.

    GDELT's 61 columns have no modality or negation column, and its readers take every row as
    something that happened; a plan, a hypothesis or a denial exported there without the
    Dateline columns would be read as a fact.
    """
    chosen = resolve_modality(modality)
    if dateline_columns or (not include_negated and chosen and set(chosen) <= set(HAPPENED)):
        return
    raise StoreError(
        "the GDELT export holds only events that happened unless each row says otherwise: "
        "to export future, hypothetical or negated events as GDELT rows add --dateline-columns "
        "(Python: dateline_columns=True), which appends Dateline_Modality and Dateline_Negated; "
        "or export --format csv/jsonl, which always carry modality and negated"
    )


def _clean_tsv(value: Any) -> Any:
    return value.replace("\t", " ").replace("\n", " ") if isinstance(value, str) else value


def _gdelt_row(r: dict[str, Any]) -> list[Any]:
    day: dt.date | None = r["day"]
    cameo = r["cameo"] or ""
    if day:
        doy = day.timetuple().tm_yday
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                 round(day.year + doy / 365.0, 4)]  # fmt: skip
    else:
        dates = [None, None, None, None]
    loc = (r["location_name"], r["location_country"], r["location_admin1"], r["location_lat"],
           r["location_lon"], r["location_precision"], r["location_feature_id"])  # fmt: skip
    gold = r["goldstein"]
    row = [
        int(r["group_id"][:15], 16),
        *dates,
        *_gdelt_actor(r["source_country"], r["source_name"], r["source_sector"]),
        *_gdelt_actor(r["target_country"], r["target_name"], r["target_sector"]),
        int((r["first_sentence"] or 0) < LEAD_SENTENCES),
        cameo or None,
        cameo[:3] or None,
        cameo[:2] or None,
        r["quad_class"],
        round(gold, 1) if gold is not None else None,
        r["num_mentions"],
        r["num_sources"],
        r["num_articles"],
        0,
        *_actor_geo(r["source_text"], r["source_country"]),
        *_actor_geo(r["target_text"], r["target_country"]),
        *(_gdelt_geo(*loc) if r["location_name"] else [None] * 8),
        r["coded_at"].strftime("%Y%m%d%H%M%S") if r["coded_at"] else None,
        r["url"],
    ]
    return row


EXPORTERS: dict[str, Callable[..., int]] = {
    "parquet": to_parquet,
    "csv": to_csv,
    "jsonl": to_jsonl,
    "plover": to_plover,
    "gdelt": to_gdelt,
}


def export(store: Store, out: str | Path, format: str = "parquet",  # noqa: A002
           overwrite: bool = False, **filters: Any) -> int:  # fmt: skip
    """Write the store's events to ``out`` in ``format``; returns how many rows were written.

    ``filters`` are those of :meth:`Store.events` (actor, dyad, type, quad, since, until, ...),
    plus ``include_negated`` and ``include_duplicates`` (both False by default) and
    ``modality`` (default: all, except ``gdelt``: only events that happened). The export is
    written beside ``out`` and renamed into place when complete; an existing non-empty ``out``
    is refused unless ``overwrite`` (see :mod:`dateline.store.target`).
    """
    if format not in EXPORTERS:
        raise StoreError(f"export format {format!r} is unknown; use one of {', '.join(EXPORTERS)}")
    out = Path(out)
    directory = format == "parquet"
    check_target(out, store.path, directory=directory, overwrite=overwrite)
    with atomic_target(out, directory=directory) as tmp:
        return EXPORTERS[format](store, tmp, **filters)
