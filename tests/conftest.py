"""Shared fixtures: one warm Frog for the whole session, temporary databases, ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from kroniek.model import Document
from kroniek.nlp import FrogBackend, FrogServer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """A file in ../shared, or a skip saying why the test cannot run."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data beside its root), absent here")
    return path


@pytest.fixture(scope="session")
def frog_server() -> Iterator[FrogServer]:
    server = FrogServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def frog(frog_server: FrogServer) -> FrogBackend:
    return FrogBackend(frog_server)


@pytest.fixture
def analyse(frog: FrogBackend):  # type: ignore[no-untyped-def]
    def run(text: str) -> Document:
        document = Document(id="test", text=text, source="test", key="test")
        frog.analyse(document)
        return document

    return run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "kroniek.sqlite")


@pytest.fixture
def cli(frog_server: FrogServer, db: str):  # type: ignore[no-untyped-def]
    """Run ``kroniek`` as a real subprocess, sharing the session's warm Frog."""

    def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
            share_frog: bool = True) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "KRONIEK_DB": db, "COLUMNS": "200"}
        environment.pop("KRONIEK_FROG_SERVER", None)
        if share_frog:
            environment["KRONIEK_FROG_SERVER"] = frog_server.address
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "kroniek", *args],
            input=stdin.decode() if stdin is not None else None,
            capture_output=True, text=True, env=environment, timeout=600,
        )

    return run


POSTGRES_VARIABLE = "KRONIEK_TEST_POSTGRES_URL"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped after it.

    ``./run test`` starts a throwaway server on 127.0.0.1 and sets KRONIEK_TEST_POSTGRES_URL
    to a URL of it whose role may create databases; without the variable the test skips.
    """
    admin_url = os.environ.get(POSTGRES_VARIABLE)
    if not admin_url:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set (`./run test` starts a PostgreSQL "
                    "server and sets it)")
    name = f"kroniek_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def stored(tmp_path: Path) -> str:
    """A database holding the document of ``tests/export/test_plover.py`` (an attack that
    happened, a negated and a hypothetical one, a planned meeting, a pull quote ...), saved
    directly with ``kroniek.store.save``: for exports, counts and readers without Frog."""
    from kroniek.store import ActorRow, open_engine, save
    from tests.export.test_plover import make_document

    db = str(tmp_path / "k.sqlite")
    save(open_engine(db), make_document(), "test",
         [ActorRow("rus", "state", "Russia", "RUS", "RUS")])
    return db
