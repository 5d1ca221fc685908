"""iter_articles over every input format, and the bad items it yields instead of raising."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date

import pytest

from dateline.errors import InputError
from dateline.ingest import (
    article_from_html,
    decode_bytes,
    detect_language,
    iter_articles,
    make_id,
)
from dateline.model import Article
from dateline.settings import Settings

SETTINGS = Settings()
ENGLISH = (
    "The interior ministry of Arlen said on Monday that police had arrested twelve people "
    "after clashes near the parliament building in the capital. Opposition leaders called "
    "the arrests an attack on the right to protest and demanded their release."
)
GERMAN = (
    "Das Innenministerium teilte am Montag mit, die Polizei habe nach Zusammenstößen in der "
    "Nähe des Parlamentsgebäudes in der Hauptstadt zwölf Menschen festgenommen. Die "
    "Oppositionsführer nannten die Festnahmen einen Angriff auf das Demonstrationsrecht."
)


def run(*inputs, settings=SETTINGS, published=None):
    return list(iter_articles([str(i) for i in inputs], settings, published=published))


def articles(outcomes):
    return [o for o in outcomes if isinstance(o, Article)]


def errors(outcomes):
    return [o for o in outcomes if isinstance(o, InputError)]


def test_text_file(data_dir):
    path = data_dir / "ingest" / "harbour-talks.txt"
    [article] = run(path)
    assert isinstance(article, Article)
    assert article.origin == str(path)
    assert article.title == "Coastal States Reopen Talks on Harbour Dispute"
    assert article.published == date(2021, 3, 3)


def test_html_file(data_dir):
    path = data_dir / "ingest" / "harbour-page.html"
    [article] = run(path)
    assert isinstance(article, Article)
    assert article.title == "Ministers sign fishing accord"
    assert article.authors == ["Tomas Reyes"]
    assert article.published == date(2021, 5, 14)
    assert article.source == "The Harbour Ledger"
    assert article.text.startswith("The fisheries ministers of Arlen and Besmar")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.id == make_id(article.text)


def test_html_bytes_with_declared_charset():
    html = (
        "<html><head><meta charset='iso-8859-1'><title>Caf\u00e9 talks</title></head><body>"
        "<article><p>The ministers met at the Caf\u00e9 Central in Z\u00fcrich on Monday and "
        "agreed to resume talks on the disputed border next month.</p></article></body></html>"
    ).encode("latin-1")
    article = article_from_html(html, origin="cafe.html", published="2020-02-02")
    assert "Caf\u00e9 Central in Z\u00fcrich" in article.text
    assert article.published == date(2020, 2, 2)


@pytest.mark.parametrize(
    "html",
    ["<html><body><div></div></body></html>", "<<<>>>", "<html", "<p><b><i>", b"<html>\xff\xfe"],
)
def test_broken_html_is_an_input_error(html):
    with pytest.raises(InputError) as info:
        article_from_html(html, origin="broken.html")
    assert info.value.item == "broken.html"
    assert "no article text" in str(info.value) or "empty" in str(info.value)


def test_jsonl_bad_lines_are_yielded_and_good_lines_come_through(data_dir):
    path = data_dir / "ingest" / "records.jsonl"
    outcomes = run(path, published=date(2020, 1, 1))
    good = articles(outcomes)
    assert [a.record_id for a in good] == ["a1", "a2", "a4"]
    assert [a.origin for a in good] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert good[0].title == "Border crossing reopens"
    assert good[0].published == date(2021, 4, 1)
    assert good[1].published == date(2021, 4, 2)  # "April 2, 2021"
    assert good[2].published == date(2020, 1, 1)  # no date: the fallback
    bad = {e.item: str(e) for e in errors(outcomes)}
    assert set(bad) == {f"{path}:3", f"{path}:5", f"{path}:6"}
    assert "not valid JSON" in bad[f"{path}:3"]
    assert "record id a5" in bad[f"{path}:5"] and "empty document" in bad[f"{path}:5"]
    assert {e.item: e.record_id for e in errors(outcomes)}[f"{path}:5"] == "a5"
    assert "no 'text' field" in bad[f"{path}:6"] and "'body'" in bad[f"{path}:6"]


def test_jsonl_other_text_field_and_no_id_uses_line_number(tmp_path):
    path = tmp_path / "other.jsonl"
    path.write_text(
        json.dumps({"body": ENGLISH}) + "\n\n" + json.dumps({"body": ENGLISH + " More."})
    )
    good = run(path, settings=Settings(text_field="body"))
    assert [a.origin for a in good] == [f"{path}:1", f"{path}:3"]
    assert [a.record_id for a in good] == [None, None]
    assert len({a.id for a in good}) == 2


def test_record_holding_html_goes_through_the_html_path(tmp_path, data_dir):
    html = (data_dir / "ingest" / "harbour-page.html").read_text("utf-8")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "url": "https://example.org/a", "text": html}))
    [article] = run(path)
    assert article.title == "Ministers sign fishing accord"
    assert article.url == "https://example.org/a"
    assert "<p>" not in article.text


def test_json_list_and_single_object(tmp_path):
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": 1, "text": ENGLISH}, {"id": 2, "text": ""}, "oops"]))
    outcomes = run(many)
    assert [(a.record_id, a.origin) for a in articles(outcomes)] == [("1", f"{many}[0]")]
    assert [e.item for e in errors(outcomes)] == [f"{many}[1]", f"{many}[2]"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": ENGLISH, "date": "2019-05-06", "authors": ["A. Writer"]}))
    [article] = run(one)
    assert article.published == date(2019, 5, 6) and article.authors == ["A. Writer"]


def test_csv_with_custom_field_names(data_dir):
    path = data_dir / "ingest" / "custom-fields.csv"
    settings = Settings(
        text_field="story", date_field="when", id_field="story_id", title_field="headline"
    )
    good = run(path, settings=settings)
    assert [a.record_id for a in good] == ["s-01", "s-02"]
    assert [a.origin for a in good] == [f"{path}:2", f"{path}:3"]
    assert [a.title for a in good] == ["Army withdraws from valley", "Talks stall"]
    assert [a.published for a in good] == [date(2021, 6, 1), date(2021, 6, 2)]
    assert good[0].text.startswith("The army of Arlen withdrew")
    # with the default field names every row is a bad item naming its line
    bad = run(path)
    assert [e.item for e in bad] == [f"{path}:2", f"{path}:3"]
    assert all("no 'text' field" in str(e) for e in bad)


def test_csv_unnamed_index_column_and_multiline_cells(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(
        '"","date","text","source"\n'
        f'"7",2019-04-10,"{ENGLISH}\n\nSecond paragraph.","Example"\n'
        f'"9",2019-04-11,"{ENGLISH} Again.","Example"\n'
        '"11",2019-04-12,"",""\n'
    )
    outcomes = run(path)
    good = articles(outcomes)
    assert [a.record_id for a in good] == ["7", "9"]
    assert good[0].source == "Example" and good[0].published == date(2019, 4, 10)
    [bad] = errors(outcomes)
    assert bad.item == f"{path}:6" and "record id 11" in str(bad) and bad.record_id == "11"


def test_tsv(tmp_path):
    path = tmp_path / "items.tsv"
    path.write_text(f"id\tdate\ttext\nt1\t2022-01-02\t{ENGLISH}\n")
    [article] = run(path)
    assert article.record_id == "t1" and article.origin == f"{path}:2"
    assert article.published == date(2022, 1, 2)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-16-le", "cp1252"])
def test_encodings(tmp_path, encoding):
    text = (
        "Le pr\u00e9sident of Arlen met the se\u00f1or from Besmar at a caf\u00e9 in "
        "Z\u00fcrich on Monday. \u201cWe agreed on the na\u00efve plan,\u201d he said, "
        "and the r\u00e9sum\u00e9 of the talks was published later that day."
    )
    if encoding == "latin-1":
        text = text.replace("\u201c", '"').replace("\u201d", '"')
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [article] = run(path)
    assert isinstance(article, Article), article
    assert article.text == text


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    [article] = run(path)
    assert article.text == ENGLISH


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n" + b"\x00\x01\x02" * 100, "PDF"),
        (b"abc\x00def\x00" * 50, "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 50 + b"text", "control characters"),
    ],
)
def test_binary_file_is_an_input_error(tmp_path, data, reason):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    [error] = run(path)
    assert isinstance(error, InputError)
    assert error.item == str(path)
    assert "looks like a binary file" in str(error) and reason in str(error)
    assert "Dateline reads text, HTML, JSONL, CSV and WARC" in str(error)


def test_decode_bytes_plain_utf8():
    assert decode_bytes("na\u00efve caf\u00e9".encode(), "x") == "na\u00efve caf\u00e9"


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n")
    missing = tmp_path / "missing.txt"
    outcomes = run(empty, blank, missing)
    assert [e.item for e in outcomes] == [str(empty), str(blank), str(missing)]
    assert "empty document" in str(outcomes[0]) and "empty document" in str(outcomes[1])
    assert "no such file" in str(outcomes[2])


def test_directory_is_walked_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ENGLISH + " Two.")
    (tmp_path / "a.txt").write_text(ENGLISH + " One.")
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    (tmp_path / ".cache" / "three.txt").write_text(ENGLISH)
    good = run(tmp_path)
    assert [a.origin for a in good] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_unknown_extensions_are_sniffed(tmp_path, data_dir):
    jsonl = tmp_path / "export.dat"
    jsonl.write_text(json.dumps({"id": "x", "text": ENGLISH}) + "\n")
    html = tmp_path / "page.asp"
    html.write_bytes((data_dir / "ingest" / "harbour-page.html").read_bytes())
    text = tmp_path / "notes"
    text.write_text(ENGLISH)
    outcomes = run(jsonl, html, text)
    assert [a.origin for a in outcomes] == [f"{jsonl}:1", str(html), str(text)]
    assert [a.record_id for a in outcomes] == ["x", None, None]
    assert outcomes[1].title == "Ministers sign fishing accord"


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"id": "g", "text": ENGLISH}) + "\n").encode()))
    [article] = run(path)
    assert article.origin == f"{path}:1" and article.record_id == "g"


def test_non_english_is_skipped_unless_allowed(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN)
    [error] = run(path)
    assert isinstance(error, InputError) and error.item == str(path)
    assert "not English (detected 'de'" in str(error) and "skip_non_english" in str(error)
    [kept] = run(path, settings=Settings(skip_non_english=False))
    assert isinstance(kept, Article)
    short = tmp_path / "short.txt"
    short.write_text("Die Regierung hat neue Sanktionen beschlossen.")
    [article] = run(short)
    assert isinstance(article, Article)  # too short to judge: never rejected


def test_detect_language():
    code, confidence = detect_language(ENGLISH)
    assert code == "en" and confidence > 0.9
    assert detect_language(GERMAN)[0] == "de"


def test_too_long_names_the_size_and_the_setting(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(ENGLISH)
    [error] = run(path, settings=Settings(max_chars=100))
    assert isinstance(error, InputError)
    assert f"{len(ENGLISH):,} characters" in str(error) and "max_chars=100" in str(error)
    records = tmp_path / "long.jsonl"
    records.write_text(json.dumps({"id": "big", "text": ENGLISH}) + "\n")
    [error] = run(records, settings=Settings(max_chars=100))
    assert error.item == f"{records}:1" and "max_chars=100" in str(error)


def test_stdin_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    [article] = run("-")
    assert article.origin == "stdin" and article.text == ENGLISH
    lines = "\n".join(json.dumps({"text": t}) for t in (ENGLISH, ENGLISH + " Later."))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert [a.origin for a in run("-")] == ["stdin:1", "stdin:2"]


def test_guardian_corpus(corpus_path):
    from corpus import HELD_BACK

    outcomes = run(corpus_path)
    assert not errors(outcomes), errors(outcomes)[:3]
    assert len(outcomes) == 249 - len(HELD_BACK)  # the fixture leaves the held-back rows out
    assert all(a.published is not None for a in outcomes)
    assert len({a.id for a in outcomes}) == len(outcomes)
    assert all(a.origin.startswith(f"{corpus_path}:") and a.record_id for a in outcomes)


def test_html_markup_does_not_count_against_max_chars(data_dir):
    path = data_dir / "ingest" / "harbour-page.html"
    assert len(path.read_text("utf-8")) > 300
    [article] = run(path, settings=Settings(max_chars=300))
    assert isinstance(article, Article) and len(article.text) <= 300
    [error] = run(path, settings=Settings(max_chars=60))
    assert isinstance(error, InputError) and "max_chars=60" in str(error)
