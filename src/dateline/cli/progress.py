"""The progress bar of `dateline run`: a rich rendering of the runs' progress callbacks."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from dateline.cli.app import err_console
from dateline.runs.local import RunSummary


class RichProgress:
    """A :class:`~dateline.runs.progress.RunProgress` drawn as one bar on stderr: items done
    of the total, articles per second, events and errors so far."""

    def __init__(self, console: Console | None = None, description: str = "coding") -> None:
        self.console = console or err_console
        self.description = description
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def start(self, total: int | None) -> None:
        columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                   MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]} art/s · {task.fields[events]} events · "
                              "{task.fields[errors]} errors"),
                   TimeElapsedColumn()]  # fmt: skip
        if total:
            columns.append(TimeRemainingColumn())
        self.bar = Progress(*columns, console=self.console, transient=False)
        self.bar.start()
        self.task = self.bar.add_task(self.description, total=total, rate="0.0", events=0,
                                      errors=0)  # fmt: skip

    def advance(self, items: int, summary: RunSummary) -> None:
        self._update(summary, items)

    def error(self, item: str | None, reason: str, summary: RunSummary) -> None:
        self._update(summary, 0)

    def finish(self, summary: RunSummary) -> None:
        self._update(summary, 0)
        if self.bar is not None:
            self.bar.stop()

    def _update(self, s: RunSummary, advance: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=advance, rate=f"{s.rate:.1f}", events=s.events,
                            errors=s.errors)  # fmt: skip
