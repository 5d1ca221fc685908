"""Web security beyond tests/test_web_api.py: SQL injection through every parameter of every
route, stored XSS through every stored field, traversal variants, oversized bodies, the rate
limit, and `dateline serve` refusing a non-loopback address in a real subprocess."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what we ship with
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from dateline.model import Actor, Article, Event, Mention, Quote, Result, Span  # noqa: E402
from dateline.store import Store  # noqa: E402
from dateline.web import WebLimits, create_app  # noqa: E402
from dateline.web.fixtures import build_store  # noqa: E402

INJECTIONS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE events; --',
    "'; DELETE FROM articles; --",
    "1; ATTACH '/tmp/x.duckdb' AS x; --",
    "USA' UNION SELECT * FROM articles --",
    "\u2019 OR 1=1 --",  # right single quotation mark
    "\uff07 OR 1=1 --",  # fullwidth apostrophe
    "\u02bc; DROP TABLE events; --",  # modifier letter apostrophe
    "%' OR '%'='",
    "\\'; SELECT 1; --",
    "USA:RUS' --",
    "0x27",
    "-1",
    "9" * 40,
    "\x00",
    "date; DROP TABLE events",
    "read_csv('/etc/passwd')",
]
TABLES = ["articles", "events", "actors", "mentions", "quotes", "runs", "errors"]
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "javascript:alert(1)",
    "{{7*7}}{% raw %}",
    "</script><script>alert(1)</script>",
]
#: The raw pieces that must never reach a page unescaped.
DANGEROUS = re.compile(r"<script>alert|<img src=x|<svg/onload|<iframe srcdoc|</textarea><", re.I)
TAG = re.compile(r"<[a-zA-Z][^<>]*>")


def counts(store: Store) -> dict[str, int]:
    return {t: int(store.sql(f"SELECT count(*) AS n FROM {t}").iloc[0]["n"]) for t in TABLES}


@pytest.fixture(scope="module")
def hostile_store() -> Store:
    """The fixture store plus one article whose every stored string is an XSS payload."""
    store = build_store(":memory:")
    evil = PAYLOADS
    text = " ".join(f"{p} attacked Ruritania." for p in evil) + ' "' + evil[1] + '," she said.'
    mentions = []
    for p in evil:
        at = text.index(p)
        mentions.append(Mention(p, at, at + len(p), 0))
    bad = Actor("x1", evil[1], "RUR", "REB", "group", mentions)
    where = text.index("Ruritania")
    target = Actor("x2", evil[0], "RUR", evil[2], "country", [Mention("Ruritania", where, where + 9, 0)])  # fmt: skip
    events = []
    for i, p in enumerate(evil):
        trig = text.index("attacked", text.index(p))
        events.append(
            Event(
                "ASSAULT",
                0,
                Span("attacked", trig, trig + 8),
                bad.ref(p),
                target.ref(evil[(i + 1) % len(evil)]),
                quad_class=4,
                date="2024-05-01",
                sentence_text=p + " attacked Ruritania.",
                mode=evil[3],
                context=[evil[4]],
            )  # fmt: skip
        )
    qstart = text.index(' "') + 2
    quotes = [Quote(evil[1], qstart, qstart + len(evil[1]), bad.ref(evil[6]), 0)]
    article = Article(
        "xss-1", text, title=evil[0] + evil[1], authors=[evil[2]], source=evil[7],
        url="javascript:alert(1)", origin=evil[3],
    )  # fmt: skip
    assert store.add_result(Result(article, events, quotes, [bad, target]))
    return store


@pytest.fixture(scope="module")
def client(hostile_store):
    app = create_app(hostile_store, limits=WebLimits(code_burst=1000, code_rate_per_minute=6000))
    with TestClient(app, raise_server_exceptions=False, base_url="http://localhost") as c:
        yield c


def routes(client) -> list[tuple[str, list[str], list[str]]]:
    """(path template, path params, query params) of every GET route in the OpenAPI spec."""
    out = []
    for path, ops in client.get("/openapi.json").json()["paths"].items():
        if "get" not in ops:
            continue
        params = ops["get"].get("parameters", [])
        out.append((path, [p["name"] for p in params if p["in"] == "path"],
                    [p["name"] for p in params if p["in"] == "query"]))  # fmt: skip
    return out


PATH_DEFAULTS = {"article_id": "wire-001", "name": "USA", "a": "USA", "b": "RUS"}


def fill(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: quote(values[m.group(1)], safe=""), template)


def test_sql_injection_in_every_parameter_of_every_route(client, hostile_store):
    before = counts(hostile_store)
    tried = 0
    for template, path_params, query_params in routes(client):
        pages = [template] if not template.startswith("/api/") else [template]
        if template.startswith("/api/") and not template.endswith(".csv"):
            pages.append(template.removeprefix("/api"))  # the HTML twin takes the same params
        for page in pages:
            for payload in INJECTIONS:
                for name in path_params:
                    url = fill(page, {**PATH_DEFAULTS, name: payload})
                    response = client.get(url)
                    tried += 1
                    assert response.status_code in (400, 404, 200), (url, response.text[:300])
                    if response.status_code == 200 and "/articles/" in page:
                        pytest.fail(f"{url} found an article for an injected id")
                for name in query_params:
                    url = fill(page, PATH_DEFAULTS)
                    response = client.get(url, params={name: payload})
                    tried += 1
                    assert response.status_code in (200, 400, 404), (url, name, payload,
                                                                      response.text[:300])  # fmt: skip
                    if response.status_code == 200 and page.startswith("/api/"):
                        body = response.json() if "json" in response.headers["content-type"] else {}
                        if name in {"q", "actor", "speaker", "article_id", "country", "sector",
                                    "type"} and "rows" in body:  # fmt: skip
                            assert body["rows"] == [], (url, name, payload)
    print(f"\nsql injection: {tried} requests")  # shown with -s; docs/reliability.md quotes it
    assert tried > 500
    assert counts(hostile_store) == before
    # the read endpoints never expose DuckDB's file functions
    assert client.get("/api/events", params={"q": "read_csv('/etc/passwd')"}).status_code != 500


def test_injected_sort_and_pagination_are_refused(client):
    for params in [
        {"sort": "date; DROP TABLE events"},
        {"sort": "date DESC, (SELECT 1)"},
        {"sort": "-date' --"},
        {"limit": "10; DROP TABLE events"},
        {"offset": "0 OR 1=1"},
        {"limit": "1e9"},
        {"offset": "-1"},
        {"quad": "1 OR 1=1"},
        {"include_negated": "true' --"},
        {"format": "csv' --"},
    ]:
        response = client.get("/api/events", params=params)
        assert response.status_code == 400, (params, response.text[:200])
        assert response.json()["ok"] is False


def html_pages(client) -> list[str]:
    urls = ["/", "/events", "/events?actor=RUR", "/articles", "/articles/xss-1", "/actors",
            "/actors?country=RUR", "/quotes", "/network", "/network?by=name", "/code", "/docs",
            "/dyads/RUR/RUR", "/actors/RUR", "/actors/" + quote(PAYLOADS[1], safe="")]  # fmt: skip
    # every actor page the store links to
    for row in client.get("/api/actors", params={"limit": 500}).json()["rows"]:
        if row.get("name"):
            urls.append("/actors/" + quote(row["name"], safe=""))
    return urls


def test_stored_xss_never_reaches_a_page_unescaped(client):
    seen = 0
    for url in html_pages(client):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.text
        assert not DANGEROUS.search(html), (url, DANGEROUS.search(html).group(0))
        # a <script> element may only load our own static files
        for tag in re.findall(r"<script\b[^>]*>", html, re.I):
            assert re.search(r'src="/static/[\w./-]+"', tag), (url, tag)
        for tag in TAG.findall(html):  # no event handler or javascript: URL in any real tag
            bare = re.sub(r"\"[^\"]*\"|'[^']*'", '""', tag)  # attribute values aside
            assert not re.search(r"\son\w+\s*=", bare, re.I), (url, tag)
            assert not re.search(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", tag, re.I)
        seen += "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x" in html
    assert seen >= 3  # the payloads were shown, escaped
    article = client.get("/articles/xss-1").text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in article or (
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in article
    )


def test_json_api_returns_payloads_as_inert_data(client):
    body = client.get("/api/articles/xss-1").json()
    assert body["article"]["title"] == PAYLOADS[0] + PAYLOADS[1]
    response = client.get("/api/events.csv", params={"actor": "RUR"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/%252e%252e/%252e%252e/etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/..%5c..%5cetc%5cpasswd",
        "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/....//....//etc/passwd",
        "/static/dateline.css%00.py",
        "/static/../templates/base.html",
        "/static/%2e%2e/templates/base.html",
    ],
)
def test_static_traversal_variants_are_404(client, path):
    response = client.get(path)
    assert response.status_code in (404, 400), (path, response.status_code)
    assert "root:" not in response.text and "{%" not in response.text


def test_oversized_bodies_are_413_everywhere(client):
    big = b"x" * 300_000
    for url in ["/api/code", "/code", "/api/events", "/"]:
        response = client.post(url, content=big, headers={"content-type": "application/json"})
        assert response.status_code == 413, url
    lying = client.post("/api/code", content=b"{}", headers={"content-length": "999999999"})
    assert lying.status_code == 413


def test_code_rate_limit_holds_under_a_burst():
    store = build_store(":memory:")
    app = create_app(store, limits=WebLimits(code_burst=3, code_rate_per_minute=1))
    with TestClient(app, raise_server_exceptions=False, base_url="http://localhost") as c:
        statuses = [c.post("/api/code", json={"text": " "}).status_code for _ in range(10)]
    # a blank text spends a token, then is refused (400) before any coding; the rest wait
    assert statuses.count(400) == 3 and statuses.count(429) == 7, statuses


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20"])
def test_serve_refuses_remote_bind_in_a_real_process(tmp_path, host):
    db = tmp_path / "events.duckdb"
    build_store(str(db)).close()
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--host", host, "--port", "0"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "--allow-remote" in output and "loopback" in output
    assert "Traceback" not in output and "Uvicorn running" not in output
