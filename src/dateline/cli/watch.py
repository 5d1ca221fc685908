"""`dateline watch` and `dateline sources`: keep a store current from feeds, and show its sources."""

from __future__ import annotations

import logging
import time
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from dateline.cli.app import (
    ACTORS_OPTION,
    CODE_TITLE_OPTION,
    FULL_PARSE_OPTION,
    MODEL_OPTION,
    app,
    console,
    err_console,
    fail,
    handle_errors,
    show_log,
)
from dateline.cli.shared import DB_OPTION, FORMAT_OPTION, TableFormat, open_store, print_frame
from dateline.errors import StoreBusy
from dateline.lifecycle import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, sigterm_as_interrupt
from dateline.settings import Settings
from dateline.store import Store

STATUS_STYLE = {"ok": "green", "not modified": "cyan", "failed": "bold red",
                "backing off": "yellow", "checking": "magenta", "waiting": "dim"}  # fmt: skip


class RoundFormat(StrEnum):
    gdelt = "gdelt"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _clock(value) -> str:
    return value.strftime("%H:%M:%S") if value else "-"


def round_table(summary) -> Table:
    """The live display: one row per source with its status and this round's counts."""
    table = Table(title=f"Round {summary.run_id}", title_justify="left", expand=False)
    for name, justify in (("source", "left"), ("status", "left"), ("checked", "left"),
                          ("new", "right"), ("coded", "right"), ("events", "right"),
                          ("dup", "right"), ("skipped", "right"), ("failed", "right"),
                          ("last error", "left")):  # fmt: skip
        table.add_column(name, justify=justify, overflow="fold",
                         max_width=60 if name in ("source", "last error") else None)  # fmt: skip
    for r in summary.sources.values():
        style = STATUS_STYLE.get(r.status, "")
        status = r.status + (f" ({r.failures}x)" if r.failures else "")
        if r.status == "backing off" and r.next_due:
            status += f" until {r.next_due:%H:%M}"
        table.add_row(
            r.title or r.url, f"[{style}]{status}[/]" if style else status, _clock(r.checked_at),
            str(r.new_items), str(r.coded), str(r.events), str(r.duplicates), str(r.skipped),
            str(r.failed), Text((r.error or "")[:200], style="red"),
        )  # fmt: skip
    return table


def _totals(summary) -> str:
    c = summary.counts
    line = (f"{c['sources_checked']} sources checked ({c['not_modified']} not modified, "
            f"{c['sources_failed']} failed) · {c['new_items']} new items · {c['coded']} coded · "
            f"{c['events']} events · {c['duplicates']} duplicates · {c['skipped']} skipped · "
            f"{c['failed']} failed · {summary.seconds:.1f} s")  # fmt: skip
    if summary.export_path:
        line += f" · {summary.exported} rows → {summary.export_path}"
    return line


