"""Regenerate docs/cli.md from the commands' own --help: `python docs/generate_cli_reference.py`."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from typer.testing import CliRunner

from dateline.cli import app

OUT = Path(__file__).with_name("cli.md")


def render() -> str:
    os.environ["COLUMNS"] = "100"
    os.environ["TERM"] = "dumb"
    runner = CliRunner()
    group = typer.main.get_command(app)
    parts = [
        "# Command-line reference",
        "",
        "Generated from each command's `--help` by `python docs/generate_cli_reference.py`;",
        "`tests/test_docs.py` fails when a command is missing here.",
        "",
    ]
    for name in sorted(group.commands):
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
        parts += [f"## dateline {name}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
