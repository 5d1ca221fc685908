"""Jinja filters the templates share: tones, dates, URL pieces and query strings."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote, urlencode

from dateline.events.ontology import Ontology
from dateline.web.charts import tone


def missing(value: Any) -> bool:
    """None, NaN, NaT or pandas NA."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN / NaT
    except (TypeError, ValueError):
        return False


def dash(value: Any) -> Any:
    return "—" if missing(value) or value == "" else value


def path_part(value: Any) -> str:
    """One URL path segment (actor names contain spaces and slashes)."""
    return quote(str(value), safe="")


def qs(params: dict[str, Any], **changes: Any) -> str:
    """A query string from the current filters with some changed; empty values dropped."""
    merged = {**params, **changes}
    clean = {k: v for k, v in merged.items() if not missing(v) and v != "" and v is not False}
    return ("?" + urlencode(clean)) if clean else ""


def event_tone(row: dict[str, Any]) -> str:
    quad = row.get("quad_class")
    return tone(row.get("event"), None if missing(quad) else quad)


def quad_name(value: Any) -> str:
    if missing(value):
        return "—"
    return Ontology.load().quad_classes.get(int(value), str(value))


def num(value: Any, digits: int = 1) -> str:
    if missing(value):
        return "—"
    if isinstance(value, float) and not math.isfinite(value):
        return "—"
    if isinstance(value, int | float) and float(value).is_integer():
        return f"{int(value):,}"
    try:
        return f"{float(value):.{digits}f}"
    except (TypeError, ValueError):
        return str(value)


def day(value: Any) -> str:
    if missing(value):
        return "—"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:10]


def clip(value: Any, length: int = 160) -> str:
    if missing(value):
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def safe_url(value: Any) -> str | None:
    """An http(s) URL from untrusted data, or None (no javascript:, data:, ... links)."""
    if missing(value):
        return None
    text = str(value).strip()
    return text if text.lower().startswith(("http://", "https://")) else None


FILTERS = {
    "safe_url": safe_url,
    "dash": dash,
    "path_part": path_part,
    "qs": qs,
    "event_tone": event_tone,
    "tone": tone,
    "quad_name": quad_name,
    "num": num,
    "day": day,
    "clip": clip,
}