@app.command("watch")
@handle_errors
def watch_cli(
    sources: list[str] = typer.Argument(
        ..., help="Feed (RSS/Atom/JSON) or news sitemap URLs, files listing them, OPML files."
    ),
    db: Path = typer.Option(
        ..., "--db", help="The event store to keep current (created if missing)."
    ),
    once: bool = typer.Option(False, "--once", help="Do one round and exit (for cron)."),
    every: str = typer.Option(
        None,
        "--every",
        help="Time between rounds: 15m, 1h, 90s (default 15m, DATELINE_WATCH_EVERY_S).",
    ),
    rounds: int = typer.Option(None, "--rounds", min=1, help="Stop after this many rounds."),
    export_dir: Path = typer.Option(
        None, "--export-dir", help="Write each round's new events to a timestamped file here."
    ),
    fmt: RoundFormat = typer.Option(
        RoundFormat.gdelt,
        "--format",
        "-f",
        help="Format of the round files: gdelt, csv, jsonl, parquet.",
    ),
    timeout: float = typer.Option(None, "--timeout", help="Seconds to wait for a server."),
    retries: int = typer.Option(None, "--retries", min=0, help="Retries after 5xx or timeouts."),
    max_bytes: int = typer.Option(None, "--max-bytes", min=1, help="Largest page read, bytes."),
    host_delay: float = typer.Option(
        None, "--host-delay", min=0, help="Least seconds between two requests to one host."
    ),
    host_concurrency: int = typer.Option(
        None, "--host-concurrency", min=1, help="Requests in flight to one host at most."
    ),
    concurrency: int = typer.Option(None, "--concurrency", min=1, help="Pages fetched at once."),
    max_items: int = typer.Option(
        None, "--max-items", min=1, help="New items taken from one source per round."
    ),
    user_agent: str = typer.Option(None, "--user-agent", help="User-Agent header to send."),
    robots: bool = typer.Option(
        None,
        "--robots/--ignore-robots",
        help="Obey robots.txt (ignore it only for your own sites).",
    ),
    model: str = MODEL_OPTION,
    full_parse: bool = FULL_PARSE_OPTION,
    code_title: bool = CODE_TITLE_OPTION,
    actors_files: list[Path] = ACTORS_OPTION,
    live: bool = typer.Option(
        None, "--live/--no-live", help="Live table of the sources (default: on a terminal)."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every page on stderr."),
    serve: bool = typer.Option(
        False, "--serve", help="Also serve the dashboard (read-only, on 127.0.0.1) while watching."
    ),
    port: int = typer.Option(
        8000, "--port", min=0, max=65535, help="Port of the --serve dashboard."
    ),
) -> None:
    """Keep an event store current from RSS/Atom/JSON feeds and news sitemaps.

    Each round checks the sources (conditionally: unchanged feeds answer 304), fetches the
    items not seen before, extracts each page as 'dateline code page.html' does (the feed's
    title, date and author fill what the page lacks), codes it and stores it. The state of
    every source and item lives in the store, so a killed watch resumes where it was. Failing
    sources are reported and tried again later, waiting longer after each failure.

    Examples:

      dateline watch https://example.org/world/rss.xml --db events.duckdb --once

      dateline watch feeds.opml --db events.duckdb --every 15m

      dateline watch sources.txt --db events.duckdb --once --export-dir updates --format gdelt

      dateline watch feeds.opml --db events.duckdb --every 15m --serve --port 8000

    Exit status (with --once): 0 all went well; 1 some sources or pages failed (recorded in
    the store's errors table, see 'dateline sources'); 2 every source failed; 130 interrupted
    (Ctrl+C), 143 terminated (SIGTERM); either way the round is recorded 'interrupted'.

    In Python: `dateline.watch.run_round(urls, dateline.open("events.duckdb", create=True), settings)`.
    """
    from dateline.watch import expand_sources, parse_every

    if verbose:
        show_log(logging.INFO)
    if once and every:
        fail("give --once or --every, not both", 2)
    urls = expand_sources(sources)
    if not urls:
        fail("no sources: the files given list no URL", 2)
    settings = Settings.load(
        model=model, full_parse=full_parse, code_title=code_title,
        actors_files=tuple(str(p) for p in actors_files) if actors_files else None,
        watch_every_s=parse_every(every), watch_timeout_s=timeout, watch_retries=retries,
        watch_max_bytes=max_bytes, watch_host_delay_s=host_delay,
        watch_host_concurrency=host_concurrency, watch_concurrency=concurrency,
        watch_max_items=max_items, watch_user_agent=user_agent, watch_robots=robots,
    )  # fmt: skip
    live = err_console.is_terminal if live is None else live
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(settings)  # loaded once, on the first article to code
    options = {"pipeline": pipeline, "export_dir": export_dir, "export_format": fmt.value}
    exit_code = 0
    store = Store(db) if serve else None  # held open: the dashboard reads through store.reader()
    server = _serve(store, settings, port) if store is not None else None
    try:
        with sigterm_as_interrupt():  # systemd's stop: the round is recorded 'interrupted'
            for summary in _rounds(urls, db, settings, once, rounds, live, options, store):
                exit_code = summary.exit_code
    except KeyboardInterrupt as exc:
        err_console.print(
            f"Interrupted. Everything stored so far is in {db}; run the same command to resume."
        )
        raise typer.Exit(
            EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
        ) from None
    finally:
        if server is not None:
            server.should_exit = True
        if store is not None:
            store.close()
    raise typer.Exit(exit_code if once or rounds else 0)


def _serve(store: Store, settings: Settings, port: int):
    """The dashboard on 127.0.0.1:``port`` in a thread, reading ``store`` through a second
    connection (the coder page is off: the watch's pipeline is busy)."""
    import threading

    import uvicorn

    from dateline.web import WebLimits, create_app

    web_app = create_app(store.reader(), settings, limits=WebLimits(allow_code=False))
    config = uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning",
                            server_header=False, proxy_headers=False)  # fmt: skip
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, name="dateline-serve", daemon=True).start()
    err_console.print(f"Dashboard at http://127.0.0.1:{port}/sources while watching.")
    return server


