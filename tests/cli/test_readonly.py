"""Readers never create, upgrade or write a database; `kroniek upgrade` migrates explicitly.

Every check runs the real ``kroniek`` command on real SQLite files.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.nlp import FrogServer
from kroniek.store.database import LATEST

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534

ARTICLES = {
    "grens.txt": "Titel: Troepen bij de grens\nDatum: 2023-09-14\n\n"
                 "Rusland heeft donderdag extra troepen naar de grens met Finland gestuurd. "
                 "De Finse president noemde dat een ernstige dreiging.\n",
    "overleg.txt": "Titel: Overleg in Den Haag\nDatum: 2023-10-02\n\n"
                   "De Nederlandse premier ontving maandag zijn Belgische ambtgenoot in Den "
                   "Haag. Zij spraken over de hulp aan Oekraïne.\n",
}

# Every command that only reads, with the arguments it needs.
READERS: list[list[str]] = [
    ["stats"], ["docs"], ["show", "0000"], ["events"], ["export"], ["dyad", "RUS", "FIN"],
    ["actor", "RUS"], ["explain", "0000:0"], ["serve", "--port", "1"],
]


def kroniek(*args: str, env: dict[str, str] | None = None,
            frog: FrogServer | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(ROOT / "src")}
    environment.pop("KRONIEK_DB", None)
    environment.pop("KRONIEK_FROG_SERVER", None)
    if frog is not None:
        environment["KRONIEK_FROG_SERVER"] = frog.address
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True,
                          text=True, env=environment, timeout=600)


def kroniek_without_root(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a forked child that, when the tests run as root (who may write any
    file), first becomes ``nobody``, so file permissions really refuse writes. A fork, not
    an exec: ``nobody`` may not be allowed to run this Python from its folder."""
    from kroniek.cli.app import app

    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            sys.stdout = os.fdopen(out_write, "w")  # the consoles write to sys.stdout/err
            sys.stderr = os.fdopen(err_write, "w")
            if os.geteuid() == 0:
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            os.environ["COLUMNS"] = "200"
            try:
                app([*args], prog_name="kroniek")
                code = 0
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    os.close(out_write)
    os.close(err_write)
    with os.fdopen(out_read) as out, os.fdopen(err_read) as err:
        stdout, stderr = out.read(), err.read()
    _, status = os.waitpid(child, 0)
    return subprocess.CompletedProcess(list(args), os.waitstatus_to_exitcode(status),
                                       stdout, stderr)


def documents_counted(stats: str, count: int) -> bool:
    """Whether `kroniek stats` output says ``count`` documents (the column's width varies
    with the other rows, e.g. the published dates)."""
    return re.search(rf"^│ documents\s+│\s+{count:,}\s+│", stats, re.MULTILINE) is not None


def one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert expected in lines[0], lines[0]


