"""Corpus runs on a Dask cluster: partition the inputs, code each partition on a worker, write Parquet.

Every worker loads the pipeline once (``get_pipeline`` caches it per process and settings),
codes its partitions with the same per-batch function as the local engine
(:func:`dateline.runs.local.code_batch`) and writes one Parquet file per partition and table
(``articles/``, ``events/``, ``quotes/``, ``actors/``, ``mentions/``) with the event store's
columns. The client then loads the coded articles into a :class:`~dateline.store.Store`, which
adds near-duplicate links and event groups exactly as ``dateline run`` does, unless
``parquet_only`` leaves the Parquet files as a data lake. Workers read the input paths
themselves, so on a cluster they must see the same file system as the client.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError, InputError
from dateline.ingest.slices import FileSlice, read_slice, slice_inputs
from dateline.model import Article, Result
from dateline.runs.local import RunSummary, code_batch, model_version
from dateline.runs.progress import RunProgress
from dateline.settings import Settings

log = logging.getLogger(__name__)

TABLES = ("articles", "events", "quotes", "actors", "mentions")
MAX_PER_PARTITION = 64


@dataclass(frozen=True)
class Partition:
    """One unit of work: one slice of one input file (see :mod:`dateline.ingest.slices`)."""

    index: int
    slice: FileSlice

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    @property
    def path(self) -> str:
        return self.slice.path

    @property
    def items(self) -> int:
        return self.slice.items


# --- partitioning (on the client) ------------------------------------------------------------


def partition_inputs(
    inputs: Sequence[str | Path], items_per_partition: int = 64
) -> list[Partition]:
    """Split ``inputs`` (files and directories) into partitions of at most ``items_per_partition``
    items, as :func:`dateline.ingest.slices.slice_inputs` slices them."""
    if items_per_partition < 1:
        raise DatelineError(
            f"items_per_partition must be at least 1, got {items_per_partition}; "
            "try the default (64)"
        )
    if any(str(raw) == "-" for raw in inputs):
        raise InputError("the Dask engine cannot read stdin; save it to a file first", "-")
    return [Partition(i, s) for i, s in enumerate(slice_inputs(inputs, items_per_partition))]


def auto_partitions(parts: list[Partition], slots: int, per_slot: int = 8) -> list[Partition]:
    """Smaller partitions when ``parts`` would give fewer than ``per_slot`` to each worker
    thread, so that a small corpus still keeps every worker busy and finishes evenly."""
    total = sum(p.items for p in parts)
    if len(parts) >= per_slot * slots or total <= len(parts):
        return parts
    size = max(1, math.ceil(total / (per_slot * slots)))
    return partition_inputs(list(dict.fromkeys(p.path for p in parts)), size)


# --- reading and coding (on a worker) --------------------------------------------------------


def read_partition(
    part: Partition, settings: Settings, published: date | None = None
) -> Iterator[Article | InputError]:
    """The articles (or InputErrors) of one partition, read by ``ingest`` as ``iter_articles``
    reads (and names) them."""
    return read_slice(part.slice, settings, published)


@dataclass
class PartitionResult:
    """What a worker sends back: the coded results (unless Parquet-only) and the failures."""

    partition: str
    read: int = 0
    coded: int = 0
    events: int = 0
    quotes: int = 0
    results: list[Result] = dataclasses.field(default_factory=list)
    errors: list[tuple[str, str | None, str, str | None]] = dataclasses.field(
        default_factory=list
    )  # (reason, item, kind, article id)
    seconds: float = 0.0


def code_partition(
    part: Partition,
    settings: Settings,
    out_dir: str | None,
    run_id: str,
    published: date | None = None,
    return_results: bool = True,
    batch_size: int = 16,
) -> PartitionResult:
    """Code one partition with this process's pipeline; write its Parquet files to ``out_dir``."""
    from dateline.pipeline import get_pipeline

    started = time.monotonic()
    pipeline = get_pipeline(settings)
    out = PartitionResult(part.name)
    articles: list[Article] = []
    for item in read_partition(part, settings, published):
        if isinstance(item, InputError):
            out.errors.append((str(item), item.item, "input", None))
        else:
            articles.append(item)
    out.read = len(articles)
    results: list[Result] = []
    for start in range(0, len(articles), batch_size):
        for article, outcome in code_batch(pipeline, articles[start : start + batch_size]):
            if isinstance(outcome, str):
                out.errors.append((outcome, article.origin or article.id, "coding", article.id))
            else:
                results.append(outcome)
    out.coded = len(results)
    out.events = sum(1 for r in results for e in r.events if not e.negated)
    out.quotes = sum(len(r.quotes) for r in results)
    if out_dir is not None:
        write_parquet(results, Path(out_dir), part.name, run_id)
    if return_results:
        out.results = results
    out.seconds = time.monotonic() - started
    return out


