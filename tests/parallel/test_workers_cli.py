"""``kroniek ingest --workers N`` as a user runs it: real processes, real Frogs, SQLite."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.frog_processes import frog_children, still_running
from tests.parallel.stored import events_by_document, rows

# Composed for these tests; each names other actors, so their events cannot be confused.
ARTICLES = [
    "De Russische president ontving dinsdag zijn Turkse ambtgenoot in Moskou.",
    "Israël voerde woensdag luchtaanvallen uit op doelen in de Gazastrook.",
    "Frankrijk en Duitsland roepen Iran op de onderhandelingen over het atoomakkoord te "
    "hervatten. De Iraanse regering wees dat verzoek donderdag af.",
    "De Verenigde Staten leggen nieuwe sancties op aan Noord-Korea na een rakettest.",
    "Oekraïne beschuldigde Rusland vrijdag van een aanval op een graansilo in Odesa.",
    "De Chinese minister van Buitenlandse Zaken bezocht maandag Brazilië voor overleg over "
    "handel. Hij sprak er ook met de president.",
    "Demonstranten protesteerden zaterdag in Belgrado tegen de Servische regering.",
]


def write_articles(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"bericht-{number:02d}.txt"
        path.write_text(f"Bericht {number}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def summary_of(result: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def comparable(summary: dict) -> dict:  # type: ignore[type-arg]
    """A summary without what depends on timing or on how many Frogs started."""
    return {key: value for key, value in summary.items()
            if key not in ("seconds", "nlp_starts", "nlp_startup_seconds")}


def test_two_workers_store_what_one_stores(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "berichten"
    write_articles(folder, [*ARTICLES, ARTICLES[1]])  # the last is a copy: skipped
    one_db, two_db = str(tmp_path / "een.sqlite"), str(tmp_path / "twee.sqlite")
    # A Frog of its own, started fresh like the other side's: a session Frog that has read
    # hundreds of texts before was seen to parse some sentences differently (heads, deprels).
    one = cli("ingest", "--json", "--workers", "1", str(folder), share_frog=False,
              env={"KRONIEK_DB": one_db})
    assert one.returncode == 0, one.stderr
    # Two analysers with their own Frogs (not the session's), as a user gets them.
    two = cli("ingest", "--json", "--workers", "2", str(folder), share_frog=False,
              env={"KRONIEK_DB": two_db})
    assert two.returncode == 0, two.stderr
    one_summary, two_summary = summary_of(one), summary_of(two)
    assert one_summary["new"] == len(ARTICLES) and one_summary["skipped"] == 1
    assert one_summary["events"] > len(ARTICLES) // 2
    # Same counts, same document ids in the same (input) order, same errors and notes.
    assert comparable(two_summary) == comparable(one_summary)
    assert two_summary["nlp_starts"] == 2  # each analyser started its own Frog once
    stored_one, stored_two = rows(one_db), rows(two_db)
    assert stored_one["events"], "nothing to compare"
    assert stored_two == stored_one  # same rows, even the same event ids: stored in order

    again = cli("ingest", "--json", "--workers", "2", str(folder), env={"KRONIEK_DB": two_db})
    assert again.returncode == 0, again.stderr
    summary = summary_of(again)
    assert summary["skipped"] == len(ARTICLES) + 1 and summary["new"] == 0
    assert rows(two_db) == stored_one


def test_two_different_inputs_stay_two_records(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    # Almost the same text, told apart by one actor: analysed side by side, each document
    # must keep its own analysis.
    folder = tmp_path / "bijna"
    write_articles(folder, [
        "De Duitse regering veroordeelde dinsdag de aanval op het konvooi in Syrië.",
        "De Poolse regering veroordeelde dinsdag de aanval op het konvooi in Syrië.",
    ])
    result = cli("ingest", "--json", "--workers", "2", str(folder))
    assert result.returncode == 0, result.stderr
    summary = summary_of(result)
    assert summary["new"] == 2 and len(set(summary["document_ids"])) == 2
    with sqlite3.connect(db) as connection:
        actors = dict(connection.execute(
            "SELECT substr(d.key, -14), group_concat(p.code) FROM event_participants p "
            "JOIN events e ON e.id = p.event_id JOIN documents d ON d.id = e.document_id "
            "WHERE p.role = 'actor' GROUP BY d.key").fetchall())
    assert "DEU" in actors["bericht-00.txt"] and "POL" not in actors["bericht-00.txt"]
    assert "POL" in actors["bericht-01.txt"] and "DEU" not in actors["bericht-01.txt"]


def test_a_failing_document_does_not_stop_the_others(cli, tmp_path: Path, db: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "gemengd"
    paths = write_articles(folder, ARTICLES[:4])
    paths[1].write_bytes(b"\x00\x01\x02\x03 geen tekst \xff\xfe")  # binary
    paths[2].write_text("The government met on Tuesday to talk about the budget and "
                        "taxes for the next year.", encoding="utf-8")  # English
    result = cli("ingest", "--json", "--workers", "2", str(folder))
    assert result.returncode == 1
    summary = summary_of(result)
    assert summary["new"] == 2 and summary["failed"] == 2
    assert "binary data" in summary["errors"][0] and "bericht-01" in summary["errors"][0]
    assert "not Dutch" in summary["errors"][1] and "bericht-02" in summary["errors"][1]
    assert set(events_by_document(db)) == {"bericht-00.txt", "bericht-03.txt"}


def test_workers_must_be_a_positive_number(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    article.write_text(ARTICLES[0], encoding="utf-8")
    result = cli("ingest", "--workers", "0", str(article))
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "--workers must be at least 1, not 0" in line


def analyser_frogs(parent: int) -> dict[int, str]:
    """Frogs started by the analyser processes of ``parent``."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry.name}/stat").read_text().rsplit(")", 1)[1]
                           .split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == parent:
                found.update(frog_children(int(entry.name)))
    return found


