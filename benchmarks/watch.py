"""`dateline watch --once` over a local fixture site: N feeds of M pages on 127.0.0.1.

Measures one round with the real pipeline (fetch, extract, code, store), a second round
(every feed answers 304), and checks that the dashboard's /api/sources shows every source.

    python benchmarks/watch.py                 # 5 feeds x 10 pages
    python benchmarks/watch.py --feeds 10 --per-feed 20 --host-delay 0.05
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dateline.pipeline import Pipeline  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.watch import run_round  # noqa: E402
from watch_site import build_site, serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=5)
    parser.add_argument("--per-feed", type=int, default=10)
    parser.add_argument("--host-delay", type=float, default=0.0, help="watch_host_delay_s")
    parser.add_argument("--concurrency", type=int, default=8, help="watch_concurrency")
    args = parser.parse_args()

    site = build_site(args.feeds, args.per_feed)
    server, _ = serve(site)
    feeds = [site.url(f"/feed{k}.xml") for k in range(args.feeds)]
    settings = Settings.load(watch_host_delay_s=args.host_delay,
                             watch_concurrency=args.concurrency,
                             watch_host_concurrency=args.concurrency)  # fmt: skip
    pipeline = Pipeline(settings)
    started = time.monotonic()
    _ = pipeline.nlp, pipeline.kb, pipeline.selector
    load_s = time.monotonic() - started
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "watch.duckdb"
        with Store(db) as store:
            first = run_round(feeds, store, settings, pipeline=pipeline)
            second = run_round(feeds, store, settings, pipeline=pipeline)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient
        from dateline.web import create_app

        with Store(db, read_only=True) as store, TestClient(create_app(store)) as client:
            sources = client.get("/api/sources").json()["sources"]
    server.shutdown()
    pages = args.feeds * args.per_feed
    c1, c2 = first.counts, second.counts
    print(f"model load: {load_s:.1f} s")
    print(f"round 1: {c1['coded']}/{pages} coded, {c1['events']} events, {c1['failed']} failed, "
          f"{first.seconds:.1f} s ({c1['coded'] / first.seconds:.1f} pages/s)")  # fmt: skip
    print(f"round 2: {c2['not_modified']}/{args.feeds} feeds not modified, "
          f"{c2['new_items']} new items, {second.seconds:.2f} s")  # fmt: skip
    print(f"dashboard /api/sources: {len(sources)} sources, "
          f"{sum(s['articles'] for s in sources)} articles, {sum(s['events'] for s in sources)} events")  # fmt: skip
    ok = c1["coded"] == pages and c2["new_items"] == 0 and len(sources) == args.feeds
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
