"""kroniek's own Frog is reachable from no network and outlives no kind of kroniek exit;
a bad or silent KRONIEK_FROG_SERVER is one line."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.frog_processes import frog_children, inet_listeners, still_running

from kroniek.errors import NLPUnavailable
from kroniek.nlp import FrogServer, frog_connection


def test_the_socket_reader_sees_a_listening_socket() -> None:
    # The control for the tests below: a listener of this very process is found.
    with socket.socket() as listener:
        listener.bind(("0.0.0.0", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert any(address.endswith(f":{port:04X}") for address in inet_listeners(os.getpid()))


def test_own_frog_listens_on_no_network_socket(frog_server: FrogServer) -> None:
    frog_server.start()
    assert frog_server.pid is not None and frog_server.alive()
    assert inet_listeners(frog_server.pid) == []


def test_frog_is_shared_only_through_a_private_unix_socket(frog_server: FrogServer) -> None:
    address = frog_server.address
    assert address.startswith("unix:")
    folder = Path(address[len("unix:"):]).parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert folder.stat().st_uid == os.getuid()
    shared = FrogServer(address=address)
    answer = shared.request("De VN vergaderde gisteren.")
    assert answer.split("\n")[0].split("\t")[1:3] == ["De", "de"]
    assert frog_server.pid is not None and inet_listeners(frog_server.pid) == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_frog_of_serve_dies_with_serve_killed_by_sigkill(tmp_path: Path) -> None:
    environment = {**os.environ, "KRONIEK_DB": str(tmp_path / "k.sqlite")}
    environment.pop("KRONIEK_FROG_SERVER", None)
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "serve", "--port", str(port), "--token", "geheim"],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        article = {"text": "De Franse president sprak dinsdag in Parijs met de premier van "
                           "Polen over de oorlog.", "title": "Overleg in Parijs"}
        deadline = time.monotonic() + 30
        while True:  # until serve listens
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/v1/documents",
                    data=json.dumps(article).encode(), method="POST",
                    headers={"authorization": "Bearer geheim",
                             "content-type": "application/json"})
                with urllib.request.urlopen(request, timeout=300) as response:
                    assert response.status == 201
                break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline
                time.sleep(0.3)
            except urllib.error.URLError as error:
                if not isinstance(error.reason, ConnectionRefusedError):
                    raise
                assert time.monotonic() < deadline
                time.sleep(0.3)
        frogs = frog_children(serve.pid)  # started from a worker thread of the server
        assert len(frogs) == 1
        (frog_pid, started), = frogs.items()
        assert inet_listeners(frog_pid) == []
        os.kill(serve.pid, signal.SIGKILL)
        serve.wait()
        for _ in range(150):
            if not still_running(frog_pid, started):
                break
            time.sleep(0.2)
        assert not still_running(frog_pid, started)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()


def test_bad_frog_server_value_is_one_line() -> None:
    for value in ("notaport", "localhost:0", "localhost:99999", "host:12a", "unix:"):
        with pytest.raises(NLPUnavailable, match="KRONIEK_FROG_SERVER") as caught:
            FrogServer(address=value)
        assert "\n" not in str(caught.value)


def _server(answer: bytes | None) -> Iterator[int]:
    """A TCP server on 127.0.0.1 that is not Frog: it sends ``answer``, or nothing at all."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            held.append(connection)
            connection.recv(1 << 16)
            if answer is not None:
                connection.sendall(answer)

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for connection in held:
        connection.close()


@pytest.fixture
def http_server() -> Iterator[int]:
    yield from _server(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\nREADY\n")


@pytest.fixture
def silent_server() -> Iterator[int]:
    yield from _server(None)


def test_a_server_that_is_not_frog_is_one_line(http_server: int) -> None:
    server = FrogServer(address=f"127.0.0.1:{http_server}")
    with pytest.raises(NLPUnavailable, match=r"is not a Frog server .*HTTP/1.1 400") as caught:
        server.request("De VN vergaderde.")
    assert "\n" not in str(caught.value)


def test_a_server_that_does_not_answer_is_one_line_after_the_probe_timeout(
        silent_server: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frog_connection, "PROBE_TIMEOUT", 1.0)
    server = FrogServer(address=f"127.0.0.1:{silent_server}")
    began = time.monotonic()
    with pytest.raises(NLPUnavailable, match="gave no answer within 1 s") as caught:
        server.request("De VN vergaderde.")
    assert time.monotonic() - began < 10
    assert "\n" not in str(caught.value)


def test_a_closed_port_is_one_line() -> None:
    server = FrogServer(address=f"127.0.0.1:{_free_port()}")
    with pytest.raises(NLPUnavailable, match="cannot reach the Frog server"):
        server.request("De VN vergaderde.")


def test_ingest_with_a_bad_frog_server_value_says_so_in_one_line(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("De VN vergaderde gisteren in Genève.")
    result = cli("ingest", str(article), share_frog=False,
                 env={"KRONIEK_FROG_SERVER": "notaport"})
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "KRONIEK_FROG_SERVER='notaport' is not HOST:PORT" in result.stderr
