"""The polite fetcher: robots.txt, a per-host pace and cap, conditional GETs, retries, limits.

One :class:`Fetcher` serves a whole round and may be shared by threads. Every refusal or
failure is a :class:`~dateline.errors.FetchError` whose ``kind`` and ``transient`` flag let the
round record a clear outcome and decide whether the item is tried again in a later round.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dateline.errors import FetchError
from dateline.settings import Settings

log = logging.getLogger(__name__)

PROJECT_URL = "https://example.org/dateline"
#: The token robots.txt rules name to address Dateline (``User-agent: Dateline``).
ROBOTS_TOKEN = "Dateline"
#: Content types a page may have; anything else is skipped with its type as the reason.
PAGE_TYPES = ("text/html", "application/xhtml+xml")
#: Content types that are never a feed or a sitemap.
NOT_FEED_PREFIXES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                     "application/octet-stream", "application/msword", "application/vnd.")  # fmt: skip
ROBOTS_MAX_BYTES = 500_000
#: The longest wait a server may ask for (Retry-After, Crawl-delay) that is honoured.
MAX_SERVER_WAIT_S = 60.0


def user_agent(settings: Settings) -> str:
    """The User-Agent header: the setting, or one naming Dateline, its version and its home."""
    if settings.watch_user_agent:
        return settings.watch_user_agent
    from dateline._version import __version__

    return f"{ROBOTS_TOKEN}/{__version__} (+{PROJECT_URL}; political event coding from news)"


@dataclass
class Fetched:
    """One answer: the final URL after redirects, status, headers and the (capped) body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""
    redirects: int = 0
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class _Host:
    """Pace and cap of one host: ``slots`` requests at once, ``delay`` seconds apart."""

    slots: threading.Semaphore
    delay: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_at)
            self.next_at = start + self.delay
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """Fetch feeds and pages politely; one instance per round, safe to share between threads."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.client = httpx.Client(
            headers={"User-Agent": user_agent(settings)},
            cookies=_no_cookies(),  # no session, no tracking: every request stands alone
            timeout=httpx.Timeout(settings.watch_timeout_s),
            follow_redirects=False,  # followed here, so each hop is paced and checked
            transport=transport,
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self._lock = threading.Lock()
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public --------------------------------------------------------------------------------

    def feed(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """A feed or sitemap, conditionally: a 304 answer comes back with ``not_modified``."""
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                             "application/json;q=0.8, text/xml;q=0.8, */*;q=0.5"}  # fmt: skip
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self.get(url, headers, page=False)

    def page(self, url: str) -> Fetched:
        """An HTML page; other content types are refused before the body is read."""
        headers = {"Accept": "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"}
        return self.get(url, headers, page=True)

    def get(self, url: str, headers: dict[str, str], page: bool) -> Fetched:
        """GET ``url`` following at most ``watch_max_redirects`` redirects, each hop allowed by
        robots.txt, retried after 5xx answers and timeouts (never after a 4xx)."""
        seen = {url}
        current = url
        for hop in range(self.settings.watch_max_redirects + 1):
            self._check_robots(current)
            fetched = self._with_retries(current, headers, page)
            fetched.redirects = hop
            if fetched.status not in (301, 302, 303, 307, 308):
                return fetched
            location = fetched.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {fetched.status} without a Location header", url, "http")
            target = str(httpx.URL(current).join(location))
            if target in seen:
                raise FetchError(
                    f"redirect loop ({current} -> {target} again after {hop + 1} redirects)",
                    url,
                    "redirects",
                )
            seen.add(target)
            current = target
        raise FetchError(
            f"more than {self.settings.watch_max_redirects} redirects (watch_max_redirects); "
            f"last went to {current}",
            url,
            "redirects",
        )

    # --- one request, retried ------------------------------------------------------------------

    def _with_retries(self, url: str, headers: dict[str, str], page: bool) -> Fetched:
        s = self.settings
        attempts = max(0, s.watch_retries) + 1
        for attempt in range(1, attempts + 1):
            try:
                fetched = self._request(url, headers, page)
            except FetchError as exc:
                if not exc.transient or attempt == attempts:
                    raise
                wait = s.watch_retry_backoff_s * 2 ** (attempt - 1)
                log.info("%s; retrying in %.1f s (%d/%d)", exc, wait, attempt, attempts - 1)
                time.sleep(wait)
                continue
            fetched.attempts = attempt
            if fetched.status >= 500 or fetched.status == 429:
                retry_after = _retry_after(fetched.headers.get("retry-after"))
                if fetched.status == 429 or attempt == attempts:
                    raise FetchError(
                        f"HTTP {fetched.status} after {attempt} attempt(s); "
                        "the server is failing or busy, it is tried again in a later round",
                        url,
                        "http",
                        transient=True,
                    )
                wait = max(s.watch_retry_backoff_s * 2 ** (attempt - 1), retry_after or 0.0)
                log.info("%s: HTTP %d; retrying in %.1f s", url, fetched.status, wait)
                time.sleep(wait)
                continue
            if 400 <= fetched.status < 500:
                raise FetchError(
                    f"HTTP {fetched.status} {_reason(fetched.status)}; not tried again",
                    url,
                    "http",
                )
            return fetched
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(self, url: str, headers: dict[str, str], page: bool) -> Fetched:
        s = self.settings
        host = self._host(url)
        with host.slots:
            host.wait_turn()
            started = time.monotonic()
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    fetched = Fetched(url=str(response.url), status=response.status_code,
                                      headers=response.headers)  # fmt: skip
                    if response.status_code != 200:
                        return fetched
                    _check_type(fetched, url, page)
                    _check_length(fetched, url, s.watch_max_bytes)
                    fetched.body = _read_capped(response, url, s, started)
                    return fetched
            except httpx.TimeoutException as exc:
                raise FetchError(
                    f"timed out after {s.watch_timeout_s:g} s ({type(exc).__name__}); "
                    "raise watch_timeout_s (DATELINE_WATCH_TIMEOUT_S) for slow servers",
                    url,
                    "timeout",
                    transient=True,
                ) from None
            except httpx.TransportError as exc:
                raise FetchError(
                    f"network error ({type(exc).__name__}: {exc})", url, "network", transient=True
                ) from None

    def _host(self, url: str) -> _Host:
        key = _origin(url)
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(
                    slots=threading.Semaphore(max(1, self.settings.watch_host_concurrency)),
                    delay=max(0.0, self.settings.watch_host_delay_s),
                )
            return self._hosts[key]

    # --- robots.txt ----------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        if not self.settings.watch_robots:
            return
        rules = self._robots_for(url)
        if isinstance(rules, str):
            raise FetchError(rules, url, "robots", transient=True)
        if not rules.can_fetch(ROBOTS_TOKEN, url):
            raise FetchError(
                "robots.txt of the site disallows fetching it for Dateline; not fetched",
                url,
                "robots",
            )

    def _robots_for(self, url: str) -> RobotFileParser | str:
        """The site's robots.txt rules (fetched once per Fetcher), or why the site is off limits
        this round: per RFC 9309 a robots.txt that cannot be fetched (5xx, network) means
        'disallow everything', and one that does not exist (4xx) means 'allow everything'."""
        origin = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin in self._robots:
                return self._robots[origin]
            rules: RobotFileParser | str
            robots_url = f"{origin}/robots.txt"
            try:
                fetched = self._with_retries(robots_url, {"Accept": "text/plain"}, page=False)
            except FetchError as exc:
                if exc.kind == "http" and not exc.transient:  # 4xx: no rules
                    rules = _parse_robots("")
                else:
                    rules = (
                        f"robots.txt of {origin} could not be fetched ({exc}); per RFC 9309 "
                        "the site is not crawled until it can be"
                    )
            else:
                if fetched.status in (301, 302, 303, 307, 308):
                    rules = _parse_robots("")  # a redirected robots.txt: treated as none
                else:
                    text = fetched.body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
                    rules = _parse_robots(text)
                    delay = rules.crawl_delay(ROBOTS_TOKEN)
                    if delay:
                        host = self._host(url)
                        host.delay = max(host.delay, min(float(delay), MAX_SERVER_WAIT_S))
            self._robots[origin] = rules
            return rules


# --- helpers ---------------------------------------------------------------------------------------


def _no_cookies() -> CookieJar:
    """A cookie jar that keeps nothing a server sets."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _parse_robots(text: str) -> RobotFileParser:
    rules = RobotFileParser()
    rules.parse(text.splitlines())
    return rules


