"""Dask scaling: articles/s of ``run_dask`` on a LocalCluster of 1 and of 2 worker processes.

Workers are started and warmed up (pipeline, knowledge base and gazetteer loaded) before the
clock starts, so the numbers are coding throughput, not start-up. Each size runs ``--repeat``
times and the median counts::

    python benchmarks/scaling.py --limit 48 --repeat 3 --json scaling.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import CORPUS, load_articles, print_table  # noqa: E402


def _warm(settings: Any) -> float:
    """Load everything a worker needs; returns its peak RSS so far (MiB)."""
    from dateline.pipeline import get_pipeline

    get_pipeline(settings).code_text("Germany pledged aid to Jordan in Amman on Tuesday.")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _workers_cpu(cluster: Any) -> float:
    """CPU seconds used so far by all the cluster's worker processes together."""
    from distributed import Client

    with Client(cluster) as client:
        return sum(client.run(_cpu).values())


def measure(workers: int, shard: Path, out: Path, args: argparse.Namespace) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from dateline.runs.dask import run_dask
    from dateline.settings import Settings

    settings = Settings.load()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0")  # fmt: skip
    try:
        with Client(cluster) as client:
            client.run(_warm, settings)
        rates, cpu_rates, loads = [], [], []
        for k in range(args.repeat):
            loads.append(os.getloadavg()[0])
            c0, t0 = _workers_cpu(cluster), time.perf_counter()
            summary = run_dask([shard], None, settings, scheduler=cluster,
                               parquet_dir=out / f"w{workers}-{k}",
                               items_per_partition=args.partition)  # fmt: skip
            rates.append(summary.coded / (time.perf_counter() - t0))
            cpu_rates.append(summary.coded / (_workers_cpu(cluster) - c0))
        with Client(cluster) as client:
            rss = max(client.run(_peak_rss).values())
    finally:
        cluster.close()
    return {
        "workers": workers,
        "articles": summary.coded,
        "runs_articles_per_s": [round(r, 2) for r in rates],
        "median_articles_per_s": round(statistics.median(rates), 2),
        "articles_per_worker_cpu_s": round(statistics.median(cpu_rates), 2),
        "load_before": [round(x, 2) for x in loads],
        "worker_peak_rss_mb": round(rss),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--limit", type=int, default=48, help="articles per run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cluster size")
    parser.add_argument(
        "--partition", type=int, default=None, help="articles per partition (default: auto)"
    )
    parser.add_argument("--json", dest="json_out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        shard = Path(tmp) / "shard.jsonl"
        with shard.open("w", encoding="utf-8") as fh:
            for a in load_articles(Path(args.corpus), args.limit, 1):
                published = a.published.isoformat() if a.published else None
                fh.write(json.dumps({"id": a.id, "date": published, "text": a.text}) + "\n")
        rows = [measure(w, shard, Path(tmp), args) for w in (1, 2)]
    speedup = rows[1]["median_articles_per_s"] / rows[0]["median_articles_per_s"]
    cpu_eff = rows[1]["articles_per_worker_cpu_s"] / rows[0]["articles_per_worker_cpu_s"]
    result = {"rows": rows, "speedup": round(speedup, 2), "efficiency": round(speedup / 2, 2),
              "cpu_efficiency": round(cpu_eff, 2)}  # fmt: skip
    print_table(rows, f"Dask scaling ({args.limit} articles, median of {args.repeat})")
    print(f"speed-up 1 -> 2 workers: {speedup:.2f}x, efficiency {speedup / 2:.0%}; "
          f"work per article (CPU) with 2 workers vs 1: {cpu_eff:.0%}")  # fmt: skip
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
