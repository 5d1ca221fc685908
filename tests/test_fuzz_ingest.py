"""Hostile input for ingestion: every item becomes an Article or an InputError, quickly.

Bounded by default (``DATELINE_FUZZ_INGEST`` examples per property, 200 unless set);
``python benchmarks/fuzz.py`` runs the long version. ``DATELINE_FUZZ_REPORT=FILE`` appends
how many inputs each property tried, as JSON lines.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import iter_articles
from dateline.ingest.sources import read_content
from dateline.limits import time_limit
from dateline.model import Article
from dateline.settings import Settings

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_INGEST", "200"))
PER_ITEM_S = 30.0  # an input taking longer than this counts as a hang
SETTINGS = Settings.load(max_chars=20_000)
TRIED: Counter[str] = Counter()
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="DATELINE_FUZZ_SEED" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
KINDS = [None, "text", "html", "jsonl", "json", "csv", "tsv", "warc"]
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "shift_jis", "koi8-r", "gb18030"]
#: Zero-width, bidi controls, BOM, combining marks, NBSP and friends.
TRICKY = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u0301\u0338\u00a0\u3000\u2028\u2029\x85"
WORDS = ["Ruritania", "minister", "signed", "an", "accord", "with", "Freedonia", "troops", "said",
         "police", "arrested", "protesters", "the", "on", "Monday", "—", "«", "»", "\u05e9\u05dc\u05d5\u05dd",
         "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u56fd", "ACME Corp.", "U.N.", "\"", "'", "&amp;"]  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    out = os.environ.get("DATELINE_FUZZ_REPORT")
    if out:
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"module": "ingest", "tried": dict(TRIED)}) + "\n")


def ingest(data: bytes, kind: str | None, settings_: Settings = SETTINGS) -> list:
    """Every outcome of one input, under a hang guard; checks each outcome's shape."""
    started = time.monotonic()
    with time_limit(PER_ITEM_S, "fuzz input"):
        outcomes = list(read_content(data, "fuzz", kind, settings_, None))
    assert time.monotonic() - started < PER_ITEM_S
    for item in outcomes:
        assert isinstance(item, Article | InputError), type(item)
        if isinstance(item, Article):
            assert item.text.strip(), "an Article with no text"
            assert len(item.text) <= settings_.max_chars
            assert re.fullmatch(r"[0-9a-f]{16}", item.id) or item.id
        else:
            assert str(item), "an InputError without a message"
    return outcomes


def words(min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[str]:
    """Sentence-like text with tricky characters mixed in."""
    token = st.one_of(st.sampled_from(WORDS), st.text(alphabet=TRICKY, min_size=1, max_size=3),
                      st.text(max_size=8))  # fmt: skip
    sep = st.sampled_from([" ", " ", " ", "\n", ". ", "\r\n", "\t", "\u200b", ""])
    return st.lists(st.tuples(token, sep), min_size=min_size, max_size=max_size).map(
        lambda parts: "".join(a + b for a, b in parts)
    )


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(KINDS))
def test_random_bytes(data, kind):
    TRIED["bytes"] += 1
    ingest(data, kind)


@FUZZ
@given(words(), st.sampled_from(ENCODINGS), st.sampled_from(KINDS))
def test_text_in_any_encoding(text, encoding, kind):
    TRIED["encoded text"] += 1
    ingest(text.encode(encoding, errors="replace"), kind)


@FUZZ
@given(st.lists(st.tuples(words(max_size=12), st.sampled_from(ENCODINGS)), max_size=6),
       st.binary(max_size=16), st.sampled_from([None, "text", "jsonl", "csv"]))  # fmt: skip
