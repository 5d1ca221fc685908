"""What to watch: source arguments (URLs, list files, OPML) and what a feed or sitemap lists.

Feeds (RSS, Atom, JSON Feed) are read by feedparser; sitemaps (``urlset``, ``sitemapindex``,
Google News ``news:`` tags) by lxml. Each listed article becomes a :class:`FeedItem` whose
title, date, authors and link fill the article's metadata when the page lacks them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from dateline.errors import InputError

log = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True)
class FeedItem:
    """One article a source lists: its link and what the source says about it."""

    url: str
    source_url: str
    title: str | None = None
    published: dt.date | None = None
    authors: tuple[str, ...] = ()
    feed_title: str | None = None
    content: str | None = None  # the entry's own full text (HTML), used when the page has none


@dataclass
class Listing:
    """What one fetch of a source gave: its kind, title, items, and child sitemaps to read."""

    kind: str  # feed | sitemap | sitemapindex
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    warning: str | None = None  # a feed read despite an error (feedparser's "bozo")


# --- source arguments ------------------------------------------------------------------------------


def is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def expand_sources(args: Iterable[str]) -> list[str]:
    """Every source URL named by ``args``: URLs as given, list files (one URL a line, ``#``
    comments) and OPML files (``xmlUrl`` of each outline), in order and without repeats."""
    urls: list[str] = []
    for arg in args:
        arg = str(arg).strip()
        if is_url(arg):
            urls.append(arg)
            continue
        path = Path(arg)
        if not path.is_file():
            raise InputError(
                "not an http(s) URL nor a readable file; give a feed URL, a sitemap URL, "
                "a file listing sources (one URL a line) or an OPML file",
                arg,
            )
        data = path.read_bytes()
        urls.extend(read_opml(data, arg) if _looks_like_opml(data) else read_list(data, arg))
    return list(dict.fromkeys(urls))


def _looks_like_opml(data: bytes) -> bool:
    return b"<opml" in data[:2048].lower()


def read_list(data: bytes, name: str) -> list[str]:
    """URLs of a plain list file: one a line; blank lines and ``#`` comments are skipped."""
    urls = []
    text = data.decode("utf-8-sig", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"line {number}: {line[:80]!r} is not an http(s) URL", name)
        urls.append(line)
    return urls


