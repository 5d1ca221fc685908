"""Web archives (WARC, ARC): the HTML pages of their ``response`` records, and a tiny writer."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.ingest.dates import parse_date

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """One archived HTML response: where it came from, when, and its body."""

    item: str
    url: str | None
    captured: date | None
    html: bytes


def iter_warc(
    stream: BinaryIO, name: str, max_bytes: int | None = None
) -> Iterator[WarcPage | InputError]:
    """The HTML ``response`` records of a WARC/ARC stream (gzipped or not), in order.

    Other records (requests, metadata, images, PDFs, error pages) are skipped. Every record is
    checked: one shorter than its ``Content-Length`` (a cut-off download) or whose
    ``WARC-Block-Digest``/``WARC-Payload-Digest`` does not match is an InputError naming the
    file and the record, and so is a page over ``max_bytes``; a file warcio cannot read gives
    one InputError and ends the iteration.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = pages = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True, check_digests=True):
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            item = f"{name} record {number} ({url})" if url else f"{name} record {number}"
            if not _is_html_page(record):
                problem = _drain_and_check(record)
                if problem:
                    yield InputError(problem, item)
                continue
            pages += 1
            cap = max_bytes if max_bytes is not None else -1
            html = record.content_stream().read(cap + 1 if cap >= 0 else -1)
            if max_bytes is not None and len(html) > max_bytes:
                yield InputError(
                    f"page larger than max_input_bytes={max_bytes:,} bytes; raise the limit "
                    "(--max-input-bytes, DATELINE_MAX_INPUT_BYTES) to read it",
                    item,
                )
                _drain_and_check(record)
                continue
            problem = _drain_and_check(record)
            if problem:
                yield InputError(problem, item)
                continue
            yield WarcPage(
                item=item,
                url=url,
                captured=parse_date(record.rec_headers.get_header("WARC-Date")),
                html=html,
            )
    # warcio reports a cut-off or garbled archive in all of these ways
    except (ArchiveLoadFailed, AttributeError, ValueError, EOFError, OSError) as exc:
        reason = str(exc) if isinstance(exc, ArchiveLoadFailed) else "a record is cut off"
        yield InputError(
            f"not a readable WARC/ARC file after {number} records ({reason}); "
            "check that it is complete (a cut-off download?)",
            name,
        )
        return
    if not pages:
        yield InputError(
            f"no HTML pages among its {number} records; Dateline reads the text/html "
            "'response' records of a WARC",
            name,
        )


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def _drain_and_check(record) -> str | None:
    """Read the rest of ``record`` (discarding it) and say what is wrong with it, if anything:
    fewer bytes than its ``Content-Length``, or a digest that does not match."""
    content = record.content_stream()
    while content.read(1 << 20):
        pass
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return (
            f"record cut off: {missing:,} of its {record.length:,} bytes (Content-Length) are "
            "missing; the file is incomplete (a cut-off download?), nothing of it is stored"
        )
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return (
            f"record damaged: {'; '.join(checker.problems)} (WARC digest); nothing of it is stored"
        )
    return None


def gzip_members_complete(data: bytes) -> bool:
    """False when gzip ``data`` ends inside a member (a cut-off ``.warc.gz``); output is
    discarded, so this needs time but no memory."""
    import zlib

    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = rest
        try:
            while not inflater.eof:
                piece = inflater.decompress(pending, 1 << 20)
                pending = inflater.unconsumed_tail
                if not piece and not pending:
                    return False
        except zlib.error:
            return False
        rest = inflater.unused_data.lstrip(b"\x00")
    return True


def write_warc(
    path: str | Path,
    responses: Iterable[tuple[str, str | bytes, str]],
    warc_date: str = "2021-03-03T12:00:00Z",
) -> Path:
    """Write ``(url, body, content_type)`` responses as a WARC file (gzipped for ``.gz``).

    Meant for tests and examples: it lets a test build a small archive without the network.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = Path(path)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, body, content_type in responses:
            payload = body.encode("utf-8") if isinstance(body, str) else body
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
            writer.write_record(record)
    return path
