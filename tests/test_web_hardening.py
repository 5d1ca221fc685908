"""Web hardening from issue 17: Host allowlist (DNS rebinding), cross-site POSTs refused
(CSRF), slow clients cut off by a real uvicorn, and the coder's time limit in its own
process. No model is loaded here except in the one slow end-to-end test."""

from __future__ import annotations

import operator
import os
import socket
import threading
import time
import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from dateline.errors import ArticleTimeout  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.web import WebLimits, create_app  # noqa: E402
from dateline.web.coder import CodingProcess  # noqa: E402
from dateline.web.fixtures import build_store  # noqa: E402


@pytest.fixture(scope="module")
def store():
    return build_store(":memory:")


@pytest.mark.parametrize(
    "base, status",
    [("http://localhost:8000", 200), ("http://127.0.0.1", 200), ("http://[::1]:8000", 200),
     ("http://evil.example", 400), ("http://127.0.0.1.nip.io:8000", 400),
     ("http://dash.example", 200)],
)  # fmt: skip
def test_only_allowed_host_names_are_answered(store, base, status):
    app = create_app(store, allowed_hosts=["dash.example"])
    with TestClient(app, base_url=base) as client:
        response = client.get("/api/stats")
        assert response.status_code == status, response.text
        if status == 400:
            assert "is not served here" in response.json()["error"]
            assert "--allowed-host" in response.json()["error"]


def test_cross_site_posts_are_refused_before_the_handler(store):
    app = create_app(store, limits=WebLimits(code_burst=100))
    with TestClient(app, base_url="http://localhost:8000") as client:
        form = {"text": " "}  # blank: the handler itself answers 400 without coding
        cross = [{"origin": "http://evil.example"}, {"origin": "null"},
                 {"origin": "null", "sec-fetch-site": "cross-site"},
                 {"sec-fetch-site": "cross-site"}, {"sec-fetch-site": "same-site"},
                 {"origin": "http://evil.example", "sec-fetch-site": "same-origin"}]  # fmt: skip
        for headers in cross:
            response = client.post("/code", data=form, headers=headers)
            assert response.status_code == 403, (headers, response.text)
            assert "post from this server's own pages" in response.text
        api = client.post(
            "/api/code", json={"text": " "}, headers={"origin": "http://evil.example"}
        )
        assert api.status_code == 403
        same = client.post("/code", data=form, headers={"origin": "http://localhost:8000"})
        assert same.status_code == 400  # through the guard, refused by the handler
        # what Chromium sends for our own form under Referrer-Policy: no-referrer
        own = {"origin": "null", "sec-fetch-site": "same-origin"}
        assert client.post("/code", data=form, headers=own).status_code == 400
        assert client.post("/api/code", json={"text": " "}).status_code == 400  # curl: no Origin


# --- slow clients against a real uvicorn ------------------------------------------------------


@pytest.fixture
def live_server(store):
    import uvicorn

    from dateline.web.server import uvicorn_options

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(store, limits=WebLimits(body_timeout_s=1.0))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            **uvicorn_options(header_timeout_s=1.0))  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(10)


def drip(
    port: int, pieces: list[bytes], every: float = 0.3, limit: float = 8.0
) -> tuple[float, bytes]:
    """Send ``pieces`` slowly until the server answers or closes; return the time that took
    and what the server said."""
    import select

    started = time.monotonic()
    received = b""
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as conn:
        try:
            for piece in pieces:
                conn.sendall(piece)
                if select.select([conn], [], [], every)[0]:
                    break  # an answer, or the connection closed
            while chunk := conn.recv(4096):
                received += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass
    return time.monotonic() - started, received


def test_a_slow_loris_is_cut_off_and_others_are_still_served(live_server):
    import httpx

    headers = [b"GET /api/stats HTTP/1.1\r\n", *[b"X-a: b\r\n"] * 30]  # 9 s of header drip
    elapsed, _ = drip(live_server, headers)
    assert elapsed < 4, f"a dripping client held its connection {elapsed:.1f} s"
    response = httpx.get(f"http://127.0.0.1:{live_server}/api/stats", timeout=5)
    assert response.status_code == 200


