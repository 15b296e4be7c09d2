"""Web tests: a database filled by ingesting our own articles, a live uvicorn, Chromium."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from kroniek.nlp import FrogBackend, FrogServer
from kroniek.pipeline import Pipeline, ingest
from kroniek.serve import create_app
from kroniek.store import open_engine

ARTICLES = Path(__file__).with_name("articles")
TOKEN = "test-token"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def _pipeline(frog_server: FrogServer) -> Pipeline:
    """The real pipeline: Frog, the linker and the extractor, as `kroniek ingest` runs."""
    return Pipeline(backend=FrogBackend(frog_server))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, frog_server: FrogServer) -> str:
    db = str(tmp_path_factory.mktemp("web") / "kroniek.sqlite")
    engine = open_engine(db)
    summary = ingest([str(ARTICLES)], engine, _pipeline(frog_server))
    assert summary.failed == 0, summary.errors
    assert summary.new == len(list(ARTICLES.glob("*.txt")))
    engine.dispose()
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sharing_frog(app: FastAPI, frog_server: FrogServer) -> FastAPI:
    """``app`` analysing (the event page's "Why this record") with the session's Frog
    rather than starting its own."""
    app.state.kroniek.use_pipeline(_pipeline(FrogServer(address=frog_server.address)))
    return app


@pytest.fixture(scope="session")
def live_server(web_db: str, frog_server: FrogServer) -> Iterator[str]:
    """A real uvicorn on 127.0.0.1 in a thread, read-only (no token)."""
    port = free_port()
    app = sharing_frog(create_app(web_db, None), frog_server)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian chromium at /usr/bin/chromium (./run test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
