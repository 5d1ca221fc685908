"""A real HTTP server on 127.0.0.1 serving fixture feeds and pages, for `dateline watch` tests.

Routes map a path to a fixed answer or to a function of the request; every request is logged
(path and headers) so tests can check what the fetcher sent. Also used by
``benchmarks/watch.py`` for the 50-page, 5-feed end-to-end run.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = tuple[int, dict[str, str], bytes]
Route = Answer | Callable[["Request"], Answer]

COUNTRIES = [
    ("Kenya", "Nairobi", "Uganda"),
    ("Peru", "Lima", "Chile"),
    ("Norway", "Oslo", "Sweden"),
    ("Vietnam", "Hanoi", "Cambodia"),
    ("Ghana", "Accra", "Togo"),
    ("Poland", "Warsaw", "Lithuania"),
    ("Egypt", "Cairo", "Sudan"),
    ("Canada", "Ottawa", "Mexico"),
    ("Japan", "Tokyo", "Australia"),
    ("Brazil", "Brasilia", "Argentina"),
]
TEMPLATES = [
    "The government of {a} accused {b} of violating the border agreement, officials in {city} said on Tuesday.",
    "The foreign minister of {a} met her counterpart from {b} in {city} to discuss trade and fishing rights.",
    "{a} and {b} signed an agreement on energy cooperation in {city} on Wednesday.",
    "Police in {city} arrested dozens of protesters who demanded the resignation of the interior minister of {a}.",
    "The president of {a} threatened to impose sanctions on {b} over the detention of {n} fishermen.",
]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    count: int  # how many times this path was asked for, this one included


@dataclass
class Site:
    """Routes and a request log; ``url(path)`` is the absolute URL on the running server."""

    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        """The requests of ``path`` (whatever their query string, unless ``path`` has one)."""
        with self.lock:
            return [r for r in self.log if r.path == path or r.path.split("?")[0] == path]

    def answer(self, path: str, headers: dict[str, str]) -> Answer:
        with self.lock:
            count = sum(1 for r in self.log if r.path == path) + 1
            request = Request(path, headers, count)
            self.log.append(request)
            route = self.routes.get(path) or self.routes.get(path.split("?")[0])
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return route(request) if callable(route) else route


def serve(site: Site) -> tuple[ThreadingHTTPServer, threading.Thread]:
    """Start ``site`` on 127.0.0.1 (a free port) in a daemon thread; sets ``site.base``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            status, headers, body = site.answer(
                self.path, {k.lower(): v for k, v in self.headers.items()}
            )
            headers = dict(headers)
            streamed = headers.pop("X-No-Length", None) is not None  # read until the close
            try:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if streamed:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                elif "content-length" not in {k.lower() for k in headers}:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body and status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (size cap)
                pass

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return server, thread


# --- content ----------------------------------------------------------------------------------------


def article_text(n: int) -> list[str]:
    """Paragraphs of a short English news story, different for every ``n``."""
    a, city, b = COUNTRIES[n % len(COUNTRIES)]
    shift = n // len(COUNTRIES)  # pages ten apart share a country, not a story
    first = TEMPLATES[(n + shift) % len(TEMPLATES)].format(a=a, b=b, city=city, n=n + 3)
    second = TEMPLATES[(n + 2 + 2 * shift) % len(TEMPLATES)].format(a=b, b=a, city=city, n=n + 7)
    return [
        first,
        f"Story number {n}: {second}",
        f"Diplomats in {city} said talks between {a} and {b} would continue next month, "
        f"and that a delegation of {n + 11} officials was expected to travel to the region.",
    ]


def page(n: int, title: str | None = None, with_meta: bool = True) -> bytes:
    """An article page; without ``with_meta`` it names no title, date or author of its own."""
    title = title or f"Report {n} from {COUNTRIES[n % len(COUNTRIES)][1]}"
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in article_text(n))
    head = (
        f"<title>{html.escape(title)}</title>"
        f'<meta name="author" content="Reporter {n}">'
        f'<meta property="article:published_time" content="2024-05-{n % 28 + 1:02d}">'
        if with_meta
        else ""
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{'<h1>' + html.escape(title) + '</h1>' if with_meta else ''}"
        f"{paras}</article><footer>Copyright</footer></body></html>"
    ).encode()


def html_answer(body: bytes, **headers: str) -> Answer:
    return 200, {"Content-Type": "text/html; charset=utf-8", **headers}, body


def rss(title: str, items: list[tuple[str, str, dt.date | None, str | None]]) -> bytes:
    """An RSS 2.0 feed of (link, title, date, author) items."""
    entries = []
    for link, item_title, date, author in items:
        when = (
            f"<pubDate>{format_datetime(dt.datetime(date.year, date.month, date.day, 9, tzinfo=dt.UTC))}</pubDate>"
            if date
            else ""
        )
        who = f"<dc:creator>{html.escape(author)}</dc:creator>" if author else ""
        entries.append(
            f"<item><title>{html.escape(item_title)}</title><link>{html.escape(link)}</link>"
            f"<guid>{html.escape(link)}</guid>{when}{who}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{html.escape(title)}</title>"
        f"<description>fixture</description>{''.join(entries)}</channel></rss>"
    ).encode()


def rss_answer(body: bytes, **headers: str) -> Answer:
    return 200, {"Content-Type": "application/rss+xml; charset=utf-8", **headers}, body


def build_site(feeds: int = 5, per_feed: int = 10, prefix: str = "") -> Site:
    """``feeds`` RSS feeds of ``per_feed`` article pages each (``/feedK.xml``, ``/feedK/N.html``)
    and a robots.txt that allows everything but ``/private/``."""
    site = Site()
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                  b"User-agent: *\nDisallow: /private/\n")  # fmt: skip
    n = 0
    for k in range(feeds):
        items = []
        for _ in range(per_feed):
            path = f"{prefix}/feed{k}/{n}.html"
            site.routes[path] = html_answer(page(n))
            items.append((path, f"Report {n}", dt.date(2024, 5, n % 28 + 1), f"Reporter {n}"))
            n += 1
        site.routes[f"{prefix}/feed{k}.xml"] = conditional(rss_answer(rss(f"Feed {k}", items)))
    return site


def conditional(answer: Answer) -> Callable[[Request], Answer]:
    """``answer`` with an ETag (from its body) and a 304 when the client already has it."""
    status, headers, body = answer
    etag = f'"{hash(body) & 0xFFFFFFFF:08x}"'

    def route(request: Request) -> Answer:
        if request.headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return status, {**headers, "ETag": etag}, body

    return route
