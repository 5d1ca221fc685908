"""Serving many clients: a pool of read connections and a cache of answered GETs.

One DuckDB connection is not thread-safe, so the app used to answer one store read at a time;
with 50 clients p95 latency was 1.5 s. Several read-only connections to one file in one
process share the database and run queries in parallel (DuckDB releases the GIL while it
works). A store opened read-only from its file cannot change while it is served (DuckDB lets no
other process write it meanwhile; ``Store.frozen``), so the answer to a GET is the same every
time it is asked: the cache keeps recent 200 answers, bounded in count and bytes, and only for
such stores (not for ``Store.reader()`` beside a writer, as in ``dateline watch --serve``).
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POOL_SIZE = 4
CACHE_ENTRIES = 512
CACHE_BYTES = 64 * 1024 * 1024
LARGEST_CACHED = 2 * 1024 * 1024


class StorePool:
    """Connections to one store; :meth:`take` lends one to one request at a time."""

    def __init__(self, store: Any, size: int = POOL_SIZE) -> None:
        self.stores = [store]
        if getattr(store, "frozen", False):  # a file opened read-only: open it again
            from dateline.store import Store

            self.stores += [Store(store.path, read_only=True) for _ in range(size - 1)]
        self._free: queue.Queue = queue.Queue()
        for s in self.stores:
            self._free.put(s)

    @contextlib.contextmanager
    def take(self) -> Iterator[Any]:
        store = self._free.get()
        try:
            yield store
        finally:
            self._free.put(store)

    def close(self) -> None:
        for store in self.stores[1:]:  # the first belongs to the caller
            store.close()


class ResponseCache:
    """Pure ASGI middleware: answer a repeated GET from memory (LRU by count and bytes).

    Concurrent requests for a page not yet cached wait for the first one to make it, rather
    than all querying the store at once (50 clients starting together did just that)."""

    def __init__(
        self, app: ASGIApp, entries: int = CACHE_ENTRIES, max_bytes: int = CACHE_BYTES
    ) -> None:
        self.app = app
        self.entries = entries
        self.max_bytes = max_bytes
        self._cache: OrderedDict[tuple, tuple[list, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._in_flight: dict[tuple, asyncio.Event] = {}  # pages being made (one event loop)
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        key = (scope["method"], scope["path"], scope.get("query_string", b""))
        hit = self._lookup(key)
        if hit is None and key in self._in_flight:  # the same page is being made: wait for it
            await self._in_flight[key].wait()
            hit = self._lookup(key)
        if hit is not None:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        done = self._in_flight.setdefault(key, asyncio.Event())
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                if not message.get("more_body", False) and start["status"] == 200:
                    self._store(key, list(start.get("headers", [])), b"".join(chunks), size)
            await send(message)

        try:
            await self.app(scope, receive, keep)
        finally:
            if self._in_flight.get(key) is done:
                del self._in_flight[key]
            done.set()

    def _lookup(self, key: tuple) -> tuple[list, bytes] | None:
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return hit

    def _store(self, key: tuple, headers: list, body: bytes, size: int) -> None:
        if size > LARGEST_CACHED:
            return
        with self._lock:
            if key in self._cache:
                return
            self._cache[key] = (headers, body)
            self._bytes += size
            while len(self._cache) > self.entries or self._bytes > self.max_bytes:
                _, (_, old) = self._cache.popitem(last=False)
                self._bytes -= len(old)
