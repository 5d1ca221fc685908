"""The web application object: ``create_app(store, settings)`` builds the dashboard and the API."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline._version import __version__
from dateline.errors import DatelineError
from dateline.settings import Settings
from dateline.web.coder import CodingProcess
from dateline.web.guard import GuardMiddleware, TokenBucket, allowed_host_names, error_body
from dateline.web.serving import ResponseCache, StorePool

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass(frozen=True)
class WebLimits:
    """Bounds the web app enforces; the defaults suit a newsroom laptop or a small server.

    Page sizes are fixed by the API itself (``limit`` 1-500, ``offset`` up to 1,000,000).
    """

    max_body_bytes: int = 200_000  # POST bodies (the text to code), 413 beyond
    body_timeout_s: float = 30.0  # time to receive a POST body, 408 beyond
    response_cache: bool = True  # repeat GET answers from memory (read-only stores only)
    code_rate_per_minute: float = 12.0  # POST /api/code and /code, per client address
    code_burst: int = 6
    allow_code: bool = (
        True  # False: the coder endpoints answer 403 (e.g. a public read-only mirror)
    )


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json" or path.startswith("/static/")


def _error_response(
    request: Request, status: int, message: str, headers: dict | None = None
) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "title": f"Error {status}"},
        status_code=status,
        headers=headers,
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        where = ".".join(loc) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid value')}")
    return "bad parameter: " + "; ".join(parts) if parts else "bad request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; see /docs for the endpoints"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return _error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        return _error_response(request, 400, _validation_message(exc))

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        return _error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:  # the request boundary
        log.exception("error serving %s", request.url.path)
        return _error_response(
            request, 500, f"internal error ({type(exc).__name__}); see the server log"
        )


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "xml", "svg"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from dateline.web import filters

    env.filters.update(filters.FILTERS)
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(
    store: Any,
    settings: Settings | None = None,
    *,
    limits: WebLimits | None = None,
    pipeline: Any | None = None,
    allowed_hosts: Iterable[str] = (),
) -> FastAPI:
    """Build the FastAPI app serving the dashboard (``/``) and the JSON API (``/api/...``).

    ``store`` is an open :class:`dateline.store.Store` (read-only is enough); ``settings`` are
    used for the coder behind ``POST /api/code``; ``pipeline`` lets a caller share a loaded one.
    Requests must name a loopback host (``localhost``, ``127.0.0.1``, ``[::1]``) or one of
    ``allowed_hosts`` in their ``Host`` header, and unsafe requests must not come from another
    site (``Origin``); see docs/reliability.md.
    """
    from dateline.web import api, pages

    limits = limits or WebLimits()
    app = FastAPI(
        title="Dateline",
        version=__version__,
        summary="Political events coded from news, with the sentence that proves each one.",
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN; /docs is our offline page
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.stores = StorePool(store)
    app.state.settings = settings or Settings.load()
    app.state.limits = limits
    app.state.pipeline = pipeline
    app.state.pipeline_lock = threading.Lock()
    app.state.coder = CodingProcess(app.state.settings)
    app.state.bucket = TokenBucket(limits.code_rate_per_minute / 60.0, limits.code_burst)
    app.state.templates = _templates()
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC), check_dir=True), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    if limits.response_cache and getattr(store, "frozen", False):  # it cannot change
        app.add_middleware(ResponseCache)
    app.add_middleware(
        GuardMiddleware,
        max_body=limits.max_body_bytes,
        body_timeout_s=limits.body_timeout_s,
        allowed_hosts=allowed_host_names(tuple(allowed_hosts)),
    )

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs_page(request: Request) -> Response:
        return app.state.templates.TemplateResponse(
            request, "docs.html", {"title": "API", "spec": app.openapi(), "nav": "docs"}
        )

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict:
        return {"ok": True}

    return app
