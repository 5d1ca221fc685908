"""Command line: `dateline COMMAND`. One module per command, each a thin layer over the library."""

from __future__ import annotations

import importlib

from dateline.cli.app import app

# Each module registers its command(s) on `app` when imported.
COMMANDS = [
    "code", "actors", "serve", "eval", "run", "query", "export", "analysis", "watch", "map",
    "train",
]  # fmt: skip

for _name in COMMANDS:
    importlib.import_module(f"dateline.cli.{_name}")


def main() -> None:
    """Console entry point."""
    app()


__all__ = ["app", "main"]
