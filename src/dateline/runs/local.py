"""Corpus runs: read inputs, code the articles not yet stored, write each one as it is done.

The run is resumable and idempotent: articles already in the store (same content hash) are
skipped, each coded article is committed on its own, so an interrupted run (Ctrl-C, kill -9)
loses at most the articles being coded at that moment. Unreadable items and articles that fail
to code are recorded in the store's ``errors`` table and do not stop the run.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline.errors import InputError, StoreError
from dateline.limits import time_limit, warm_up
from dateline.model import Article, Result
from dateline.runs.progress import RunProgress
from dateline.settings import Settings
from dateline.store import Store

log = logging.getLogger(__name__)

ALL_FAILED = 0.99  # error ratio from which a run counts as failed (exit code 2)

Outcome = Result | str  # a coded article, or why it could not be coded


@dataclass
class RunSummary:
    """What a corpus run did: counts, time, and the exit code they imply."""

    run_id: str
    read: int = 0  # articles read from the inputs
    coded: int = 0  # articles coded and stored by this run
    skipped: int = 0  # already in the store (or repeated in the inputs)
    duplicates: int = 0  # stored, but near duplicates of an earlier article
    events: int = 0  # events stored (negated ones excluded)
    quotes: int = 0
    input_errors: int = 0  # items that could not be read as articles
    coding_errors: int = 0  # articles that failed to code or store
    seconds: float = 0.0
    interrupted: bool = False
    error_items: list[str] = field(default_factory=list)  # first few failing items, for messages

    @property
    def errors(self) -> int:
        return self.input_errors + self.coding_errors

    @property
    def rate(self) -> float:
        """Articles coded per second."""
        return self.coded / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0: no errors; 1: some items failed (the rest is stored); 2: (nearly) everything failed."""
        if not self.errors:
            return 0
        ratio = self.errors / (self.read + self.input_errors)
        return 2 if ratio >= ALL_FAILED else 1

    def as_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out.update(errors=self.errors, rate=round(self.rate, 2), exit_code=self.exit_code)
        return out


# --- coding, in this process or in a worker -------------------------------------------------------


def code_batch(pipeline: Any, batch: Sequence[Article]) -> Iterator[tuple[Article, Outcome]]:
    """Code a batch with ``pipeline.pipe``; if that fails, code the rest one by one so that
    only the failing article is lost, with its reason."""
    # per-article time limit (settings.timeout_s, see dateline.limits): the batch gets
    # timeout_s per article; results are collected first so that only coding is timed
    timeout = getattr(getattr(pipeline, "settings", None), "timeout_s", None)
    if timeout:
        warm_up(pipeline)  # lazy loading happens outside the limit
    freeze_loaded()
    try:
        with time_limit(timeout * len(batch) if timeout else None, f"batch of {len(batch)}"):
            results = list(pipeline.pipe(batch, batch_size=max(1, len(batch))))
    except Exception as exc:  # batch boundary: find the bad article below
        log.debug("batch of %d failed (%s); coding one by one", len(batch), exc)
    else:
        yield from zip(batch, results, strict=True)
        return
    for article in batch:
        try:
            with time_limit(timeout, article.origin or article.id):
                result = pipeline.code(article)
        except Exception as exc:  # batch boundary: record the article and go on
            yield article, f"coding failed: {type(exc).__name__}: {exc}"
            continue
        yield article, result


#: Allocations between two collections of the youngest generation in a coding process.
YOUNG_COLLECTION = 20_000
_frozen_in: int | None = None  # the process that froze (a forked child freezes its own)


def freeze_loaded() -> None:
    """Once per process, after the pipeline is loaded and warmed up: move every object alive
    (the model, knowledge base, lexicon, tables: about a quarter of a million objects) out of
    the garbage collector's reach with ``gc.freeze()``. They live as long as the process, and
    every full collection of a run would otherwise walk them all again (about 0.3 s each on
    the development machine, see docs/performance.md). Reference counting still frees them.

    The youngest generation is then collected every :data:`YOUNG_COLLECTION` allocations
    instead of Python's 700: coding an article allocates hundreds of thousands of objects that
    reference counting frees, and at 700 the collector ran ~300 times per 60 articles, then
    promoted survivors to the older generations, for about 1 % of the coding time."""
    global _frozen_in
    if _frozen_in != os.getpid():
        gc.freeze()
        young, *older = gc.get_threshold()
        if young:  # 0: collection is off; leave it so
            gc.set_threshold(max(young, YOUNG_COLLECTION), *older)
        _frozen_in = os.getpid()


_worker_pipeline: Any = None


def _init_worker(settings: Settings) -> None:
    """Worker initializer: die with the parent process, load the pipeline once."""
    global _worker_pipeline
    from dateline.lifecycle import die_with_parent
    from dateline.pipeline import Pipeline

    die_with_parent()
    _worker_pipeline = Pipeline(settings)
    _ = _worker_pipeline.nlp


def _work(batch: list[Article]) -> list[tuple[Article, Outcome]]:
    return list(code_batch(_worker_pipeline, batch))


# --- the run ---------------------------------------------------------------------------------------


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def model_version(model: str) -> str | None:
    """The installed version of a spaCy model package, if it is one."""
    from importlib import metadata

    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


