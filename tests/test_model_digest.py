"""scripts/model_digest.py tells a rebuilt event model from the shipped one by its arrays, not by
the zip file's bytes (which carry timestamps)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "model_digest.py"


def _run(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, paths)], capture_output=True, text=True
    )


def test_same_arrays_written_twice_in_another_order_are_the_same_model(tmp_path):
    weights = np.arange(6, dtype=np.float16).reshape(2, 3)
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    np.savez_compressed(first, weights=weights, classes=np.array(["ASSAULT", "none"]))
    np.savez(second, classes=np.array(["ASSAULT", "none"]), weights=weights)
    result = _run(first, second)
    assert result.returncode == 0, result.stdout
    digests = {line.split()[0] for line in result.stdout.splitlines()[:2]}
    assert len(digests) == 1
    assert "same arrays" in result.stdout


def test_a_changed_weight_or_a_missing_array_is_reported_by_name(tmp_path):
    weights = np.zeros((2, 3), dtype=np.float16)
    changed = weights.copy()
    changed[1, 2] = 0.5
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    np.savez_compressed(first, weights=weights, bias=np.zeros(3, dtype=np.float32))
    np.savez_compressed(second, weights=changed)
    result = _run(first, second)
    assert result.returncode == 1
    assert "weights: values differ (largest gap 0.5)" in result.stdout
    assert "bias: only in the first file" in result.stdout
