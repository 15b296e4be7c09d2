"""One progress bar over all analysers, drawn by ``kroniek ingest --workers 2`` on a real
terminal (a pseudo-terminal), sharing the session's Frog."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from kroniek.nlp import FrogServer
from tests.parallel.test_workers_cli import ARTICLES, write_articles

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_one_bar_counts_the_documents_of_both_analysers(frog_server: FrogServer,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "berichten"
    write_articles(folder, ARTICLES[:5])
    environment = {**os.environ, "KRONIEK_DB": str(tmp_path / "k.sqlite"), "COLUMNS": "160",
                   "KRONIEK_FROG_SERVER": frog_server.address, "TERM": "xterm",
                   "PYTHONPATH": str(ROOT / "src")}
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "ingest", "--workers", "2", str(folder)],
        env=environment, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    output = bytearray()
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        output.extend(chunk)
    os.close(leader)
    assert process.wait(timeout=600) == 0
    screen = ANSI.sub("", output.decode("utf-8", errors="replace"))
    assert "Traceback" not in screen
    bars = [line for line in re.split(r"[\r\n]", screen) if line.startswith("ingest")]
    assert bars, screen
    counts = [int(found) for line in bars for found in re.findall(r"(\d+) docs", line)]
    assert counts and counts == sorted(counts)  # one bar, counting up, never two bars
    assert counts[-1] == 5
    assert "5 new" in screen
