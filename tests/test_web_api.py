"""The HTTP API and pages, in-process with FastAPI's TestClient over a real fixture store."""

from __future__ import annotations

import csv
import io
import warnings

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what we ship with
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient
from typer.testing import CliRunner  # noqa: E402

from dateline.web import WebLimits, create_app  # noqa: E402
from dateline.web.fixtures import HOSTILE_TITLE, build_store  # noqa: E402
from dateline.web.highlight import Mark, chunk_article, highlight  # noqa: E402

ERROR_KEYS = {"ok", "error", "status"}


@pytest.fixture(scope="module")
def store():
    return build_store(":memory:")


@pytest.fixture(scope="module")
def client(store):
    app = create_app(store, limits=WebLimits(code_burst=1000, code_rate_per_minute=6000))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


def assert_error(response, status: int) -> dict:
    """Every error: that status, JSON, and exactly {ok: false, error: str, status: int}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    return body


# --- events -----------------------------------------------------------------------------------


def test_events_page_of_rows_newest_first(client):
    body = client.get("/api/events").json()
    assert body["ok"] is True
    dates = [r["date"] for r in body["rows"]]
    assert len(dates) == 10
    assert dates == sorted(dates, reverse=True)
    row = body["rows"][0]
    for key in (
        "article_id",
        "event",
        "source",
        "target",
        "sentence_text",
        "trigger_text",
        "quad_class",
    ):
        assert key in row


def test_events_sort_ascending_by_date(client):
    rows = client.get("/api/events", params={"sort": "date"}).json()["rows"]
    assert rows[0]["date"] == "2024-01-09"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"dyad": "USA:RUS"}, {"AGREE", "ACCUSE", "CONSULT", "THREATEN", "SANCTION"}),
        ({"dyad": "RUS,USA"}, {"AGREE", "ACCUSE", "CONSULT", "THREATEN", "SANCTION"}),
        ({"actor": "CHN"}, {"REQUEST", "AID"}),
        ({"type": "assault"}, {"ASSAULT"}),
        ({"quad": 4}, {"ASSAULT", "SANCTION"}),
        ({"since": "2024-02-01", "until": "2024-02-28"}, {"CONSULT", "THREATEN"}),
        ({"q": "medical"}, {"AID"}),
    ],
)
def test_events_filters(client, params, expected):
    rows = client.get("/api/events", params=params).json()["rows"]
    assert {r["event"] for r in rows} == expected


def test_events_pagination_follows_next(client):
    first = client.get("/api/events", params={"limit": 4, "sort": "date"}).json()
    assert first["has_more"] is True and len(first["rows"]) == 4
    assert first["total"] == 10
    second = client.get(first["next"]).json()
    assert second["offset"] == 4
    ids = {(r["article_id"], r["event_index"]) for r in first["rows"]}
    assert ids.isdisjoint({(r["article_id"], r["event_index"]) for r in second["rows"]})
    last = client.get("/api/events", params={"limit": 4, "offset": 8}).json()
    assert last["has_more"] is False and last["next"] is None


@pytest.mark.parametrize(
    "url", ["/api/events.csv?dyad=USA:RUS", "/api/events?format=csv&dyad=USA:RUS"]
)
def test_events_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 5
    assert {"event", "sentence_text"} <= set(rows[0])


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=501",
        "/api/events?limit=0",
        "/api/events?offset=-1",
        "/api/events?quad=5",
        "/api/events?quad=x",
        "/api/events?sort=text; DROP TABLE events",
        "/api/events?since=2024-13-01",
        "/api/events?since=yesterday",
        "/api/events?since=2024-03-01&until=2024-01-01",
        "/api/events?dyad=USA",
        "/api/events?type=AG%20REE",
        "/api/events?format=xml",
        "/api/dyads/USA/RUS?freq=decade",
        "/api/network?top=1",
        "/api/articles?since=1-2-3",
    ],
)
def test_bad_parameters_are_400_with_the_error_shape(client, url):
    body = assert_error(client.get(url), 400)
    assert "since" in body["error"] or "bad parameter" in body["error"] or ":" in body["error"]


def test_not_found_and_wrong_method_have_the_error_shape(client):
    assert "wire-999" in assert_error(client.get("/api/articles/wire-999"), 404)["error"]
    assert_error(client.get("/api/actors/Nobody%20At%20All"), 404)
    assert_error(client.get("/api/nothing-here"), 404)
    assert_error(client.post("/api/events"), 405)


@pytest.mark.parametrize(
    "path",
    [
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/%2e%2e/model.py",
        "/static/../../pipeline.py",
    ],
)
def test_static_files_only_from_the_package_folder(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "import" not in response.text


# --- articles, actors, quotes, dyads, network, stats ----------------------------------------


def test_article_json_twin(client):
    body = client.get("/api/articles/wire-001").json()
    assert body["article"]["title"].startswith("Washington and Moscow")
    text = body["article"]["text"]
    assert [e["event"] for e in body["events"]] == ["AGREE", "ACCUSE", "SUPPORT"]
    for ev in body["events"]:
        assert text[ev["trigger_start"] : ev["trigger_end"]] == ev["trigger_text"]
    assert body["quotes"][0]["speaker"] == "Russia"
    assert {a["name"] for a in body["actors"]} == {"United States", "Russia", "United Nations"}


def test_articles_list(client):
    rows = client.get("/api/articles").json()["rows"]
    assert [r["id"] for r in rows] == ["wire-004", "wire-003", "wire-002", "wire-001"]
    rows = client.get("/api/articles", params={"since": "2024-02"}).json()["rows"]
    assert {r["id"] for r in rows} == {"wire-003", "wire-004"}


def test_actors_and_actor(client):
    rows = client.get("/api/actors").json()["rows"]
    names = [r["name"] for r in rows]
    assert names[0] in {"United States", "Russia"}
    assert "United Nations" in names
    body = client.get("/api/actors/Russia").json()
    assert body["actor"]["country"] == "RUS"
    partners = {p["partner"]: p for p in body["partners"]}
    assert partners["United States"]["events"] == 5
    assert any(q["text"].startswith("We are ready") for q in body["quotes"])


def test_actor_and_dyad_pages_count_periods_alike(client, store):
    """One definition of events per period: the actor page counts event groups that happened,
    as the dyad page and the CLI do, not coded event records."""
    from dateline.store.filters import EventFilter

    body = client.get("/api/actors/Russia", params={"freq": "month"}).json()
    series = store.series(EventFilter(actor="Russia", modality="happened"), "month")
    assert [p["events"] for p in body["periods"]] == list(series["events"]) and len(series)
    assert [p["coop"] for p in body["periods"]] == list(series["cooperation"])
    assert set(body["periods"][0]) == {"period", "events", "coop", "conflict", "goldstein"}
    dyad = client.get("/api/dyads/Russia/USA", params={"freq": "month"}).json()["periods"]
    ours = {p["period"]: p["events"] for p in body["periods"]}
    assert all(ours.get(p["period"], 0) >= p["events"] for p in dyad)


def test_quotes_by_speaker(client):
    rows = client.get("/api/quotes", params={"speaker": "United States"}).json()["rows"]
    assert [q["text"] for q in rows] == ["Nothing is off the table,"]


def test_dyad_counts_both_directions(client):
    body = client.get("/api/dyads/USA/RUS", params={"freq": "month"}).json()
    assert body["total"] == 5
    assert body["coop"] == 2 and body["conflict"] == 3
    periods = {p["period"]: p for p in body["periods"]}
    assert periods["2024-01"]["coop"] == 1 and periods["2024-01"]["conflict"] == 1
    assert periods["2024-03"]["conflict"] == 1
    assert {m["event"] for m in body["mix"]} == {
        "AGREE",
        "ACCUSE",
        "CONSULT",
        "THREATEN",
        "SANCTION",
    }
    weekly = client.get("/api/dyads/USA/RUS", params={"freq": "week"}).json()
    assert sum(p["coop"] + p["conflict"] for p in weekly["periods"]) == 5


def test_network_nodes_edges_layout(client):
    body = client.get("/api/network", params={"by": "name"}).json()
    names = {n["id"] for n in body["nodes"]}
    assert {"United States", "Russia", "Ukraine", "China"} <= names
    for n in body["nodes"]:
        assert 0.0 <= n["x"] <= 1.0 and 0.0 <= n["y"] <= 1.0
    edge = next(
        e for e in body["edges"] if (e["source"], e["target"]) == ("United States", "Russia")
    )
    assert edge["count"] == 3 and edge["conflict"] == 2
    feb = client.get("/api/network", params={"since": "2024-02-01", "until": "2024-02-29"}).json()
    assert sum(e["count"] for e in feb["edges"]) == 2
    by_country = client.get("/api/network").json()
    assert {n["id"] for n in by_country["nodes"]} == {"USA", "RUS", "UKR", "CHN", "United Nations"}


def test_stats(client):
    body = client.get("/api/stats").json()
    assert body["articles"] == 4 and body["events"] == 10 and body["quotes"] == 2


# --- pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/", "/events", "/events?dyad=USA:RUS&sort=confidence", "/articles", "/articles/wire-001",
     "/actors", "/actors/Russia", "/dyads/USA/RUS", "/dyads/USA/RUS?freq=week", "/network",
     "/quotes", "/code", "/docs"],
)  # fmt: skip
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "<nav>" in response.text


def test_article_page_escapes_untrusted_text_and_highlights(client):
    html = client.get("/articles/wire-003").text
    assert "<script>alert" not in html
    assert "<b>Unverified</b>" not in html
    assert "&lt;script&gt;alert" in html
    assert "&lt;b&gt;Unverified&lt;/b&gt;" in html
    title_escaped = HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert title_escaped.split('"')[0] in html
    assert 'class="hl hl-t conflict" title="THREATEN' in html
    assert '<mark class="hl hl-q"' in html  # the quote
    assert 'class="hl hl-m"' in html  # actor mentions


def test_events_page_rows_link_to_evidence(client):
    html = client.get("/events?dyad=USA:RUS").text
    assert html.count('class="event-row') == 5
    assert 'href="/articles/wire-001#ev-0"' in html


def test_html_errors_are_pages(client):
    response = client.get("/articles/wire-999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "wire-999" in response.text


def test_security_headers_everywhere(client):
    for url in ("/", "/api/events", "/static/dateline.css", "/api/nothing"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_docs_work_offline(client):
    html = client.get("/docs").text
    assert "/api/events" in html and "/api/code" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


# --- the coder endpoint ----------------------------------------------------------------------


def test_code_refuses_big_bodies_before_coding(client):
    big = "word " * 50_000  # 250 kB
    assert_error(client.post("/api/code", json={"text": big}), 413)
    # no Content-Length: a streamed body is counted too
    chunks = (b'{"text": "' + b"x" * 1000 + b'"' if i == 0 else b"x" * 10_000 for i in range(30))
    response = client.post(
        "/api/code", content=chunks, headers={"content-type": "application/json"}
    )
    assert_error(response, 413)


def test_code_validates_the_body(client):
    assert_error(client.post("/api/code", json={"text": ""}), 400)
    assert_error(client.post("/api/code", json={"date": "2020-01-01"}), 400)
    assert_error(client.post("/api/code", json={"text": "x", "date": "01/02/2020"}), 400)
    assert_error(
        client.post(
            "/api/code", content=b"{not json", headers={"content-type": "application/json"}
        ),
        400,
    )


def test_code_is_rate_limited_per_client(store):
    app = create_app(store, limits=WebLimits(code_burst=2, code_rate_per_minute=1))
    with TestClient(app, base_url="http://localhost") as c:
        app.state.bucket.take("testclient")
        app.state.bucket.take("testclient")
        response = c.post("/api/code", json={"text": "Russia and China signed an agreement."})
        assert_error(response, 429)
        assert int(response.headers["retry-after"]) >= 1


def test_code_can_be_switched_off(store):
    with TestClient(
        create_app(store, limits=WebLimits(allow_code=False)), base_url="http://localhost"
    ) as c:
        assert_error(c.post("/api/code", json={"text": "Russia and China met."}), 403)


@pytest.mark.slow
def test_code_returns_the_json_contract(store, pipeline):
    from dateline.model import validate

    app = create_app(store, pipeline=pipeline)
    with TestClient(app, base_url="http://localhost") as c:
        text = "Russia and China signed an agreement on Monday in Beijing."
        body = c.post(
            "/api/code", json={"text": text, "date": "2020-01-08", "title": "Deal"}
        ).json()
        validate(body)
        assert body["article"]["text"] == text
        html = c.post("/code", data={"text": text, "date": "2020-01-08"}).text
        assert "Result" in html and "&lt;" not in text


# --- highlighting --------------------------------------------------------------------------


def test_highlight_escapes_every_piece_and_splits_overlaps():
    text = 'A <b>said</b> "we & they agree" now'
    q0 = text.index('"')
    html = highlight(
        text,
        [Mark(0, 1, "mention", "A (USA)"), Mark(q0, len(text) - 4, "quote"), Mark(text.index("agree"), text.index("agree") + 5, "trigger", "AGREE", ("coop",), "ev-0")],
    )  # fmt: skip
    assert "<b>" not in html and "&lt;b&gt;said&lt;/b&gt;" in html
    assert '<mark class="hl hl-q hl-t coop" title="AGREE" id="ev-0">agree</mark>' in html
    assert html.count("<mark") == html.count("</mark>") == 4


def test_highlight_ignores_out_of_range_marks():
    assert highlight("abc", [Mark(2, 10, "trigger"), Mark(-1, 1, "mention")]) == "abc"


def test_chunks_put_events_beside_their_sentence():
    text = "First one. Second agreed here. Third."
    ev = {"trigger_start": text.index("agreed"), "sentence_text": "Second agreed here."}
    chunks = chunk_article(text, [], [ev])
    assert [c.html for c in chunks] == ["First one.", "Second agreed here.", "Third."]
    assert chunks[1].events == [ev]


# --- the serve command ------------------------------------------------------------------------


def test_serve_refuses_remote_host_without_flag(tmp_path):
    from dateline.cli import app

    result = CliRunner().invoke(
        app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"]
    )
    assert result.exit_code == 1
    assert "--allow-remote" in result.output


def test_serve_get_answers_one_request(tmp_path):
    from dateline.cli import app

    db = tmp_path / "events.duckdb"
    build_store(str(db)).close()
    result = CliRunner().invoke(
        app, ["serve", "--db", str(db), "--get", "/api/events?dyad=USA:RUS&limit=2"]
    )
    assert result.exit_code == 0, result.output
    assert '"has_more": true' in result.output
    missing = CliRunner().invoke(app, ["serve", "--db", str(db), "--get", "/api/articles/nope"])
    assert missing.exit_code == 1 and '"status": 404' in missing.output


@pytest.mark.parametrize(("host", "ok"), [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("192.168.1.4", False)])  # fmt: skip
def test_is_loopback(host, ok):
    from dateline.cli.serve import is_loopback

    assert is_loopback(host) is ok


def test_actor_by_country_code_keeps_the_code(client):
    body = client.get("/api/actors/USA").json()
    assert body["actor"]["name"] == "USA" and body["actor"]["country"] == "USA"
    assert body["actor"]["events"] == 6
    assert {p["partner"] for p in body["partners"]} == {"Russia", "United Nations"}


def test_code_form_is_bounded_too(client):
    response = client.post("/code", data={"text": "x" * 250_000})
    assert_error(response, 413)


def test_hostile_names_and_urls_stay_inert():
    from dateline.model import Actor, Article, Event, Mention, Result, Span
    from dateline.store import Store

    evil = '<img src=x onerror="alert(1)">'
    text = f"{evil} attacked Ruritania."
    bad = Actor("a1", evil, "RUR", "REB", "group", [Mention(evil, 0, len(evil), 0)])
    target = Actor("a2", "Ruritania", "RUR", "GOV", "country", [Mention("Ruritania", 40, 49, 0)])
    trigger = text.index("attacked")
    event = Event(
        "ASSAULT", 0, Span("attacked", trigger, trigger + 8), bad.ref(evil),
        target.ref("Ruritania"), quad_class=4, date="2024-05-01", sentence_text=text,
    )  # fmt: skip
    article = Article("evil-1", text, title=evil, url="javascript:alert(1)")
    store = Store(":memory:")
    store.add_result(Result(article, [event], [], [bad, target]))
    with TestClient(create_app(store), base_url="http://localhost") as c:
        for url in [
            "/",
            "/events",
            "/articles/evil-1",
            "/network?by=name",
            "/actors",
            "/dyads/RUR/RUR",
        ]:
            html = c.get(url).text
            assert "<img" not in html, url
            assert "javascript:" not in html, url
        assert "&lt;img src=x" in c.get("/articles/evil-1").text


def test_two_way_events_share_one_card_and_keep_both_anchors():
    from dateline.web.highlight import pair_mutual

    a = {"event": "AGREE", "trigger_start": 4, "source": "X", "target": "Y", "anchor": "ev-0"}
    b = {"event": "AGREE", "trigger_start": 4, "source": "Y", "target": "X", "anchor": "ev-1"}
    cards = pair_mutual([a, b])
    assert len(cards) == 1 and cards[0]["mutual"] is True
    html = highlight(
        "X,Y agree", [Mark(4, 9, "trigger", "", (), "ev-0"), Mark(4, 9, "trigger", "", (), "ev-1")]
    )
    assert 'id="ev-0"' in html and 'id="ev-1"' in html


def test_every_route_and_page_is_documented(client):
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "web.md").read_text("utf-8")
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"`{path.replace('{article_id}', '{id}')}" in doc or f"{path}`" in doc, path
    for page in [
        "/events",
        "/articles/{id}",
        "/actors/{name}",
        "/dyads/{a}/{b}",
        "/network",
        "/code",
    ]:
        assert f"`{page}`" in doc, page


def test_map_json_counts_points_and_countries(client):
    data = client.get("/api/map").json()
    assert data["events"] == data["located"] == 10  # every fixture event carries its dateline town
    places = {p["name"]: p for p in data["points"]}
    assert places["Kyiv"]["count"] == 3 and places["Kyiv"]["country"] == "UKR"
    assert places["Geneva"]["precision"] == "city" and places["Geneva"]["lat"] > 46
    assert data["countries"] == {"USA": 3, "UKR": 3, "CHE": 2, "CHN": 2}
    # the same filters as the events page
    only = client.get("/api/map", params={"type": "ASSAULT"}).json()
    assert [p["name"] for p in only["points"]] == ["Kyiv"] and only["events"] == 1


def test_map_page_draws_countries_and_linked_points(client):
    html = client.get("/map", params={"quad": 4}).text
    assert html.count('class="land') >= 170  # the vendored world outline
    assert 'data-country="UKR"' in html and "shade-0" in html
    kyiv = client.get("/api/map").json()["points"]
    fid = next(p["place"] for p in kyiv if p["name"] == "Kyiv")
    assert f'href="/events?quad=4&amp;place={fid}"' in html  # click-through keeps the filters
    rows = client.get("/api/events", params={"place": fid}).json()["rows"]
    assert rows and all(r["location"] == "Kyiv" for r in rows)
    assert (
        client.get("/api/events", params={"place": "CHE"}).json()["rows"][0]["location"] == "Geneva"
    )
    assert client.get("/map", params={"place": "<x>"}).status_code == 400


def test_a_one_element_list_stays_a_list_in_the_json():
    import numpy as np

    from dateline.web.queries import clean

    assert clean(np.array(["Mary Alice Salinas"], dtype=object)) == ["Mary Alice Salinas"]
    assert clean(np.array(["a", "b"], dtype=object)) == ["a", "b"]
    assert clean(np.int64(3)) == 3 and clean(np.float64("nan")) is None
