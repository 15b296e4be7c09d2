"""What a SQLite database path holds, found out without changing a byte of it.

Readers and writers both look before they open: a missing path, a file that is not SQLite,
or another application's SQLite file must be refused before SQLite itself would create,
convert (``journal_mode=WAL``) or extend it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kroniek.errors import StoreError

HEADER = b"SQLite format 3\x00"
# Tables every kroniek database has had since schema version 1.
KRONIEK_TABLES = frozenset({"schema_migrations", "documents"})


@dataclass(frozen=True)
class FileState:
    """``kind``: missing, empty (0 bytes, SQLite reads it as a new database), kroniek,
    foreign (SQLite without kroniek's tables) or not-sqlite."""

    kind: str
    version: int | None = None


def writable(path: Path) -> bool:
    """Can this process change the file and create SQLite's journal beside it?"""
    folder = path.parent if path.exists() else _existing_ancestor(path.parent)
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _existing_ancestor(folder: Path) -> Path:
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def uri(path: Path, read_only: bool, immutable: bool = False) -> str:
    """A SQLite URI for ``path``; characters such as ``?`` and ``#`` in it are escaped."""
    query = "mode=ro" if read_only else "mode=rw"
    if immutable:
        query += "&immutable=1"
    return f"file:{quote(str(path.resolve()))}?{query}"


def inspect(path: Path) -> FileState:
    """What ``path`` is, read through a read-only connection (immutable when the file or its
    folder cannot be written, so nothing beside it is created either)."""
    if not path.exists():
        return FileState("missing")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if not header:
        return FileState("empty")
    if header != HEADER:
        return FileState("not-sqlite")
    connection = sqlite3.connect(uri(path, read_only=True, immutable=not writable(path)),
                                 uri=True)
    try:
        names = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not names >= KRONIEK_TABLES:
            return FileState("foreign" if names else "empty")
        version = connection.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
        return FileState("kroniek", int(version) if version is not None else None)
    except sqlite3.DatabaseError as error:
        from kroniek.store.failures import describe

        raise StoreError(describe(error, str(path))) from None
    finally:
        connection.close()
