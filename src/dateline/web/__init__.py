"""The dashboard and the HTTP API: ``create_app(store)`` returns one FastAPI app serving both."""

from dateline.web.app import WebLimits, create_app

__all__ = ["WebLimits", "create_app"]
