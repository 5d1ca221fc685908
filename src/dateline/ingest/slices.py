"""Reading part of a file: the slices a corpus splits into, and the articles of one slice.

A Dask run (:mod:`dateline.runs.dask`) hands each worker one slice, so a big file is read by
many workers at once. JSONL files split into byte ranges of whole lines (a worker reads only its
own lines); the other record formats (``RECORD_READERS``: CSV/TSV, JSON lists) and WARC files
into item ranges; any other file (text, HTML, gzipped JSONL) is one slice. A slice's articles and errors are named as :func:`iter_articles`
names them, so both engines record the same items.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.ingest.corpora import article_from_record, iter_jsonl, message_of
from dateline.ingest.detect import bad_lines, check_article, decode_bytes, decode_report
from dateline.ingest.reading import too_big
from dateline.ingest.sources import (
    RECORD_READERS,
    file_format,
    read_file,
    skip_bad_lines,
    walk,
    warc_article,
)
from dateline.ingest.warc import iter_warc
from dateline.model import Article
from dateline.settings import Settings


@dataclass(frozen=True)
class FileSlice:
    """The items ``start``..``stop`` (None: to the end) of one input file.

    A JSONL slice is a byte range instead (``offset``, ``length``, starting at line
    ``first_line``), so its reader reads only its own lines of a big file.
    """

    path: str
    kind: str | None
    start: int = 0
    stop: int | None = None
    offset: int = 0
    length: int | None = None
    first_line: int = 1
    items: int = 1  # how many items it holds (1 for a whole text or HTML file)


def slice_inputs(inputs: Sequence[str | Path], items_per_slice: int) -> list[FileSlice]:
    """Split ``inputs`` (files and directories) into slices of at most ``items_per_slice``
    items each, in order; directories are walked as :func:`iter_articles` walks them."""
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files.extend(walk(path))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or directory; check the path", str(path))
    slices: list[FileSlice] = []
    for path in files:
        kind = file_format(path)
        if kind == "jsonl":
            for offset, length, first_line, n in _line_ranges(path, items_per_slice):
                slices.append(FileSlice(str(path), kind, 0, None, offset, length, first_line, n))
        elif kind in RECORD_READERS or kind == "warc":
            count = _count_items(path, kind)
            for start in range(0, max(count, 1), items_per_slice):
                stop = start + items_per_slice
                n = max(0, min(stop, count) - start)
                slices.append(FileSlice(str(path), kind, start, stop, items=n))
        else:
            slices.append(FileSlice(str(path), kind))
    return slices


def _line_ranges(path: Path, lines_per_range: int) -> list[tuple[int, int, int, int]]:
    """``(offset, length, first line, lines)`` of consecutive byte ranges holding that many
    non-blank lines each (the last may hold fewer); an empty file gives one empty range."""
    ranges: list[tuple[int, int, int, int]] = []
    start = offset = count = 0
    first = number = 1
    with path.open("rb") as fh:
        for line in fh:
            offset += len(line)
            number += 1
            if line.strip():
                count += 1
            if count == lines_per_range:
                ranges.append((start, offset - start, first, count))
                start, first, count = offset, number, 0
    if count or not ranges:
        ranges.append((start, offset - start, first, count))
    return ranges


def _count_items(path: Path, kind: str) -> int:
    """How many items (records or archived pages) a file holds; cheap next to coding them."""
    if path.stat().st_size > Settings.load().max_input_bytes:
        return 1  # one slice, which reports the size
    data = path.read_bytes()
    if kind == "warc":
        return sum(1 for _ in iter_warc(io.BytesIO(data), str(path)))
    try:
        text = decode_bytes(data, str(path))
    except InputError:
        return 1  # one slice, which reports the error
    return sum(1 for _ in RECORD_READERS[kind](text, str(path)))


def read_slice(
    part: FileSlice, settings: Settings, published: date | None = None
) -> Iterator[Article | InputError]:
    """The articles (or InputErrors) of one slice, named as ``iter_articles`` names them."""
    path = Path(part.path)
    if part.kind not in RECORD_READERS and part.kind != "warc":
        yield from read_file(path, settings, published)
        return
    try:
        size = path.stat().st_size if part.length is None else part.length
        if size > settings.max_input_bytes:
            if part.start == 0 and part.offset == 0:
                yield too_big(settings, part.path)
            return
        with path.open("rb") as fh:
            fh.seek(part.offset)
            data = fh.read(-1 if part.length is None else part.length)
    except OSError as exc:
        yield InputError(f"cannot read it ({exc.strerror}); check its permissions", part.path)
        return
    if part.kind == "warc":
        pages = iter_warc(io.BytesIO(data), part.path, settings.max_input_bytes)
        for page in itertools.islice(pages, part.start, part.stop):
            if isinstance(page, InputError):
                yield page
                continue
            yield _checked(page.item, settings, lambda p=page: warc_article(p, settings, published))
        return
    try:
        text, damaged = decode_report(data, part.path)
    except InputError as exc:
        if part.start == 0:
            yield exc
        return
    if part.kind == "jsonl":
        records = _jsonl_records(text, part.path, part.first_line)
    else:
        records = RECORD_READERS[part.kind](text, part.path)
    if damaged:
        bad = bad_lines(data, part.path, first_line=part.first_line, first_offset=part.offset)
        records = skip_bad_lines(records, bad, part.path)
    for item, record in itertools.islice(records, part.start, part.stop):
        if isinstance(record, InputError):
            yield record
            continue
        yield _checked(
            item,
            settings,
            lambda r=record, i=item: article_from_record(
                r, settings, item=i, name=part.path, published=published
            ),
        )


def _jsonl_records(text: str, name: str, first_line: int) -> Iterator[tuple[str, Any]]:
    """``iter_jsonl`` over a slice of a file, naming items by their line in the whole file."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        item = f"{name}:{number}"
        for _, record in iter_jsonl(line, name):  # nothing for a blank line
            if isinstance(record, InputError):
                record = InputError(message_of(record), item)
            yield item, record


def _checked(item: str, settings: Settings, build: Any) -> Article | InputError:
    """Build and check one article; an InputError comes back named by ``item``, not raised."""
    try:
        article = build()
        check_article(article, settings, item)
    except InputError as exc:
        return exc if exc.item == item else InputError(message_of(exc), item)
    return article