def test_kill_9_of_a_parallel_ingest_keeps_what_was_committed(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path, db: str) -> None:
    folder = tmp_path / "veel"
    paragraph = ("De Russische minister van Defensie bezocht dinsdag de troepen in het zuiden. "
                 "Volgens de NAVO vielen daarbij zeker twaalf doden. ") * 10
    write_articles(folder, [f"Artikel {number}. {paragraph}" for number in range(24)])
    environment = {**os.environ, "KRONIEK_DB": db}
    environment.pop("KRONIEK_FROG_SERVER", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "ingest", "-q", "--workers", "2", str(folder)],
        env=environment)
    deadline = time.monotonic() + 400
    stored = 0
    frogs: dict[int, str] = {}
    while time.monotonic() < deadline and stored < 3:
        time.sleep(0.2)
        if len(frogs) < 2:
            frogs = analyser_frogs(process.pid)
        if Path(db).exists():
            try:
                with sqlite3.connect(db, timeout=1) as connection:
                    stored = connection.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                pass
    process.send_signal(signal.SIGKILL)  # the writer only, mid-run, no chance to clean up
    process.wait()
    assert 3 <= stored < 24
    assert len(frogs) == 2  # one per analyser
    # The analysers notice their writer is gone and leave; their Frogs go with them.
    for _ in range(150):
        if not any(still_running(pid, started) for pid, started in frogs.items()):
            break
        time.sleep(0.2)
    assert not any(still_running(pid, started) for pid, started in frogs.items())
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        half = connection.execute(
            "select count(*) from documents d where not exists "
            "(select 1 from sentences s where s.document_id = d.id)").fetchone()[0]
        assert half == 0
        before = connection.execute("select count(*) from documents").fetchone()[0]
        # Stored in input order: what a kill leaves is a prefix of the input.
        keys = sorted(k for (k,) in connection.execute("select key from documents"))
    assert [Path(key).name for key in keys] == [f"bericht-{n:02d}.txt" for n in range(before)]
    rerun = cli("ingest", "--json", "--workers", "2", str(folder))
    summary = summary_of(rerun)
    assert rerun.returncode == 0, rerun.stderr
    assert summary["skipped"] == before and summary["new"] == 24 - before


@pytest.mark.parametrize("shared", [True, False])
def test_default_workers_follow_the_machine(shared: bool, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kroniek.parallel import capacity

    if shared:
        monkeypatch.setenv("KRONIEK_FROG_SERVER", "unix:/nergens/frog.socket")
        assert capacity.default_workers() == 1
        return
    monkeypatch.delenv("KRONIEK_FROG_SERVER", raising=False)
    memory = capacity.available_memory()
    assert memory is not None and memory > 0
    expected = max(1, min(capacity.cores(), memory // capacity.BYTES_PER_ANALYSER))
    assert capacity.default_workers() == expected
