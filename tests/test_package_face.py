"""The package face is light: the store, the CLI's --version and the version never load spaCy."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import dateline
from dateline._version import __version__

ROOT = Path(__file__).resolve().parents[1]
SPACY_LOADED = "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'}))"


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (this one has spaCy loaded already) and return stdout."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


def test_importing_the_store_does_not_load_spacy():
    assert run_python(f"import sys\nimport dateline.store\n{SPACY_LOADED}").strip() == "[]"


def test_dateline_version_loads_neither_spacy_nor_pandas_nor_the_store():
    heavy = "{'spacy', 'thinc', 'pandas', 'duckdb', 'datasketch'}"
    code = (
        "import runpy, sys\n"
        "sys.argv = ['dateline', '--version']\n"
        "try:\n    runpy.run_module('dateline', run_name='__main__')\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy}))\n"
        "print('dateline.store' in sys.modules)"
    )
    out = run_python(code).splitlines()
    assert out == [f"dateline {__version__}", "[]", "False"]


def test_the_cli_app_has_every_command_whichever_module_came_first():
    code = (
        "import dateline.cli.query, typer\n"  # binds the package's `app` to the submodule
        "from dateline.cli import COMMANDS, app\n"
        "print(type(app).__name__, len(typer.main.get_command(app).commands) > len(COMMANDS))"
    )
    assert run_python(code).split() == ["Typer", "True"]


def test_public_names_load_on_first_use():
    from dateline.pipeline import Pipeline, code_text
    from dateline.settings import Settings

    assert dateline.Pipeline is Pipeline
    assert dateline.code_text is code_text
    assert dateline.Settings is Settings
    assert set(dateline.__all__) <= set(dir(dateline))
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = dateline.no_such_name


def test_the_version_has_one_owner():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "dateline._version.__version__"
    assert dateline.__version__ == __version__
