"""A database that fails under a running ``kroniek serve``: one-line 503s, a quiet log.

A real ``kroniek serve`` process on 127.0.0.1 over a copy of the web database; after it
started, the file is damaged (every page after the first overwritten) or deleted. Each
request then answers 503 with one line (JSON for the API, the error page for a browser),
never a traceback, and the server's log says it once per kind of error, not per request.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.frog
ROOT = Path(__file__).resolve().parents[2]
URLS = ["/", "/api/v1/events?limit=5", "/events", "/api/v1/map", "/network", "/map"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def page_size(db: Path) -> int:
    with db.open("rb") as handle:
        header = handle.read(18)
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def damage(db: Path) -> None:
    """Garbage over every page but the first (the file header and part of the schema)."""
    size, length = page_size(db), db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek(size)
        handle.write(b"\xba\xdd" * ((length - size) // 2))


def delete(db: Path) -> None:
    for path in db.parent.glob(db.name + "*"):
        path.unlink()


Server = tuple[str, Path, subprocess.Popen[str]]


@pytest.fixture
def server(web_db: str, tmp_path: Path) -> Iterator[Server]:
    """``kroniek serve`` over a copy of the web database, up and answering."""
    db = tmp_path / "kroniek.sqlite"
    shutil.copyfile(web_db, db)
    port = free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    environment.pop("KRONIEK_DB", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "serve", "--db", str(db), "--port", str(port)],
        env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            # A static file: the server is up, and no page has read the database yet.
            if httpx.get(f"{base}/static/kroniek.css", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"kroniek serve did not start: {process.communicate()}")
        time.sleep(0.2)
    try:
        yield base, db, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.parametrize("fault", [damage, delete], ids=["damaged", "deleted"])
def test_a_failing_database_gives_one_line_503s_and_a_quiet_log(
        server: Server, fault: Callable[[Path], None]) -> None:
    base, db, process = server
    fault(db)
    with httpx.Client(base_url=base, timeout=30) as http:
        for _round in range(3):
            for url in URLS:
                answer = http.get(url, headers={"accept": "application/json"})
                assert answer.status_code == 503, (url, answer.text)
                detail = answer.json()["detail"]
                assert detail.startswith("the database failed (") and "\n" not in detail
                assert str(db) not in detail  # the client does not learn the path
                assert answer.headers["x-content-type-options"] == "nosniff"
        page = http.get("/events", headers={"accept": "text/html"})
        assert page.status_code == 503 and "text/html" in page.headers["content-type"]
        assert "the database failed" in page.text and "Traceback" not in page.text
        assert http.get("/static/kroniek.css").status_code == 200  # the rest still serves
    process.send_signal(signal.SIGINT)
    _out, log = process.communicate(timeout=15)
    assert "Traceback" not in log
    lines = [line for line in log.splitlines() if line.strip()]
    # 19 failed requests, a handful of kinds of error: each logged once, with the path.
    assert 1 <= len(lines) <= 4, log
    assert all(str(db) in line for line in lines), log
