"""Publication dates from record fields, bylines and metadata: ISO first, dateparser last."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

logger = logging.getLogger(__name__)

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)"
#: A calendar date as it appears in a byline: "January 28, 2017", "28 Jan 2017", "2017-01-28".
DATE = (
    rf"(?:{WEEKDAY}?(?:{MONTH}\s+{DAY},?\s+\d{{4}}|{DAY}\s+{MONTH},?\s+\d{{4}})"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}){TIME}?"
)

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_WEEKDAY_PREFIX = re.compile(rf"^{WEEKDAY}", re.IGNORECASE)
_TIME_SUFFIX = re.compile(rf"{TIME}$", re.IGNORECASE)


def parse_date(value: object) -> date | None:
    """``value`` as a date, or None when it holds no full (day, month, year) date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if _ISO.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    cleaned = _TIME_SUFFIX.sub("", _WEEKDAY_PREFIX.sub("", text))
    cleaned = _ORDINAL.sub("", cleaned).replace(",", " ").replace(".", " ")
    cleaned = " ".join(cleaned.split())
    if cleaned.lower().startswith("sept "):
        cleaned = "Sep " + cleaned[5:]
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return _dateparser(text)


def _dateparser(text: str) -> date | None:
    import dateparser  # slow to import: only for the formats above did not catch

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        logger.debug("no date in %r", text)
        return None
    return parsed.date()
