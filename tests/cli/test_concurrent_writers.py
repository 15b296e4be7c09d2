"""Several ``kroniek ingest`` processes write one database at once, SQLite and PostgreSQL.

Three real processes (sharing the session's Frog) ingest overlapping sets of the same files
into one brand-new database: each must finish with exit 0 and counts that add up (new +
skipped = its inputs), every document must be stored exactly once and whole (as a single
ingest stores it), and the schema must have been migrated once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.cli.test_readonly import documents_counted

from kroniek.nlp import FrogServer
from kroniek.store.database import LATEST

ROOT = Path(__file__).resolve().parents[2]

# Composed for this test: short, so the processes spend their time racing on the database.
ARTICLES = [
    "Rusland heeft dinsdag een konvooi met hulpgoederen naar Syrië gestuurd.",
    "De Turkse president ontving woensdag zijn Azerbeidzjaanse ambtgenoot in Ankara.",
    "Israël voerde donderdag luchtaanvallen uit op doelen in Gaza.",
    "Frankrijk en Duitsland roepen Iran op om de onderhandelingen te hervatten.",
    "Oekraïne beschuldigde Rusland vrijdag van een aanval op een graansilo in Odesa.",
    "De Verenigde Staten leggen nieuwe sancties op aan Noord-Korea.",
]
# Which articles each process reads: every one is read by at least two processes.
SETS = [(0, 1, 2, 3), (2, 3, 4, 5), (0, 2, 4, 5)]


def kroniek(args: list[str], db: str, frog: FrogServer) -> subprocess.Popen[str]:
    environment = {**os.environ, "KRONIEK_DB": db, "KRONIEK_FROG_SERVER": frog.address,
                   "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.Popen([sys.executable, "-m", "kroniek", *args], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_all(commands: list[list[str]], db: str, frog: FrogServer) -> list[tuple[int, str, str]]:
    """Start every command at once, then wait for each; (exit code, stdout, stderr)."""
    processes = [kroniek(args, db, frog) for args in commands]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        results.append((process.returncode, out, err))
    return results


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for number, text in enumerate(ARTICLES):
        path = folder / f"bericht-{number}.txt"
        path.write_text(f"Bericht {number}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def contents(url: str) -> dict[str, tuple[str, int, int, int]]:
    """Per stored document: its key and how many sentences, mentions and events it has."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text(
                "SELECT d.id, d.key, "
                "(SELECT count(*) FROM sentences s WHERE s.document_id = d.id), "
                "(SELECT count(*) FROM mentions m WHERE m.document_id = d.id), "
                "(SELECT count(*) FROM events e WHERE e.document_id = d.id) "
                "FROM documents d")).all()
    finally:
        engine.dispose()
    return {row[0]: (Path(row[1]).name, row[2], row[3], row[4]) for row in rows}


def migrations(url: str) -> list[int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return sorted(connection.execute(
                sa.text("SELECT version FROM schema_migrations")).scalars())
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def expected(files: list[Path], frog_server: FrogServer,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, int, int, int]]:
    """What one ingest of all the files, alone, stores."""
    db = str(tmp_path_factory.mktemp("alone") / "kroniek.sqlite")
    [(code, _out, err)] = run_all([["ingest", "--quiet", *map(str, files)]], db, frog_server)
    assert code == 0, err
    stored = contents(f"sqlite:///{db}")
    assert len(stored) == len(ARTICLES)
    return stored


def check_concurrent_ingest(files: list[Path], db: str, url: str, frog: FrogServer,
                            expected: dict[str, tuple[str, int, int, int]]) -> None:
    commands = [["ingest", "--json", *(str(files[i]) for i in chosen)] for chosen in SETS]
    results = run_all(commands, db, frog)
    new = 0
    for (code, out, err), chosen in zip(results, SETS, strict=True):
        assert code == 0, err
        assert "Traceback" not in err
        summary = json.loads(out)
        assert summary["failed"] == 0 and summary["replaced"] == 0, summary
        assert summary["new"] + summary["skipped"] == len(chosen), summary
        new += summary["new"]
    assert new == len(ARTICLES)  # each document stored by exactly one process
    assert contents(url) == expected  # every document once, and whole
    assert migrations(url) == list(range(1, LATEST + 1))  # migrated once


def check_concurrent_upgrades(db: str, url: str, frog: FrogServer) -> None:
    results = run_all([["upgrade"]] * 3, db, frog)
    for code, _out, err in results:
        assert code == 0, err
    said = [out for _code, out, _err in results]
    # One process created it; the others, having waited for the lock, found it done.
    assert sum(out.startswith("created ") for out in said) == 1, said
    assert sum("is already at schema version" in out for out in said) == 2, said
    assert migrations(url) == list(range(1, LATEST + 1))


def test_three_ingests_of_overlapping_files_into_a_new_sqlite_database(
        files: list[Path], expected: dict[str, tuple[str, int, int, int]],
        frog_server: FrogServer, tmp_path: Path) -> None:
    db = str(tmp_path / "nieuw" / "kroniek.sqlite")
    check_concurrent_ingest(files, db, f"sqlite:///{db}", frog_server, expected)


def test_three_upgrades_create_a_new_sqlite_database_once(frog_server: FrogServer,
                                                          tmp_path: Path) -> None:
    for attempt in range(4):  # the race is short; try it a few times
        db = str(tmp_path / f"leeg-{attempt}.sqlite")
        check_concurrent_upgrades(db, f"sqlite:///{db}", frog_server)


def test_three_ingests_of_overlapping_files_into_a_new_postgres_database(
        files: list[Path], expected: dict[str, tuple[str, int, int, int]],
        frog_server: FrogServer, postgres_url: str) -> None:
    check_concurrent_ingest(files, postgres_url, postgres_url, frog_server, expected)
    # and the readers read it (read-only transactions on the server's side)
    [(code, out, err)] = run_all([["stats"]], postgres_url, frog_server)
    assert code == 0, err
    assert documents_counted(out, len(ARTICLES)), out
    [(code, out, err)] = run_all([["docs"]], postgres_url, frog_server)
    assert code == 0 and "Bericht 5" in out, err


def test_three_upgrades_create_a_new_postgres_database_once(
        frog_server: FrogServer, postgres_url: str) -> None:
    check_concurrent_upgrades(postgres_url, postgres_url, frog_server)

