"""The dashboard's Sources page in a real browser (Playwright driving Debian's Chromium).

A screenshot goes to docs/screenshots/sources.png when DATELINE_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
uvicorn = pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sources_page_lists_sources_failing_first_without_errors(tmp_path):
    from dateline.web import create_app
    from test_watch import _store_with_sources

    store = _store_with_sources(tmp_path / "s.duckdb")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    shots = (
        ROOT / "docs" / "screenshots" if os.environ.get("DATELINE_SCREENSHOTS") == "1" else tmp_path
    )
    try:
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                        args=["--no-sandbox", "--disable-gpu", "--no-first-run"])  # fmt: skip
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(f"http://127.0.0.1:{port}/")
            page.click("nav >> text=Sources")
            page.wait_for_url("**/sources")
            rows = page.locator("table.data").first.locator("tbody tr")
            assert rows.count() == 2
            assert "failing" in (rows.nth(0).get_attribute("class") or "")
            assert "HTTP 503" in rows.nth(0).inner_text()
            assert "Wire <world>" in rows.nth(1).inner_text()
            page.screenshot(path=str(shots / "sources.png"), full_page=True)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()
    assert problems == []
