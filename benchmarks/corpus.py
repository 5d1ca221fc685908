"""The shared Guardian corpus without the rows held back for blind scoring.

``../shared/eval/README.md`` lists rows of ``../shared/corpus/guardian_sample_249.csv`` (its first
column) that are never coded, inspected or trained on: the same build is scored on them blind.
Every benchmark and test that reads the corpus goes through here, so the list (owned by
``dateline.evaluation.corpus``) is written once in the repository and no script can forget it.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dateline.evaluation.corpus import HELD_BACK as HELD_BACK_KEYS

HELD_BACK = frozenset(int(key) for key in HELD_BACK_KEYS)


def is_held_back(row: dict[str, str]) -> bool:
    """Whether a corpus row (read with ``csv.DictReader``) is one of the held-back rows."""
    key = row.get("", "")
    return key.isdigit() and int(key) in HELD_BACK


def numbered_open_rows(
    corpus: Path, limit: int | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """The first ``limit`` rows of a corpus CSV that are not held back, each with its record
    number in the file (2 for the first row after the header, as a spreadsheet counts)."""
    csv.field_size_limit(sys.maxsize)
    taken = 0
    with Path(corpus).open(newline="", encoding="utf-8") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            if limit is not None and taken >= limit:
                return
            if is_held_back(row):
                continue
            taken += 1
            yield number, row


def open_rows(corpus: Path, limit: int | None = None) -> Iterator[dict[str, str]]:
    """The first ``limit`` rows of a corpus CSV that are not held back."""
    return (row for _, row in numbered_open_rows(corpus, limit))


def write_open_corpus(corpus: Path, out: Path, limit: int | None = None) -> Path:
    """A copy of a corpus CSV at ``out`` without the held-back rows (the first ``limit``)."""
    csv.field_size_limit(sys.maxsize)
    with Path(corpus).open(newline="", encoding="utf-8") as f:
        fields = csv.DictReader(f).fieldnames or []
    with Path(out).open("w", newline="", encoding="utf-8") as dst:
        writer = csv.DictWriter(dst, fieldnames=fields)
        writer.writeheader()
        writer.writerows(open_rows(corpus, limit))
    return Path(out)


def open_corpus(path: str | Path) -> Path:
    """``path`` itself, or for a CSV a temporary copy without the held-back rows: what a
    benchmark hands to ``dateline.ingest.iter_articles`` or to ``dateline run``."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        return path
    out = Path(tempfile.mkdtemp(prefix="dateline-corpus-")) / path.name
    return write_open_corpus(path, out)
