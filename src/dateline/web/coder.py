"""The coder behind ``POST /api/code`` and ``/code``: a worker process under ``timeout_s``.

Coding in the server's own threads could not be stopped (``SIGALRM`` only interrupts the main
thread) and held the GIL: one 199 kB text used 117 s of CPU and slowed every other request
tenfold. Here one worker process codes one text at a time; a text that runs over
``timeout_s`` gets the worker killed (a fresh one starts for the next text) and an error.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from dateline.errors import ArticleTimeout, DatelineError
from dateline.settings import Settings

T = TypeVar("T")
STARTUP_TIMEOUT_S = 300.0  # loading the model in a fresh worker, not counted against a text


_settings: Settings | None = None  # in the worker
_pipeline: Any = None


def _init_coder(settings: Settings) -> None:
    global _settings
    from dateline.lifecycle import die_with_parent

    die_with_parent()
    _settings = settings


def _worker_pipeline() -> Any:
    global _pipeline
    if _pipeline is None:
        from dateline.limits import warm_up
        from dateline.pipeline import Pipeline

        _pipeline = Pipeline(_settings)
        warm_up(_pipeline)  # model, tables and date parser load here, not inside a text's time
    return _pipeline


def _started() -> None:
    """Nothing: the worker has started (spawned and imported) when this returns."""


def _warm() -> None:
    _worker_pipeline()


def _code(text: str, date: str | None, title: str | None) -> dict[str, Any]:
    return _worker_pipeline().code_text(text, date=date, title=title).to_dict()


class CodingProcess:
    """One spawned worker (dies with the server) that codes texts one at a time."""

    def __init__(self, settings: Settings, warm: bool = True) -> None:
        self.settings = settings
        self.warm = warm  # load the pipeline when the worker starts (outside any time limit)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def code(self, text: str, date: str | None, title: str | None) -> dict[str, Any]:
        """The Result of ``text`` as its JSON contract; ArticleTimeout past ``timeout_s``."""
        return self.call(_code, text, date, title)

    def call(self, func: Callable[..., T], *args: Any) -> T:
        """``func(*args)`` in the worker, under ``timeout_s`` (the worker is killed past it)."""
        with self._lock:
            pool = self._ready()
            future = pool.submit(func, *args)
            try:
                return future.result(timeout=self.settings.timeout_s or None)
            except FuturesTimeout:
                self._stop()
                raise ArticleTimeout(
                    f"coding took longer than timeout_s={self.settings.timeout_s:g} s and was "
                    "stopped; send a shorter text"
                ) from None
            except BrokenProcessPool:
                self._stop()
                raise DatelineError("the coder process died; try again") from None

    def _ready(self) -> ProcessPoolExecutor:
        if self._pool is None:
            pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_coder,
                initargs=(self.settings,),
            )
            # start the worker (and load the pipeline) outside any text's time limit
            pool.submit(_warm if self.warm else _started).result(timeout=STARTUP_TIMEOUT_S)
            self._pool = pool
        return self._pool

    def _stop(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()  # the text being coded is abandoned
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            self._stop()
