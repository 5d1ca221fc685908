"""docs/architecture.md matches the code: its files exist, its registries are where it says."""

from __future__ import annotations

import re
from pathlib import Path

from test_architecture import LAYERS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


def section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def paths_in(text: str) -> list[str]:
    return re.findall(r"`((?:src|docs|tests)/[\w./-]+)`", text)


def test_every_file_the_page_names_exists():
    missing = [p for p in paths_in(DOC.read_text(encoding="utf-8")) if not (ROOT / p).exists()]
    assert missing == []


def test_the_layers_are_the_tests_layers():
    named = re.findall(r"^\d\. \*\*([\w ]+)\*\*", section("Layers"), re.MULTILINE)
    assert named == [name for name, _ in LAYERS]


def test_how_to_add_an_event_type():
    steps = section("How to add an event type")
    files = paths_in(steps)
    for data in ("plover.yaml", "cameo_plover.csv", "triggers.yaml", "result-v1.json"):
        assert any(f.endswith(data) for f in files), data
    schema = (ROOT / "src/dateline/schema/result-v1.json").read_text(encoding="utf-8")
    plover = (ROOT / "src/dateline/data/plover.yaml").read_text(encoding="utf-8")
    types = re.findall(r"^  ([A-Z]+):$", plover.split("\ntypes:", 1)[1], re.MULTILINE)
    assert len(types) == 16 and all(f'"{t}"' in schema for t in types)


def test_how_to_add_an_output_format():
    steps = section("How to add an output format")
    assert "src/dateline/store/export.py" in paths_in(steps) and "`EXPORTERS`" in steps
    assert "EXPORTERS" in (ROOT / "src/dateline/store/export.py").read_text(encoding="utf-8")
    assert "EXPORTERS" in (ROOT / "src/dateline/cli/export.py").read_text(encoding="utf-8")


def test_how_to_add_an_input_format():
    steps = section("How to add an input format")
    sources = (ROOT / "src/dateline/ingest/sources.py").read_text(encoding="utf-8")
    for registry in ("EXTENSIONS", "RECORD_READERS", "read_content"):
        assert f"`{registry}`" in steps and registry in sources
    detect = (ROOT / "src/dateline/ingest/detect.py").read_text(encoding="utf-8")
    assert "def sniff_format" in detect and "iter_" in (
        ROOT / "src/dateline/ingest/corpora.py"
    ).read_text(encoding="utf-8")
