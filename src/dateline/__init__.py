"""Dateline: turn news into political event data (PLOVER + CAMEO), with the evidence."""

import logging

from dateline.errors import DatelineError
from dateline.model import Actor, ActorRef, Article, Event, Quote, Result
from dateline.pipeline import Pipeline, code_text
from dateline.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorRef",
    "Article",
    "DatelineError",
    "Event",
    "Pipeline",
    "Quote",
    "Result",
    "Settings",
    "code_text",
    "open",
    "__version__",
]


def open(path: str = ":memory:", read_only: bool = False):  # noqa: A001 - mirrors sqlite_utils.Database
    """Open an event store: ``db = dateline.open("events.duckdb"); db.events(actor="USA")``."""
    from dateline.store import Store

    return Store(path, read_only=read_only)


logging.getLogger("dateline").addHandler(logging.NullHandler())