def test_a_slow_body_is_408(live_server):
    head = (b"POST /api/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            b"Content-Length: 400\r\n\r\n")  # fmt: skip
    elapsed, answer = drip(live_server, [head, *[b"{" + b" " * 9] * 20])
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert elapsed < 4


# --- the coder's time limit -------------------------------------------------------------------


def running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except (FileNotFoundError, ProcessLookupError):  # gone before open, or between open and read
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_the_coder_process_is_killed_past_timeout_s_and_replaced():
    coder = CodingProcess(Settings(timeout_s=0.5), warm=False)
    try:
        first = coder.call(os.getpid)
        started = time.monotonic()
        with pytest.raises(ArticleTimeout, match="timeout_s=0.5"):
            coder.call(time.sleep, 30)
        assert time.monotonic() - started < 5
        deadline = time.monotonic() + 5
        while running(first) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not running(first), "the stopped worker still runs"
        assert coder.call(operator.add, 2, 3) == 5  # a fresh worker for the next text
        assert coder.call(os.getpid) != first
    finally:
        coder.close()


@pytest.mark.slow
def test_api_code_runs_under_the_time_limit_with_the_real_model(store):
    sentence = "The minister of Arlen met the envoy of Besmar in the capital on Monday. "
    app = create_app(store, Settings(timeout_s=1.0), limits=WebLimits(code_burst=10))
    with TestClient(app, base_url="http://localhost") as client:
        ok = client.post("/api/code", json={"text": sentence})
        assert ok.status_code == 200 and ok.json()["events"]
        started = time.monotonic()
        slow = client.post("/api/code", json={"text": sentence * 2500})
        assert slow.status_code == 422 and "timeout_s=1" in slow.json()["error"]
        assert time.monotonic() - started < 10
        assert client.post("/api/code", json={"text": sentence}).status_code == 200
        app.state.coder.close()


# --- many clients -----------------------------------------------------------------------------


@pytest.fixture
def file_store(tmp_path):
    from dateline.store import Store

    path = tmp_path / "served.duckdb"
    build_store(str(path)).close()
    with Store(path, read_only=True) as store:
        yield store


def test_a_read_only_store_is_served_by_a_pool_and_a_cache(file_store):
    from concurrent.futures import ThreadPoolExecutor

    app = create_app(file_store)
    assert len(app.state.stores.stores) == 4  # four connections to one read-only file
    with TestClient(app, base_url="http://localhost") as client:
        urls = [
            "/api/events",
            "/api/events?dyad=USA:RUS",
            "/api/stats",
            "/events",
            "/api/dyads/USA/RUS",
        ]
        first = {u: client.get(u).content for u in urls}
        with ThreadPoolExecutor(16) as pool:
            answers = list(pool.map(lambda u: (u, client.get(u)), urls * 20))
        assert all(r.status_code == 200 and r.content == first[u] for u, r in answers)
        cache = next(m for m in app.user_middleware if m.cls.__name__ == "ResponseCache")
        assert cache is not None
        evil = TestClient(app, base_url="http://evil.example").get("/api/events")
        assert evil.status_code == 400  # the Host check runs before the cache
    app.state.stores.close()


def test_a_store_that_can_change_is_never_cached(tmp_path):
    from dateline.store import Store

    with Store(tmp_path / "w.duckdb") as store:
        for served in (store, store.reader()):  # a writer, and a reader beside a writer
            app = create_app(served)
            assert not any(m.cls.__name__ == "ResponseCache" for m in app.user_middleware)
            assert len(app.state.stores.stores) == 1


def test_fifty_clients_against_a_real_serve_get_no_errors(tmp_path):
    """50 concurrent clients on a real `dateline serve` (a small fixture store, no model):
    every answer 200. The p95 figure of docs/reliability.md comes from benchmarks/load.py."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "load.py"
    spec = importlib.util.spec_from_file_location("dateline_load_small", path)
    load = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = load
    spec.loader.exec_module(load)
    db = tmp_path / "served.duckdb"
    build_store(str(db)).close()
    with load.serve(db) as base:
        result = load.run_load(base, seconds=60, clients=50, max_requests=500)
    summary = result.summary()
    print("\n50 clients:", {k: summary[k] for k in ("requests", "errors", "p50_ms", "p95_ms")})
    assert summary["errors"] == 0, summary["first_errors"]
    assert summary["requests"] == 500
