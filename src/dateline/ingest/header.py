"""Title, byline and date lines at the top of a text, and page boilerplate at its end."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from dateline.datafiles import data_file, load_mapping
from dateline.errors import DataFileError
from dateline.ingest.dates import DATE, parse_date

BOILERPLATE_FILE = "boilerplate.yaml"
MAX_TITLE_CHARS = 160
MAX_TITLE_WORDS = 25
MAX_BYLINE_CHARS = 200

_SENTENCE_END = re.compile(r"[.,;:]['\"’”)\]]*$")
_BODY_END = re.compile(r"[.!?]['\"’”)\]]*$")
_BY = re.compile(r"^by:?\s+(?P<rest>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|[A-Z]\.)$")
_SEPARATOR = r"\s*(?:[|,·•–—-]\s*)?"


@dataclass(frozen=True)
class Boilerplate:
    """The rule tables of ``data/boilerplate.yaml``, compiled."""

    max_line_chars: int
    tail: tuple[re.Pattern[str], ...]
    date_line: re.Pattern[str]
    byline_date: re.Pattern[str]
    particles: frozenset[str]


@dataclass
class Header:
    """What the top of a text said about itself, and where its body starts."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    published: date | None = None
    body_start: int = 0  # index into the text's lines


@cache
def boilerplate() -> Boilerplate:
    """Load and compile ``data/boilerplate.yaml`` once."""
    path = data_file(BOILERPLATE_FILE)
    data = load_mapping(path, required={"tail_patterns": list})
    tail = []
    for row, pattern in enumerate(data["tail_patterns"], start=1):
        try:
            tail.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(
                f"tail pattern {row} {pattern!r} is not a regular expression ({exc})", str(path)
            ) from exc
    prefixes = "|".join(re.escape(str(p)) for p in data.get("date_prefixes") or ())
    prefix = rf"(?:(?:{prefixes})(?:\s+on)?:?\s+)?" if prefixes else ""
    return Boilerplate(
        max_line_chars=int(data.get("max_line_chars", 160)),
        tail=tuple(tail),
        date_line=re.compile(rf"^{prefix}(?P<date>{DATE})\.?$", re.IGNORECASE),
        byline_date=re.compile(rf"{_SEPARATOR}{prefix}(?P<date>{DATE})\.?$", re.IGNORECASE),
        particles=frozenset(str(p).lower() for p in data.get("name_particles") or ()),
    )


def strip_tail(lines: list[str]) -> list[str]:
    """``lines`` without the block of boilerplate lines (and blank lines) at the end."""
    rules = boilerplate()
    end = len(lines)
    while end > 0:
        line = lines[end - 1].strip()
        if line and not (
            len(line) <= rules.max_line_chars and any(p.fullmatch(line) for p in rules.tail)
        ):
            break
        end -= 1
    return lines[:end]


def detect_header(lines: list[str]) -> Header:
    """Find a title line, then up to two byline/date lines, at the top of ``lines``."""
    header = Header()
    first = _next_line(lines, 0)
    if first is None:
        return header
    position = first
    candidate = lines[first].strip()
    if not _parse_meta(candidate, Header()):
        following = _next_line(lines, first + 1)
        if following is None or not _is_title(candidate, lines, first, following):
            return header
        header.title = candidate
        position = following
    for _ in range(2):
        if position is None or not _parse_meta(lines[position].strip(), header):
            break
        position = _next_line(lines, position + 1)
    header.body_start = len(lines) if position is None else position
    return header


def _next_line(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _is_title(candidate: str, lines: list[str], index: int, following: int) -> bool:
    if len(candidate) > MAX_TITLE_CHARS or len(candidate.split()) > MAX_TITLE_WORDS:
        return False
    if _SENTENCE_END.search(candidate):
        return False
    nxt = lines[following].strip()
    if following > index + 1 or _parse_meta(nxt, Header()):
        return True  # a blank line or a byline follows: a heading
    # No blank line: only when the next line is clearly a paragraph, not a wrapped sentence.
    return (
        (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"'“‘")
        and len(nxt) >= 1.5 * len(candidate)
        and bool(_BODY_END.search(nxt))
    )


def _parse_meta(line: str, header: Header) -> bool:
    """Fill ``header`` from a byline or date-only line; False when ``line`` is neither."""
    if not line or len(line) > MAX_BYLINE_CHARS:
        return False
    rules = boilerplate()
    match = rules.date_line.match(line)
    if match:
        return _set_date(header, match.group("date"))
    match = _BY.match(line)
    if not match or not line[0].isupper():
        return False
    rest = match.group("rest")
    found = rules.byline_date.search(rest)
    names_part = rest[: found.start()] if found else rest
    names_part = names_part.strip().rstrip("|,·•–—-").strip()
    names = [n for n in _NAME_SPLIT.split(names_part) if n]
    if not names or not all(_is_name(n, rules.particles) for n in names):
        return False
    for name in names:
        if len(name.split()) == 1:
            header.agency = header.agency or name  # "By Jane Doe, Reuters"
        else:
            header.authors.append(name)
    if found:
        _set_date(header, found.group("date"))
    return True


def _is_name(name: str, particles: frozenset[str]) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    if not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[-1]):
        return False
    return all(_NAME_WORD.match(w) or w.lower() in particles for w in words)


def _set_date(header: Header, text: str) -> bool:
    parsed = parse_date(text)
    if parsed is not None and header.published is None:
        header.published = parsed
    return True
