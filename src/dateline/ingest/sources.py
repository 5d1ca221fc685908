"""Walk the inputs (files, directories, stdin) and yield Articles, or an InputError per bad item."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest.corpora import article_from_record, iter_csv, iter_json, iter_jsonl, message_of
from dateline.ingest.detect import check_article, check_size, decode_bytes, sniff_format
from dateline.ingest.html import article_from_html
from dateline.ingest.text import article_from_text
from dateline.ingest.warc import iter_warc
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
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
            yield from read_content(data, "stdin", None, settings, published)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in walk(path):
                yield from read_file(file, settings, published)
        elif path.exists():
            yield from read_file(path, settings, published)
        else:
            yield InputError("no such file or directory; check the path", str(path))


def walk(directory: Path) -> list[Path]:
    """Every non-hidden file under ``directory``, sorted."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def file_format(path: Path) -> str | None:
    """The format a file name promises, or None when the content must tell."""
    name = path.name.lower()
    for ending in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(ending):
            return EXTENSIONS[ending]
    return None


def read_file(path: Path, settings: Settings, published: date | None = None) -> Iterator[Outcome]:
    """The articles (or errors) of one file."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read it ({exc.strerror}); check its permissions", name)
        return
    kind = file_format(path)
    if kind is None and path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(f"not a readable gzip file ({exc})", name)
            return
        kind = file_format(path.with_suffix(""))
    yield from read_content(data, name, kind, settings, published)


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
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    if kind is None:
        kind = sniff_format(text)
    if kind in RECORD_READERS:
        for item, record in RECORD_READERS[kind](text, name):
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
    for page in iter_warc(io.BytesIO(data), name):
        if isinstance(page, InputError):
            yield page
            continue
        yield _guard(
            page.item,
            settings,
            lambda p=page: _dated(
                article_from_html(p.html, origin=p.url or p.item, url=p.url),
                p.captured or published,
            ),
        )


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
        article = build()
        check_article(article, settings, item)
    except InputError as exc:
        record_id = exc.record_id or (article.record_id if article else None)
        if exc.item == item and exc.record_id == record_id:
            return exc
        return InputError(message_of(exc), item, record_id=record_id)
    return article
