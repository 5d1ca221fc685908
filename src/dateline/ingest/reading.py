"""Bounded reading: bytes of a file, a gzip stream or stdin, never more than ``max_input_bytes``.

Inputs are read in chunks and decompressed in bounded steps, so ``/dev/zero``, an endless pipe
or a small gzip bomb stops at the cap with an InputError instead of filling the memory. The
same cap bounds one WARC record and one web request body (see docs/reliability.md).
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import BinaryIO

from dateline.errors import InputError
from dateline.settings import Settings

CHUNK_BYTES = 1 << 20


def too_big(settings: Settings, item: str, what: str = "input") -> InputError:
    return InputError(
        f"{what} larger than max_input_bytes={settings.max_input_bytes:,} bytes (an endless "
        "input such as /dev/zero, a compressed bomb, or a file to split); split it or raise "
        "the limit (--max-input-bytes, DATELINE_MAX_INPUT_BYTES)",
        item,
    )


def read_stream(stream: BinaryIO, settings: Settings, item: str) -> bytes:
    """At most ``max_input_bytes`` of ``stream``; an InputError when it holds more."""
    cap = settings.max_input_bytes
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        chunk = stream.read(min(CHUNK_BYTES, cap + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise too_big(settings, item)


def read_path(path: Path, settings: Settings) -> bytes:
    """The bytes of ``path`` (a file, a device, a pipe), bounded by ``max_input_bytes``."""
    with path.open("rb") as fh:
        return read_stream(fh, settings, str(path))


def gunzip(data: bytes, settings: Settings, item: str) -> bytes:
    """Decompress gzip ``data`` (several members too), stopping at ``max_input_bytes``."""
    cap = settings.max_input_bytes
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = rest
            while not inflater.eof:
                piece = inflater.decompress(pending, CHUNK_BYTES)
                pending = inflater.unconsumed_tail
                if not piece and not pending:
                    break  # the input ended inside the stream
                size += len(piece)
                if size > cap:
                    raise too_big(settings, item, "decompressed input")
                out.append(piece)
            if not inflater.eof:
                raise InputError("not a readable gzip file (it is cut off)", item)
            rest = inflater.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise InputError(f"not a readable gzip file ({exc})", item) from None
    return b"".join(out)
