"""Dateline: turn news into political event data (PLOVER + CAMEO), with the evidence.

The package face is lazy: ``import dateline`` (or ``dateline.store``, or ``dateline --version``)
loads neither spaCy nor the pipeline; ``dateline.Pipeline``, ``dateline.code_text`` and the other
names below import their module on first use.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from dateline._version import __version__

if TYPE_CHECKING:
    from dateline.errors import DatelineError
    from dateline.model import Actor, ActorRef, Article, Event, Quote, Result
    from dateline.pipeline import Pipeline, code_text
    from dateline.settings import Settings

#: Public name -> the module that defines it (imported on first use).
_LAZY = {
    "Actor": "dateline.model",
    "ActorRef": "dateline.model",
    "Article": "dateline.model",
    "DatelineError": "dateline.errors",
    "Event": "dateline.model",
    "Pipeline": "dateline.pipeline",
    "Quote": "dateline.model",
    "Result": "dateline.model",
    "Settings": "dateline.settings",
    "code_text": "dateline.pipeline",
}

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


def __getattr__(name: str) -> Any:
    """Import a public name's module the first time the name is asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def open(path: str = ":memory:", read_only: bool = False, create: bool = False):  # noqa: A001 - mirrors sqlite_utils.Database
    """Open an existing event store: ``db = dateline.open("events.duckdb"); db.events(actor="USA")``.

    A path with no file raises :class:`~dateline.errors.StoreError` (a typo would otherwise
    give an empty store) unless ``create=True``, which makes a new store there.
    """
    from pathlib import Path

    from dateline.errors import StoreError
    from dateline.store import Store

    if str(path) != ":memory:" and not create and not Path(path).exists():
        raise StoreError(
            f"no event store at {path}; check the path, or pass create=True to make a new one "
            f"(dateline.open({str(path)!r}, create=True))"
        )
    return Store(path, read_only=read_only)


logging.getLogger("dateline").addHandler(logging.NullHandler())
