"""`dateline watch` against a real HTTP server on 127.0.0.1 (tests/watch_site.py).

These tests check the watch machinery (sources, the polite fetcher, state, rounds, resuming);
the articles are coded by ``StubCoder``, which returns each article with no events and loads
no model. The real coder runs in tests/test_watch_e2e.py (marked slow).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from dateline.errors import FetchError, InputError
from dateline.model import Result
from dateline.settings import Settings
from dateline.store import Store
from dateline.watch import run_round, state
from dateline.watch.fetch import Fetcher, user_agent
from dateline.watch.pages import canonical_url, normalise_url
from dateline.watch.rounds import parse_every
from dateline.watch.sources import expand_sources, parse_listing
from watch_site import (
    Site,
    html_answer,
    page,
    rss,
    rss_answer,
    serve,
)

TESTS = Path(__file__).resolve().parent

FAST = dict(
    watch_timeout_s=3.0,
    watch_retries=1,
    watch_retry_backoff_s=0.01,
    watch_host_delay_s=0.0,
    watch_host_concurrency=4,
    watch_concurrency=4,
    watch_every_s=60.0,
)


def fast_settings(**changes) -> Settings:
    return Settings(**{**FAST, **changes})


class StubCoder:
    """Codes nothing: each article comes back as a Result without events (no model loaded)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or fast_settings()
        self.coded: list[str] = []

    def pipe(self, articles, batch_size: int = 16):
        for article in articles:
            yield self.code(article)

    def code(self, article) -> Result:
        self.coded.append(article.url)
        return Result(article=article)


class OneEventCoder(StubCoder):
    """Each article gets one event on its first word (to see what the exports write)."""

    def code(self, article) -> Result:
        from dateline.model import Event, Span

        word = article.text.split()[0]
        event = Event(event="CONSULT", sentence=0, trigger=Span(word, 0, len(word)),
                      sentence_text=article.text.split("\n")[0])  # fmt: skip
        return Result(article=article, events=[event])


@pytest.fixture
def site():
    site = Site()
    server, _ = serve(site)
    yield site
    server.shutdown()
    server.server_close()


def one_round(site_urls, store, settings=None, coder=StubCoder, **kwargs):
    settings = settings or fast_settings()
    return run_round(site_urls, store, settings, pipeline=coder(settings), **kwargs)


def outcomes(store: Store) -> dict[str, tuple[str, str | None]]:
    rows = state.items(store)
    return {r["url"]: (r["status"], r["reason"]) for r in rows.to_dict("records")}


def page_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# --- sources ----------------------------------------------------------------------------------------


def test_sources_from_urls_list_files_and_opml(tmp_path):
    listing = tmp_path / "sources.txt"
    listing.write_text(
        "# my feeds\nhttps://a.example/rss.xml\n\n  https://b.example/sitemap.xml  \n"
        "https://a.example/rss.xml\n",
        encoding="utf-8",
    )
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="World"><outline text="C" type="rss" xmlUrl="https://c.example/feed"/>'
        '</outline><outline text="no feed" htmlUrl="https://d.example/"/></body></opml>',
        encoding="utf-8",
    )
    urls = expand_sources(["https://z.example/atom", str(listing), str(opml)])
    assert urls == [
        "https://z.example/atom",
        "https://a.example/rss.xml",
        "https://b.example/sitemap.xml",
        "https://c.example/feed",
    ]


