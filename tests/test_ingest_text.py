"""Plain text to Article: ids, title/byline detection, tail boilerplate, dates."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import InputError
from dateline.ingest import article_from_text, make_id, normalise_text
from dateline.ingest.dates import parse_date

BODY = (
    "The foreign ministers of Arlen and Besmar met in Talvik on Wednesday to reopen talks on "
    "the disputed harbour, officials from both sides said."
)


def test_make_id_ignores_whitespace_and_unicode_form():
    a = make_id("Caf\u00e9 talks  resume\n\nin Talvik. ")
    b = make_id("  Cafe\u0301 talks resume in\tTalvik.")
    assert a == b
    assert len(a) == 16 and all(c in "0123456789abcdef" for c in a)
    assert make_id("Cafe talks resume in Talvik.") != a


def test_same_text_different_whitespace_same_article_id():
    one = article_from_text(f"{BODY}\n\nSecond paragraph.", detect_header=False)
    two = article_from_text(f"  {BODY}\r\n\r\n\r\n  Second   paragraph.  ", detect_header=False)
    assert one.id == two.id
    assert "\r" not in two.text


def test_header_file_gives_title_byline_and_body(data_dir):
    article = article_from_text((data_dir / "ingest" / "harbour-talks.txt").read_text("utf-8"))
    assert article.title == "Coastal States Reopen Talks on Harbour Dispute"
    assert article.authors == ["Jane Doe"]
    assert article.published == date(2021, 3, 3)
    assert article.text.startswith("The foreign ministers of Arlen and Besmar")
    # The phrase in the middle of the body stays; the tail block goes.
    assert "join the mailing list of the regional press office" in article.text
    assert not article.text.rstrip().endswith("Join the mailing list")
    assert "Share this article" not in article.text
    assert article.text.endswith("contested waters.")


def test_explicit_published_and_title_win_over_header():
    text = f"Harbour talks resume\n\nBy Jane Doe March 3, 2021\n\n{BODY}"
    article = article_from_text(text, published="2021-03-04", title="Given title")
    assert article.published == date(2021, 3, 4)
    assert article.title == "Given title"
    assert article.authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "authors", "published"),
    [
        ("By Mary Ann Lowe January 28, 2017", ["Mary Ann Lowe"], date(2017, 1, 28)),
        ("By Ana Lima, Tom Berg and Sara Kahn", ["Ana Lima", "Tom Berg", "Sara Kahn"], None),
        ("By Tom Berg | Feb. 9, 2020", ["Tom Berg"], date(2020, 2, 9)),
        ("BY JANE DOE - 12 March 2019", ["JANE DOE"], date(2019, 3, 12)),
        ("By Ursula von der Berg, Reuters", ["Ursula von der Berg"], None),
        ("March 3, 2021", [], date(2021, 3, 3)),
        ("Published: Saturday, July 4, 2020 10:15 AM EDT", [], date(2020, 7, 4)),
    ],
)
def test_byline_forms(byline, authors, published):
    article = article_from_text(f"Harbour talks resume\n\n{byline}\n\n{BODY}")
    assert article.title == "Harbour talks resume"
    assert article.authors == authors
    assert article.published == published
    assert article.text == BODY


def test_byline_and_date_on_two_lines_and_agency_as_source():
    article = article_from_text(f"Harbour talks resume\nBy Tom Berg, Reuters\nMay 5, 2022\n{BODY}")
    assert article.authors == ["Tom Berg"]
    assert article.source == "Reuters"
    assert article.published == date(2022, 5, 5)
    assert article.text == BODY


@pytest.mark.parametrize(
    "text",
    [
        # a first line that is a sentence
        f"{BODY}\n\nThe talks will continue next month.",
        # a sentence that starts with "By"
        f"Harbour talks resume\n\nBy the end of the day the talks had stalled.\n\n{BODY}",
        # hard-wrapped lines: the first line is not a title
        "The foreign ministers of Arlen and Besmar met in Talvik on Wednesday\n"
        "to reopen talks on the disputed harbour, officials from both sides\n"
        "said in a joint statement after the meeting.",
    ],
)
def test_no_false_header(text):
    article = article_from_text(text)
    if text.startswith("Harbour"):
        assert article.title == "Harbour talks resume"
        assert article.text.startswith("By the end of the day")
        assert article.authors == []
    else:
        assert article.title is None
        assert article.text == normalise_text(text)


def test_detect_header_off_keeps_every_line():
    text = f"Harbour talks resume\n\nBy Jane Doe March 3, 2021\n\n{BODY}"
    article = article_from_text(text, detect_header=False)
    assert article.title is None and article.authors == [] and article.published is None
    assert article.text == text


def test_tail_boilerplate_only_at_the_end():
    text = (
        f"{BODY}\n\nClick here to read the statement, the spokesman told reporters on the "
        "quay, before the ministers left.\n\nCopyright 2021 Example News\n"
        "Follow us on Twitter\n\nWe use cookies to improve your browsing experience."
    )
    article = article_from_text(text, detect_header=False)
    assert article.text.endswith("before the ministers left.")
    assert "Click here to read the statement" in article.text


@pytest.mark.parametrize("text", ["", "   \n\t\n  "])
def test_empty_text_is_an_input_error(text):
    with pytest.raises(InputError, match="empty document"):
        article_from_text(text, origin="empty.txt")


def test_only_title_and_byline_is_an_input_error():
    with pytest.raises(InputError, match="no body text"):
        article_from_text("Harbour talks resume\n\nBy Jane Doe March 3, 2021\n")


def test_bad_published_string_is_an_input_error():
    with pytest.raises(InputError, match="not a date"):
        article_from_text(BODY, published="someday")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-04-10", date(2019, 4, 10)),
        ("2019-04-10T08:00:00Z", date(2019, 4, 10)),
        ("January 28, 2017", date(2017, 1, 28)),
        ("Sept. 3, 2018", date(2018, 9, 3)),
        ("3rd March 2021", date(2021, 3, 3)),
        ("Wednesday, 10 April 2019", date(2019, 4, 10)),
        ("", None),
        ("not a date", None),
        ("2019", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_seed_article(seed_path):
    article = article_from_text(seed_path.read_text("utf-8"), origin=str(seed_path))
    assert article.title == "Trump, Putin Agree to Cooperate on Fighting Terrorism"
    assert article.authors == ["Mary Alice Salinas"]
    assert article.published == date(2017, 1, 28)
    assert "Join the mailing list" not in article.text
    assert article.text.startswith("U.S. President Donald Trump")
    assert article.origin == str(seed_path)