def _rounds(urls, db, settings, once, rounds, live, options, held: Store | None = None):
    """Rounds with the store open only while each runs (unless ``held`` open for --serve), so
    that between rounds other commands ('dateline sources', 'dateline serve --get') can read it."""
    from contextlib import nullcontext

    from dateline.watch import run_round

    done = 0
    while True:
        started = time.monotonic()
        display = Live(console=err_console, refresh_per_second=4, transient=False) if live else None
        update = (lambda s, d=display: d.update(round_table(s))) if display else None
        try:
            if display:
                display.start()
            with nullcontext(held) if held is not None else Store(db) as store:
                summary = run_round(urls, store, settings, on_update=update, **options)
        except StoreBusy as exc:
            if once or rounds:
                raise
            err_console.print(f"[yellow]Round skipped:[/] {exc}", highlight=False, soft_wrap=True)
            summary = None
        finally:
            if display:
                display.stop()
        if summary is not None:
            if not live:
                console.print(round_table(summary))
            console.print(_totals(summary), highlight=False, soft_wrap=True)
            for line in summary.messages[:5]:
                err_console.print(f"[bold red]Error:[/] {line}", highlight=False, soft_wrap=True)
            yield summary
        done += 1
        if once or (rounds is not None and done >= rounds):
            return
        wait = max(0.0, settings.watch_every_s - (time.monotonic() - started))
        err_console.print(
            Group(Text(f"Next round in {wait:.0f} s (Ctrl+C to stop).", style="dim")),
        )
        time.sleep(wait)


SOURCE_COLUMNS = ["url", "title", "status", "last_checked", "last_new", "failures", "next_due",
                  "articles", "events", "failed_items", "last_error"]  # fmt: skip


@app.command("sources")
@handle_errors
def sources_cli(
    db: Path = DB_OPTION,
    fmt: TableFormat = FORMAT_OPTION,
    rounds: int = typer.Option(0, "--rounds", min=0, help="Also list the latest N rounds."),
) -> None:
    """List the sources 'dateline watch' follows, with their health.

    For each source: when it was last checked and last brought something new, its status,
    failures in a row (a failing source is tried again later, waiting longer each time), the
    articles and events it brought, and its last error. Failing sources come first.

    Examples:

      dateline sources --db events.duckdb

      dateline sources --db events.duckdb --format json

      dateline sources --db events.duckdb --rounds 5
    """
    from dateline.watch import state

    with open_store(db) as store:
        frame = state.health(store)
        recent = state.rounds(store, rounds) if rounds else None
    if frame.empty and fmt is TableFormat.table:
        fail(f"{db} has no sources yet; add some with 'dateline watch URL --db {db} --once'", 1)
    print_frame(frame, fmt, SOURCE_COLUMNS, title=f"Sources in {db}")
    if recent is not None and not recent.empty:
        print_frame(recent, fmt, title="Latest rounds")
    failing = int((frame["failures"] > 0).sum()) if not frame.empty else 0
    if failing and fmt is TableFormat.table:
        err_console.print(
            f"[yellow]{failing} source(s) failing[/]; see last_error above and the store's "
            f"errors table: dateline sql --db {db} \"SELECT * FROM errors WHERE kind = 'source'\"",
            highlight=False, soft_wrap=True,
        )  # fmt: skip