def _check_type(fetched: Fetched, url: str, page: bool) -> None:
    kind = fetched.content_type
    if not kind:
        return  # no header: the content decides (binaries are refused when decoded)
    if page and kind not in PAGE_TYPES:
        raise FetchError(
            f"content type {kind!r} is not an HTML page; skipped (Dateline codes HTML articles)",
            url,
            "content-type",
        )
    if not page and kind.startswith(NOT_FEED_PREFIXES):
        raise FetchError(f"content type {kind!r} is not a feed or sitemap", url, "content-type")


def _check_length(fetched: Fetched, url: str, limit: int) -> None:
    declared = fetched.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(_too_large(int(declared), limit), url, "too-large")


def _read_capped(response: httpx.Response, url: str, s: Settings, started: float) -> bytes:
    """The body, stopping at ``watch_max_bytes`` and at four times ``watch_timeout_s`` overall
    (a server trickling bytes never times out a single read)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > s.watch_max_bytes:
            raise FetchError(_too_large(size, s.watch_max_bytes, partial=True), url, "too-large")
        if time.monotonic() - started > 4 * s.watch_timeout_s:
            raise FetchError(
                f"still downloading after {4 * s.watch_timeout_s:g} s; given up",
                url,
                "timeout",
                transient=True,
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int, partial: bool = False) -> str:
    more = "more than " if partial else ""
    return (
        f"too large: {more}{size:,} bytes, the limit is {limit:,} (watch_max_bytes, "
        "DATELINE_WATCH_MAX_BYTES); not read"
    )


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (number or HTTP date), capped; None if absent."""
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value.strip()), MAX_SERVER_WAIT_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(0.0, when.timestamp() - time.time()), MAX_SERVER_WAIT_S)


def _reason(status: int) -> str:
    try:
        import http

        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""