def test_bad_source_arguments_name_the_file_and_line(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("https://a.example/rss\nftp://nope/feed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"list.txt: line 2: 'ftp://nope/feed'"):
        expand_sources([str(listing)])
    with pytest.raises(InputError, match="not an http"):
        expand_sources(["no-such-file.opml"])


def test_rss_atom_json_feeds_and_news_sitemaps_are_read():
    body = rss("World", [("/a.html", "A story", dt.date(2024, 3, 2), "Ann Author")])
    listing = parse_listing(body, "http://127.0.0.1:9/rss.xml", "application/rss+xml")
    (item,) = listing.items
    assert (item.url, item.title, item.published, item.authors, item.feed_title) == (
        "http://127.0.0.1:9/a.html", "A story", dt.date(2024, 3, 2), ("Ann Author",), "World",
    )  # fmt: skip
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>At</title>'
        b'<entry><title>B</title><link href="http://h.example/b"/><id>b</id>'
        b"<updated>2024-04-05T10:00:00Z</updated><author><name>Bo</name></author></entry></feed>"
    )
    (item,) = parse_listing(atom, "http://h.example/atom").items
    assert (item.url, item.published, item.authors) == (
        "http://h.example/b", dt.date(2024, 4, 5), ("Bo",),
    )  # fmt: skip
    jsonfeed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "J",
            "items": [
                {
                    "id": "1",
                    "url": "/c",
                    "title": "C",
                    "date_published": "2024-06-07T08:00:00Z",
                    "authors": [{"name": "Cy"}],
                }
            ],
        }  # fmt: skip
    ).encode()
    (item,) = parse_listing(jsonfeed, "http://h.example/feed.json", "application/feed+json").items
    assert (item.url, item.title, item.published, item.authors) == (
        "http://h.example/c", "C", dt.date(2024, 6, 7), ("Cy",),
    )  # fmt: skip
    sitemap = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        b"<loc>http://h.example/d</loc><news:news><news:title>D</news:title>"
        b"<news:publication_date>2024-07-08T09:00:00Z</news:publication_date></news:news></url>"
        b"<url><loc>http://h.example/e</loc><lastmod>2024-07-01</lastmod></url></urlset>"
    )
    listing = parse_listing(sitemap, "http://h.example/sitemap.xml")
    assert listing.kind == "sitemap"
    assert [(i.url, i.title, i.published) for i in listing.items] == [
        ("http://h.example/d", "D", dt.date(2024, 7, 8)),
        ("http://h.example/e", None, dt.date(2024, 7, 1)),
    ]
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>http://h.example/old.xml</loc><lastmod>2023-01-01</lastmod></sitemap>"
        b"<sitemap><loc>http://h.example/new.xml</loc><lastmod>2024-01-01</lastmod></sitemap>"
        b"</sitemapindex>"
    )
    assert parse_listing(index, "http://h.example/index.xml").sitemaps == [
        "http://h.example/new.xml",
        "http://h.example/old.xml",
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"this is not a feed at all",
        b"<rss><channel><title>x</title><item><title>a</ti",
        b'{"items": []}',
        b"<html><body><p>a web page</p></body></html>",
    ],  # fmt: skip
)
def test_malformed_feeds_raise_a_clear_error(body):
    with pytest.raises(
        InputError, match=r"http://h.example/f: (not a readable|JSON, but not a JSON Feed)"
    ):
        parse_listing(body, "http://h.example/f")


def test_urls_are_normalised_as_keys():
    assert normalise_url("HTTP://Example.COM:80/a/b?utm_source=x&id=3&b=1#top") == (
        "http://example.com/a/b?b=1&id=3"
    )
    html = '<html><head><link href="/story/1" rel="canonical"></head></html>'
    assert canonical_url(html, "http://h.example/x?utm_medium=rss") == "http://h.example/story/1"
    assert canonical_url("<p>no head</p>", "http://h.example/") is None


def test_every_accepts_durations():
    assert parse_every("15m") == 900
    assert parse_every("1h") == 3600
    assert parse_every("90") == 90
    with pytest.raises(InputError, match="duration"):
        parse_every("soon")


# --- the fetcher --------------------------------------------------------------------------------------


