"""The done-when check of `dateline watch`: one `--once` over a local site of 50 pages in 5
feeds, coded by the real pipeline, into a store the dashboard then shows. Loads spaCy: slow."""

from __future__ import annotations

import warnings

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store
from watch_site import build_site, serve

pytestmark = pytest.mark.slow


@pytest.fixture
def fixture_site():
    site = build_site(feeds=5, per_feed=10)
    server, _ = serve(site)
    yield site
    server.shutdown()
    server.server_close()


def test_watch_once_over_50_pages_in_5_feeds_fills_a_store_the_dashboard_shows(
    fixture_site, tmp_path
):
    feeds = [fixture_site.url(f"/feed{k}.xml") for k in range(5)]
    db = tmp_path / "watch.duckdb"
    args = ["watch", *feeds, "--db", str(db), "--once", "--no-live", "--host-delay", "0",
            "--timeout", "10", "--export-dir", str(tmp_path / "rounds"), "--format", "gdelt"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "5 sources checked" in result.stdout and "50 coded" in result.stdout
    (export,) = (tmp_path / "rounds").iterdir()
    assert export.name.endswith(".export.tsv") and export.read_text().count("\n") > 0

    again = CliRunner().invoke(app, args)  # every feed answers 304: nothing is fetched again
    assert again.exit_code == 0, again.output
    assert "5 not modified" in again.stdout and "0 new items" in again.stdout
    for n in range(50):
        assert len(fixture_site.hits(f"/feed{n // 10}/{n}.html")) == 1

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dateline.web import create_app

    with (
        Store(db, read_only=True) as store,
        TestClient(create_app(store), base_url="http://localhost") as client,
    ):
        stats = client.get("/api/stats").json()
        body = client.get("/api/sources").json()
        page = client.get("/sources")
        events = client.get("/api/events", params={"limit": 5}).json()
    assert stats["articles"] == 50 and stats["events"] > 0
    assert len(body["sources"]) == 5 and body["failing"] == 0
    assert all(s["articles"] == 10 and s["events"] > 0 for s in body["sources"])
    assert sum(s["events"] for s in body["sources"]) == stats["events"]
    assert [r["coded"] for r in body["rounds"]] == [0, 50]
    assert page.status_code == 200 and "Feed 4" in page.text
    assert events["rows"] and events["rows"][0]["url"].startswith(fixture_site.base)
