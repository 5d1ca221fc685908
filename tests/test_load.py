"""A short load test against a real `dateline serve` (uvicorn on 127.0.0.1) over a store coded
from the Guardian sample; the longer run is ``python benchmarks/load.py``."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
LIMIT = int(os.environ.get("DATELINE_LOAD_LIMIT", "40"))
SECONDS = float(os.environ.get("DATELINE_LOAD_SECONDS", "10"))


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("dateline_load", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def served(load, corpus_path, tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "guardian.duckdb"
    load.build_store(corpus_path, db, LIMIT)
    with load.serve(db) as base:
        yield base


def test_serve_under_load_has_no_errors(load, served):
    result = load.run_load(served, seconds=SECONDS, clients=4, max_requests=20_000)
    summary = result.summary()
    print("\nload:", summary)  # shown with -s; docs/reliability.md quotes these
    assert summary["errors"] == 0, summary["first_errors"]
    assert summary["requests"] >= 50
    for kind, stats in summary["endpoints"].items():
        assert stats["requests"] >= 5, kind
        assert stats["p95_ms"] < 5_000, (kind, stats)
    assert result.seconds < SECONDS + 30  # it stops by itself


def test_load_generator_refuses_other_hosts(load):
    with pytest.raises(ValueError, match="127.0.0.1"):
        load.run_load("http://example.org:80", seconds=1)
