"""``kroniek demo``, the README's first command, through the command itself (real Frog)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from kroniek.cli.demo import demo_articles

ROOT = Path(__file__).resolve().parents[2]


def kroniek(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT / "src")}
    environment.pop("KRONIEK_DB", None)
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True,
                          text=True, env=environment, timeout=900, check=False)


def test_demo_stores_the_samples_and_hints_at_its_database(tmp_path: Path) -> None:
    db = str(tmp_path / "demo folder" / "demo.sqlite")
    (tmp_path / "demo folder").mkdir()
    first = kroniek("demo", "--db", db)
    assert first.returncode == 0, first.stderr
    articles = len(list(Path(demo_articles()).iterdir()))
    assert f"{articles} new" in first.stdout
    # Every hint names the database the demo used, quoted for the shell.
    assert first.stdout.count(f"--db {shlex.quote(db)}") >= 3, first.stdout
    assert "serve" in first.stdout
    listed = kroniek("docs", "--db", db)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) > articles
    events = kroniek("events", "--db", db, "--limit", "500")
    assert events.returncode == 0 and " event(s)" in events.stdout
    # A second demo run stores nothing twice.
    second = kroniek("demo", "--db", db)
    assert second.returncode == 0 and f"{articles} skipped" in second.stdout
