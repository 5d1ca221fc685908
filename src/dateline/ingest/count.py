"""How many items the inputs hold, where that is cheap to know: a progress bar's total."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dateline.ingest.sources import file_format, walk

#: Formats with one article per file.
SINGLE = {"text", "html"}
#: Formats with one record per non-blank line.
LINES = {"jsonl"}
CHUNK = 1 << 20


def count_items(inputs: Iterable[str | Path]) -> int | None:
    """Files of one article count 1, JSONL files their non-blank lines; None as soon as an
    input's count would need parsing it (CSV, JSON, WARC, gzip, stdin, unknown endings)."""
    total = 0
    for raw in inputs:
        if str(raw) == "-":
            return None
        path = Path(raw)
        files = walk(path) if path.is_dir() else [path] if path.exists() else []
        for file in files:
            kind = file_format(file)
            if kind in SINGLE:
                total += 1
            elif kind in LINES:
                total += _non_blank_lines(file)
            else:
                return None
    return total


def _non_blank_lines(path: Path) -> int:
    count, previous = 0, b""
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            lines = chunk.split(b"\n")
            lines[0] = previous + lines[0]
            previous = lines.pop()
            count += sum(1 for line in lines if line.strip())
    return count + (1 if previous.strip() else 0)