def read_opml(data: bytes, name: str) -> list[str]:
    """The feed URLs (``xmlUrl``) of an OPML subscription list, nested outlines included."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a readable OPML file ({exc})", name) from None
    urls = [
        o.get("xmlUrl").strip()
        for o in root.iter("outline")
        if o.get("xmlUrl") and is_url(o.get("xmlUrl").strip())
    ]
    if not urls:
        raise InputError("the OPML file lists no feed (no outline with an xmlUrl)", name)
    return urls


# --- feeds and sitemaps ----------------------------------------------------------------------------


def parse_listing(body: bytes, url: str, content_type: str = "") -> Listing:
    """Read a fetched feed or sitemap; raise InputError (naming ``url``) when it is neither."""
    head = body[:4096].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return parse_sitemap(body, url)
    if head.startswith(b"{") or "json" in content_type:
        return parse_json_feed(body, url)
    return parse_feed(body, url, content_type)


def parse_json_feed(body: bytes, url: str) -> Listing:
    """A JSON Feed (jsonfeed.org, versions 1 and 1.1); feedparser 6 reads only XML feeds."""
    import json

    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"not a readable JSON feed ({exc})", url) from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise InputError("JSON, but not a JSON Feed (no jsonfeed.org version)", url)
    title = doc.get("title") or None
    items = []
    for entry in doc.get("items") or []:
        if not isinstance(entry, dict):
            continue
        link = entry.get("url") or entry.get("external_url")
        if not isinstance(link, str) or not link.strip():
            continue
        people = entry.get("authors") or ([entry["author"]] if entry.get("author") else [])
        authors = tuple(p["name"].strip() for p in people if isinstance(p, dict) and p.get("name"))
        items.append(
            FeedItem(
                url=_join(url, link.strip()),
                source_url=url,
                title=(entry.get("title") or "").strip() or None,
                published=_iso_date(entry.get("date_published") or entry.get("date_modified")),
                authors=authors,
                feed_title=title,
                content=_long_enough(entry.get("content_html") or entry.get("content_text")),
            )  # fmt: skip
        )
    return Listing(kind="feed", title=title, items=items)


def parse_feed(body: bytes, url: str, content_type: str = "") -> Listing:
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    problem = parsed.get("bozo_exception")
    if not parsed.entries:
        if problem is not None or not parsed.get("version"):
            why = f"{type(problem).__name__}: {problem}" if problem else "no feed elements"
            raise InputError(f"not a readable feed or sitemap ({why})", url)
        return Listing(kind="feed", title=parsed.feed.get("title"))
    title = parsed.feed.get("title") or None
    items = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        link = str(_join(url, link))
        authors = tuple(
            a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name")
        ) or ((entry.get("author").strip(),) if entry.get("author") else ())
        items.append(
            FeedItem(
                url=link,
                source_url=url,
                title=(entry.get("title") or "").strip() or None,
                published=_entry_date(entry),
                authors=authors,
                feed_title=title,
                content=_entry_content(entry),
            )  # fmt: skip
        )
    if problem is not None and not items:
        raise InputError(
            f"not a readable feed ({type(problem).__name__}: {problem}); no item with a link", url
        )
    warning = f"read despite {type(problem).__name__}: {problem}" if problem else None
    return Listing(kind="feed", title=title, items=items, warning=warning)


#: Shortest feed content taken as the article's text (shorter is a teaser, not the article).
MIN_CONTENT_CHARS = 500


def _long_enough(value: object) -> str | None:
    return value if isinstance(value, str) and len(value) >= MIN_CONTENT_CHARS else None


def _entry_content(entry) -> str | None:
    """The longest of an entry's full contents (``content:encoded``, Atom ``content``) or its
    summary, when long enough to be the article rather than a teaser."""
    values = [c.get("value") or "" for c in entry.get("content", [])]
    values.append(entry.get("summary") or "")
    return _long_enough(max(values, key=len))


def _entry_link(entry) -> str | None:
    link = entry.get("link")
    if link:
        return link.strip()
    for candidate in entry.get("links", []):
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return candidate["href"].strip()
    ident = entry.get("id") or ""
    return ident.strip() if is_url(ident.strip()) else None


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    return None


def _join(base: str, link: str) -> str:
    import httpx

    return str(httpx.URL(base).join(link))


def parse_sitemap(body: bytes, url: str) -> Listing:
    """A ``urlset`` (pages, with Google News title and date when given) or a ``sitemapindex``."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a readable sitemap ({exc})", url) from None
    if root is None:
        raise InputError("not a readable sitemap (empty document)", url)
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = []
        for node in root.iter(f"{{{SITEMAP_NS}}}sitemap", "sitemap"):
            loc = _text(node, "loc")
            if loc and is_url(loc):
                children.append((_text(node, "lastmod") or "", loc))
        children.sort(reverse=True)  # newest first (lastmod is ISO 8601)
        return Listing(kind="sitemapindex", sitemaps=[loc for _, loc in children])
    if tag != "urlset":
        raise InputError(f"not a sitemap (root element <{tag}>)", url)
    items = []
    for node in root.iter(f"{{{SITEMAP_NS}}}url", "url"):
        loc = _text(node, "loc")
        if not loc or not is_url(loc):
            continue
        news = node.find(f"{{{NEWS_NS}}}news")
        title = _text(news, "title", NEWS_NS) if news is not None else None
        when = (_text(news, "publication_date", NEWS_NS) if news is not None else None) or _text(
            node, "lastmod"
        )
        items.append(FeedItem(url=loc, source_url=url, title=title, published=_iso_date(when)))
    return Listing(kind="sitemap", items=items)


def _text(node, name: str, ns: str = SITEMAP_NS) -> str | None:
    if node is None:
        return None
    child = node.find(f"{{{ns}}}{name}")
    if child is None:
        child = node.find(name)
    value = (child.text or "").strip() if child is not None else ""
    return value or None


def _iso_date(value: object) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
