"""Request guards: body-size limit, per-client token bucket and security headers."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class TokenBucket:
    """``rate`` tokens per second up to ``burst``, one bucket per key (the client address)."""

    def __init__(self, rate: float, burst: int, max_keys: int = 10_000) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """Spend one token; return 0.0 when allowed, else the seconds to wait for the next."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate if self.rate > 0 else float("inf")
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            return wait


def error_body(status: int, message: str) -> dict:
    """The one JSON error shape of the whole API."""
    return {"ok": False, "error": message, "status": status}


async def _send_error(send: Send, status: int, message: str, close: bool = False) -> None:
    """The JSON error; ``close`` ends the connection too (a body left unread or too slow)."""
    body = json.dumps(error_body(status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *([(b"connection", b"close")] if close else []),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


#: Host names a dashboard on loopback answers to by default (DNS rebinding sends another one).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "localhost.localdomain")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def host_name(value: str) -> str:
    """The host of a ``Host`` header or an origin's netloc, lower-case, without port/brackets."""
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8000
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_host_names(extra: tuple[str, ...] | list[str] = ()) -> frozenset[str]:
    """The loopback names plus ``extra`` (the ``--host`` served and any ``--allowed-host``)."""
    return frozenset(host_name(h) for h in (*LOOPBACK_HOSTS, *extra) if h)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _cross_site(scope: Scope, hosts: frozenset[str]) -> str | None:
    """Why an unsafe request comes from another site (CSRF), or None when it does not.

    Browsers say where a request comes from in ``Sec-Fetch-Site`` and ``Origin``. Under this
    app's ``Referrer-Policy: no-referrer`` a browser sends ``Origin: null`` even for a form on
    our own page, so ``null`` is judged by ``Sec-Fetch-Site``; clients that send neither
    header (curl, scripts) are not browsers a page could steer.
    """
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site in ("cross-site", "same-site"):  # same-site: another port or subdomain
        return f"{fetch_site} request"
    origin = _header(scope, b"origin")
    if origin is None:
        return None
    if origin == "null":
        return (
            None
            if fetch_site in ("same-origin", "none")
            else "Origin 'null' with no Sec-Fetch-Site"
        )
    from urllib.parse import urlsplit

    parts = urlsplit(origin)
    if not parts.hostname or host_name(parts.hostname) not in hosts:
        return f"Origin {origin!r} is not this server"
    return None


class GuardMiddleware:
    """Pure ASGI middleware: refuse unknown ``Host`` names (400, against DNS rebinding) and
    cross-site unsafe requests (403, against CSRF), bodies over ``max_body`` bytes (413) or
    slower than ``body_timeout_s`` (408); add security headers."""

    def __init__(
        self,
        app: ASGIApp,
        max_body: int,
        allowed_hosts: frozenset[str] | None = None,
        body_timeout_s: float = 30.0,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts if allowed_hosts is not None else allowed_host_names()
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host")
        if host is None or host_name(host) not in self.allowed_hosts:
            await _send_error(
                send,
                400,
                f"Host {host!r} is not served here (allowed: "
                f"{', '.join(sorted(self.allowed_hosts))}); start 'dateline serve' with "
                "--allowed-host NAME to add a name",
            )
            return
        if scope.get("method") in UNSAFE_METHODS:
            why = _cross_site(scope, self.allowed_hosts)
            if why:
                await _send_error(send, 403, f"{why}; post from this server's own pages")
                return
        limit = self.max_body
        too_big = f"request body is larger than {limit} bytes; send a shorter text"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, 400, "Content-Length header is not a number")
                    return
                if declared > limit:
                    await _send_error(send, 413, too_big)
                    return
        if scope.get("method") in {"POST", "PUT", "PATCH"}:
            # Read the whole body first (it is bounded), so a chunked upload without
            # Content-Length is refused here too, before any handler sees it.
            chunks: list[bytes] = []
            received = 0
            deadline = time.monotonic() + self.body_timeout_s
            while True:
                try:
                    message = await asyncio.wait_for(receive(), deadline - time.monotonic())
                except TimeoutError:
                    await _send_error(
                        send, 408, "the request body came too slowly; send it again", close=True
                    )
                    return
                if message["type"] != "http.request":
                    return  # client went away
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > limit:
                    await _send_error(send, 413, too_big)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            receive = replay

        async def secure_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, secure_send)
