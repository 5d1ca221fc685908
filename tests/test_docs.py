"""Docs stay honest: every command is documented with examples, every doc link resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from dateline.cli import app
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_examples_and_is_in_the_reference(name):
    command = typer.main.get_command(app).commands[name]
    assert command.help and "Example" in command.help, f"dateline {name} --help has no examples"
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"## dateline {name}" in reference, "run: python docs/generate_cli_reference.py"


def test_every_setting_has_help():
    from dataclasses import fields

    for f in fields(Settings):
        assert f.metadata.get("help"), f"setting {f.name} has no help text"


def test_links_in_readme_and_docs_resolve():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "/")):  # "/" = a server path
                continue
            assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"
