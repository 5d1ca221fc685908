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


def iter_warc(stream: BinaryIO, name: str) -> Iterator[WarcPage | InputError]:
    """The HTML ``response`` records of a WARC/ARC stream (gzipped or not), in order.

    Other records (requests, metadata, images, PDFs, error pages) are skipped; a file warcio
    cannot read gives one InputError and ends the iteration.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = pages = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or not content_type.startswith(HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            pages += 1
            yield WarcPage(
                item=f"{name} record {number} ({url})" if url else f"{name} record {number}",
                url=url,
                captured=parse_date(record.rec_headers.get_header("WARC-Date")),
                html=record.content_stream().read(),
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
