"""Corpus files (JSONL, JSON, CSV/TSV) to records, and one record to an Article."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

from dateline.errors import InputError
from dateline.ingest.dates import parse_date
from dateline.ingest.detect import check_size, looks_like_html
from dateline.ingest.html import article_from_html
from dateline.ingest.jsonparse import JsonTooDeep, parse_json
from dateline.ingest.text import article_from_text
from dateline.model import Article
from dateline.settings import Settings

logger = logging.getLogger(__name__)

Record = dict[str, Any]
#: Column names a CSV index column gets from R (``""``) and pandas (``"Unnamed: 0"``).
INDEX_COLUMNS = ("", "Unnamed: 0")
CSV_FIELD_LIMIT = 2**31 - 1


def iter_jsonl(text: str, name: str) -> Iterator[tuple[str, Record | InputError]]:
    """One ``(item, record)`` per non-blank line; a bad line gives an InputError instead."""
    # Lines end at "\n" only: U+2028 and the other breaks str.splitlines knows are legal inside
    # a JSON string, and line numbers must match what an editor (and the decoder) counts.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = f"{name}:{number}"
        try:
            value = parse_json(line)
        except JsonTooDeep as exc:
            yield item, InputError(f"{exc}; the line is skipped", item)
            continue
        except json.JSONDecodeError as exc:
            yield (
                item,
                InputError(
                    f"not valid JSON at column {exc.colno} ({exc.msg}); "
                    "each line of a JSONL file must be one JSON object",
                    item,
                ),
            )
            continue
        yield item, _as_record(value, item)


def iter_json(text: str, name: str) -> Iterator[tuple[str, Record | InputError]]:
    """The records of a JSON file holding one object or a list of objects."""
    try:
        value = parse_json(text)
    except JsonTooDeep as exc:
        yield name, InputError(str(exc), name)
        return
    except json.JSONDecodeError as exc:
        yield (
            name,
            InputError(f"not valid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})", name),
        )
        return
    if isinstance(value, dict):
        yield name, value
        return
    if not isinstance(value, list):
        yield name, InputError("expected a JSON object or a list of objects", name)
        return
    for index, entry in enumerate(value):
        item = f"{name}[{index}]"
        yield item, _as_record(entry, item)


def iter_csv(
    text: str, name: str, delimiter: str = ","
) -> Iterator[tuple[str, Record | InputError]]:
    """One ``(item, record)`` per CSV/TSV row, keyed by the header row; items name the line."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield name, InputError("empty CSV file (no header row)", name)
        return
    except csv.Error as exc:
        yield name, InputError(f"not a readable CSV header ({exc})", name)
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            item = f"{name}:{line}"
            yield item, InputError(f"not a readable CSV row ({exc}); check its quotes", item)
            return
        if not any(cell.strip() for cell in row):
            continue
        yield f"{name}:{line}", dict(zip(header, row, strict=False))


def _as_record(value: object, item: str) -> Record | InputError:
    if isinstance(value, dict):
        return value
    return InputError(f"expected a JSON object, got {type(value).__name__}", item)


def record_id(record: Record, settings: Settings) -> str | None:
    """The record's own id: the id field, else an unnamed CSV index column, else None."""
    for key in (settings.id_field, *INDEX_COLUMNS):
        value = record.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def article_from_record(
    record: Record,
    settings: Settings,
    *,
    item: str,
    name: str,
    published: date | None = None,
) -> Article:
    """Build the Article of one record, reading the field names from ``settings``."""
    rid = record_id(record, settings)
    where = f"record id {rid}: " if rid else ""
    if settings.text_field not in record:
        fields = ", ".join(repr(k) for k in record) or "none"
        raise InputError(
            f"{where}no {settings.text_field!r} field (fields: {fields}); "
            "name the text field with text_field (--text-field)",
            item,
            record_id=rid,
        )
    text = record[settings.text_field]
    if isinstance(text, int | float) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str) or not text.strip():
        if isinstance(text, str) or text is None:
            reason = f"empty document (the {settings.text_field!r} field is empty)"
        else:
            reason = f"the {settings.text_field!r} field holds a {type(text).__name__}, not text"
        raise InputError(f"{where}{reason}", item, record_id=rid)
    html = looks_like_html(text)
    try:
        check_size(text, settings, item, html=html)
    except InputError as exc:
        raise InputError(f"{where}{message_of(exc)}", item, record_id=rid) from None
    raw_date = record.get(settings.date_field)
    record_date = parse_date(raw_date)
    if raw_date not in (None, "") and record_date is None:
        logger.warning(
            "%s: %r in the %r field is not a date; the record is coded as undated "
            "(--date gives a fallback)",
            item,
            raw_date,
            settings.date_field,
        )
    origin = item  # "file:line" (JSONL, CSV) or "file[index]" (JSON); the id is record_id
    url = _string(record.get(settings.url_field))
    try:
        if html:
            article = article_from_html(text, published=record_date, origin=origin, url=url)
        else:
            title = _string(record.get(settings.title_field))
            article = article_from_text(
                text,
                published=record_date,
                title=title,
                origin=origin,
                url=url,
                source=_string(record.get("source")),
                detect_header=title is None,
            )
    except InputError as exc:
        raise InputError(f"{where}{message_of(exc)}", item, record_id=rid) from None
    article.record_id = rid
    article.title = _string(record.get(settings.title_field)) or article.title
    article.authors = _authors(record) or article.authors
    article.source = _string(record.get("source")) or article.source
    article.published = article.published or published
    return article


def message_of(exc: InputError) -> str:
    """The message of ``exc`` without its ``item:`` prefix."""
    text = str(exc)
    if exc.item and text.startswith(f"{exc.item}: "):
        return text[len(exc.item) + 2 :]
    return text


def _string(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _authors(record: Record) -> list[str]:
    value = record.get("authors", record.get("author"))
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str):
        return [a.strip() for a in value.split(";") if a.strip()]
    return []
