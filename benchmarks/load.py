"""Load test: a real `dateline serve` on loopback, hit by a bounded thread pool of httpx clients.

Builds a store from the Guardian sample (``dateline run --limit``), starts ``dateline serve``
on 127.0.0.1 and a free port, then requests a fixed mix of endpoints until the duration or the
request budget runs out. Prints requests/s and p50/p95 latency per endpoint; exit 1 on any error::

    python benchmarks/load.py                                  # 60 articles, 60 s, 4 clients
    python benchmarks/load.py --limit 120 --seconds 120 --clients 8 --json load.json
    python benchmarks/load.py --db events.duckdb --seconds 30  # an existing store

It only talks to 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from corpus import write_open_corpus

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "guardian_sample_249.csv"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def corpus_without_held_back(corpus: Path, out: Path, limit: int) -> Path:
    """The first ``limit`` rows of ``corpus`` that are not held back, as a CSV at ``out``."""
    return write_open_corpus(corpus, out, limit)


def build_store(corpus: Path, db: Path, limit: int) -> None:
    """``dateline run`` over the first ``limit`` rows (held-back rows left out) in a subprocess."""
    rows = corpus_without_held_back(corpus, db.with_suffix(".corpus.csv"), limit)
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "run", str(rows), "--db", str(db), "--no-progress"],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    if done.returncode not in (0, 1):  # 1: a few articles failed, the rest is stored
        raise RuntimeError(f"dateline run failed ({done.returncode}): {done.stderr[-2000:]}")


@contextlib.contextmanager
def serve(
    db: Path, port: int | None = None, timeout: float = 60.0, cache: bool = True
) -> Iterator[str]:
    """A `dateline serve` subprocess on loopback; yields its base URL, stops it on exit."""
    port = port or free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--host", HOST, "--port",
         str(port), *([] if cache else ["--no-cache"])],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"dateline serve exited: {proc.stderr.read()[-2000:]}")
            try:
                if httpx.get(base + "/healthz", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("dateline serve did not answer /healthz in time")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def endpoint_mix(base: str) -> dict[str, str]:
    """One URL per kind, filled with a real dyad and article from the store."""
    with httpx.Client(base_url=base, timeout=10.0) as c:
        rows = c.get("/api/events", params={"limit": 200}).json()["rows"]
        article = c.get("/api/articles", params={"limit": 1}).json()["rows"][0]["id"]
    pairs = [(r["source_country"], r["target_country"]) for r in rows
             if r.get("source_country") and r.get("target_country")]  # fmt: skip
    a, b = max(set(pairs), key=pairs.count) if pairs else ("USA", "RUS")
    return {
        "/api/events": "/api/events",
        "/api/events?dyad": f"/api/events?dyad={a}:{b}",
        "/api/articles/{id}": f"/api/articles/{quote(article, safe='')}",
        "/api/dyads/A/B": f"/api/dyads/{a}/{b}",
        "/events page": "/events",
    }


@dataclass
class LoadResult:
    """Latencies (seconds) by endpoint kind, errors, wall time."""

    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values()) + len(self.errors)

    def summary(self) -> dict[str, Any]:
        def pct(values: list[float], q: float) -> float:
            if len(values) < 2:
                return values[0] if values else 0.0
            return statistics.quantiles(values, n=100, method="inclusive")[q - 1]

        every = [x for v in self.latencies.values() for x in v]
        out: dict[str, Any] = {
            "requests": self.requests,
            "errors": len(self.errors),
            "seconds": round(self.seconds, 2),
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(pct(every, 50) * 1000, 1),
            "p95_ms": round(pct(every, 95) * 1000, 1),
            "endpoints": {},
        }
        for kind, values in self.latencies.items():
            out["endpoints"][kind] = {
                "requests": len(values),
                "p50_ms": round(pct(values, 50) * 1000, 1),
                "p95_ms": round(pct(values, 95) * 1000, 1),
            }
        out["first_errors"] = self.errors[:5]
        return out


def run_load(
    base: str, seconds: float = 10.0, clients: int = 4, max_requests: int = 100_000
) -> LoadResult:
    """``clients`` threads cycle through the endpoint mix until ``seconds`` or ``max_requests``."""
    if not base.startswith(f"http://{HOST}:"):
        raise ValueError(f"{base}: the load test only talks to {HOST}")
    mix = list(endpoint_mix(base).items())
    result = LoadResult(latencies={kind: [] for kind, _ in mix})
    lock = threading.Lock()
    budget = iter(range(max_requests))
    started = time.monotonic()
    stop_at = started + seconds

    def client(offset: int) -> None:
        i = offset
        with httpx.Client(base_url=base, timeout=30.0) as c:
            while time.monotonic() < stop_at:
                with lock:
                    if next(budget, None) is None:
                        return
                kind, url = mix[i % len(mix)]
                i += 1
                t0 = time.perf_counter()
                try:
                    response = c.get(url)
                    ok = response.status_code == 200 and len(response.content) > 0
                    why = f"{url}: HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    ok, why = False, f"{url}: {type(exc).__name__}: {exc}"
                elapsed = time.perf_counter() - t0
                with lock:
                    if ok:
                        result.latencies[kind].append(elapsed)
                    else:
                        result.errors.append(why)

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    result.seconds = time.monotonic() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--db", type=Path, help="serve this store instead of building one")
    parser.add_argument("--limit", type=int, default=60, help="articles to code into the store")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, help="write the summary here too")
    parser.add_argument(
        "--no-cache", action="store_true", help="serve with --no-cache (every GET hits the store)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            if not args.corpus.exists():
                print(f"{args.corpus}: no corpus; pass --corpus or --db", file=sys.stderr)
                return 2
            db = Path(tmp) / "load.duckdb"
            t0 = time.monotonic()
            build_store(args.corpus, db, args.limit)
            print(f"built {db} from {args.limit} articles in {time.monotonic() - t0:.1f} s")
        with serve(db, cache=not args.no_cache) as base:
            result = run_load(base, args.seconds, args.clients, args.max_requests)
    summary = result.summary()
    summary.update(clients=args.clients, limit=args.limit if args.db is None else None,
                   cache=not args.no_cache)  # fmt: skip
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
