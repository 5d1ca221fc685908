"""What an input is: binary or text, which encoding, which format, which language."""

from __future__ import annotations

import json
import re
from functools import cache

from dateline.errors import InputError
from dateline.model import Article
from dateline.settings import Settings

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
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|p|div|span|br|h[1-6]|title|meta)\b", re.I
)


def decode_bytes(data: bytes, item: str) -> str:
    """Decode ``data`` (UTF-8 first, BOMs honoured, then charset_normalizer); binaries raise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding} text ({exc.reason})", item) from exc
    utf16 = _utf16_without_bom(data[:SAMPLE_BYTES])
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    kind = binary_kind(data)
    if kind:
        raise InputError(f"looks like a binary file ({kind}); {SUPPORTED}", item)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
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
    return data.decode(encoding, errors="replace")


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
            json.loads(stripped)
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
    """Raise InputError when ``article`` breaks the size limit or is clearly not English."""
    check_size(article.text, settings, item)
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
