"""Every error Dateline raises, each saying what went wrong, where, and what to try.

Hierarchy::

    DatelineError
    ├── InputError          an article or corpus item cannot be read (binary, empty, bad encoding, ...)
    ├── ArticleTimeout      coding one article ran over settings.timeout_s
    ├── DataFileError       a shipped or user data file (YAML/CSV) is malformed
    ├── ModelError          the spaCy model cannot be loaded
    ├── FetchError          `dateline watch` could not fetch a feed or page (kind, transient)
    ├── StoreError          the database cannot be opened, migrated or written
    │   └── StoreBusy       another process holds the database
    └── EvaluationError     a gold-standard file cannot be read
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error Dateline raises on purpose."""


class InputError(DatelineError):
    """An input item cannot be turned into an article."""

    def __init__(self, message: str, item: str | None = None, record_id: str | None = None) -> None:
        self.item = item
        self.reason = message
        self.record_id = record_id  # the corpus record's own id (--id-field), when it has one
        super().__init__(f"{item}: {message}" if item else message)


class ArticleTimeout(DatelineError):
    """Coding one article took longer than ``settings.timeout_s`` (see dateline.limits)."""


class DataFileError(DatelineError):
    """A data file (lexicon, knowledge base, user dictionary) is malformed."""

    def __init__(self, message: str, path: str | None = None, row: int | None = None) -> None:
        where = path or "data file"
        if row is not None:
            where += f" row {row}"
        super().__init__(f"{where}: {message}")


class ModelError(DatelineError):
    """The spaCy pipeline could not be loaded."""


class FetchError(DatelineError):
    """A feed or page could not be fetched, or was refused on purpose (robots.txt, size, type).

    ``kind`` names the reason for counting (``http``, ``timeout``, ``network``, ``redirects``,
    ``too-large``, ``content-type``, ``robots``); ``transient`` says whether trying again later
    may help (5xx, timeouts, network errors) or not (4xx, robots.txt, a PDF).
    """

    def __init__(self, message: str, url: str, kind: str, transient: bool = False) -> None:
        self.url = url
        self.kind = kind
        self.transient = transient
        super().__init__(f"{url}: {message}")


class StoreError(DatelineError):
    """The event store cannot be opened or written."""


class StoreBusy(StoreError):
    """Another process is writing to the database."""


class EvaluationError(DatelineError):
    """A gold-standard file cannot be read."""
