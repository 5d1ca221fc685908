"""How a run reports its progress: a callback object the caller chooses (the CLI draws a bar).

The runners know the counts; drawing them is the caller's business (``dateline.cli.progress``
renders them with rich), so the runs package imports no display library. A run that is given
no reporter reports nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from dateline.runs.local import RunSummary


class RunProgress(Protocol):
    """Callbacks of one run, in order: ``start`` once, ``advance``/``error`` per item, ``finish``."""

    def start(self, total: int | None) -> None:
        """The run begins; ``total`` items will be gone through (None: not cheap to know)."""

    def advance(self, items: int, summary: RunSummary) -> None:
        """``items`` more were done (coded, skipped or failed); ``summary`` holds the counts."""

    def error(self, item: str | None, reason: str, summary: RunSummary) -> None:
        """``item`` (a file, ``file:line``, an article id) could not be read or coded."""

    def finish(self, summary: RunSummary) -> None:
        """The run has ended (finished, failed or interrupted)."""
