"""Tell whether two event-model files hold the same model, array by array.

``dateline train`` writes a compressed ``.npz``; its bytes depend on zip timestamps, so two
rebuilds of the same model need not be byte-identical files. This compares what the coder
reads: every array, by name, and prints a SHA-256 digest of each file's arrays (names sorted,
each name followed by its dtype and bytes) so a rebuild can be checked against the shipped file::

    dateline train --data ../shared/train --out /tmp/m.npz
    python scripts/model_digest.py /tmp/m.npz src/dateline/data/event_model.npz

Exit status 0 when every file given holds the same arrays as the first, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np


def arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def digest(named: dict[str, np.ndarray]) -> str:
    """SHA-256 of the arrays, independent of the zip container's timestamps and order."""
    sha = hashlib.sha256()
    for name in sorted(named):
        array = np.ascontiguousarray(named[name])
        sha.update(name.encode("utf-8"))
        sha.update(array.dtype.str.encode("ascii"))
        sha.update(array.tobytes())
    return sha.hexdigest()


def differences(first: dict[str, np.ndarray], other: dict[str, np.ndarray]) -> list[str]:
    """Names of the arrays that are missing from one side or differ in shape or value."""
    out = []
    for name in sorted(set(first) | set(other)):
        if name not in first or name not in other:
            out.append(f"{name}: only in {'the first' if name in first else 'the other'} file")
        elif first[name].shape != other[name].shape:
            out.append(f"{name}: shape {first[name].shape} vs {other[name].shape}")
        elif not np.array_equal(first[name], other[name]):
            if first[name].dtype.kind in "fc":
                gap = float(np.max(np.abs(first[name].astype(float) - other[name].astype(float))))
                out.append(f"{name}: values differ (largest gap {gap:.3g})")
            else:
                out.append(f"{name}: values differ")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "files", nargs="+", type=Path, help="model files (.npz); the first is the reference"
    )
    args = parser.parse_args(argv)
    loaded = [arrays(path) for path in args.files]
    same = True
    for path, named in zip(args.files, loaded, strict=True):
        print(f"{digest(named)}  {path}")
    for path, named in zip(args.files[1:], loaded[1:], strict=True):
        diffs = differences(loaded[0], named)
        if diffs:
            same = False
            print(f"{path} differs from {args.files[0]}:")
            for line in diffs:
                print(f"  {line}")
    if len(loaded) > 1 and same:
        print("same arrays")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