def test_mixed_encodings_and_invalid_utf8(pieces, junk, kind):
    TRIED["mixed encodings"] += 1
    data = b"".join(t.encode(e, errors="replace") for t, e in pieces)
    ingest(data[: len(data) // 2] + junk + data[len(data) // 2 :], kind)


@FUZZ
@given(st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2003\u3000\ufeff\u2028\u2029\x85",
               max_size=200), st.sampled_from(KINDS))  # fmt: skip
def test_empty_and_whitespace_only(text, kind):
    TRIED["whitespace"] += 1
    outcomes = ingest(text.encode("utf-8"), kind)
    assert not any(isinstance(o, Article) for o in outcomes)


@pytest.mark.parametrize("kind", [None, "text"])
def test_zero_width_only_documents_are_empty(kind):
    outcomes = ingest(" \u200b\u200c\n\u2060 ".encode(), kind)
    assert not any(isinstance(o, Article) for o in outcomes)


@FUZZ
@given(st.integers(1_000, 150_000), st.sampled_from(["word ", "x", "Ruritania signed. ", "\u200b",
                                                      "\u202eabc ", "é"]), st.sampled_from(KINDS))  # fmt: skip
def test_enormous_single_lines(size, unit, kind):
    TRIED["long lines"] += 1
    line = (unit * (size // len(unit) + 1))[:size]
    roomy = SETTINGS.with_(max_chars=100_000)
    outcomes = ingest(line.encode("utf-8"), kind, roomy)
    if kind in (None, "text") and len(line.strip()) > roomy.max_chars:
        assert all(isinstance(o, InputError) and "max_chars" in str(o) for o in outcomes)


TAGS = ["div", "p", "span", "article", "table", "tr", "td", "b", "i", "script", "style", "a",
        "ul", "li", "iframe", "svg", "math", "template", "noscript", "<!--", "![CDATA["]  # fmt: skip


@st.composite
def broken_html(draw) -> str:
    depth = draw(st.integers(0, 3000))
    tag = draw(st.sampled_from(TAGS))
    soup = draw(
        st.lists(
            st.one_of(
                st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
                st.sampled_from(
                    [
                        "<",
                        ">",
                        "&",
                        "&#0;",
                        "&#xD800;",
                        "&nbsp",
                        "<p <p>",
                        "\x00",
                        '<a href="javascript:alert(1)">',
                        "<meta charset=koi8-r>",
                        "<?xml version='1.0' encoding='utf-32'?>",
                    ]
                ),  # fmt: skip
                words(max_size=10),
            ),
            max_size=40,
        )
    )
    closed = draw(st.booleans())
    body = f"<{tag}>" * depth + "".join(soup) + (f"</{tag}>" * depth if closed else "")
    return f"<!doctype html><html><head><title>{''.join(soup[:3])}</title></head><body>{body}"


@FUZZ
@given(broken_html(), st.sampled_from(["html", None, "text", "jsonl"]))
def test_deeply_nested_and_broken_html(html, kind):
    TRIED["html"] += 1
    if kind == "jsonl":
        ingest((json.dumps({"text": html, "title": html[:50]}) + "\n").encode(), kind)
    else:
        ingest(html.encode("utf-8", errors="replace"), kind)


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "date", "url", "author",
                                                "authors", ""]),
                                st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                                          words(max_size=20), st.lists(st.integers(), max_size=3),
                                          st.dictionaries(st.text(max_size=3), st.integers(),
                                                          max_size=2)),
                                max_size=6), max_size=5))  # fmt: skip
def test_records_with_any_field_types(records):
    TRIED["records"] += 1
    jsonl = "\n".join(json.dumps(r) for r in records).encode()
    ingest(jsonl, "jsonl")
    ingest(json.dumps(records).encode(), "json")
    lines = [",".join(f'"{str(v)}"' for v in r.values()) for r in records]
    ingest(("id,text,date\n" + "\n".join(lines)).encode(), "csv")


# --- fixed cases -----------------------------------------------------------------------------

#: Our own non-English paragraphs (about 300 characters each, so the language check judges them).
NON_ENGLISH = {
    "fr": "Le ministre des affaires étrangères a rencontré hier son homologue pour discuter de la "
    "crise. Les deux gouvernements ont promis de poursuivre le dialogue et de renforcer la "
    "coopération économique entre leurs pays. La réunion s'est tenue dans la capitale, où des "
    "manifestants s'étaient rassemblés devant le parlement pour réclamer des réformes.",
    "de": "Der Außenminister traf sich gestern mit seinem Amtskollegen, um über die Krise zu "
    "sprechen. Beide Regierungen versprachen, den Dialog fortzusetzen und die wirtschaftliche "
    "Zusammenarbeit zwischen ihren Ländern zu stärken. Das Treffen fand in der Hauptstadt statt, "
    "wo sich Demonstranten vor dem Parlament versammelt hatten, um Reformen zu fordern.",
    "es": "El ministro de asuntos exteriores se reunió ayer con su homólogo para hablar de la "
    "crisis. Ambos gobiernos prometieron continuar el diálogo y reforzar la cooperación "
    "económica entre sus países. La reunión tuvo lugar en la capital, donde los manifestantes "
    "se habían concentrado frente al parlamento para exigir reformas políticas.",
    "ru": "Министр иностранных дел вчера встретился со своим коллегой, чтобы обсудить кризис. "
    "Оба правительства пообещали продолжить диалог и укрепить экономическое сотрудничество "
    "между своими странами. Встреча прошла в столице, где у здания парламента собрались "
    "демонстранты, требовавшие реформ и отставки правительства страны.",
}


@pytest.mark.parametrize("lang", sorted(NON_ENGLISH))
def test_non_english_is_skipped_with_a_reason(lang, tmp_path):
    path = tmp_path / f"{lang}.txt"
    path.write_text(NON_ENGLISH[lang], encoding="utf-8")
    (item,) = list(iter_articles([path], Settings.load()))
    assert isinstance(item, InputError)
    assert "not English" in str(item) and repr(lang) in str(item)
    kept = list(iter_articles([path], Settings.load(skip_non_english=False)))
    assert isinstance(kept[0], Article)


def test_size_limit_is_an_error_naming_the_setting(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Ruritania signed an accord. " * 2000, encoding="utf-8")
    (item,) = list(iter_articles([path], Settings.load(max_chars=10_000)))
    assert isinstance(item, InputError) and "max_chars" in str(item)
    (ok,) = list(iter_articles([path], Settings.load(max_chars=100_000)))
    assert isinstance(ok, Article)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
        ("nul.txt", b"Ruritania\x00signed\x00"),
        ("bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>"),
        ("bad.jsonl", b'{"text": "unterminated\n{"id": 1}\n[1, 2]\n'),
        ("bad.gz", b"\x1f\x8b\x08\x00garbage"),
        ("empty.txt", b""),
    ],
)
def test_broken_files_are_input_errors(tmp_path: Path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_articles([path], SETTINGS))
    assert items and all(isinstance(i, InputError) for i in items)
    assert all(str(path) in str(i) for i in items)
