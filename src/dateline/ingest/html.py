"""HTML pages to Articles through trafilatura: main text, title, authors, date, site name."""

from __future__ import annotations

import logging
import re
from datetime import date
from functools import cache

from dateline.errors import InputError
from dateline.ingest.dates import parse_date
from dateline.ingest.detect import decode_bytes
from dateline.ingest.text import clean_body, coerce_date, make_id
from dateline.model import Article

logger = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@cache
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    # Short news items are articles too; the default 250-character floor drops them.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work in worker threads
    return config


def decode_html(data: bytes, item: str) -> str:
    """Decode an HTML page: the ``<meta charset>`` it declares, else :func:`decode_bytes`."""
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            logger.debug("%s: declared charset %r does not decode it", item, declared.group(1))
    return decode_bytes(data, item)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
#: A line of prose has at least this many words and ends like a sentence.
MIN_SENTENCE_WORDS = 5
#: ... unless the text is this long, which no menu is.
MIN_UNPUNCTUATED_WORDS = 60


def looks_like_prose(body: str) -> bool:
    """Whether extracted text holds at least one sentence, not just menu items ("Home About")."""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if sum(len(line.split()) for line in lines) >= MIN_UNPUNCTUATED_WORDS:
        return True
    return any(
        len(line.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line) for line in lines
    )


def clip(text: str, length: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def article_from_html(
    html: str | bytes,
    *,
    published: date | str | None = None,
    origin: str | None = None,
    url: str | None = None,
) -> Article:
    """Extract the article of an HTML page; an explicit ``published`` wins over the page's."""
    item = origin or url
    if isinstance(html, bytes):
        html = decode_html(html, item or "HTML input")
    if not html.strip():
        raise InputError("empty document (no HTML); check the file", item)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_config(),
        )
    except Exception as exc:  # item boundary: a broken page must not stop the batch
        raise InputError(
            f"the HTML could not be parsed ({type(exc).__name__}: {exc}); "
            "save the page again or give its text as a .txt file",
            item,
        ) from exc
    text = (doc.text or "") if doc is not None else ""
    title = (doc.title or None) if doc is not None else None
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]  # the page's <h1> repeats the title
    body = clean_body("\n".join(lines))
    if not body:
        raise InputError(
            "no article text found in the HTML (empty, broken, or only navigation and "
            "scripts); check that the page holds the article itself",
            item,
        )
    if not looks_like_prose(body):
        raise InputError(
            f"no article text found in the HTML, only short lines ({clip(body)!r}: navigation, "
            "menus or captions); check that the page holds the article itself",
            item,
        )
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Article(
        id=make_id(body),
        text=body,
        title=title,
        authors=authors,
        published=coerce_date(published) or parse_date(doc.date),
        source=doc.sitename or None,
        url=url or doc.url or None,
        origin=origin or url,
    )
