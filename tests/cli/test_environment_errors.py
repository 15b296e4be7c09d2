"""Errors of the environment are one line, exit non-zero, and damage nothing stored.

Each case runs the real ``kroniek`` command against a real database: a damaged file, a
full disk (a small tmpfs), permission denied (as ``nobody`` when the tests run as root,
who may read any file), and a bad ``KRONIEK_FROG_SERVER``.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tests.cli.test_readonly import (
    ARTICLES,
    NOBODY,
    copy_of,
    kroniek,
    kroniek_without_root,
    one_line_error,
)

from kroniek.nlp import FrogServer

# Composed for these tests: new articles to write into the databases.
BODIES = [
        "Het Russische leger heeft zondag Charkiv opnieuw met raketten beschoten. "
        "De Oekraïense regering sprak van een oorlogsmisdaad.",
        "De Europese Unie kondigde maandag nieuwe sancties tegen Iran aan. "
        "Teheran dreigde met tegenmaatregelen.",
        "China hield dinsdag grote militaire oefeningen rond Taiwan. "
        "De Amerikaanse regering riep Peking op tot terughoudendheid.",
        "De Turkse president bezocht woensdag Bakoe voor overleg met zijn ambtgenoot. "
        "Beide landen tekenden een akkoord over gasleveringen.",
]
# Each body three times under other titles: more to write, the same documents (an
# article is its text).
MORE = {f"extra-{number}.txt": f"Titel: Bericht {number}\n\n{text}\n"
        for number, text in enumerate(BODIES * 3)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rows(db: Path) -> list[tuple[object, ...]]:
    """The stored documents with their counts of sentences and events."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        return connection.execute(
            "SELECT id, title, text, (SELECT count(*) FROM sentences s "
            "WHERE s.document_id = d.id), (SELECT count(*) FROM events e "
            "WHERE e.document_id = d.id) FROM documents d ORDER BY id").fetchall()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, frog_server: FrogServer) -> Path:
    folder = tmp_path_factory.mktemp("stored")
    articles = folder / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    db = folder / "db" / "kroniek.sqlite"
    result = kroniek("ingest", str(articles), "--db", str(db), frog=frog_server)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def more(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("more")
    for name, text in MORE.items():
        (folder / name).write_text(text, encoding="utf-8")
    folder.chmod(0o755)
    return folder


def test_a_damaged_database_is_one_line_with_the_recover_hint(
        stored: Path, more: Path, tmp_path: Path, frog_server: FrogServer) -> None:
    db = copy_of(stored, tmp_path / "beschadigd")
    size = db.stat().st_size
    with db.open("r+b") as handle:  # garbage over four pages in the middle of the file
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 4096)
    damaged = db.read_bytes()
    for args in (["stats"], ["ingest", str(more)], ["upgrade"],
                 ["serve", "--port", str(free_port())]):
        result = kroniek(*args, "--db", str(db), frog=frog_server)
        one_line_error(result, f"{db} is damaged")
        assert f"`sqlite3 {db} .recover" in result.stderr, result.stderr
        assert db.read_bytes() == damaged, args  # no writer added to the damage


@pytest.fixture
def small_disk(stored: Path) -> Iterator[Path]:
    """A copy of the database on a tmpfs with little room left (needs root)."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small file system to fill needs root and mount(8) (a tmpfs)")
    mountpoint = Path(tempfile.mkdtemp(prefix="kroniek-full-"))
    room = stored.stat().st_size + 1024 * 1024
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={room}", "tmpfs",
                              str(mountpoint)], capture_output=True, text=True)
    if mounted.returncode != 0:
        mountpoint.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        db = copy_of(stored, mountpoint)
        # Leave room for SQLite's shared-memory file and a little of the log only.
        usage = shutil.disk_usage(mountpoint)
        (mountpoint / "filler").write_bytes(b"\0" * (usage.free - 96 * 1024))
        yield db
    finally:
        subprocess.run(["umount", str(mountpoint)], check=True)
        mountpoint.rmdir()


def test_a_full_disk_is_one_line_and_keeps_what_was_stored(
        small_disk: Path, more: Path, frog_server: FrogServer) -> None:
    db = small_disk
    before = rows(db)
    result = kroniek("ingest", "--quiet", str(more), "--db", str(db), frog=frog_server)
    one_line_error(result, f"the disk is full writing {db}")
    (db.parent / "filler").unlink()
    stats = kroniek("stats", "--db", str(db))
    assert stats.returncode == 0, stats.stderr
    after = rows(db)
    assert set(before) <= set(after)  # every document stored before, unchanged
    assert len(after) < len(before) + len(BODIES)  # the disk really ran full
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # With room again, the same command stores the rest.
    again = kroniek("ingest", "--quiet", str(more), "--db", str(db), frog=frog_server)
    assert again.returncode == 0, again.stderr
    assert len(rows(db)) == len(before) + len(BODIES)


@pytest.fixture
def private(stored: Path) -> Iterator[Path]:
    """A folder ``nobody`` may use, holding a copy of the database and an unreadable
    database and article (mode 000, owned by root when the tests run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="kroniek-perm-"))
    db = copy_of(stored, folder / "db")
    locked = copy_of(stored, folder / "locked")
    (folder / "geheim.txt").write_text(next(iter(MORE.values())), encoding="utf-8")
    (folder / "geheim.txt").chmod(0o000)
    locked.chmod(0o000)
    (folder / "data").mkdir()
    if os.geteuid() == 0:
        for path in (folder, db.parent, db, folder / "data"):
            os.chown(path, NOBODY, NOBODY)
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_permission_denied_is_one_line(private: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As nobody when root: root may read any file, so only another user sees the refusal.
    # That user's data folder (the KB's user additions) in the private folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(private / "data"))
    locked = private / "locked" / "kroniek.sqlite"
    one_line_error(kroniek_without_root("stats", "--db", str(locked)),
                   f"cannot read {locked}: Permission denied")
    one_line_error(kroniek_without_root("ingest", str(private / "geheim.txt"),
                                        "--db", str(locked)),
                   f"cannot read {locked}: Permission denied")
    db = private / "db" / "kroniek.sqlite"
    before = rows(db)
    # One analyser, in this process: analyser processes are new Python processes, which
    # nobody may not start from this checkout's folder (see kroniek_without_root).
    result = kroniek_without_root("ingest", "--quiet", "--workers", "1",
                                  str(private / "geheim.txt"), "--db", str(db))
    one_line_error(result, "geheim.txt")
    assert "ermission denied" in result.stderr
    assert rows(db) == before


def test_a_bad_frog_server_is_one_line_and_stores_nothing(stored: Path, more: Path,
                                                          tmp_path: Path) -> None:
    db = copy_of(stored, tmp_path / "frog")
    before = rows(db)
    article = str(next(more.iterdir()))
    for value, expected in (("notaport", "KRONIEK_FROG_SERVER"),
                            (f"127.0.0.1:{free_port()}", "cannot reach the Frog server")):
        result = kroniek("ingest", article, "--db", str(db),
                         env={"KRONIEK_FROG_SERVER": value})
        one_line_error(result, expected)
        assert result.returncode == 3
    assert rows(db) == before