class _Run:
    """The state of one run: the store, the counts and whom to tell about progress."""

    def __init__(self, store: Store, summary: RunSummary, progress: RunProgress | None) -> None:
        self.store = store
        self.summary = summary
        self.progress = progress
        self.started = time.monotonic()

    def error(
        self, reason: str, item: str | None, kind: str, article_id: str | None = None
    ) -> None:
        self.store.add_error(
            reason, item=item, run_id=self.summary.run_id, kind=kind, article_id=article_id
        )
        if len(self.summary.error_items) < 20:
            self.summary.error_items.append(
                f"{item}: {reason}" if item and item not in reason else reason
            )
        log.warning("%s", reason if not item or item in reason else f"{item}: {reason}")
        self.summary.seconds = time.monotonic() - self.started
        if self.progress:
            self.progress.error(item, reason, self.summary)

    def select(self, items: Iterable[Article | InputError], limit: int | None) -> Iterator[Article]:
        """The articles to code: input errors recorded, stored and repeated articles skipped."""
        stored = self.store.article_ids()
        s = self.summary
        for item in items:
            if isinstance(item, InputError):
                s.input_errors += 1
                self.error(str(item), item.item, "input")
                self.tick(1)  # an input item, counted in the progress total
                continue
            if limit is not None and s.read >= limit:
                break
            s.read += 1
            if item.id in stored:
                s.skipped += 1
                self.tick(1)
                continue
            stored.add(item.id)
            yield item

    def write(self, article: Article, outcome: Outcome) -> None:
        s = self.summary
        if isinstance(outcome, str):
            s.coding_errors += 1
            self.error(outcome, article.origin or article.id, "coding", article.id)
            self.tick(1)
            return
        try:
            added = self.store.add_result(outcome, run_id=s.run_id)
        except StoreError as exc:  # this article's rows are rolled back; the run goes on
            s.coding_errors += 1
            self.error(str(exc), article.origin or article.id, "store", article.id)
            self.tick(1)
            return
        if not added:
            s.skipped += 1
        else:
            events = sum(1 for e in outcome.events if not e.negated)
            s.coded += 1
            s.events += events
            s.quotes += len(outcome.quotes)
            if self.store.duplicate_of(article.id):
                s.duplicates += 1
            log.info("stored %s (%d events)", article.id, events)
        self.tick(1)

    def tick(self, advance: int) -> None:
        self.summary.seconds = time.monotonic() - self.started
        if self.progress and advance:
            self.progress.advance(advance, self.summary)


def _total(inputs: Sequence[str], limit: int | None) -> int | None:
    """The progress total: the inputs' item count where cheap to know, at most ``limit``."""
    from dateline.ingest.count import count_items

    counted = count_items(inputs)
    if counted is None:
        return limit
    return min(counted, limit) if limit is not None else counted


def run_corpus(
    inputs: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    workers: int = 1,
    progress: RunProgress | None = None,
    limit: int | None = None,
    published: date | None = None,
    batch_size: int = 8,
) -> RunSummary:
    """Code every new article of ``inputs`` into ``store`` and return what was done.

    ``workers`` > 1 codes in that many processes (each loads the pipeline once); results are
    written by this process only. ``limit`` stops after that many articles have been read
    (stored ones included, so the same limit always means the same articles). ``published``
    dates inputs that carry no date. ``progress`` (a :class:`~dateline.runs.progress.RunProgress`)
    is told the total, each item done and each error; the CLI draws it as a bar, None reports
    nothing. A KeyboardInterrupt (or SIGTERM, through
    :func:`dateline.lifecycle.sigterm_as_interrupt`) is recorded in the ``runs`` table (status
    ``interrupted``) and raised again; running the same command again resumes.
    """
    from dateline.ingest import iter_articles

    settings = settings or Settings.load()
    run_id = store.start_run(
        settings=dataclasses.asdict(settings),
        inputs=inputs,
        model=settings.model,
        model_version=model_version(settings.model),
    )
    summary = RunSummary(run_id)
    run = _Run(store, summary, progress or None)
    status = "failed"
    try:
        if progress:
            progress.start(_total(inputs, limit))
        todo = run.select(iter_articles(list(inputs), settings, published=published), limit)
        if workers <= 1:
            from dateline.pipeline import Pipeline

            pipeline = Pipeline(settings)
            for batch in _batches(todo, batch_size):
                for article, outcome in code_batch(pipeline, batch):
                    run.write(article, outcome)
        else:
            _run_parallel(run, todo, settings, workers, batch_size)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        summary.interrupted = True
        raise
    finally:
        run.tick(0)
        if progress:
            progress.finish(summary)
        store.finish_run(
            run_id,
            status,
            articles=summary.coded,
            skipped=summary.skipped,
            duplicates=summary.duplicates,
            events=summary.events,
            errors=summary.errors,
        )
    return summary


def _run_parallel(
    run: _Run, todo: Iterator[Article], settings: Settings, workers: int, batch_size: int
) -> None:
    """Code batches in worker processes, at most two per worker in flight; write as they finish."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        batches = _batches(todo, batch_size)
        pending: set[Future] = set()
        try:
            for batch in batches:
                pending.add(pool.submit(_work, batch))
                if len(pending) >= 2 * workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        for article, outcome in future.result():
                            run.write(article, outcome)
            for future in _as_done(pending):
                for article, outcome in future.result():
                    run.write(article, outcome)
        except BaseException:
            # Ctrl-C reaches the workers too, SIGTERM only this process: stop them now rather
            # than wait at exit for the batches they are coding (their results are not stored).
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _as_done(pending: set[Future]) -> Iterator[Future]:
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from done
