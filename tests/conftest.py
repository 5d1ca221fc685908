"""Shared fixtures: the spaCy model and pipeline load once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/corpus.py owns the list of corpus rows held back for blind scoring; tests and the
# benchmarks they drive (tests/test_load.py) read the corpus through it.
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not here (a fresh clone without the shared material)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return _shared("seed/voa-2017-01-28-trump-putin-call.txt")


@pytest.fixture(scope="session")
def eval_path() -> Path:
    return _shared("eval/plover_gsr_dev.jsonl")


@pytest.fixture(scope="session")
def corpus_path(tmp_path_factory) -> Path:
    """The Guardian sample without the rows held back for blind scoring (never coded here)."""
    from corpus import write_open_corpus

    source = _shared("corpus/guardian_sample_249.csv")
    return write_open_corpus(source, tmp_path_factory.mktemp("corpus") / source.name)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def nlp():
    from dateline.nlp import load
    from dateline.settings import DEFAULT_MODEL

    return load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline
    from dateline.settings import Settings

    return Pipeline(Settings.load())


@pytest.fixture(params=["model", "lexicon"])
def coder(request, pipeline, monkeypatch):
    """The shared pipeline twice: with the trained event model, and with it switched off (what
    the lexicon and the rules code alone), for rules that must hold either way."""
    if request.param == "lexicon":
        monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    return pipeline


@pytest.fixture
def lexicon_only(pipeline, monkeypatch):
    """The shared pipeline with the trained event model switched off: what the lexicon and the
    rules code alone."""
    monkeypatch.setenv("DATELINE_EVENT_MODEL", "off")
    return pipeline
