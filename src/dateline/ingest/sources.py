"""Walk the inputs (files, directories, stdin) and yield Articles, or an InputError per bad item."""

from __future__ import annotations

import errno
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import ArticleTimeout, InputError
from dateline.ingest.corpora import article_from_record, iter_csv, iter_json, iter_jsonl, message_of
from dateline.ingest.detect import (
    bad_lines,
    check_article,
    check_no_nul,
    check_size,
    decode_report,
    sniff_format,
)
from dateline.ingest.html import article_from_html
from dateline.ingest.reading import gunzip, read_path, read_stream
from dateline.ingest.text import article_from_text
from dateline.ingest.warc import WarcPage, gzip_members_complete, iter_warc
from dateline.limits import time_limit
from dateline.model import Article
from dateline.settings import Settings

#: File name endings -> format. Anything else is sniffed from the content.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
}
RECORD_READERS = {
    "jsonl": iter_jsonl,
    "json": iter_json,
    "csv": iter_csv,
    "tsv": lambda text, name: iter_csv(text, name, delimiter="\t"),
}

Outcome = Article | InputError


def iter_articles(
    inputs: Iterable[str | Path],
    settings: Settings | None = None,
    published: date | None = None,
) -> Iterator[Outcome]:
    """Yield one Article per readable item of ``inputs``, and an InputError per bad one.

    ``inputs`` are files, directories (read recursively, sorted, hidden files skipped) or
    ``"-"`` for stdin. Bad items (binary, empty, malformed, not English, too long) are yielded,
    never raised, so a batch goes on. ``published`` dates the items that carry no date.
    """
    settings = settings or Settings.load()
    for raw in inputs:
        if str(raw) == "-":
            try:
                with reading_limit(settings, "stdin"):
                    stream = getattr(sys.stdin, "buffer", None)
                    if stream is None:  # a text stream (tests, embedding): already decoded
                        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
                    data = read_stream(stream, settings, "stdin")
            except InputError as exc:
                yield exc
                continue
            yield from read_content(data, "stdin", None, settings, published)
            continue
        path = Path(raw)
        if path.is_dir():
            problems: list[InputError] = []
            for file in walk(path, problems):
                yield from read_file(file, settings, published)
            yield from problems
        elif path.exists():
            yield from read_file(path, settings, published)
        elif path.is_symlink():
            yield InputError(_broken_link(path), str(path))
        else:
            yield InputError("no such file or directory; check the path", str(path))


def walk(directory: Path, problems: list[InputError] | None = None) -> list[Path]:
    """Every non-hidden file under ``directory``, sorted.

    Symlinked folders are followed once: a link back to a folder already walked (a loop) is
    skipped, and so is a file link that loops or leads nowhere; each is reported in
    ``problems`` when a list is given, so nothing is skipped without a message.
    """
    files: list[Path] = []
    seen = {os.path.realpath(directory)}
    for root, dirs, names in os.walk(directory, followlinks=True):
        for name in sorted(dirs):
            full = Path(root) / name
            real = os.path.realpath(full)
            if name.startswith(".") or (full.is_symlink() and real in seen):
                dirs.remove(name)
                if not name.startswith(".") and problems is not None:
                    problems.append(InputError(
                        f"symlink loop: it leads back to {real}, a folder already read; skipped",
                        str(full),
                    ))  # fmt: skip
                continue
            seen.add(real)
        for name in names:
            full = Path(root) / name
            if name.startswith("."):
                continue
            if full.is_file():
                files.append(full)
            elif problems is not None and full.is_symlink():
                problems.append(InputError(_broken_link(full), str(full)))
    return sorted(files)


def _broken_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return "symlink loop: the link points (through other links) to itself; skipped"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link points (through other links) to itself; skipped"
        return f"broken symlink: it points to {os.readlink(path)!r}, which does not exist; skipped"
    return "not a regular file (a device, socket or pipe inside a folder); skipped"


def file_format(path: Path) -> str | None:
    """The format a file name promises, or None when the content must tell."""
    name = path.name.lower()
    for ending in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(ending):
            return EXTENSIONS[ending]
    return None


def read_file(path: Path, settings: Settings, published: date | None = None) -> Iterator[Outcome]:
    """The articles (or errors) of one file, read within ``max_input_bytes`` and ``timeout_s``."""
    name = str(path)
    kind = file_format(path)
    try:
        with reading_limit(settings, name):
            data = read_path(path, settings)
            if kind is None and path.suffix.lower() == ".gz":
                data = gunzip(data, settings, name)
                kind = file_format(path.with_suffix(""))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        yield InputError(f"cannot read it ({reason}); check its permissions", name)
        return
    except InputError as exc:
        yield exc
        return
    yield from read_content(data, name, kind, settings, published)


@contextmanager
def reading_limit(settings: Settings, item: str) -> Iterator[None]:
    """Bound reading (and building) one input by ``timeout_s``; over it, an InputError."""
    try:
        with time_limit(settings.timeout_s, item):
            yield
    except ArticleTimeout:
        raise InputError(
            f"reading took longer than timeout_s={settings.timeout_s:g} s and was stopped "
            "(an endless or very slow input?); raise the limit (DATELINE_TIMEOUT_S) or split it",
            item,
        ) from None


