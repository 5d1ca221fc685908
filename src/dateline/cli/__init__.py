"""Command line: `dateline COMMAND`. One module per command, each a thin layer over the library.

The command modules register on `app` when `app` is first asked for (PEP 562). `dateline
--version` is answered before that, from `dateline._version` alone: the commands import the
store (pandas, DuckDB), which a version check does not need.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

import dateline.cli.app  # noqa: F401 - typer and rich only; the commands load on first use

if TYPE_CHECKING:
    import typer

    app: typer.Typer

# Importing the submodule above bound `app` to it (once: it is never loaded again); the name
# `app` means the typer application, with its commands, handed out by __getattr__.
del globals()["app"]

# Each module registers its command(s) on `app` when imported.
COMMANDS = [
    "code", "actors", "serve", "eval", "run", "query", "export", "analysis", "watch", "map",
    "train",
]  # fmt: skip


def load_app() -> typer.Typer:
    """The typer application with every command registered."""
    for name in COMMANDS:
        importlib.import_module(f"dateline.cli.{name}")
    return sys.modules["dateline.cli.app"].app


def __getattr__(name: str) -> Any:
    if name == "app":
        globals()["app"] = value = load_app()
        return value
    raise AttributeError(f"module 'dateline.cli' has no attribute {name!r}")


def main() -> None:
    """Console entry point."""
    if sys.argv[1:] == ["--version"]:
        from dateline._version import __version__

        print(f"dateline {__version__}")
        return
    load_app()()


__all__ = ["app", "main"]