# --- Parquet ---------------------------------------------------------------------------------


def table_rows(results: Sequence[Result], run_id: str | None = None) -> dict[str, list[tuple]]:
    """The rows of each store table for ``results``, in the store's column order.

    Near-duplicate links are left empty (the store sets them when it loads the articles);
    event group ids are the article's own, as for an article with no near duplicate.
    """
    from dateline.store.dedup import signature
    from dateline.store.rows import result_rows

    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    for result in results:
        sig = signature(result.article.text or "")
        for table, cells in result_rows(result, sig, None, run_id).items():
            rows[table].extend(cells)
    return rows


def write_parquet(
    results: Sequence[Result], out_dir: Path, name: str, run_id: str | None = None
) -> dict[str, Path]:
    """Write ``out_dir/<table>/<name>.parquet`` for every table; returns the paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dateline.store.rows import TABLE_COLUMNS

    written = {}
    for table, rows in table_rows(results, run_id).items():
        names = TABLE_COLUMNS[table]
        arrays = {col: [row[j] for row in rows] for j, col in enumerate(names)}
        folder = out_dir / table
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.parquet"
        pq.write_table(pa.table(arrays) if rows else pa.table({c: pa.array([]) for c in names}),
                       path)  # fmt: skip
        written[table] = path
    return written


# --- the run (on the client) -----------------------------------------------------------------


def require_dask() -> None:
    """Raise a DatelineError naming the one command that installs the Dask extra."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:  # the optional extra
        raise DatelineError(
            f"the Dask engine needs {exc.name or 'distributed'}, which is not installed; add it "
            "with: pip install 'dateline[dask]' (in a checkout: pip install -e '.[dask]')"
        ) from exc


