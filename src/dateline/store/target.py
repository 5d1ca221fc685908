"""Where an export may write, and writing it atomically.

An export is written to a hidden temporary path beside its target and renamed into place only
when it is complete, so a killed export never leaves a truncated file and never removes the
previous export first. Targets that would destroy something are refused before anything is
written: the store itself (and its WAL), a folder holding the store, any DuckDB file, and an
existing non-empty target unless ``overwrite`` is given (then only the export's own files are
replaced: a Parquet folder holding anything but ``month=*`` partitions is still refused).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dateline.errors import StoreError

DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file


def _is_duckdb_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(12)[8:12] == DUCKDB_MAGIC
    except OSError:
        return False


def _foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that a Parquet export does not write (``month=*/*.parquet``)."""
    foreign = []
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and not entry.is_symlink() and entry.name.startswith("month="):
            foreign += [
                f"{entry.name}/{p.name}"
                for p in sorted(entry.iterdir())
                if not (p.is_file() and p.suffix == ".parquet")
            ]
        else:
            foreign.append(entry.name + ("/" if entry.is_dir() else ""))
    return foreign


def check_target(out: Path, store_path: str | None, directory: bool, overwrite: bool) -> None:
    """Raise :class:`StoreError` when writing an export to ``out`` could destroy anything."""
    target = out.resolve()
    if store_path and store_path != ":memory:":
        store = Path(store_path).resolve()
        if target in (store, store.with_name(store.name + ".wal")):
            raise StoreError(f"{out} is the store itself; give the export another name")
        if target in store.parents:
            raise StoreError(
                f"{out} is the folder holding the store {store_path}; "
                "give the export a new file or folder name"
            )
    if directory:
        if out.exists() and not out.is_dir():
            raise StoreError(f"{out} is a file; a Parquet export writes a folder (one per month)")
        if not out.is_dir() or not any(out.iterdir()):
            return
        foreign = _foreign_entries(out)
        if foreign:
            shown = ", ".join(foreign[:5]) + (
                f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
            )
            raise StoreError(
                f"{out} is a folder holding files that are not a Parquet export ({shown}); "
                "nothing was written; give a new or empty folder"
            )
        if not overwrite:
            raise StoreError(
                f"{out} already holds a Parquet export; add --overwrite to replace it "
                "(overwrite=True in Python)"
            )
        return
    if out.is_dir():
        raise StoreError(f"{out} is a folder; give a file name for this format")
    if out.exists() and _is_duckdb_file(out):
        raise StoreError(f"{out} is a DuckDB database; an export never replaces one")
    if out.exists() and out.stat().st_size > 0 and not overwrite:
        raise StoreError(
            f"{out} already exists; add --overwrite to replace it (overwrite=True in Python)"
        )


def _temporary_beside(out: Path) -> Path:
    return out.with_name(f".{out.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")


@contextmanager
def atomic_target(out: Path, directory: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; on success rename it onto ``out``.

    A file replaces the old one in one ``os.replace``; a folder swaps in with two renames (the
    old export is moved aside first and deleted only after the new one is in place). On an
    error the temporary path is removed and ``out`` is left as it was.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary_beside(out)
    if directory:
        tmp.mkdir()
    try:
        yield tmp
        if directory:
            old = None
            if out.exists():
                old = _temporary_beside(out)
                out.rename(old)
            tmp.rename(out)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
    except BaseException:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        raise
