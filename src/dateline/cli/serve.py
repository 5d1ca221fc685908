"""`dateline serve`: the dashboard and JSON API over an event store, on loopback by default."""

from __future__ import annotations

import ipaddress
import json
import sys
from pathlib import Path

import typer

from dateline.cli.app import app, console, fail, fail_missing, handle_errors
from dateline.settings import Settings


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def get_once(web_app, path: str) -> tuple[int, str, str]:
    """Answer one GET in-process (no socket): (status, content type, body text)."""
    import asyncio

    import httpx

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=web_app, client=("127.0.0.1", 0))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            return await client.get(path)

    response = asyncio.run(fetch())
    return response.status_code, response.headers.get("content-type", ""), response.text


@app.command("serve")
@handle_errors
def serve_cli(
    db: Path = typer.Option(
        ..., "--db", help="Event store (DuckDB file) to serve; opened read-only."
    ),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind (loopback unless --allow-remote)."
    ),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    allow_remote: bool = typer.Option(
        False,
        "--allow-remote",
        help="Allow binding a non-loopback address (the API then faces the network).",
    ),
    get: str = typer.Option(
        None,
        "--get",
        help="Answer one GET request in-process, print the body and exit (e.g. /api/events).",
    ),
    no_code: bool = typer.Option(
        False, "--no-code", help="Switch off POST /api/code and the 'Code a text' page."
    ),
    no_cache: bool = typer.Option(
        False, "--no-cache", help="Answer every GET from the store (no in-memory answer cache)."
    ),
    allowed_hosts: list[str] = typer.Option(
        None,
        "--allowed-host",
        help="Another Host name to answer (besides loopback names and --host); repeatable.",
    ),
) -> None:
    """Serve the dashboard and the JSON API for an event store.

    Examples:

      dateline serve --db events.duckdb

      dateline serve --db events.duckdb --port 8080

      dateline serve --db events.duckdb --get "/api/events?dyad=USA:RUS&limit=5"

    Only requests naming localhost, 127.0.0.1, [::1], the --host given or an --allowed-host
    in their Host header are answered (400 otherwise: DNS rebinding); POSTs from other sites'
    pages are refused (403). Slow clients are cut off: 10 s for a request's headers, 30 s for
    its body, 5 s idle keep-alive, at most 200 connections.
    """
    from dateline.store import Store

    try:
        import uvicorn  # noqa: F401 - checked here so a missing extra is one clear line

        from dateline.web import WebLimits, create_app
    except ImportError as exc:
        fail_missing(exc, "web", "dateline serve")

    if get is None and not allow_remote and not is_loopback(host):
        fail(
            f"--host {host} is not a loopback address; the dashboard has no login, so it binds to "
            "127.0.0.1 by default. Add --allow-remote if you really want it reachable from the network."
        )
    if not db.exists():
        fail(f"{db}: no such database; build one with `dateline run CORPUS --db {db}`")
    store = Store(str(db), read_only=True)
    names = [*(allowed_hosts or []), *([] if _is_wildcard(host) else [host])]
    web_app = create_app(
        store,
        Settings.load(),
        limits=WebLimits(allow_code=not no_code, response_cache=not no_cache),
        allowed_hosts=names,
    )
    if get is not None:
        if not get.startswith("/"):
            fail(f"--get {get!r}: give a path starting with '/', like /api/events")
        status, content_type, body = get_once(web_app, get)
        if content_type.startswith("application/json"):
            body = json.dumps(json.loads(body), indent=2, ensure_ascii=False)
        sys.stdout.write(body if body.endswith("\n") else body + "\n")
        if status >= 400:
            raise typer.Exit(1)
        return
    import uvicorn

    console.print(
        f"Dateline serving [bold]{db}[/] at http://{host}:{port}/  (API docs: /docs; Ctrl+C to stop)"
    )
    from dateline.web.server import uvicorn_options

    uvicorn.run(
        web_app,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        proxy_headers=False,
        **uvicorn_options(),
    )


def _is_wildcard(host: str) -> bool:
    """0.0.0.0 and :: listen everywhere; clients never send them as a Host name."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False
