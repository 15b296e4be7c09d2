"""The FastAPI application: API routers under /api/v1, HTML pages, static files, errors."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

from kroniek import __version__
from kroniek.errors import InputError, KroniekError
from kroniek.serve import errors as database_errors
from kroniek.serve.limits import BodyLimit, ReadConcurrency
from kroniek.serve.pool import per_thread_connections
from kroniek.serve.routes import api_actors, api_docs, api_documents, api_events, api_graph, pages
from kroniek.serve.security import SecurityHeaders
from kroniek.serve.state import DEFAULT_MAX_BODY, AppState
from kroniek.store import open_engine, open_reader
from kroniek.store.database import check_integrity, database_url, label

STATIC = Path(__file__).with_name("static")


def _one_line(errors: list[dict[str, object]]) -> str:
    parts = []
    for error in errors[:3]:
        where = ".".join(str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", "")


def create_app(db: str | None = None, token: str | None = None, read_only: bool = True,
               max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The web app over the database ``db`` (path or URL; ``KRONIEK_DB`` and the default apply).

    Writes (``POST /api/v1/documents``) need ``token``; without one every write answers 403.
    ``allowed_hosts`` are Host names accepted on loopback besides localhost and 127.0.0.1
    (default: the comma-separated ``KRONIEK_ALLOWED_HOSTS``), e.g. for a local proxy.
    """
    if allowed_hosts is None:
        allowed_hosts = tuple(name.strip() for name in
                              os.environ.get("KRONIEK_ALLOWED_HOSTS", "").split(",")
                              if name.strip())
    # With a token the app is a writer (POST ingests, like `kroniek ingest`): it creates or
    # migrates the database first. The pages and the API read through a read-only engine
    # either way, so no GET can ever change the database.
    writer = open_engine(db) if token else None
    reader = open_reader(db)
    # A damaged file is refused at start, in one line, rather than by the first page that
    # happens to read the damaged part.
    check_integrity(reader)
    state = AppState(per_thread_connections(reader), token, read_only, max_body,
                     write_engine=writer)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="Kroniek",
        version=__version__,
        description="Events, actors, dyads and articles of kroniek's temporal knowledge graph. "
        "Every event links to the sentence it came from. The schema: "
        "[/openapi.json](/openapi.json) (OpenAPI 3.1). [/docs](/docs) shows it with Swagger "
        "UI, which reads the same schema in OpenAPI 3.0 (/docs/openapi.json).",
        lifespan=lifespan,
        # FastAPI's Swagger UI and ReDoc load their code from a CDN; /docs (api_docs) serves
        # Swagger UI from the swagger-ui-bundle package instead.
        docs_url=None,
        redoc_url=None,
    )
    app.state.kroniek = state
    app.add_middleware(ReadConcurrency)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    # Added last, so outermost: the 413 of BodyLimit gets the security headers too.
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount(api_docs.ASSETS, StaticFiles(directory=swagger_ui_path), name="swagger-ui")
    # Before the pages, whose router has a /docs of its own.
    app.include_router(api_docs.router)
    for router in (api_documents.router, api_events.router, api_actors.router,
                   api_graph.router):
        app.include_router(router, prefix="/api/v1")
    app.include_router(pages.router)

    database_errors.install(app, label(database_url(db)))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        if _wants_html(request):
            return pages.error_page(request, 422, _one_line(list(error.errors())))
        return JSONResponse({"detail": _one_line(list(error.errors()))}, status_code=422)

    @app.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(KroniekError)
    async def kroniek_error(request: Request, error: KroniekError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        if _wants_html(request):
            return pages.error_page(request, error.status_code, str(error.detail))
        return JSONResponse({"detail": str(error.detail)}, status_code=error.status_code,
                            headers=getattr(error, "headers", None))

    return app
