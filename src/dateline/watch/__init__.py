"""`dateline watch`: keep a store current from RSS/Atom/JSON feeds and news sitemaps.

``sources`` reads source lists and feeds, ``fetch`` is the polite HTTP client, ``pages`` turns
an item into an Article, ``state`` is what the store remembers, ``rounds`` runs it all.
"""

from dateline.watch.fetch import Fetcher
from dateline.watch.rounds import RoundSummary, SourceReport, parse_every, run_round
from dateline.watch.sources import expand_sources

__all__ = [
    "Fetcher",
    "RoundSummary",
    "SourceReport",
    "expand_sources",
    "parse_every",
    "run_round",
]
