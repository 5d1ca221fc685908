"""Run a Python snippet in fresh interpreters under several hash seeds: what a test of
deterministic output needs (set and dict order of strings changes with PYTHONHASHSEED)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable


def outputs_under_hash_seeds(
    script: str, seeds: Iterable[int], timeout: float | None = None
) -> set[str]:
    """The distinct standard outputs of ``python -c script`` under each of ``seeds``."""
    return {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        ).stdout
        for seed in seeds
    }
