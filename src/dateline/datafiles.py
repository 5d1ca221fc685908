"""Reading data files, shipped (``dateline/data``) or the user's own: one reader for YAML and one
for CSV, each turning every problem into a :class:`DataFileError` that names the file and row.

Every module that reads a lexicon, an ontology table or actor knowledge goes through here, so a
broken file reads the same way wherever it is found.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import DataFileError

try:  # the C loader is 5-10x faster; fall back when PyYAML was built without libyaml
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _YamlLoader = yaml.SafeLoader

#: The data files shipped in the package.
DATA_DIR = Path(__file__).resolve().parent / "data"

_KIND_NAMES = {list: "list", dict: "mapping", str: "string"}


def data_file(name: str) -> Path:
    """The path of a shipped data file: ``data_file("plover.yaml")``."""
    return DATA_DIR / name


def load_yaml(path: Path) -> Any:
    """The parsed YAML document of ``path`` (None for an empty file)."""
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YamlLoader)
    except FileNotFoundError:
        raise DataFileError(
            "no such file; check the path (a shipped file: reinstall dateline)", str(path)
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(f"bad YAML: {problem}", str(path), row) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"not UTF-8 ({exc.reason}); re-save the file as UTF-8", str(path)
        ) from None


def load_mapping(path: Path, required: dict[str, type] | None = None) -> dict[str, Any]:
    """A YAML file whose top level is a mapping ({} when empty), with ``required`` keys of the
    given types (``{"tail_patterns": list}``)."""
    data = load_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataFileError(
            f"expected a mapping at the top, not a {type(data).__name__}", str(path)
        )
    for key, kind in (required or {}).items():
        if not isinstance(data.get(key), kind):
            raise DataFileError(
                f"'{key}' must be a {_KIND_NAMES.get(kind, kind.__name__)}", str(path)
            )
    return data


def read_csv(path: Path, delimiter: str = ",") -> list[tuple[int, dict[str, Any]]]:
    """``(line number, row)`` pairs keyed by the header, values stripped; ``#`` comment lines and
    blank lines are skipped, a row with more cells than the header is an error."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            numbered = [
                (i, line)
                for i, line in enumerate(fh, start=1)
                if line.strip() and not line.lstrip().startswith("#")
            ]
    except FileNotFoundError:
        raise DataFileError(
            "no such file; check the path (a shipped file: reinstall dateline)", str(path)
        ) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"not UTF-8 ({exc.reason}); re-save the file as UTF-8", str(path)
        ) from None
    if not numbered:
        raise DataFileError("empty file; expected a header row", str(path))
    reader = csv.reader((line for _, line in numbered), delimiter=delimiter)
    out: list[tuple[int, dict[str, Any]]] = []
    try:
        header = [h.strip() for h in next(reader)]
        for cells in reader:
            lineno = numbered[reader.line_num - 1][0]
            if len(cells) > len(header):
                raise DataFileError(
                    f"{len(cells)} cells but {len(header)} header columns (an unquoted comma?)",
                    str(path),
                    lineno,
                )
            out.append(
                (lineno, {k: (v or "").strip() for k, v in zip(header, cells, strict=False) if k})
            )
    except csv.Error as exc:
        raise DataFileError(
            f"bad CSV: {exc}", str(path), numbered[min(reader.line_num, len(numbered)) - 1][0]
        ) from None
    return out
