"""WARC input: HTML responses become articles, other records are skipped."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import InputError
from dateline.ingest import iter_articles, write_warc
from dateline.model import Article
from dateline.settings import Settings

PAGE = """<html><head><title>{title}</title>{meta}</head><body><nav>Home | World</nav>
<article><h1>{title}</h1><p>{body}</p></article><footer>Share this article</footer></body></html>"""


def pages():
    first = PAGE.format(
        title="Navy exercise near the strait",
        meta='<meta property="article:published_time" content="2021-02-20">',
        body="The navy of Arlen began a three-day exercise near the strait on Saturday, "
        "the defence ministry said, and warned fishing boats to stay away.",
    )
    second = PAGE.format(
        title="Besmar recalls ambassador",
        meta="",
        body="Besmar recalled its ambassador from Arlen on Sunday in protest at the naval "
        "exercise, the foreign ministry in the capital said in a statement.",
    )
    return [
        ("https://news.example.org/navy", first, "text/html; charset=utf-8"),
        ("https://news.example.org/data.json", '{"not": "html"}', "application/json"),
        ("https://news.example.org/envoy", second, "text/html"),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_only(tmp_path, name):
    path = write_warc(tmp_path / name, pages(), warc_date="2021-03-01T10:00:00Z")
    outcomes = list(iter_articles([path], Settings(), published=date(1999, 1, 1)))
    assert all(isinstance(o, Article) for o in outcomes), outcomes
    assert [a.url for a in outcomes] == [
        "https://news.example.org/navy",
        "https://news.example.org/envoy",
    ]
    assert [a.origin for a in outcomes] == [a.url for a in outcomes]
    navy, envoy = outcomes
    assert navy.title == "Navy exercise near the strait"
    assert navy.published == date(2021, 2, 20)  # the page's own date
    assert envoy.published == date(2021, 3, 1)  # no page date: WARC-Date
    assert envoy.text.startswith("Besmar recalled its ambassador")
    assert "Share this article" not in envoy.text and "Home" not in envoy.text


def test_warc_is_sniffed_without_extension(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", pages())
    renamed = path.rename(tmp_path / "crawl.bin")
    assert len(list(iter_articles([renamed], Settings()))) == 2


def test_truncated_warc_keeps_the_pages_before_the_cut(tmp_path):
    data = write_warc(tmp_path / "crawl.warc", pages()).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10")
    outcomes = list(iter_articles([cut], Settings()))
    assert [type(o) for o in outcomes] == [Article, Article, InputError]
    assert isinstance(outcomes[-1], InputError) and outcomes[-1].item == str(cut)
    assert "not a readable WARC" in str(outcomes[-1])


def test_warc_without_html_pages_is_an_input_error(tmp_path):
    path = write_warc(
        tmp_path / "data.warc", [("https://x.example/a.json", "{}", "application/json")]
    )
    [error] = list(iter_articles([path], Settings()))
    assert isinstance(error, InputError) and "no HTML pages among its 1 records" in str(error)
