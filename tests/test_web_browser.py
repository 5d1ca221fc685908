"""The dashboard in a real browser: Playwright driving Debian's Chromium against uvicorn.

Screenshots go to docs/screenshots/ when DATELINE_SCREENSHOTS=1, else to a temporary folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (.ci/install-browser.sh)",
    ),
]

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright Python package"
)
uvicorn = pytest.importorskip("uvicorn")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: How long a page waits for a text coded in its request (Playwright's default is 30 s; the
#: full suite on a loaded 2-core machine has taken longer, so the wait is generous).
CODING_TIMEOUT_MS = 120_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url():
    from dateline.web import create_app
    from dateline.web.fixtures import build_store

    server, thread, url = _serve(create_app(build_store(":memory:")))
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # console errors (CSP violations show up here) and uncaught exceptions
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    context.close()


def _docs_shots() -> Path:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def shots(tmp_path) -> Path:
    """docs/screenshots/ with DATELINE_SCREENSHOTS=1 (unless a real store is given), else tmp."""
    if os.environ.get("DATELINE_SCREENSHOTS") == "1" and not os.environ.get(
        "DATELINE_SCREENSHOT_DB"
    ):
        return _docs_shots()
    return tmp_path


def _serve(app):
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def test_filter_by_dyad_then_open_the_evidence(page, base_url, shots):
    page.goto(f"{base_url}/events")
    assert page.locator("tr.event-row").count() == 10
    page.fill("input[name=dyad]", "USA:RUS")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?dyad=USA%3ARUS*")
    rows = page.locator("tr.event-row")
    assert rows.count() == 5
    assert "dyad=" in page.url and "type=" not in page.url  # empty fields are not sent
    page.screenshot(path=str(shots / "events.png"), full_page=True)

    threaten = page.locator("tr.event-row", has_text="THREATEN")
    threaten.locator("a.evidence-link").click()
    page.wait_for_url("**/articles/wire-003#ev-*")
    trigger = page.locator("mark.hl-t.conflict", has_text="threatened")
    assert trigger.is_visible()
    assert trigger.get_attribute("id") == page.url.split("#")[1]
    # the sentence's event sits beside it, and untrusted markup in the text stayed text
    assert page.locator(".row.has-events .evcard.conflict", has_text="THREATEN").is_visible()
    assert page.locator(".evidence-text", has_text="<script>alert('x')</script>").is_visible()
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("mark.hl-q", has_text="Nothing is off the table").is_visible()
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    assert page.problems == []


def test_map_filters_then_clicks_through_to_the_evidence(page, base_url, shots):
    page.goto(f"{base_url}/map")
    assert page.locator("svg.worldmap").is_visible()
    assert page.locator("svg.worldmap path.land").count() >= 170  # the vendored outline
    assert page.locator("svg.worldmap a.point").count() == 4  # four dateline towns
    assert page.locator('path.land[data-country="UKR"]').get_attribute("class") != "land shade-0"
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    page.select_option("form.filters select[name=type]", "ASSAULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/map?type=ASSAULT*")
    points = page.locator("svg.worldmap a.point")
    assert points.count() == 1
    points.first.click()
    page.wait_for_url("**/events?type=ASSAULT&place=*")
    rows = page.locator("tr.event-row")
    assert rows.count() == 1 and "shelled" in rows.first.inner_text()
    rows.first.locator("a.evidence-link").click()
    page.wait_for_url("**/articles/wire-002#ev-*")
    assert page.locator("mark.hl-t.conflict", has_text="shelled").is_visible()
    assert page.problems == []


def test_dyad_network_and_actor_pages_draw(page, base_url, shots):
    page.goto(f"{base_url}/dyads/USA/RUS")
    assert page.locator("svg.timeline rect.bar.coop").count() == 2
    assert page.locator("svg.timeline rect.bar.conflict").count() == 3
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)

    page.goto(f"{base_url}/network")
    assert page.locator("svg.network a.node").count() == 5  # by country: the Russian Army is RUS
    page.hover("svg.network a.node[href='/actors/UKR'] circle")
    assert page.locator("svg.network path.edge.lit").count() == 3  # our JS ran under the CSP
    page.mouse.move(5, 5)
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.click("svg.network a.node[href='/actors/CHN'] circle")
    page.wait_for_url("**/actors/CHN")
    assert page.locator("h1", has_text="CHN").is_visible()
    assert page.locator("tr.event-row").count() == 2
    page.screenshot(path=str(shots / "actor.png"), full_page=True)

    page.goto(f"{base_url}/")
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    assert page.problems == []


@contextmanager
def _code_page(browser, pipeline):
    """The dashboard's /code page on a live server over an empty store, with the console's
    errors collected (the test asserts there are none)."""
    from dateline.web import create_app
    from dateline.web.fixtures import build_store

    server, thread, url = _serve(create_app(build_store(":memory:"), pipeline=pipeline))
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}/code")
        yield page, problems
        context.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.slow
def test_code_a_text_shows_the_result_like_an_article(browser, pipeline, shots):
    with _code_page(browser, pipeline) as (page, problems):
        page.fill(
            "textarea[name=text]",
            "Ruritania and Freedonia signed a trade agreement on Monday. <i>Officials</i> said so.",
        )
        page.fill("input[name=date]", "2021-03-03")
        page.click("form button[type=submit]")
        # coding runs in the request: give it the time a loaded 2-core machine needs
        page.wait_for_selector(".evidence-text", timeout=CODING_TIMEOUT_MS)
        assert page.locator(".evidence-text", has_text="<i>Officials</i>").is_visible()
        assert page.locator("details.json").count() == 1
        page.screenshot(path=str(shots / "code.png"), full_page=True)
        assert problems == []


def test_a_headline_and_its_events_show_above_the_text(browser, pipeline):
    with _code_page(browser, pipeline) as (page, problems):
        page.fill("textarea[name=text]", "The weather in Ankara was cold on Monday.")
        page.fill("input[name=title]", "TURKEY LAUNCHES AIR STRIKES ON KURDISH MILITIA IN SYRIA")
        page.fill("input[name=date]", "2018-01-22")
        page.click("form button[type=submit]")
        page.wait_for_selector(".evidence-text", timeout=CODING_TIMEOUT_MS)
        rows = page.locator(".evidence-text .row")
        head = rows.first
        assert "headline" in (head.get_attribute("class") or "")
        assert head.locator(".part-label").inner_text().lower() == "headline"
        assert head.locator("mark.hl-t").inner_text() == "STRIKES"
        assert (
            head.locator(".evcard").count() == 1
            and "ASSAULT" in head.locator(".evcard").inner_text()
        )
        assert rows.nth(1).locator("mark.hl-t").count() == 0  # nothing marked in the body
        assert problems == []


@pytest.mark.skipif(
    not os.environ.get("DATELINE_SCREENSHOT_DB"),
    reason="set DATELINE_SCREENSHOT_DB=events.duckdb (a store built by `dateline run`) to shoot it",
)
def test_screenshots_of_a_store(browser, tmp_path):
    """The docs screenshots, from any store built by `dateline run` (DATELINE_SCREENSHOTS=1 keeps them)."""
    from dateline.store import Store
    from dateline.web import create_app

    out = _docs_shots() if os.environ.get("DATELINE_SCREENSHOTS") == "1" else tmp_path
    store = Store(os.environ["DATELINE_SCREENSHOT_DB"], read_only=True)
    server, thread, url = _serve(create_app(store))
    try:
        import httpx

        stats = httpx.get(f"{url}/api/stats").json()
        pair = stats["top_dyads"][0]
        busiest = max(
            httpx.get(f"{url}/api/articles", params={"limit": 500}).json()["rows"],
            key=lambda a: a.get("events") or 0,
        )
        context = browser.new_context(viewport={"width": 1280, "height": 1100})
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        dyad = f"{pair['a']}:{pair['b']}"
        for name, path, full in [
            ("overview", "/", True),
            ("events", f"/events?dyad={dyad}&limit=12", True),
            ("article", f"/articles/{busiest['id']}", False),  # long: the first screen only
            ("dyad", f"/dyads/{pair['a']}/{pair['b']}", False),
            ("actor", f"/actors/{pair['a']}", False),
            ("network", "/network?top=30", False),
        ]:
            page.goto(url + path)
            page.screenshot(path=str(out / f"{name}.png"), full_page=full)
        page.goto(url + "/code")
        page.fill("textarea[name=text]", "Russia and China signed an agreement on Monday.")
        page.fill("input[name=date]", "2020-01-01")
        page.click("form button[type=submit]")
        page.wait_for_selector(".evidence-text", timeout=CODING_TIMEOUT_MS)
        page.screenshot(path=str(out / "code.png"), full_page=True)
        assert page.locator("mark.hl-t").count() >= 1
        assert problems == []
        context.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
