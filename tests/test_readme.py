"""The README's sample output stays true: every event row it shows is one that
`dateline code --sample` prints (sentence, date, source, event/mode, target, trigger)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_rows() -> list[list[str]]:
    """The event rows of the README's sample block, continuation lines joined to their row."""
    text = README.read_text(encoding="utf-8")
    block = text.split("`dateline code --sample` on the invented article", 1)[1].split("```")[1]
    rows: list[list[str]] = []
    for line in block.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) != 6:
            continue
        if cells[0].isdigit() or cells[0] == "title":  # "title": an event of the headline
            rows.append(cells)
        elif not cells[0] and rows:
            rows[-1] = [
                f"{a} {b}".strip() if b else a for a, b in zip(rows[-1], cells, strict=True)
            ]
    return rows


def actor(ref: dict | None) -> str:
    if ref is None:
        return "—"
    code = "/".join(x for x in (ref["country"], ref["sector"]) if x) or "?"
    return f"{ref['name'] or ref['text']} ({code})"


@pytest.mark.slow
def test_readme_sample_rows_are_what_the_command_prints():
    rows = readme_rows()
    assert len(rows) >= 5
    out = CliRunner().invoke(app, ["code", "--sample", "--format", "json"])
    assert out.exit_code == 0, out.output
    events = json.loads(out.stdout)["events"]
    printed = {
        ("title" if e["part"] == "title" else str(e["sentence"]), e["date"] or "—", actor(e["source"]),
         e["event"] + (f"/{e['mode']}" if e["mode"] else ""), actor(e["target"]), e["trigger"]["text"])
        for e in events
    }  # fmt: skip
    for row in rows:
        row = [re.sub(r"\s+", " ", c) for c in row]
        assert tuple(row) in printed, f"README row not printed by 'dateline code --sample': {row}"
    assert re.search(r"Events \((\d+)\)", README.read_text(encoding="utf-8")).group(1) == str(
        len(events)
    )
