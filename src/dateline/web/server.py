"""Running the app under uvicorn with bounds on slow clients.

uvicorn closes a keep-alive connection that stays idle for ``timeout_keep_alive`` seconds, but
every byte received resets that timer, so a client dripping its request headers one byte at a
time (slow loris) holds a connection forever. :class:`BoundedH11Protocol` gives each request's
headers a deadline; the request body has its own in :class:`dateline.web.guard.GuardMiddleware`.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = 10.0  # time a client has to send one request's headers
KEEP_ALIVE_S = 5  # idle time before a kept-alive connection is closed
MAX_CONNECTIONS = 200  # concurrent connections; beyond, uvicorn answers 503


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request headers take longer than
    ``header_timeout_s`` to arrive (counted from the connection, or the previous response)."""

    header_timeout_s = HEADER_TIMEOUT_S
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(header_timeout_s: float = HEADER_TIMEOUT_S) -> dict[str, Any]:
    """The keyword arguments ``dateline serve`` gives ``uvicorn.run`` to bound slow clients."""
    protocol = type("BoundedH11", (BoundedH11Protocol,), {"header_timeout_s": header_timeout_s})
    return {
        "http": protocol,
        "timeout_keep_alive": KEEP_ALIVE_S,
        "limit_concurrency": MAX_CONNECTIONS,
        "h11_max_incomplete_event_size": 64 * 1024,
    }
