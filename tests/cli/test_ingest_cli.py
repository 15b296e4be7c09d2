"""``kroniek`` as a user runs it: a real subprocess, the real Frog, a real SQLite file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import FIXTURES
from tests.frog_processes import frog_children, still_running


def summary_of(result: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    return json.loads(result.stdout)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_ingest_good_and_bad_inputs_in_one_run(cli) -> None:  # type: ignore[no-untyped-def]
    names = ["seed_day.txt", "seed_month.txt", "plain_title.txt", "cp1252.txt",
             "articles.jsonl", "bad_line.jsonl", "empty.txt", "binary.bin", "english.txt"]
    result = cli("ingest", "--json", *(str(FIXTURES / n) for n in names))
    no_traceback(result)
    assert result.returncode == 1
    summary = summary_of(result)
    # 4 text files + 4 JSONL records + 3 good lines of bad_line.jsonl
    assert summary["new"] == 11
    assert summary["failed"] == 5  # 2 bad JSONL lines, empty, binary, English
    errors = "\n".join(summary["errors"])
    for expected in ("not JSON", "no 'text'", "empty", "binary data", "not Dutch"):
        assert expected in errors
    assert any("read as cp1252" in note for note in summary["notes"])
    assert summary["sentences"] > 11 and summary["entities"] > 11

    again = cli("ingest", "--json", str(FIXTURES / "seed_day.txt"))
    assert again.returncode == 0
    assert summary_of(again)["skipped"] == 1 and summary_of(again)["new"] == 0
    replaced = cli("ingest", "--json", "--replace", str(FIXTURES / "seed_day.txt"))
    assert summary_of(replaced)["replaced"] == 1

    docs = cli("docs")
    assert docs.returncode == 0 and "2021-03-05" in docs.stdout
    stats = cli("stats")
    assert "documents" in stats.stdout and " 11 " in stats.stdout


def test_stdin_size_limit_and_one_line_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "seed_day.txt").read_bytes()
    result = cli("ingest", "--json", "-", stdin=text)
    assert result.returncode == 0 and summary_of(result)["new"] == 1
    big = tmp_path / "groot.txt"
    big.write_text("De NAVO vergaderde opnieuw in Brussel. " * 40000)
    result = cli("ingest", "--max-size", "1", str(big))
    no_traceback(result)
    assert result.returncode == 1
    assert "over the size limit of 1.0 MB" in result.stderr
    missing = cli("ingest", str(tmp_path / "bestaat-niet.txt"))
    assert missing.returncode == 1 and "no such file or directory" in missing.stderr


def test_show_highlights_entities(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("ingest", "--json", str(FIXTURES / "seed_day.txt"))
    document_id = summary_of(result)["document_ids"][0]
    shown = cli("show", document_id[:8])
    assert shown.returncode == 0
    assert "2021-03-05" in shown.stdout and "[PER" in shown.stdout
    unknown = cli("show", "ffffffff")
    assert unknown.returncode == 1 and "no stored document matches" in unknown.stderr


def test_missing_frog_is_one_clear_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("ingest", str(FIXTURES / "seed_day.txt"), share_frog=False,
                 env={"KRONIEK_FROG": "/nonexistent/frog"})
    no_traceback(result)
    assert result.returncode == 3
    assert "apt-get install frog frogdata" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_database_is_one_clear_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"geen database " * 200)
    result = cli("docs", env={"KRONIEK_DB": str(bad)})
    no_traceback(result)
    assert result.returncode == 1 and "is not a kroniek database" in result.stderr


def test_fifty_documents_start_frog_once(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "vijftig"
    folder.mkdir()
    for number in range(50):
        (folder / f"bericht-{number:02d}.txt").write_text(
            f" date 2022-02-{1 + number % 28:02d} Bericht {number}: de Oekraïense president "
            f"sprak met {number + 2} ministers in Kiev over de NAVO.\n")
    result = cli("ingest", "--json", "--workers", "1", str(folder), share_frog=False)
    assert result.returncode == 0, result.stderr
    summary = summary_of(result)
    assert summary["new"] == 50
    assert summary["nlp_starts"] == 1


def test_sigkill_mid_ingest_leaves_no_half_document(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "veel"
    folder.mkdir()
    paragraph = ("De Russische minister van Defensie bezocht dinsdag de troepen in het zuiden. "
                 "Volgens de NAVO vielen daarbij zeker twaalf doden. ") * 12
    for number in range(30):
        (folder / f"artikel-{number:02d}.txt").write_text(f"Artikel {number}. {paragraph}")
    environment = {**os.environ, "KRONIEK_DB": db}
    environment.pop("KRONIEK_FROG_SERVER", None)
    process = subprocess.Popen([sys.executable, "-m", "kroniek", "ingest", "-q", "--workers", "1",
                                str(folder)],
                               env=environment, start_new_session=True)
    deadline = time.monotonic() + 300
    stored = 0
    own_frogs: dict[int, str] = {}
    while time.monotonic() < deadline and stored < 3:
        time.sleep(0.2)
        own_frogs = own_frogs or frog_children(process.pid)
        if Path(db).exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    stored = connection.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    os.killpg(process.pid, signal.SIGKILL)  # kroniek, mid-run, with no chance to clean up
    process.wait()
    assert 3 <= stored < 30
    # Its own Frog (the child it started; other Frogs on the machine are not its) must
    # not outlive it.
    assert len(own_frogs) == 1
    (frog_pid, started), = own_frogs.items()
    for _ in range(150):
        if not still_running(frog_pid, started):
            break
        time.sleep(0.2)
    assert not still_running(frog_pid, started)
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        half = connection.execute(
            "select count(*) from documents d where not exists "
            "(select 1 from sentences s where s.document_id = d.id) or not exists "
            "(select 1 from tokens k where k.document_id = d.id)").fetchone()[0]
        assert half == 0
        orphans = connection.execute(
            "select count(*) from tokens k where not exists "
            "(select 1 from documents d where d.id = k.document_id)").fetchone()[0]
        assert orphans == 0
        before = connection.execute("select count(*) from documents").fetchone()[0]
    rerun = subprocess.run([sys.executable, "-m", "kroniek", "ingest", "--json", str(folder)],
                           env=environment, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["skipped"] == before and summary["new"] == 30 - before