def read_content(
    data: bytes, name: str, kind: str | None, settings: Settings, published: date | None
) -> Iterator[Outcome]:
    """The articles (or errors) of one file's bytes, in format ``kind`` (None: sniff it)."""
    if kind is None:
        kind = _sniff_bytes(data)
    if kind == "warc":
        yield from _read_warc(data, name, settings, published)
        return
    try:
        with reading_limit(settings, name):
            text, damaged = decode_report(data, name)
            if kind is None:
                kind = sniff_format(text)
            if kind not in RECORD_READERS:
                check_no_nul(text, name)
    except InputError as exc:
        yield exc
        return
    if kind in RECORD_READERS:
        records = RECORD_READERS[kind](text, name)
        if damaged:
            records = skip_bad_lines(records, bad_lines(data, name), name)
        for item, record in records:
            if isinstance(record, InputError):
                yield record
                continue
            yield _guard(
                item,
                settings,
                lambda r=record, i=item: article_from_record(
                    r, settings, item=i, name=name, published=published
                ),
            )
        return
    if kind == "html":
        build: Callable[[], Article] = lambda: article_from_html(text, origin=name)  # noqa: E731
    else:
        build = lambda: article_from_text(text, origin=name)  # noqa: E731
    html = kind == "html"
    yield _guard(
        name, settings, lambda: _dated(_sized(text, settings, name, build, html), published)
    )


def _read_warc(
    data: bytes, name: str, settings: Settings, published: date | None
) -> Iterator[Outcome]:
    cut_reported = False
    for page in iter_warc(io.BytesIO(data), name, settings.max_input_bytes):
        if isinstance(page, InputError):
            cut_reported = cut_reported or "cut off" in str(page)
            yield page
            continue
        yield _guard(page.item, settings, lambda p=page: warc_article(p, settings, published))
    if not cut_reported and data.startswith(b"\x1f\x8b") and not gzip_members_complete(data):
        yield InputError(
            "the gzip stream ends inside a record (a cut-off download?); the records before "
            "it were read, the cut-off one is not stored",
            f"{name} (last record)",
        )


def warc_article(page: WarcPage, settings: Settings, published: date | None) -> Article:
    """A WARC page under the same limits as an HTML file: its raw size is checked first."""
    check_size(page.html, settings, page.item, html=True)
    article = article_from_html(page.html, origin=page.url or page.item, url=page.url)
    return _dated(article, page.captured or published)


def skip_bad_lines(
    records: Iterable[tuple[str, Any]], bad: dict[int, str], name: str
) -> Iterator[tuple[str, Any]]:
    """The records of a UTF-8 file with invalid lines: a record holding a bad line becomes an
    InputError naming the line and byte offset; every other record comes through as decoded.

    A record's lines run from its own line (``name:N``) to the line before the next record;
    bad lines outside any record (a header, a JSON file) are reported on their own.
    """
    reported: set[int] = set()

    def resolve(item: str, record: Any, start: int | None, end: float) -> Iterator[tuple]:
        if start is None:
            yield item, record
            return
        hit = [n for n in bad if start <= n < end]
        reported.update(hit)
        if hit and not isinstance(record, InputError):
            yield item, InputError(f"{bad[hit[0]]}; the record is skipped", item)
        else:
            yield item, record

    previous = None
    for item, record in records:
        start = _line_of(item, name)
        if previous is not None:
            yield from resolve(*previous, start if start is not None else float("inf"))
        previous = (item, record, start)
    if previous is not None:
        yield from resolve(*previous, float("inf"))
    for number in sorted(set(bad) - reported):
        item = f"{name}:{number}"
        yield item, InputError(f"{bad[number]}; it was read with U+FFFD for the bad bytes", item)


def _line_of(item: str, name: str) -> int | None:
    tail = item[len(name) + 1 :] if item.startswith(name + ":") else ""
    return int(tail) if tail.isdigit() else None


def _sniff_bytes(data: bytes) -> str | None:
    if data.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if data.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 64)
        except zlib.error:
            return None
        if head.startswith((b"WARC/", b"filedesc://")):
            return "warc"
    return None


def _sized(
    text: str, settings: Settings, name: str, build: Callable[[], Article], html: bool
) -> Article:
    check_size(text, settings, name, html=html)
    return build()


def _dated(article: Article, fallback: date | None) -> Article:
    if article.published is None:
        article.published = fallback
    return article


def _guard(item: str, settings: Settings, build: Callable[[], Article]) -> Outcome:
    """Build one article and check it; an InputError comes back (named by ``item``), not raised."""
    article = None
    try:
        with reading_limit(settings, item):
            article = build()
            check_article(article, settings, item)
    except InputError as exc:
        record_id = exc.record_id or (article.record_id if article else None)
        if exc.item == item and exc.record_id == record_id:
            return exc
        return InputError(message_of(exc), item, record_id=record_id)
    return article
