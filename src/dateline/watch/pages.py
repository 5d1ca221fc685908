"""One listed item to one Article: fetch the page, extract it as `dateline code page.html`
does, and let the feed fill what the page does not say (title, date, authors, outlet)."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from dateline.errors import FetchError, InputError
from dateline.ingest.detect import check_article, check_size
from dateline.ingest.html import article_from_html, decode_html
from dateline.model import Article
from dateline.settings import Settings
from dateline.watch.fetch import Fetcher
from dateline.watch.sources import FeedItem
from dateline.watch.state import FAILED, SKIPPED

_CANONICAL_TAG = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.I)
_HREF = re.compile(r"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
#: Query parameters that only track clicks; two links differing only by them are one page.
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "at_medium",
                   "at_campaign", "ns_mchannel", "ns_source", "ns_campaign")  # fmt: skip


@dataclass
class Page:
    """What became of one item: an Article ready to code, or the outcome and its reason."""

    item: FeedItem
    key: str  # the item's normalised URL, its key in the store
    article: Article | None = None
    canonical: str | None = None
    status: str | None = None  # SKIPPED or FAILED when there is no article
    reason: str | None = None
    kind: str = "fetch"  # which errors-table kind the reason belongs to


def normalise_url(url: str) -> str:
    """A URL as a key: lower-case scheme and host, no default port, no fragment, no tracking
    parameters, the other parameters sorted (courlan's normalisation, then ours)."""
    from courlan import normalize_url

    with contextlib.suppress(ValueError, AttributeError):
        url = normalize_url(url)
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PARAMS)]  # fmt: skip
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(sorted(query)), ""))


def canonical_url(html: str, base: str) -> str | None:
    """The page's ``<link rel="canonical">``, absolute and normalised, or None."""
    import httpx

    head = html[:200_000]
    tag = _CANONICAL_TAG.search(head)
    if not tag:
        return None
    href = _HREF.search(tag.group(0))
    value = next((g for g in href.groups() if g), "").strip() if href else ""
    if not value:
        return None
    try:
        return normalise_url(str(httpx.URL(base).join(value)))
    except (httpx.InvalidURL, ValueError):
        return None


def fill_from_feed(article: Article, item: FeedItem) -> Article:
    """The feed's title, date, authors and outlet name where the page gave none."""
    article.title = article.title or item.title
    article.published = article.published or item.published
    if not article.authors and item.authors:
        article.authors = list(item.authors)
    parts = urlsplit(article.url or item.url)
    if not article.source or article.source in (parts.netloc, parts.hostname):
        # trafilatura names the host when the page names no site: the feed's title says more
        article.source = item.feed_title or article.source or parts.hostname
    return article


def fetch_page(fetcher: Fetcher, item: FeedItem, key: str, settings: Settings) -> Page:
    """Fetch and extract one item; every refusal or failure comes back as a Page outcome."""
    try:
        fetched = fetcher.page(item.url)
        html = decode_html(fetched.body, item.url)
        check_size(html, settings, item.url, html=True)
        canonical = canonical_url(html, fetched.url)
        try:
            article = article_from_html(html, url=canonical or fetched.url, origin=item.url)
        except InputError:
            if not item.content:
                raise
            # the page shows no text (scripts, a consent wall) but the feed carries the article
            article = article_from_html(
                f"<html><body><article>{item.content}</article></body></html>",
                url=canonical or fetched.url,
                origin=item.url,
            )
        fill_from_feed(article, item)
        check_article(article, settings, item.url)
    except FetchError as exc:
        return Page(item, key, status=FAILED if exc.transient else SKIPPED, reason=str(exc))
    except InputError as exc:
        reason = str(exc) if item.url in str(exc) else f"{item.url}: {exc}"
        return Page(item, key, status=SKIPPED, reason=reason, kind="input")
    return Page(item, key, article=article, canonical=canonical)
