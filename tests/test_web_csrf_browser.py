"""CSRF in a real Chromium (issue 17): a page on another origin that auto-submits a form to
the dashboard's /code gets 403; the dashboard's own form still passes the guard."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs chromium at /usr/bin/chromium"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
uvicorn = pytest.importorskip("uvicorn")

from test_web_browser import LAUNCH_ARGS, _serve  # noqa: E402


def evil_site(target: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Another origin (127.0.0.1, another port) whose page posts a form to ``target``."""
    page = (f'<html><body><form id="f" method="post" action="{target}/code">'
            '<input name="text" value=" "></form>'
            "<script>document.getElementById('f').submit()</script></body></html>").encode()  # fmt: skip

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def test_a_form_posted_from_another_origin_is_refused():
    from dateline.web import WebLimits, create_app
    from dateline.web.fixtures import build_store

    app = create_app(build_store(":memory:"), limits=WebLimits(code_burst=100))
    server, thread, url = _serve(app)
    evil, evil_url = evil_site(url)
    try:
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            page = browser.new_page()
            statuses: list[tuple[int, str]] = []
            page.on("response", lambda r: statuses.append((r.status, r.url)))
            page.goto(evil_url)
            deadline = time.monotonic() + 20
            while not any(u.endswith("/code") for _, u in statuses) and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert (403, f"{url}/code") in statuses, statuses
            # the dashboard's own form: past the guard, the handler refuses the blank text (400)
            statuses.clear()
            page.goto(f"{url}/code")
            page.fill("textarea[name=text]", " ")
            page.evaluate("document.querySelector('form textarea').removeAttribute('required')")
            page.click("form button[type=submit]")
            page.wait_for_load_state()
            assert (400, f"{url}/code") in statuses, statuses
            browser.close()
    finally:
        evil.shutdown()
        server.should_exit = True
        thread.join(timeout=10)