def fingerprint(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and mtime of every file in ``folder``: what a reader must leave unchanged."""
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, frog_server: FrogServer) -> Path:
    """A kroniek database holding our two articles, filled by `kroniek ingest`."""
    folder = tmp_path_factory.mktemp("stored")
    articles = folder / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    db = folder / "db" / "kroniek.sqlite"
    result = kroniek("ingest", str(articles), "--db", str(db), frog=frog_server)
    assert result.returncode == 0, result.stderr
    assert "2 new" in result.stdout
    return db


def copy_of(stored: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "kroniek.sqlite"
    shutil.copyfile(stored, target)
    return target


def test_readers_on_a_missing_path_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "folder" / "kroniek.sqlite"
    for command in READERS:
        result = kroniek(*command, "--db", str(missing))
        one_line_error(result, f"no database at {missing}")
        assert not (tmp_path / "typo").exists(), command
    # KRONIEK_DB is a path like --db.
    result = kroniek("stats", env={"KRONIEK_DB": str(missing)})
    one_line_error(result, "no database at")
    assert list(tmp_path.iterdir()) == []


def test_readers_refuse_another_applications_sqlite_file_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    other = folder / "vogels.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE vogels (id INTEGER PRIMARY KEY, naam TEXT)")
        connection.execute("INSERT INTO vogels (naam) VALUES ('merel'), ('ekster')")
    connection.close()
    before = fingerprint(folder)
    for command in READERS:
        one_line_error(kroniek(*command, "--db", str(other)), "is not a kroniek database")
    # Writers refuse it too, before SQLite could turn it into WAL or add tables.
    for command in (["ingest", str(tmp_path)], ["upgrade"]):
        one_line_error(kroniek(*command, "--db", str(other)), "is not a kroniek database")
    assert fingerprint(folder) == before
    not_sqlite = folder / "notes.sqlite"
    not_sqlite.write_bytes(b"geen database, gewoon tekst\n" * 50)
    before = fingerprint(folder)
    one_line_error(kroniek("docs", "--db", str(not_sqlite)), "is not a kroniek database")
    one_line_error(kroniek("upgrade", "--db", str(not_sqlite)), "is not a kroniek database")
    assert fingerprint(folder) == before


def test_readers_leave_a_kroniek_database_unchanged(stored: Path, tmp_path: Path) -> None:
    # The database file itself; for a WAL database SQLite's readers may create the -wal
    # and -shm files beside it, which is how they see a concurrent writer's commits.
    db = copy_of(stored, tmp_path / "copy")
    before = db.read_bytes(), db.stat().st_mtime_ns
    stats = kroniek("stats", "--db", str(db))
    assert stats.returncode == 0, stats.stderr
    assert documents_counted(stats.stdout, 2)
    for command in (["docs"], ["events"], ["export"], ["dyad", "RUS", "FIN"], ["actor", "RUS"]):
        result = kroniek(*command, "--db", str(db))
        assert result.returncode == 0, (command, result.stderr)
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def downgrade_to_3(db: Path) -> None:
    """Make ``db`` look like a database of a kroniek with schema version 3, in rollback
    journal mode as an older SQLite tool may leave it (so no sidecar file is expected)."""
    with sqlite3.connect(db) as connection:
        for table in ("actor_days", "dyad_days", "event_text"):
            connection.execute(f"DROP TABLE {table}")
        for index in ("ix_events_type_date", "ix_events_date_type"):
            connection.execute(f"DROP INDEX {index}")
        connection.execute("DELETE FROM schema_migrations WHERE version >= 4")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    assert not Path(f"{db}-wal").exists()


def test_older_schema_asks_for_upgrade_which_migrates(stored: Path, tmp_path: Path) -> None:
    db = copy_of(stored, tmp_path / "old")
    downgrade_to_3(db)
    before = fingerprint(db.parent)
    for command in READERS:
        one_line_error(kroniek(*command, "--db", str(db)),
                       f"database {db} is schema version 3; run `kroniek upgrade")
    assert fingerprint(db.parent) == before
    upgraded = kroniek("upgrade", "--db", str(db))
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"upgraded {db} from schema version 3 to {LATEST}" in upgraded.stdout
    again = kroniek("upgrade", "--db", str(db))
    assert f"already at schema version {LATEST}" in again.stdout
    stats = kroniek("stats", "--db", str(db))
    assert stats.returncode == 0 and documents_counted(stats.stdout, 2)


def test_upgrade_creates_a_missing_database(tmp_path: Path) -> None:
    db = tmp_path / "nieuw" / "kroniek.sqlite"
    result = kroniek("upgrade", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert f"created {db} at schema version {LATEST}" in result.stdout
    stats = kroniek("stats", "--db", str(db))
    assert stats.returncode == 0 and documents_counted(stats.stdout, 0)


@pytest.fixture
def read_only_folder(stored: Path) -> Iterator[Path]:
    """A copy with mode 444 in a folder of mode 555 that the user ``nobody`` can reach."""
    folder = Path(tempfile.mkdtemp(prefix="kroniek-ro-"))
    db = copy_of(stored, folder)
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_a_read_only_file_in_a_read_only_folder_can_be_read(read_only_folder: Path) -> None:
    db = read_only_folder
    before = fingerprint(db.parent)
    # Not as root, so the permissions really refuse writes; SQLite opens the file immutable.
    stats = kroniek_without_root("stats", "--db", str(db))
    assert stats.returncode == 0, stats.stderr
    assert documents_counted(stats.stdout, 2)
    events = kroniek_without_root("events", "--db", str(db))
    assert events.returncode == 0 and "event(s)" in events.stdout
    one_line_error(kroniek_without_root("ingest", "/nonexistent", "--db", str(db)),
                   f"{db} is read-only")
    assert fingerprint(db.parent) == before


@pytest.fixture
def read_only_filesystem(stored: Path) -> Iterator[Path]:
    """A copy on a tmpfs remounted read-only (needs root, as the test sandbox is)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a read-only file system needs root and mount(8)")
    mountpoint = Path(tempfile.mkdtemp(prefix="kroniek-rofs-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs",
                              str(mountpoint)], capture_output=True, text=True)
    if mounted.returncode != 0:
        mountpoint.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        db = copy_of(stored, mountpoint)
        subprocess.run(["mount", "-o", "remount,ro", str(mountpoint)], check=True)
        yield db
    finally:
        subprocess.run(["umount", str(mountpoint)], check=True)
        mountpoint.rmdir()


def test_a_database_on_a_read_only_file_system_can_be_read(
        read_only_filesystem: Path) -> None:
    db = read_only_filesystem
    stats = kroniek("stats", "--db", str(db))
    assert stats.returncode == 0, stats.stderr
    assert documents_counted(stats.stdout, 2)
    docs = kroniek("docs", "--db", str(db))
    assert docs.returncode == 0 and "Troepen bij de grens" in docs.stdout
    one_line_error(kroniek("upgrade", "--db", str(db)), f"{db} is read-only")
    one_line_error(kroniek("ingest", "/nonexistent", "--db", str(db)), f"{db} is read-only")


def test_bad_option_values_of_readers_are_one_line(stored: Path) -> None:
    db = str(stored)
    one_line_error(kroniek("docs", "--limit", "-3", "--db", db), "--limit -3")
    one_line_error(kroniek("docs", "--offset", "-1", "--db", db), "--offset -1")
    one_line_error(kroniek("events", "--limit", "-3", "--db", db), "--limit")
    one_line_error(kroniek("events", "--since", "notadate", "--db", db), "notadate")
    one_line_error(kroniek("dyad", "RUS", "FIN", "--since", "notadate", "--db", db),
                   "notadate")
    one_line_error(kroniek("actor", "RUS", "--at", "2023-13-45", "--db", db), "2023-13-45")
    one_line_error(kroniek("dyad", "RUS", "FIN", "--by", "fortnight", "--db", db),
                   "fortnight")
