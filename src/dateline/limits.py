"""Per-article time limits: stop coding an article that runs longer than ``settings.timeout_s``.

The limit uses ``SIGALRM`` (a real-time interval timer), so it works in the main thread of a
POSIX process: the ``dateline run`` process and its ``ProcessPoolExecutor`` workers. Elsewhere
(Windows, worker threads such as Dask's) :func:`time_limit` cannot interrupt and lets the work
run unbounded. The alarm interrupts Python code between bytecodes; a single long call into C
(one regex match, one spaCy Cython loop) is interrupted when it returns to Python.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from dateline.errors import ArticleTimeout

T = TypeVar("T")

WARM_UP_TEXT = "Ruritania's president said on Monday that troops attacked rebels in Freedonia."
_warm: weakref.WeakSet = weakref.WeakSet()


def can_interrupt() -> bool:
    """True when :func:`time_limit` can stop work here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


#: After the first alarm, it fires again this often until the block has stopped: a signal
#: handler's exception is swallowed when it lands in a garbage-collector callback or a
#: ``__del__`` method, so one alarm is not enough.
REPEAT_S = 0.1

#: Frames an alarm must not raise in. An exception raised in a finaliser, a weakref callback
#: or the machinery that reports such "unraisable" exceptions is swallowed (or, inside
#: ``sys.unraisablehook``, breaks the hook itself); the repeating alarm waits for ordinary code.
_FINALISER_NAMES = frozenset({"__del__", "_remove", "_remove_dead_weakref"})
_UNSAFE_MODULES = frozenset({"weakref.py", "_weakrefset.py", "traceback.py", "linecache.py"})


def _unsafe_to_raise(frame: Any) -> bool:
    """True when ``frame`` (or a caller) is a finaliser, weakref callback or error reporter."""
    while frame is not None:
        code = frame.f_code
        if code.co_name in _FINALISER_NAMES:
            return True
        base = os.path.basename(code.co_filename)
        if base in _UNSAFE_MODULES or "unraisable" in code.co_name or "unraisable" in base:
            return True
        frame = frame.f_back
    return False


@contextlib.contextmanager
def time_limit(seconds: float | None, what: str = "article") -> Iterator[None]:
    """Raise :class:`~dateline.errors.ArticleTimeout` if the block runs over ``seconds``.

    ``seconds`` None or <= 0 means no limit. Nested limits keep the outer timer running (an
    outer limit that fires sooner wins), and the previous handler is restored on exit.
    """
    if not seconds or seconds <= 0 or not can_interrupt():
        yield
        return
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_remaining and outer_remaining < seconds:
        yield  # the outer limit fires first; its handler takes the signal
        return
    active = [True]

    def on_alarm(signum: int, frame: object) -> None:
        if active[0] and not _unsafe_to_raise(frame):
            raise ArticleTimeout(
                f"{what}: coding took longer than timeout_s={seconds:g} s and was stopped; "
                "raise the limit (DATELINE_TIMEOUT_S or Settings(timeout_s=...)) or split "
                "the document"
            )

    previous = signal.signal(signal.SIGALRM, on_alarm)
    if previous is None:  # installed outside Python; the default is the best we can restore
        previous = signal.SIG_DFL
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds, min(REPEAT_S, seconds))
    try:
        yield
    finally:
        while True:  # an alarm may land here too: retry until the timer is off
            try:
                active[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except ArticleTimeout:
                continue
        if outer_remaining:  # put the outer timer back, less the time spent here
            spent = time.monotonic() - started
            signal.setitimer(signal.ITIMER_REAL, max(outer_remaining - spent, 1e-3))


def call_with_limit(seconds: float | None, what: str, func: Callable[..., T], *args: object) -> T:
    """``func(*args)`` under :func:`time_limit`; a timeout raises ArticleTimeout."""
    with time_limit(seconds, what):
        return func(*args)


def warm_up(pipeline: Any) -> None:
    """Code one tiny article, once per pipeline, so that lazy loading (model, knowledge base,
    lexicon, date parser, gazetteer) happens outside any time limit: an import interrupted
    half-way would leave a broken module behind, and load time is not the article's fault."""
    if pipeline in _warm:
        return
    from dateline.model import Article

    pipeline.code(Article(id="warm-up", text=WARM_UP_TEXT))
    _warm.add(pipeline)
