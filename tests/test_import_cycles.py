"""Every module of the event coder and the actor resolver imports on its own, in a fresh
interpreter, whatever was imported before it (``events.syntax`` and ``actors.resolve`` import
each other: one side must import the other inside a function)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "dateline.events.syntax",
        "dateline.events.extract.clauses",
        "dateline.events.extract.coder",
        "dateline.actors.resolve",
        "dateline.actors.resolve.fighters",
    ],
)
def test_the_module_imports_first(module):
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
