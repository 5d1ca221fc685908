"""The event store: coded articles, events, actors and quotes in one DuckDB file."""

from dateline.store.filters import EventFilter
from dateline.store.schema import SCHEMA_VERSION
from dateline.store.store import Store

__all__ = ["SCHEMA_VERSION", "EventFilter", "Store"]
