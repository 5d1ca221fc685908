"""An event that happened is not dated after its article was published, unless the text says so.

Dates after publication come from relative words resolved the wrong way ("Friday", "in late
August" read as the next one). An event the text asserts, reports or tells as history is moved
back to the last such day before publication; when the sentence writes the year out
("on 3 May 2025") the date is kept and flagged with ``date_note``, since the text says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from dateline.model import HAPPENED, Event

AFTER_PUBLICATION = "after publication, as the text says"
DROPPED = "dropped: after publication, and the text does not say so"


def _start(value: str) -> date | None:
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                    int(parts[2]) if len(parts) > 2 else 1)  # fmt: skip
    except (ValueError, IndexError):
        return None


def _year_written(year: str, sentence: str | None) -> bool:
    return bool(sentence) and re.search(rf"(?<!\d){year}(?!\d)", sentence) is not None


def _earlier(value: str, precision: str | None, published: date) -> str | None:
    """The same weekday a week earlier or the same day/month a year earlier, if that is not
    after ``published``; None when neither is."""
    start = _start(value)
    if start is None:
        return None
    if precision == "day" and start - published <= timedelta(days=7):
        back = start - timedelta(days=7)
        if back <= published:
            return back.isoformat()
    if len(value) >= 4 and value[:4].isdigit():
        try:
            back_year = start.replace(year=start.year - 1)
        except ValueError:  # 29 February
            back_year = start.replace(year=start.year - 1, day=28)
        if back_year <= published:
            return f"{back_year.year:04d}{value[4:]}"
    return None


def check_dates(events: Iterable[Event], published: date | None) -> None:
    """Move or flag the dates after ``published`` of events that happened (see module doc)."""
    if published is None:
        return
    for e in events:
        if not e.date or e.negated or e.modality not in HAPPENED:
            continue
        start = _start(e.date)
        if start is None or start <= published:
            continue
        if _year_written(e.date[:4], e.sentence_text):
            e.date_note = AFTER_PUBLICATION
            continue
        earlier = _earlier(e.date, e.date_precision, published)
        if earlier is not None:
            e.date = earlier
        else:
            e.date, e.date_precision, e.date_note = None, None, DROPPED
