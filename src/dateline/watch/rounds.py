"""Rounds of `dateline watch`: check the due sources, fetch their new items, code and store them.

A round is recorded as a run (``runs``) plus its watch counts (``watch_rounds``). Each source
and each page is its own unit of failure: a broken feed, a 404 or a timeout is recorded with
its reason and the round goes on. Articles are committed one by one as they are coded and an
item is marked only after its article is stored, so a killed round loses and duplicates
nothing: the next round fetches what was in flight and the store's content id stops repeats.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError, FetchError, InputError, StoreError
from dateline.model import Article, Result
from dateline.settings import Settings
from dateline.store import Store
from dateline.watch import state
from dateline.watch.fetch import Fetched, Fetcher
from dateline.watch.pages import Page, fetch_page, normalise_url
from dateline.watch.sources import FeedItem, Listing, parse_listing
from dateline.watch.state import CODED, DUPLICATE, FAILED, SourceState

log = logging.getLogger(__name__)

#: Child sitemaps of a sitemap index read per round (the most recently modified first).
MAX_CHILD_SITEMAPS = 5
#: File name endings of the per-round exports.
EXPORT_SUFFIXES = {"gdelt": ".export.tsv", "csv": ".events.csv", "jsonl": ".events.jsonl",
                   "parquet": ".events.parquet", "plover": ".plover.jsonl"}  # fmt: skip


@dataclass
class SourceReport:
    """One source in one round, for the live display and the summary."""

    url: str
    status: str = "waiting"  # waiting | checking | ok | not modified | failed | backing off
    title: str | None = None
    checked_at: dt.datetime | None = None
    new_items: int = 0
    coded: int = 0
    events: int = 0
    duplicates: int = 0  # already stored (same text or canonical URL): not coded again
    near_duplicates: int = 0  # coded and stored, but near duplicates of a stored article
    skipped: int = 0
    failed: int = 0
    failures: int = 0  # in a row, after this round
    next_due: dt.datetime | None = None
    error: str | None = None


@dataclass
class RoundSummary:
    """What a round did, per source and in total, and the exit code that implies."""

    run_id: str
    sources: dict[str, SourceReport] = field(default_factory=dict)
    seconds: float = 0.0
    export_path: str | None = None
    exported: int = 0
    interrupted: bool = False
    messages: list[str] = field(default_factory=list)  # first failures, for the CLI

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.sources.values())

    @property
    def counts(self) -> dict[str, int]:
        reports = self.sources.values()
        checked = [r for r in reports if r.status in ("ok", "not modified", "failed")]
        return {
            "sources_checked": len(checked),
            "sources_failed": sum(r.status == "failed" for r in reports),
            "not_modified": sum(r.status == "not modified" for r in reports),
            "new_items": self.total("new_items"),
            "coded": self.total("coded"),
            "failed": self.total("failed"),
            "skipped": self.total("skipped"),
            "duplicates": self.total("duplicates"),
            "near_duplicates": self.total("near_duplicates"),
            "events": self.total("events"),
        }

    @property
    def exit_code(self) -> int:
        """0: all went well; 1: some sources or items failed; 2: every checked source failed."""
        c = self.counts
        if c["sources_checked"] and c["sources_failed"] == c["sources_checked"]:
            return 2
        return 1 if c["sources_failed"] or c["failed"] else 0

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, **self.counts, "seconds": round(self.seconds, 2),
                "export_path": self.export_path, "exported": self.exported,
                "sources": [dataclasses.asdict(r) for r in self.sources.values()]}  # fmt: skip


Update = Callable[[RoundSummary], None]


class _Round:
    """The state of one round: store, fetcher, coder, counts and the display callback."""

    def __init__(self, store: Store, settings: Settings, fetcher: Fetcher, pipeline: Any,
                 summary: RoundSummary, on_update: Update | None, batch_size: int) -> None:  # fmt: skip
        self.store = store
        self.settings = settings
        self.fetcher = fetcher
        self.pipeline = pipeline
        self.summary = summary
        self.on_update = on_update
        self.batch_size = max(1, batch_size)
        self.seen = state.seen(store, settings.watch_item_attempts)
        self.stored = store.article_ids()

    def update(self) -> None:
        if self.on_update is not None:
            self.on_update(self.summary)

    # --- sources -------------------------------------------------------------------------------

    def check_sources(self, states: Sequence[SourceState]) -> list[tuple[SourceState, Listing]]:
        """Fetch every due source (in parallel threads), record each outcome, return listings."""
        at = state.now()
        due = []
        for st in states:
            report = self.summary.sources[st.url]
            report.title, report.failures, report.next_due = st.title, st.failures, st.next_due
            if st.due(at):
                report.status = "checking"
                due.append(st)
            else:
                report.status = "backing off"
                report.error = st.last_error
        self.update()
        listings = []
        workers = max(1, min(self.settings.watch_concurrency, len(due)))
        with _threads(workers, "dateline-feed") as pool:
            futures = {pool.submit(read_source, self.fetcher, st): st for st in due}
            for future in _as_done(set(futures)):
                st = futures[future]
                listing = self._source_done(st, future)
                if listing is not None:
                    listings.append((st, listing))
        order = {st.url: i for i, st in enumerate(states)}
        return sorted(listings, key=lambda pair: order[pair[0].url])

    def _source_done(self, st: SourceState, future: Future) -> Listing | None:
        report = self.summary.sources[st.url]
        report.checked_at = state.now()
        try:
            fetched, listing = future.result()
        except (FetchError, InputError) as exc:
            self._source_failed(st, report, str(exc))
            return None
        except Exception as exc:  # source boundary: one source's bug must not stop the round
            log.exception("%s: unexpected error", st.url)
            self._source_failed(st, report, f"{st.url}: unexpected {type(exc).__name__}: {exc}")
            return None
        if listing is None:  # 304
            report.status = "not modified"
            state.source_checked(self.store, st, ok=True, status="not modified", next_due=None)
            report.failures = 0
            self.update()
            return None
        st.kind, st.title = listing.kind, listing.title or st.title
        st.etag = fetched.headers.get("etag")
        st.last_modified = fetched.headers.get("last-modified")
        report.title = st.title
        report.status = "ok"
        report.error = listing.warning
        new = self.new_items(listing)
        report.new_items = len(new)
        state.source_checked(self.store, st, ok=True, status="ok", next_due=None,
                             error=listing.warning, new_items=len(new))  # fmt: skip
        report.failures = 0
        listing.items = new
        self.update()
        return listing

    def _source_failed(self, st: SourceState, report: SourceReport, reason: str) -> None:
        failures = st.failures + 1
        wait_s = min(self.settings.watch_every_s * 2 ** (failures - 1),
                     self.settings.watch_backoff_max_s)  # fmt: skip
        next_due = state.now() + dt.timedelta(seconds=wait_s)
        state.source_checked(self.store, st, ok=False, status="failed", next_due=next_due,
                             error=reason)  # fmt: skip
        report.status, report.error = "failed", reason
        report.failures, report.next_due = failures, next_due
        self.error(reason, st.url, "source")
        self.update()

    def new_items(self, listing: Listing) -> list[FeedItem]:
        """The listed items not seen before (by normalised URL), at most ``watch_max_items``."""
        fresh = []
        for item in listing.items:
            key = normalise_url(item.url)
            if key in self.seen:
                continue
            self.seen.add(key)
            fresh.append(item)
            if len(fresh) >= self.settings.watch_max_items:
                break
        return fresh

    # --- pages ---------------------------------------------------------------------------------

    def fetch_and_code(self, listings: list[tuple[SourceState, Listing]]) -> None:
        """Fetch the new pages in parallel threads; code and store them here as they come."""
        jobs = [(st, item) for st, listing in listings for item in listing.items]
        if not jobs:
            return
        workers = max(1, min(self.settings.watch_concurrency, len(jobs)))
        batch: list[tuple[Article, Page]] = []
        with _threads(workers, "dateline-page") as pool:
            pending = {
                pool.submit(fetch_page, self.fetcher, item, normalise_url(item.url), self.settings)
                for _, item in jobs
            }
            while pending:
                done, pending = wait(pending, timeout=0, return_when=FIRST_COMPLETED)
                if not done:
                    if batch:  # nothing else ready: code what is here rather than wait
                        self.code(batch)
                        batch = []
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    page = future.result()
                    if self.page_done(page):
                        batch.append((page.article, page))
                    if len(batch) >= self.batch_size:
                        self.code(batch)
                        batch = []
            if batch:
                self.code(batch)

    def page_done(self, page: Page) -> bool:
        """Record a page that brought no article; True when its article is to be coded."""
        report = self.summary.sources[page.item.source_url]
        if page.article is None:
            self.item(page, page.status or FAILED, page.reason)
            if page.status == FAILED:
                report.failed += 1
            else:
                report.skipped += 1
            self.error(page.reason or "failed", page.item.url, page.kind)
            self.update()
            return False
        article = page.article
        if page.canonical and page.canonical != page.key and page.canonical in self.seen:
            self.item(page, DUPLICATE, f"same canonical URL as a stored item: {page.canonical}")
            report.duplicates += 1
            self.update()
            return False
        if article.id in self.stored:
            self.item(page, DUPLICATE, "same text as an article already stored",
                      article_id=article.id)  # fmt: skip
            report.duplicates += 1
            self.update()
            return False
        self.stored.add(article.id)
        if page.canonical:
            self.seen.add(page.canonical)
        return True

    def code(self, batch: list[tuple[Article, Page]]) -> None:
        """Code a batch (one by one if the batch fails) and store each article as it is done."""
        from dateline.runs.local import code_batch

        pages = {id(article): page for article, page in batch}
        for article, outcome in code_batch(self.pipeline, [a for a, _ in batch]):
            page = pages[id(article)]
            report = self.summary.sources[page.item.source_url]
            if isinstance(outcome, str):
                self.stored.discard(article.id)
                self.item(page, FAILED, f"{page.item.url}: {outcome}")
                report.failed += 1
                self.error(outcome, page.item.url, "coding", article.id)
                self.update()
                continue
            self.store_result(page, outcome, report)
            self.update()

    def store_result(self, page: Page, result: Result, report: SourceReport) -> None:
        article = result.article
        try:
            added = self.store.add_result(result, run_id=self.summary.run_id)
        except StoreError as exc:  # this article's rows are rolled back; the round goes on
            self.stored.discard(article.id)
            self.item(page, FAILED, str(exc))
            report.failed += 1
            self.error(str(exc), page.item.url, "store", article.id)
            return
        if not added:
            self.item(page, DUPLICATE, "same text as an article already stored",
                      article_id=article.id)  # fmt: skip
            report.duplicates += 1
            return
        self.item(page, CODED, article_id=article.id)
        report.coded += 1
        report.events += sum(1 for e in result.events if not e.negated)
        if self.store.duplicate_of(article.id):
            report.near_duplicates += 1
        log.info("stored %s from %s", article.id, page.item.url)

    # --- records -------------------------------------------------------------------------------

    def item(self, page: Page, status: str, reason: str | None = None,
             article_id: str | None = None) -> None:  # fmt: skip
        state.record_item(self.store, page.key, page.item.source_url, status, reason=reason,
                          canonical_url=page.canonical, article_id=article_id,
                          run_id=self.summary.run_id)  # fmt: skip

    def error(self, reason: str, item: str, kind: str, article_id: str | None = None) -> None:
        self.store.add_error(reason, item=item, run_id=self.summary.run_id, kind=kind,
                             article_id=article_id)  # fmt: skip
        if len(self.summary.messages) < 20:
            self.summary.messages.append(reason if item in reason else f"{item}: {reason}")
        log.warning("%s", reason if item in reason else f"{item}: {reason}")


def read_source(fetcher: Fetcher, st: SourceState) -> tuple[Fetched, Listing | None]:
    """Fetch a source conditionally and read it; a sitemap index brings its newest children.
    ``(answer, None)`` means 304 Not Modified."""
    fetched = fetcher.feed(st.url, st.etag, st.last_modified)
    if fetched.not_modified:
        return fetched, None
    listing = parse_listing(fetched.body, st.url, fetched.content_type)
    if listing.kind != "sitemapindex":
        return fetched, listing
    problems = []
    for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
        try:
            got = fetcher.feed(child)
            part = parse_listing(got.body, child, got.content_type)
        except (FetchError, InputError) as exc:
            problems.append(str(exc))
            continue
        listing.items.extend(dataclasses.replace(i, source_url=st.url) for i in part.items)
    if problems:
        listing.warning = "; ".join(problems[:3])
    return fetched, listing


def run_round(
    sources: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    pipeline: Any = None,
    fetcher: Fetcher | None = None,
    on_update: Update | None = None,
    export_dir: str | Path | None = None,
    export_format: str = "csv",
    batch_size: int = 8,
) -> RoundSummary:
    """Check ``sources`` (feed or sitemap URLs) once and code their new items into ``store``.

    ``pipeline`` codes articles (default: a :class:`~dateline.pipeline.Pipeline` of
    ``settings``, loaded only if there is something to code). ``on_update`` is called with the
    summary whenever something changes (the CLI's live display). With ``export_dir``, the
    round's new events are written there as one timestamped ``export_format`` file.
    """
    settings = settings or Settings.load()
    started = time.monotonic()
    urls = list(dict.fromkeys(sources))
    state.register(store, urls)
    states = state.load_sources(store, urls)
    from dateline.runs.local import model_version

    run_id = store.start_run(settings=dataclasses.asdict(settings), inputs=urls,
                             model=settings.model, model_version=model_version(settings.model))  # fmt: skip
    state.start_round(store, run_id, len(urls))
    summary = RoundSummary(run_id, sources={u: SourceReport(u) for u in urls})
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    if pipeline is None:
        from dateline.pipeline import Pipeline

        pipeline = Pipeline(settings)
    status = "failed"
    try:
        work = _Round(store, settings, fetcher, pipeline, summary, on_update, batch_size)
        listings = work.check_sources(states)
        work.fetch_and_code(listings)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        summary.interrupted = True
        raise
    finally:
        if own_fetcher:
            fetcher.close()
        summary.seconds = time.monotonic() - started
        c = summary.counts
        # as for `dateline run`: skipped = already stored, errors = rows added to `errors`
        store.finish_run(run_id, status, articles=c["coded"], skipped=c["duplicates"],
                         duplicates=c["near_duplicates"], events=c["events"],
                         errors=c["failed"] + c["skipped"] + c["sources_failed"])  # fmt: skip
        state.finish_round(store, run_id, c)
    if export_dir is not None and summary.counts["coded"]:
        summary.export_path, summary.exported = export_round(
            store, run_id, Path(export_dir), export_format
        )
        state.finish_round(store, run_id, summary.counts, summary.export_path)
    if on_update is not None:
        on_update(summary)
    return summary


def export_round(store: Store, run_id: str, directory: Path, fmt: str) -> tuple[str, int]:
    """Write the events a round stored to ``DIR/YYYYMMDDHHMMSS<suffix>`` (GDELT-style names)."""
    if fmt not in EXPORT_SUFFIXES:
        raise DatelineError(f"export format {fmt!r} is unknown; use {', '.join(EXPORT_SUFFIXES)}")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
    out = directory / f"{stamp}{EXPORT_SUFFIXES[fmt]}"
    n = store.export(out, fmt, run_id=run_id)
    return str(out), n


def parse_every(value: str | float | None) -> float | None:
    """'15m', '1h', '90s', '2d' or a number of seconds -> seconds (at least 1)."""
    if value is None:
        return None
    text = str(value).strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        seconds = float(text[:-1]) * units[text[-1]] if text[-1:] in units else float(text)
    except (ValueError, KeyError):
        raise InputError(f"--every {value!r}: give a duration like 15m, 1h, 90s or 2d") from None
    if seconds < 1:
        raise InputError(f"--every {value!r}: a round every {seconds:g} s is too often")
    return seconds


class _DaemonPool:
    """The part of ThreadPoolExecutor a round uses, on daemon threads: ThreadPoolExecutor's
    threads are joined at interpreter exit, so an interrupted watch (Ctrl+C, SIGTERM) would
    wait out every request in flight, up to its timeouts and retries."""

    def __init__(self, workers: int, name: str) -> None:
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True)
                         for i in range(workers)]  # fmt: skip
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        self._jobs.put((future, fn, args))
        return future

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn, args = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args)
            except BaseException as exc:  # handed to the round through the future
                future.set_exception(exc)
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True) -> None:
        if not wait:  # interrupted: cancel what has not started
            with contextlib.suppress(queue.Empty):
                while (job := self._jobs.get_nowait()) is not None:
                    job[0].cancel()
        for _ in self._threads:
            self._jobs.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


@contextlib.contextmanager
def _threads(workers: int, name: str) -> Iterator[_DaemonPool]:
    """A pool that, when the round is interrupted, neither starts queued work nor waits for
    the requests in flight (closing the fetcher ends them)."""
    pool = _DaemonPool(workers, name)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False)
        raise
    pool.shutdown(wait=True)


def _as_done(pending: set[Future]) -> Iterator[Future]:
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from done
