"""JSON parsing with a nesting limit: a record nested 1,000 levels deep is an input error,
not a RecursionError that ends the run (and every re-run) on the same file."""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

#: Deepest nesting of arrays and objects a JSON record may have; news records need a handful,
#: and Python's parser dies with a RecursionError near 1,000.
MAX_JSON_DEPTH = 100
_STRINGS_AND_TEXT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+')


class JsonTooDeep(ValueError):
    """A JSON value nested deeper than :data:`MAX_JSON_DEPTH`."""


def json_depth(text: str) -> int:
    """How deep arrays and objects nest in JSON ``text`` (brackets inside strings ignored)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return min(MAX_JSON_DEPTH, text.count("[") + text.count("{"))
    brackets = _STRINGS_AND_TEXT.sub("", text)
    steps = (1 if c in "[{" else -1 if c in "]}" else 0 for c in brackets)
    return max(accumulate(steps), default=0)


def parse_json(text: str) -> Any:
    """``json.loads`` that refuses nesting deeper than :data:`MAX_JSON_DEPTH` (JsonTooDeep)."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise JsonTooDeep(
            f"JSON nested {depth} levels deep, more than {MAX_JSON_DEPTH}; "
            "a news record needs only a few levels"
        )
    try:
        return json.loads(text)
    except RecursionError:
        raise JsonTooDeep(f"JSON nested too deeply (more than {MAX_JSON_DEPTH} levels)") from None
