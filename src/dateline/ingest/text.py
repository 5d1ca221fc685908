"""Plain text to Article: normalisation, content ids, header detection and tail cleanup."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from dateline.errors import InputError
from dateline.ingest.dates import parse_date
from dateline.ingest.header import detect_header as read_header
from dateline.ingest.header import strip_tail
from dateline.model import Article

# Characters that take no space: a document of only these is empty.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def make_id(text: str) -> str:
    """A stable id for ``text``: sha1 of its NFC form with whitespace collapsed, 16 hex digits."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no trailing spaces, at most one blank line in a row, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def clean_body(text: str) -> str:
    """Normalised ``text`` without the boilerplate block at its end."""
    return normalise_text("\n".join(strip_tail(normalise_text(text).split("\n"))))


def coerce_date(value: date | str | None, what: str = "published date") -> date | None:
    """``value`` as a date; a string that holds no date is an InputError."""
    if value is None or isinstance(value, date):
        return value
    parsed = parse_date(value)
    if parsed is None:
        raise InputError(f"{what} {value!r} is not a date; give it as YYYY-MM-DD")
    return parsed


def article_from_text(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    origin: str | None = None,
    url: str | None = None,
    source: str | None = None,
    detect_header: bool = True,
) -> Article:
    """Build an Article from plain text.

    With ``detect_header`` a short first line without a final period becomes the title, and a
    byline ("By Jane Doe March 3, 2021") or date line under it gives authors and date; both
    are metadata, so ``Article.text`` starts with the body. Boilerplate lines at the end
    ("Join the mailing list", ...; see ``data/boilerplate.yaml``) are dropped. Explicit
    ``published`` and ``title`` win over what the header says.
    """
    if not text or not _INVISIBLE.sub("", text).strip():
        raise InputError(
            "empty document (no text, or only whitespace); check the file or the text field",
            origin,
        )
    lines = normalise_text(text).split("\n")
    authors: list[str] = []
    found_date = agency = None
    if detect_header:
        header = read_header(lines)
        if header.body_start >= len(lines):
            raise InputError(
                "no body text after the title and byline; is this the whole article?", origin
            )
        lines = lines[header.body_start :]
        title = title or header.title
        authors, found_date, agency = header.authors, header.published, header.agency
    body = normalise_text("\n".join(strip_tail(lines)))
    if not body:
        raise InputError("empty document (only boilerplate lines); check the input", origin)
    return Article(
        id=make_id(body),
        text=body,
        title=title,
        authors=authors,
        published=coerce_date(published) or found_date,
        source=source or agency,
        url=url,
        origin=origin,
    )
