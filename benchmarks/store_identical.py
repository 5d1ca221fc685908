"""Is this commit's store output byte-identical to another commit's? (the check for store moves)

``identical.py`` checks what the pipeline codes; this checks what the store makes of it. It codes
the seed articles and the first ``--limit`` open Guardian rows once (the coded results are cached
in ``--results``, a pickle, so the comparison runs the same input on both commits), loads them
into a fresh in-memory store, and writes every read the store and the web serve: stats, events,
articles, actors, quotes, groups, each export format, dyad/panel/network analyses and the web's
JSON (events, article, actor, dyad, network, map, stats pages)::

    python benchmarks/store_identical.py --results /tmp/r.pkl --save /tmp/before.json
    # ... the change ...
    python benchmarks/store_identical.py --results /tmp/r.pkl --against /tmp/before.json

Clock fields (``coded_at``, GDELT ``DATEADDED``) and run ids are blanked: they differ per load;
it runs with ``PYTHONHASHSEED=0`` (the web's network layout iterates sets of names).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from identical import SHARED, articles

VOLATILE = {"coded_at", "run_id"}


def coded(shared: Path, limit: int, cache: Path) -> list:
    """The coded results of the seed and corpus articles, from ``cache`` when it exists."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    results = list(Pipeline(Settings.load()).pipe(articles(shared, limit)))
    cache.write_bytes(pickle.dumps(results))
    return results


def _plain(value: Any) -> Any:
    """A JSON-comparable form of anything the store returns (frames as CSV text)."""
    if hasattr(value, "to_csv"):
        frame = value.drop(columns=[c for c in value.columns if c in VOLATILE])
        return frame.to_csv(index=False)
    if isinstance(value, dict):
        return {str(k): "<volatile>" if k in VOLATILE else _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool | None) else repr(value)


def _exports(store, tmp: Path) -> dict[str, Any]:
    import pyarrow.dataset as ds

    out: dict[str, Any] = {}
    for fmt in ("csv", "jsonl", "plover", "gdelt"):
        path = tmp / f"events.{fmt}"
        kwargs = {"dateline_columns": True} if fmt == "gdelt" else {}
        n = store.export(path, fmt, include_negated=True, **kwargs)
        text = path.read_text(encoding="utf-8")
        if fmt == "gdelt":  # DATEADDED (column 60) is the load time
            text = "\n".join(
                "\t".join(c if i != 59 else "" for i, c in enumerate(line.split("\t")))
                for line in text.splitlines()
            )
        out[fmt] = [n, text]
    n = store.export(tmp / "parquet", "parquet", type="CONSULT")
    table = ds.dataset(tmp / "parquet", format="parquet", partitioning="hive").to_table()
    out["parquet"] = [n, sorted(map(repr, table.to_pylist()))]
    out["csv_filtered"] = store.export(tmp / "f.csv", "csv", quad=[3, 4], since="2000")
    return out


def _web(store, pairs: list[tuple[str, str]], actors: list[str], ids: list[str]) -> dict:
    from dateline.web import queries
    from dateline.web.params import EventFilters

    out: dict[str, Any] = {"stats": queries.stats(store)}
    for f in (EventFilters(), EventFilters(limit=7, offset=3, sort="-goldstein"),
              EventFilters(quad=4, include_negated=True), EventFilters(q="the")):  # fmt: skip
        out[f"events {f}"] = [queries.events(store, f), queries.count_events(store, f)]
        out[f"csv {f}"] = queries.events_frame(store, f)
        out[f"map {f}"] = queries.map_data(store, f)
    out["articles"] = queries.articles(store, None, None, None, 50, 0)
    out["actors"] = queries.actors(store, None, None, None, 50, 0)
    out["quotes"] = queries.quotes(store, None, None, 50, 0)
    for article_id in ids:
        out[f"article {article_id}"] = queries.article(store, article_id)
    for name in actors:
        for freq in ("week", "month"):
            out[f"actor {name} {freq}"] = queries.actor(store, name, freq)
    for a, b in pairs:
        out[f"dyad {a} {b}"] = queries.dyad(store, a, b, "month")
        out[f"dyad {a} {b} week all"] = queries.dyad(store, a, b, "week", "all")
    out["network"] = queries.network(store, None, None)
    out["network names"] = queries.network(store, None, None, by="name", modality="all")
    return out


def outputs(results: list) -> dict[str, Any]:
    """Every read of a store holding ``results``."""
    from dateline.store import Store

    store = Store()
    run = store.start_run()
    for result in results:
        store.add_result(result, run_id=run)
    out: dict[str, Any] = {"stats": store.stats()}
    out["events"] = store.events(include_negated=True, include_duplicates=True)
    out["events filtered"] = store.events(actor="USA", quad=[1, 2], order="-goldstein")
    out["count"] = store.count_events(modality="happened")
    out["articles"] = store.articles(with_text=True)
    out["actors"] = store.actors()
    out["quotes"] = store.quotes()
    out["groups"] = store.groups()
    graph = store.network(by="country")
    pairs = sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))[:4]
    pairs = [(str(s), str(t)) for s, t, _ in pairs]
    out["network"] = [sorted(graph.nodes(data=True)), sorted(graph.edges(data=True))]
    for by in ("country", "name"):
        out[f"panel {by}"] = store.panel(freq="month", by=by, modality="all")
    for a, b in pairs:
        for freq in ("day", "week", "month", "quarter", "year"):
            out[f"dyad {a} {b} {freq}"] = store.dyad(a, b, freq=freq)
        out[f"dyad {a} {b} directed"] = store.dyad(a, b, directed=True, since="2000", until="2030")
    actors = sorted({a for pair in pairs for a in pair}) + ["Hamas", "police"]
    ids = list(store.articles(limit=5)["id"])
    out["article"] = [store.article(i) for i in ids]
    with tempfile.TemporaryDirectory() as tmp:
        out["exports"] = _exports(store, Path(tmp))
    out["web"] = _web(store, pairs, actors, ids)
    return _plain(out)


def main(argv: Sequence[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":  # the network layout iterates sets of names
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write this commit's output here")
    what.add_argument("--against", type=Path, help="compare this commit's output with this file")
    parser.add_argument("--results", type=Path, required=True, help="coded results cache")
    parser.add_argument("--limit", type=int, default=40, help="corpus articles (default 40)")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"default {SHARED}")
    args = parser.parse_args(argv)
    now = outputs(coded(args.shared, args.limit, args.results))
    if args.save:
        args.save.write_text(json.dumps(now, indent=1, sort_keys=True), encoding="utf-8")
        print(f"saved {len(now)} outputs to {args.save}")
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(now, sort_keys=True))
    differ = [k for k in sorted(set(before) | set(now)) if before.get(k) != now.get(k)]
    for key in differ:
        sub = before.get(key), now.get(key)
        if isinstance(sub[0], dict) and isinstance(sub[1], dict):
            inner = [k for k in sorted(set(sub[0]) | set(sub[1])) if sub[0].get(k) != sub[1].get(k)]
            more = f" (+{len(inner) - 30} more)" if len(inner) > 30 else ""
            print(f"{key}: differs in {inner[:30]}{more}")
        else:
            print(f"{key}: differs")
    print("identical" if not differ else f"{len(differ)} of {len(before)} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