def make_client(scheduler: Any = None, workers: int = 2, threads_per_worker: int = 1):
    """A Dask client: to ``scheduler`` (an address or a Cluster object), else a LocalCluster."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=threads_per_worker, processes=True,
            dashboard_address=":0",
        )  # fmt: skip
        return Client(cluster), cluster
    if isinstance(scheduler, str):
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise DatelineError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address "
                "(tcp://HOST:8786) and that 'dask scheduler' is running"
            ) from None
    return Client(scheduler), None


def run_dask(
    inputs: Sequence[str | Path],
    out: Any = None,
    settings: Settings | None = None,
    scheduler: Any = None,
    workers: int = 2,
    parquet_dir: str | Path | None = None,
    published: date | None = None,
    items_per_partition: int | None = None,
    batch_size: int = 16,
    progress: RunProgress | None = None,
) -> RunSummary:
    """Code ``inputs`` on a Dask cluster; returns the same summary as ``run_corpus``.

    ``out`` is a :class:`~dateline.store.Store` (or a path to one) that receives every coded
    article, or None to write Parquet only. ``parquet_dir`` (required without a store) receives
    one Parquet file per partition and table. ``scheduler`` is a scheduler address
    (``tcp://HOST:8786``), a Cluster object (``SLURMCluster``, ``KubeCluster``) or None for a
    local cluster of ``workers`` processes. ``items_per_partition`` defaults to 64, or fewer
    when that would leave fewer than eight partitions per worker (see :func:`auto_partitions`).
    ``progress`` is told the total, each partition's items as it finishes and each error, as
    :func:`dateline.runs.local.run_corpus` tells it.
    """
    from dateline.store import Store

    require_dask()
    settings = settings or Settings.load()
    if out is None and parquet_dir is None:
        raise DatelineError("run_dask needs a store or a parquet_dir to write to; give one")
    parts = partition_inputs(inputs, items_per_partition or MAX_PER_PARTITION)
    own_store = out is not None and not isinstance(out, Store)
    store = Store(out) if own_store else out
    try:
        return _run(parts, store, settings, scheduler, workers, parquet_dir, published, batch_size,
                    auto=items_per_partition is None, progress=progress or None)  # fmt: skip
    finally:
        if own_store:
            store.close()


def _run(
    parts: list[Partition],
    store: Any,
    settings: Settings,
    scheduler: Any,
    workers: int,
    parquet_dir: str | Path | None,
    published: date | None,
    batch_size: int,
    auto: bool = False,
    progress: RunProgress | None = None,
) -> RunSummary:
    from distributed import as_completed

    started = time.monotonic()
    if store is not None:
        run_id = store.start_run(
            settings=dataclasses.asdict(settings) | {"engine": "dask"},
            inputs=sorted({p.path for p in parts}),
            model=settings.model,
            model_version=model_version(settings.model),
        )
    else:
        run_id = uuid.uuid4().hex[:12]
    summary = RunSummary(run_id)
    client, cluster = make_client(scheduler, workers)
    status = "failed"
    try:
        if auto:
            slots = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
            parts = auto_partitions(parts, max(slots, workers if scheduler is None else 1))
        if progress:
            progress.start(sum(p.items for p in parts))
        out_dir = str(Path(parquet_dir).resolve()) if parquet_dir is not None else None
        futures = [
            client.submit(
                code_partition,
                part,
                settings,
                out_dir,
                run_id,
                published,
                store is not None,
                batch_size,
                key=f"dateline-{run_id}-{part.name}",
            )  # fmt: skip
            for part in parts
        ]
        for future in as_completed(futures):
            summary.seconds = time.monotonic() - started
            _collect(future.result(), store, summary, progress)
            future.release()
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        summary.interrupted = True
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        summary.seconds = time.monotonic() - started
        if progress:
            progress.finish(summary)
        if store is not None:
            store.finish_run(
                run_id, status, articles=summary.coded, skipped=summary.skipped,
                duplicates=summary.duplicates, events=summary.events, errors=summary.errors,
            )  # fmt: skip
    return summary


def _collect(
    part: PartitionResult, store: Any, summary: RunSummary, progress: RunProgress | None = None
) -> None:
    """Fold one partition's outcome into the summary, storing its articles and errors, and
    tell ``progress`` its errors and how many items it went through."""
    summary.read += part.read
    for reason, item, kind, article_id in part.errors:
        if kind == "input":
            summary.input_errors += 1
        else:
            summary.coding_errors += 1
        if len(summary.error_items) < 20:
            summary.error_items.append(
                f"{item}: {reason}" if item and item not in reason else reason
            )
        if store is not None:
            store.add_error(
                reason, item=item, run_id=summary.run_id, kind=kind, article_id=article_id
            )
        if progress:
            progress.error(item, reason, summary)
    if store is not None:
        _store_results(part, store, summary, progress)
    else:
        summary.coded += part.coded
        summary.events += part.events
        summary.quotes += part.quotes
    if progress:
        progress.advance(part.read + sum(1 for e in part.errors if e[2] == "input"), summary)


def _store_results(
    part: PartitionResult, store: Any, summary: RunSummary, progress: RunProgress | None
) -> None:
    """Load one partition's coded articles into the store (near duplicates linked there)."""
    from dateline.errors import StoreError

    for result in part.results:
        try:
            added = store.add_result(result, run_id=summary.run_id)
        except StoreError as exc:  # this article's rows are rolled back; the run goes on
            summary.coding_errors += 1
            art = result.article
            store.add_error(str(exc), item=art.origin or art.id, run_id=summary.run_id,
                            kind="store", article_id=art.id)  # fmt: skip
            if progress:
                progress.error(art.origin or art.id, str(exc), summary)
            continue
        if not added:
            summary.skipped += 1
            continue
        summary.coded += 1
        summary.events += sum(1 for e in result.events if not e.negated)
        summary.quotes += len(result.quotes)
        if store.duplicate_of(result.article.id):
            summary.duplicates += 1
