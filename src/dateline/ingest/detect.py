"""What an input is: binary or text, which encoding, which format, which language."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache

from dateline.errors import InputError
from dateline.ingest.jsonparse import JsonTooDeep, parse_json
from dateline.model import Article
from dateline.settings import Settings

logger = logging.getLogger(__name__)

SUPPORTED = "Dateline reads text, HTML, JSONL, CSV and WARC"
SAMPLE_BYTES = 8192
MAX_CONTROL_SHARE = 0.05
#: Shortest text the language check judges; shorter ones always pass.
MIN_LANGUAGE_CHARS = 200
MIN_LANGUAGE_CONFIDENCE = 0.9
LANGUAGE_SAMPLE_CHARS = 4000

#: Magic numbers of common binary formats, to name them in the error.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive, e.g. DOCX/XLSX"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"PAR1", "Parquet file"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x7fELF", "executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F})
#: When charset_normalizer ties, prefer the encodings news text is usually in.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|p|div|span|br|h[1-6]|title|meta)\b", re.I
)


def decode_bytes(data: bytes, item: str) -> str:
    """Decode ``data`` (UTF-8 first, BOMs honoured, then charset_normalizer); binaries raise.

    A UTF-8 text with a few invalid bytes stays UTF-8, the bad bytes replaced by U+FFFD (a
    warning names the first one): guessing another encoding for the whole file would turn
    every accented letter and curly quote into mojibake.
    """
    return decode_report(data, item)[0]


def decode_report(data: bytes, item: str) -> tuple[str, bool]:
    """The text of ``data`` and whether it is UTF-8 with invalid bytes (see :func:`bad_lines`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), False
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} text ({exc.reason})", item) from exc
    utf16 = _utf16_without_bom(data[:SAMPLE_BYTES])
    if utf16:
        try:
            return data.decode(utf16), False
        except UnicodeDecodeError:
            pass
    kind = binary_kind(data)
    if kind:
        raise InputError(f"looks like a binary file ({kind}); {SUPPORTED}", item)
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    damaged = data.decode("utf-8", errors="replace")
    if len(_VALID_NON_ASCII.findall(damaged)) >= damaged.count("\ufffd"):
        logger.warning(
            "%s: invalid UTF-8 at byte offset %d; the bad bytes are replaced by U+FFFD",
            item, first_bad,
        )  # fmt: skip
        return damaged, True
    import charset_normalizer

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(
            "cannot tell the text encoding; save the file as UTF-8 and try again", item
        )
    encoding = best.encoding
    for match in results:
        if (
            match.encoding in _PREFERRED
            and match.chaos == best.chaos
            and match.coherence == best.coherence
        ):
            encoding = match.encoding
            break
    return data.decode(encoding, errors="replace"), False


def bad_lines(data: bytes, item: str, first_line: int = 1, first_offset: int = 0) -> dict[int, str]:
    """Line number -> why that line of a UTF-8 file is not valid UTF-8 (with its byte offset).

    Lines end at ``\\n``, as JSONL lines and CSV rows count them, so a record reader can
    report or skip exactly the records holding a bad line while the rest decodes as UTF-8.
    """
    bad: dict[int, str] = {}
    offset = first_offset
    for number, line in enumerate(data.split(b"\n"), start=first_line):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad[number] = (
                f"line {number} is not valid UTF-8 (byte 0x{line[exc.start]:02x} at byte offset "
                f"{offset + exc.start:,}: {exc.reason}) while the rest of the file is UTF-8; "
                "fix or re-encode that line"
            )
        offset += len(line) + 1
    return bad


#: Characters that render as nothing but are not in a "format", "control" or "separator"
#: Unicode category: Hangul fillers, the blank Braille pattern, the combining grapheme joiner,
#: the Mongolian vowel separator.
_BLANK_LOOKALIKES = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u180e")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})


def has_visible_text(text: str) -> bool:
    """True when ``text`` holds at least one character a reader can see."""
    return any(
        not (c in _BLANK_LOOKALIKES or unicodedata.category(c) in _INVISIBLE_CATEGORIES)
        for c in text
    )


def check_no_nul(data: bytes | str, item: str | None) -> None:
    """Raise InputError when ``data`` holds a NUL byte anywhere (text never does)."""
    at = data.find(b"\x00" if isinstance(data, bytes) else "\x00")
    if at >= 0:
        raise InputError(
            f"contains a NUL byte (offset {at:,}); text files never do: is it binary or "
            "a damaged file?",
            item,
        )


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` looks binary (a format name or a reason), or None for text."""
    for magic, name in SIGNATURES:
        if data.startswith(magic):
            return name
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return None
    if b"\x00" in sample:
        return "it contains NUL bytes"
    share = sum(1 for b in sample if b in _CONTROL) / len(sample)
    if share > MAX_CONTROL_SHARE:
        return f"{share:.0%} control characters"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL (ASCII-heavy UTF-16), else None."""
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts with a tag and holds HTML elements."""
    head = text.lstrip()[:2000]
    return head.startswith("<") and bool(_HTML_TAG.search(head))


def sniff_format(text: str) -> str:
    """Guess ``html``, ``jsonl``, ``json`` or ``text`` from decoded content."""
    if looks_like_html(text):
        return "html"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(line.startswith("{") for line in lines) and lines[-1].endswith("}"):
        return "jsonl"
    stripped = text.strip()
    if stripped[:1] == "[":
        try:
            parse_json(stripped)
        except JsonTooDeep:
            return "json"  # the JSON reader names the problem
        except ValueError:
            return "text"
        return "json"
    return "text"


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence (0-1) of ``text``'s language, from py3langid."""
    code, confidence = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(code), float(confidence)


def check_article(article: Article, settings: Settings, item: str | None = None) -> None:
    """Raise InputError when ``article`` breaks the size limit, holds a NUL byte, has no
    visible character, or is clearly not English."""
    check_size(article.text, settings, item)
    check_no_nul(article.text, item)
    if not has_visible_text(article.text):
        raise InputError(
            "no visible text (only spaces and invisible characters such as zero-width "
            "spaces, bidi controls, Hangul fillers or blank Braille); check the input",
            item,
        )
    if not settings.skip_non_english or len(article.text) < MIN_LANGUAGE_CHARS:
        return
    code, confidence = detect_language(article.text)
    if code != "en" and confidence >= MIN_LANGUAGE_CONFIDENCE:
        raise InputError(
            f"not English (detected {code!r}, confidence {confidence:.2f}); Dateline codes "
            "English news: translate it first, or keep it with skip_non_english=False "
            "(DATELINE_SKIP_NON_ENGLISH=0)",
            item,
        )


#: Raw HTML may be this many times longer than ``max_chars`` (markup is not text).
HTML_SIZE_FACTOR = 10


def check_size(
    text: str, settings: Settings, item: str | None = None, *, html: bool = False
) -> None:
    """Raise InputError when ``text`` is longer than ``settings.max_chars`` (x10 for HTML)."""
    limit = settings.max_chars * (HTML_SIZE_FACTOR if html else 1)
    if len(text) > limit:
        what = f"{HTML_SIZE_FACTOR} x max_chars" if html else "max_chars"
        raise InputError(
            f"too long: {len(text):,} characters, more than {what} "
            f"(max_chars={settings.max_chars:,}); "
            "split the document or raise the limit (DATELINE_MAX_CHARS or "
            "Settings(max_chars=...))",
            item,
        )