def test_fetcher_names_dateline_sends_validators_and_honours_304(site):
    def feed(request):
        if request.headers.get("if-none-match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return rss_answer(
            rss("F", []), ETag='"v1"', **{"Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}
        )

    site.routes["/feed.xml"] = feed
    site.routes["/robots.txt"] = (200, {"Set-Cookie": "session=abc; Path=/"}, b"")
    with Fetcher(fast_settings()) as fetcher:
        first = fetcher.feed(site.url("/feed.xml"))
        again = fetcher.feed(site.url("/feed.xml"), etag=first.headers["etag"],
                             last_modified=first.headers["last-modified"])  # fmt: skip
    assert first.status == 200 and not first.not_modified
    assert again.not_modified
    requests = site.hits("/feed.xml")
    assert all("Dateline/" in r.headers["user-agent"] for r in requests)
    assert requests[1].headers["if-none-match"] == '"v1"'
    assert requests[1].headers["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert not any("cookie" in r.headers for r in requests)  # the cookie set was not kept
    assert user_agent(Settings(watch_user_agent="Newsroom bot 1.0")) == "Newsroom bot 1.0"


def test_fetcher_retries_5xx_and_timeouts_but_not_4xx(site):
    site.routes["/flaky"] = lambda r: (503, {}, b"busy") if r.count == 1 else html_answer(page(1))
    site.routes["/gone"] = (410, {}, b"gone")
    site.routes["/down"] = (500, {}, b"broken")
    with Fetcher(fast_settings(watch_retries=2)) as fetcher:
        assert fetcher.page(site.url("/flaky")).attempts == 2
        with pytest.raises(FetchError, match="HTTP 410 Gone; not tried again") as gone:
            fetcher.page(site.url("/gone"))
        with pytest.raises(FetchError, match="HTTP 500 after 3 attempt") as down:
            fetcher.page(site.url("/down"))
    assert not gone.value.transient and down.value.transient
    assert len(site.hits("/gone")) == 1
    assert len(site.hits("/down")) == 3


def test_fetcher_paces_requests_to_one_host(site):
    site.routes["/p"] = html_answer(page(2))
    with Fetcher(fast_settings(watch_host_delay_s=0.2)) as fetcher:
        started = time.monotonic()
        threads = [threading.Thread(target=fetcher.page, args=(site.url("/p"),)) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    # robots.txt, then three pages: at least three gaps of 0.2 s
    assert elapsed >= 0.6
    assert len(site.hits("/p")) == 3


def test_fetcher_obeys_robots_txt(site):
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                  b"User-agent: Dateline\nDisallow: /private/\n")  # fmt: skip
    site.routes["/private/x"] = html_answer(page(3))
    with Fetcher(fast_settings()) as fetcher, pytest.raises(FetchError, match="robots.txt") as exc:
        fetcher.page(site.url("/private/x"))
    assert exc.value.kind == "robots" and not exc.value.transient
    assert site.hits("/private/x") == []
    with Fetcher(fast_settings(watch_robots=False)) as fetcher:
        assert fetcher.page(site.url("/private/x")).status == 200


def test_unreachable_robots_txt_keeps_the_site_off_limits(site):
    site.routes["/robots.txt"] = (503, {}, b"down")
    site.routes["/a"] = html_answer(page(4))
    with Fetcher(fast_settings()) as fetcher, pytest.raises(FetchError, match="RFC 9309"):
        fetcher.page(site.url("/a"))
    assert site.hits("/a") == []


# --- rounds -------------------------------------------------------------------------------------------


def test_new_items_are_picked_up_next_round_and_only_those(site, tmp_path):
    items = [(f"/s/{n}.html", f"Feed title {n}", dt.date(2024, 2, n + 1), f"Feed Author {n}")
             for n in range(5)]  # fmt: skip
    for n in range(5):
        site.routes[f"/s/{n}.html"] = html_answer(page(n, with_meta=(n != 0)))
    site.routes["/feed.xml"] = rss_answer(rss("Wire", items[:3]))
    source = site.url("/feed.xml")
    with Store(tmp_path / "w.duckdb") as store:
        first = one_round([source], store)
        assert first.counts["new_items"] == 3 and first.counts["coded"] == 3
        assert first.exit_code == 0
        site.routes["/feed.xml"] = rss_answer(rss("Wire", items))  # two new items at the end
        second = one_round([source], store)
        assert second.counts["new_items"] == 2 and second.counts["coded"] == 2
        assert store.stats()["articles"] == 5
        # a page without its own title, date or author takes the feed's
        bare = store.articles(with_text=True).set_index("url").loc[site.url("/s/0.html")]
        assert bare["title"] == "Feed title 0"
        assert str(bare["published"])[:10] == "2024-02-01"
        assert list(bare["authors"]) == ["Feed Author 0"]
        assert bare["source"] == "Wire"
        runs = store.runs()
        assert list(runs["status"]) == ["finished", "finished"]
        assert sorted(runs["articles"]) == [2, 3]
        recorded = state.rounds(store)
        assert sorted(recorded["new_items"]) == [2, 3]
    for n in range(5):  # every page was fetched exactly once over the two rounds
        assert len(site.hits(f"/s/{n}.html")) == 1


def test_unchanged_feed_answers_304_and_no_page_is_fetched(site, tmp_path):
    site.routes["/p.html"] = html_answer(page(7))

    def feed(request):
        if request.headers.get("if-none-match") == '"abc"':
            return 304, {"ETag": '"abc"'}, b""
        return rss_answer(rss("Etag feed", [("/p.html", "P", None, None)]), ETag='"abc"')

    site.routes["/feed.xml"] = feed
    with Store(tmp_path / "w.duckdb") as store:
        one_round([site.url("/feed.xml")], store)
        second = one_round([site.url("/feed.xml")], store)
        report = second.sources[site.url("/feed.xml")]
        assert report.status == "not modified" and report.new_items == 0
        assert second.counts["not_modified"] == 1
        health = state.health(store).iloc[0]
        assert health["status"] == "not modified" and health["failures"] == 0
    assert len(site.hits("/p.html")) == 1
    assert len(site.hits("/feed.xml")) == 2


def test_every_bad_source_and_page_gets_a_recorded_outcome_while_others_go_on(site, tmp_path):
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private/\n")
    spanish = (
        "<html><head><title>Noticias</title></head><body><article>"
        "<p>El gobierno anunció hoy un nuevo acuerdo comercial con los países vecinos, "
        "según informaron fuentes oficiales en la capital durante una rueda de prensa.</p>"
        "<p>Los ministros de economía se reunirán la próxima semana para discutir los "
        "detalles del tratado y las tarifas que se aplicarán a los productos agrícolas.</p>"
        "<p>La oposición criticó la falta de transparencia de las negociaciones y pidió "
        "que el parlamento vote el texto antes de su entrada en vigor.</p>"
        "</article></body></html>"
    ).encode()
    big = b"<html><body><p>" + b"x" * (20 * 1024 * 1024) + b"</p></body></html>"

    def slow(request):
        time.sleep(2.5)
        return html_answer(page(30))

    routes = {
        "/ok.html": html_answer(page(20)),
        "/missing.html": (404, {}, b"no"),
        "/flaky.html": lambda r: (500, {}, b"oops") if r.count == 1 else html_answer(page(21)),
        "/slow.html": slow,
        "/loop-a.html": (302, {"Location": "/loop-b.html"}, b""),
        "/loop-b.html": (302, {"Location": "/loop-a.html"}, b""),
        "/big.html": (200, {"Content-Type": "text/html", "X-No-Length": "1"}, big),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 binary"),
        "/noticia.html": html_answer(spanish),
        "/private/secret.html": html_answer(page(22)),
    }
    site.routes.update(routes)
    site.routes["/feed.xml"] = rss_answer(rss("Mixed", [(p, p, None, None) for p in routes]))
    site.routes["/broken.xml"] = rss_answer(b"<rss><channel><title>x</title><item><title>a</ti")
    site.routes["/other.xml"] = rss_answer(rss("Other", [("/other.html", "Other", None, None)]))
    site.routes["/other.html"] = html_answer(page(23))
    sources = [site.url(p) for p in ("/feed.xml", "/broken.xml", "/gone.xml", "/other.xml")]
    settings = fast_settings(watch_max_bytes=2_000_000, watch_timeout_s=1.0)
    with Store(tmp_path / "w.duckdb") as store:
        started = time.monotonic()
        summary = one_round(sources, store, settings)
        assert time.monotonic() - started < 15
        got = outcomes(store)
        errors = store.errors(summary.run_id)
        health = state.health(store).set_index("url")
    expect = {
        "/ok.html": ("coded", None),
        "/flaky.html": ("coded", None),
        "/missing.html": ("skipped", "HTTP 404"),
        "/slow.html": ("failed", "timed out"),
        "/loop-a.html": ("skipped", "redirect loop"),
        "/big.html": ("skipped", "too large"),
        "/report.pdf": ("skipped", "content type 'application/pdf'"),
        "/noticia.html": ("skipped", "not English"),
        "/private/secret.html": ("skipped", "robots.txt"),
    }
    for path, (status, words) in expect.items():
        key = normalise_url(site.url(path))
        assert got[key][0] == status, (path, got[key])
        if words:
            assert words in got[key][1], (path, got[key])
    assert got[normalise_url(site.url("/other.html"))][0] == "coded"
    assert summary.counts["coded"] == 3
    assert summary.counts["sources_failed"] == 2
    assert summary.exit_code == 1
    assert "not a readable feed" in health.loc[site.url("/broken.xml"), "last_error"]
    assert "HTTP 404" in health.loc[site.url("/gone.xml"), "last_error"]
    assert health.loc[site.url("/gone.xml"), "failures"] == 1
    # every failure is in the errors table too, named by its URL
    assert set(errors["item"]) >= {site.url("/broken.xml"), site.url("/slow.html"),
                                   site.url("/report.pdf"), site.url("/noticia.html")}  # fmt: skip


def test_failing_source_backs_off_is_reported_and_never_dropped(site, tmp_path):
    site.routes["/down.xml"] = (500, {}, b"down")
    site.routes["/up.xml"] = rss_answer(rss("Up", []))
    sources = [site.url("/down.xml"), site.url("/up.xml")]
    with Store(tmp_path / "w.duckdb") as store:
        first = one_round(sources, store, fast_settings(watch_every_s=60))
        report = first.sources[site.url("/down.xml")]
        assert report.status == "failed" and report.failures == 1
        assert report.next_due - state.now() > dt.timedelta(seconds=50)
        second = one_round(sources, store, fast_settings(watch_every_s=60))
        assert second.sources[site.url("/down.xml")].status == "backing off"
        assert second.sources[site.url("/up.xml")].status == "ok"
        # once due, it is tried again and its failures add up: the wait doubles
        store.db.rows("UPDATE watch_sources SET next_due = NULL")
        third = one_round(sources, store, fast_settings(watch_every_s=60))
        report = third.sources[site.url("/down.xml")]
        assert report.failures == 2
        assert report.next_due - state.now() > dt.timedelta(seconds=110)
        health = state.health(store).set_index("url")
    assert health.loc[site.url("/down.xml"), "failures"] == 2
    assert "HTTP 500" in health.loc[site.url("/down.xml"), "last_error"]
    assert len(site.hits("/down.xml")) == 2 * 2  # two checks, each retried once


def test_transient_page_failures_are_retried_in_later_rounds_up_to_a_limit(site, tmp_path):
    site.routes["/feed.xml"] = rss_answer(rss("F", [("/bad.html", "B", None, None)]))
    site.routes["/bad.html"] = (502, {}, b"bad gateway")
    with Store(tmp_path / "w.duckdb") as store:
        for _ in range(3):
            one_round([site.url("/feed.xml")], store, fast_settings(watch_item_attempts=2))
        (row,) = state.items(store).to_dict("records")
    assert row["status"] == "failed" and row["attempts"] == 2
    assert len(site.hits("/bad.html")) == 2 * 2  # two rounds, each retried once; not a third


def test_same_article_under_two_urls_is_stored_once(site, tmp_path):
    site.routes["/a.html"] = html_answer(page(40))
    site.routes["/a-copy.html"] = html_answer(page(40))
    site.routes["/f1.xml"] = rss_answer(rss("F1", [("/a.html", "A", None, None)]))
    site.routes["/f2.xml"] = rss_answer(
        rss("F2", [("/a.html?utm_source=rss", "A", None, None), ("/a-copy.html", "A", None, None)])
    )
    with Store(tmp_path / "w.duckdb") as store:
        summary = one_round([site.url("/f1.xml"), site.url("/f2.xml")], store)
        assert store.stats()["articles"] == 1
        assert summary.counts["coded"] == 1 and summary.counts["duplicates"] == 1
    assert len(site.hits("/a.html")) == 1  # the tracking parameter made no second fetch


def test_each_round_exports_its_new_events(site, tmp_path):
    site.routes["/feed.xml"] = rss_answer(rss("F", [("/a.html", "A", None, None)]))
    site.routes["/a.html"] = html_answer(page(41))
    with Store(tmp_path / "w.duckdb") as store:
        summary = one_round([site.url("/feed.xml")], store, export_dir=tmp_path / "out",
                            export_format="csv", coder=OneEventCoder)  # fmt: skip
        assert summary.export_path and Path(summary.export_path).exists()
        assert Path(summary.export_path).name.endswith(".events.csv")
        lines = Path(summary.export_path).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2 and "CONSULT" in lines[1] and summary.exported == 1
        assert state.rounds(store).iloc[0]["export_path"] == summary.export_path
        quiet = one_round([site.url("/feed.xml")], store, export_dir=tmp_path / "out")
        assert quiet.export_path is None  # nothing new, no file
    assert len(list((tmp_path / "out").iterdir())) == 1


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_watch import StubCoder, fast_settings
    from dateline.store import Store
    from dateline.watch import run_round
    settings = fast_settings(watch_concurrency=1, watch_host_concurrency=1)
    with Store({db!r}) as store:
        run_round([{source!r}], store, settings, pipeline=StubCoder(settings), batch_size=1)
    """
)


def test_a_killed_round_loses_and_duplicates_nothing(site, tmp_path):
    n_pages, block_at = 8, 5
    release = threading.Event()
    reached = threading.Event()

    def blocking(request):
        reached.set()
        release.wait(10)
        return html_answer(page(50 + block_at))

    items = []
    for n in range(n_pages):
        path = f"/k/{n}.html"
        site.routes[path] = html_answer(page(50 + n)) if n != block_at else blocking
        items.append((path, f"K{n}", None, None))
    site.routes["/feed.xml"] = rss_answer(rss("K", items))
    db = tmp_path / "w.duckdb"
    script = KILL_SCRIPT.format(tests=str(TESTS), db=str(db), source=site.url("/feed.xml"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        assert reached.wait(60), "the watch never reached the blocking page"
        time.sleep(0.5)  # the pages before it are coded and stored meanwhile
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    with Store(db) as store:
        killed_run = store.runs().iloc[0]
        stored_before = store.stats()["articles"]
        assert killed_run["status"] == "running"  # it never got to record its end
        assert 0 < stored_before < n_pages
        summary = one_round([site.url("/feed.xml")], store)
        assert summary.counts["coded"] == n_pages - stored_before
        assert store.stats()["articles"] == n_pages
        urls = store.articles()["url"].tolist()
        assert sorted(urls) == sorted(site.url(f"/k/{n}.html") for n in range(n_pages))
        assert store.runs().set_index("id").loc[killed_run["id"], "status"] == "killed"
        done = outcomes(store)
    assert {v[0] for v in done.values()} == {"coded"}
    assert len(done) == n_pages


# --- what users see: `dateline sources` and the dashboard -------------------------------------------


def _store_with_sources(path):
    """The web fixture store (coded articles with events) plus two watched sources: one that
    brought two of its articles, one failing."""
    from dateline.web.fixtures import build_store

    store = build_store(str(path))
    state.register(store, ["http://wire.example/rss", "http://down.example/feed"])
    good, bad = state.load_sources(store, ["http://wire.example/rss", "http://down.example/feed"])
    good.title = "Wire <world>"
    state.source_checked(store, good, ok=True, status="ok", next_due=None, new_items=2)
    for n, article_id in enumerate(["wire-001", "wire-002"]):
        state.record_item(store, f"http://wire.example/{n}", good.url, "coded",
                          article_id=article_id)  # fmt: skip
    later = state.now() + dt.timedelta(hours=1)
    for _ in range(3):
        state.source_checked(store, bad, ok=False, status="failed", next_due=later,
                             error="http://down.example/feed: HTTP 503 after 3 attempt(s)")  # fmt: skip
    return store


def test_sources_command_lists_health_failing_first(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    db = tmp_path / "s.duckdb"
    _store_with_sources(db).close()
    result = CliRunner().invoke(app, ["sources", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["url"] for r in rows] == ["http://down.example/feed", "http://wire.example/rss"]
    down, wire = rows
    assert down["failures"] == 3 and "HTTP 503" in down["last_error"]
    assert wire["articles"] == 2 and wire["events"] > 0 and wire["failures"] == 0
    table = CliRunner().invoke(app, ["sources", "--db", str(db)])
    assert table.exit_code == 0
    assert "1 source(s) failing" in table.output


def test_dashboard_shows_sources_last_update_events_and_failures(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.web import create_app

    store = _store_with_sources(tmp_path / "s.duckdb")
    with TestClient(create_app(store), base_url="http://localhost") as client:
        body = client.get("/api/sources").json()
        html = client.get("/sources").text
    assert body["ok"] is True and body["failing"] == 1
    wire = next(s for s in body["sources"] if s["url"] == "http://wire.example/rss")
    expected = store.sql(
        "SELECT count(*) AS n FROM events WHERE article_id IN ('wire-001', 'wire-002')"
        " AND NOT negated"
    )["n"][0]
    assert wire["events"] == expected > 0
    assert wire["last_new"] and body["last_update"] == wire["last_new"]
    assert "Wire &lt;world&gt;" in html and "<world>" not in html
    assert "failing" in html and "HTTP 503" in html
    assert '<a href="/sources" class="active">Sources</a>' in html


def test_watch_command_once_runs_a_round_and_reports(site, tmp_path, monkeypatch):
    """The CLI end to end with the stub coder in place of the model (the slow e2e test runs
    the real one)."""
    from typer.testing import CliRunner

    import dateline.pipeline
    from dateline.cli import app

    monkeypatch.setattr(dateline.pipeline, "Pipeline", StubCoder)
    site.routes["/feed.xml"] = rss_answer(rss("F", [("/a.html", "A", None, None),
                                                    ("/b.pdf", "B", None, None)]))  # fmt: skip
    site.routes["/a.html"] = html_answer(page(60))
    site.routes["/b.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# test\n{site.url('/feed.xml')}\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["watch", str(listing), "--db", str(db), "--once", "--no-live", "--host-delay", "0",
            "--timeout", "3"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 sources checked" in result.stdout and "1 coded" in result.stdout
    assert "1 skipped" in result.stdout
    assert "application/pdf" in result.output
    again = CliRunner().invoke(app, args)
    assert "0 new items" in again.stdout
    with Store(db) as store:
        assert store.stats()["articles"] == 1
        assert len(store.runs()) == 2
    bad = CliRunner().invoke(
        app, ["watch", str(listing), "--db", str(db), "--once", "--every", "5m"]
    )
    assert bad.exit_code == 2 and "not both" in bad.output


def test_the_dashboard_reads_beside_a_watch_through_a_second_connection(site, tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.errors import StoreError
    from dateline.web import WebLimits, create_app

    site.routes["/feed.xml"] = rss_answer(rss("Beside", [("/a.html", "A", None, None)]))
    site.routes["/a.html"] = html_answer(page(61))
    with Store(tmp_path / "w.duckdb") as store:
        reader = store.reader()
        app = create_app(reader, limits=WebLimits(allow_code=False))
        with TestClient(app, base_url="http://localhost") as client:
            assert client.get("/api/sources").json()["sources"] == []
            one_round([site.url("/feed.xml")], store)  # the writer goes on meanwhile
            body = client.get("/api/sources").json()
        assert [s["title"] for s in body["sources"]] == ["Beside"]
        assert body["sources"][0]["articles"] == 1
        with pytest.raises(StoreError, match="read-only"):
            reader.add_error("x")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_watch_serve_shows_the_dashboard_while_watching(site, tmp_path, monkeypatch):
    import httpx
    from typer.testing import CliRunner

    import dateline.pipeline
    from dateline.cli import app

    monkeypatch.setattr(dateline.pipeline, "Pipeline", StubCoder)
    site.routes["/feed.xml"] = rss_answer(rss("Served", [("/a.html", "A", None, None)]))
    site.routes["/a.html"] = html_answer(page(62))
    port = _free_port()
    args = ["watch", site.url("/feed.xml"), "--db", str(tmp_path / "w.duckdb"), "--every", "2s",
            "--rounds", "2", "--no-live", "--host-delay", "0", "--serve", "--port", str(port)]  # fmt: skip
    outcome = {}
    runner = threading.Thread(target=lambda: outcome.update(r=CliRunner().invoke(app, args)))
    runner.start()
    seen = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and runner.is_alive():
        try:
            body = httpx.get(f"http://127.0.0.1:{port}/api/sources", timeout=2).json()
        except httpx.HTTPError:
            time.sleep(0.2)
            continue
        if body["sources"] and body["sources"][0]["articles"]:
            seen = body
            break
        time.sleep(0.2)
    runner.join(30)
    assert outcome["r"].exit_code == 0, outcome["r"].output
    assert seen is not None, "the dashboard never showed the watched source"
    assert seen["sources"][0]["title"] == "Served"


def test_live_table_shows_every_source_and_settings_come_from_the_environment(monkeypatch):
    from rich.console import Console

    from dateline.cli.watch import round_table
    from dateline.watch.rounds import RoundSummary, SourceReport

    summary = RoundSummary("r1", sources={
        "http://a.example/rss": SourceReport("http://a.example/rss", status="ok", title="A wire",
                                             new_items=4, coded=3, events=7, skipped=1),
        "http://b.example/rss": SourceReport("http://b.example/rss", status="failed", failures=2,
                                             error="http://b.example/rss: HTTP 503 after 3 attempt(s)"),
    })  # fmt: skip
    console = Console(record=True, width=250)
    console.print(round_table(summary))
    text = console.export_text()
    assert "A wire" in text and "http://b.example/rss" in text
    assert "failed (2x)" in text and "HTTP 503" in text
    assert " 7 " in text  # the events column
    monkeypatch.setenv("DATELINE_WATCH_TIMEOUT_S", "7.5")
    monkeypatch.setenv("DATELINE_WATCH_ROBOTS", "0")
    monkeypatch.setenv("DATELINE_WATCH_USER_AGENT", "Newsroom monitor (desk@example.org)")
    settings = Settings.load(watch_retries=5)
    assert settings.watch_timeout_s == 7.5 and settings.watch_robots is False
    assert settings.watch_retries == 5
    assert user_agent(settings) == "Newsroom monitor (desk@example.org)"
    assert Settings.load(watch_timeout_s=2.0).watch_timeout_s == 2.0  # a flag wins


def test_a_page_without_text_takes_the_full_text_the_feed_carries(site, tmp_path):
    from watch_site import article_text

    story = "".join(f"<p>{p}</p>" for p in article_text(63) + article_text(64))
    script_page = (b"<html><head><title>App</title></head><body><div id='root'></div>"
                   b"<script>render()</script></body></html>")  # fmt: skip
    feed = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Full</title>'
        f"<item><title>Whole story</title><link>/app/1</link><content:encoded><![CDATA[{story}]]>"
        "</content:encoded></item>"
        "<item><title>Teaser only</title><link>/app/2</link>"
        "<description>A short teaser.</description></item></channel></rss>"
    ).encode()
    site.routes["/feed.xml"] = rss_answer(feed)
    site.routes["/app/1"] = html_answer(script_page)
    site.routes["/app/2"] = html_answer(script_page)
    with Store(tmp_path / "w.duckdb") as store:
        one_round([site.url("/feed.xml")], store)
        got = outcomes(store)
        (row,) = store.articles(with_text=True).to_dict("records")
    assert got[site.url("/app/1")][0] == "coded"
    assert row["title"] == "Whole story" and article_text(63)[0] in row["text"]
    assert row["url"] == site.url("/app/1")
    assert got[site.url("/app/2")][0] == "skipped"
    assert "no article text" in got[site.url("/app/2")][1]


def test_sigterm_ends_the_round_as_interrupted_without_waiting_for_requests(site, tmp_path):
    release, reached = threading.Event(), threading.Event()

    def stuck(request):
        reached.set()
        release.wait(30)
        return html_answer(page(65))

    site.routes["/feed.xml"] = rss_answer(rss("T", [("/stuck.html", "S", None, None)]))
    site.routes["/stuck.html"] = stuck
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "watch", site.url("/feed.xml"), "--db", str(db),
         "--once", "--no-live", "--host-delay", "0", "--timeout", "25"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert reached.wait(60), "the watch never asked for the page"
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = proc.wait(20)
        waited = time.monotonic() - started
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
    assert code == 143, proc.stderr.read().decode()
    assert waited < 10  # the 25 s read timeout of the page in flight was not waited out
    with Store(db) as store:
        assert store.runs().iloc[0]["status"] == "interrupted"
        assert state.items(store).empty  # the page in flight is fetched again next round


def test_a_sitemap_index_brings_the_pages_of_its_newest_sitemaps(site, tmp_path):
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    xml = {"Content-Type": "application/xml"}
    site.routes["/index.xml"] = (200, xml, (
        f"<sitemapindex {ns}>"
        "<sitemap><loc>{base}/news-new.xml</loc><lastmod>2024-05-02</lastmod></sitemap>"
        "<sitemap><loc>{base}/news-broken.xml</loc><lastmod>2024-05-01</lastmod></sitemap>"
        "</sitemapindex>"
    ).replace("{base}", site.base).encode())  # fmt: skip
    site.routes["/news-new.xml"] = (200, xml, (
        f"<urlset {ns}><url><loc>{site.base}/n/1.html</loc><lastmod>2024-05-02</lastmod></url>"
        f"<url><loc>{site.base}/n/2.html</loc></url></urlset>"
    ).encode())  # fmt: skip
    site.routes["/news-broken.xml"] = (500, {}, b"down")
    site.routes["/n/1.html"] = html_answer(page(66, with_meta=False))
    site.routes["/n/2.html"] = html_answer(page(67))
    with Store(tmp_path / "w.duckdb") as store:
        summary = one_round([site.url("/index.xml")], store)
        report = summary.sources[site.url("/index.xml")]
        dated = store.articles().set_index("url").loc[site.url("/n/1.html"), "published"]
        (source,) = state.health(store).to_dict("records")
    assert report.status == "ok" and report.coded == 2
    assert "news-broken.xml" in report.error  # a broken child is reported, the rest goes on
    assert str(dated)[:10] == "2024-05-02"  # the sitemap's date, the page has none
    assert source["kind"] == "sitemapindex" and source["articles"] == 2


def test_rounds_export_parquet_folders(site, tmp_path):
    import pyarrow.dataset as ds

    site.routes["/feed.xml"] = rss_answer(rss("F", [("/a.html", "A", None, None)]))
    site.routes["/a.html"] = html_answer(page(68))
    with Store(tmp_path / "w.duckdb") as store:
        summary = one_round([site.url("/feed.xml")], store, export_dir=tmp_path / "out",
                            export_format="parquet", coder=OneEventCoder)  # fmt: skip
    out = Path(summary.export_path)
    assert out.is_dir() and out.name.endswith(".events.parquet")
    assert ds.dataset(out, format="parquet").count_rows() == summary.exported == 1
