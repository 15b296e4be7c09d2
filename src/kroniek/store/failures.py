"""Errors of the database environment as one line a user can act on.

The one place where SQLite's and SQLAlchemy's messages (and the OSErrors under them) are
translated: the CLI (``cli.common.friendly``) and the web app call :func:`describe`.
"""

from __future__ import annotations

import errno
import sqlite3

import sqlalchemy as sa

from kroniek.errors import StoreError

# Lower-case fragments of SQLite's messages, the sentence shown for each ({db} is the path).
DAMAGED = ("{db} is damaged ({message}); recover what is left with "
           "`sqlite3 {db} .recover | sqlite3 recovered.sqlite`")
_SQLITE_MESSAGES: list[tuple[str, str]] = [
    ("malformed", DAMAGED),
    ("file is not a database", "{db} is not a kroniek database ({message})"),
    ("disk is full", "the disk is full writing {db}; free space and run again "
                     "(everything committed before stays stored)"),
    ("readonly database", "{db} is read-only; a writer needs write access to the file "
                          "and its folder"),
    ("read-only file system", "{db} is read-only (read-only file system)"),
    ("unable to open database file", "cannot open {db} (does its folder exist and may "
                                     "this user write to it?)"),
    ("database is locked", "{db} is locked by another process for longer than 30 s; "
                           "try again"),
    ("disk i/o error", "reading or writing {db} failed (disk I/O error); check the disk "
                       "and try `sqlite3 {db} 'PRAGMA integrity_check'`"),
]

_OS_MESSAGES = {
    errno.ENOSPC: "the disk is full writing {db}; free space and run again "
                  "(everything committed before stays stored)",
    errno.EDQUOT: "the disk quota is exceeded writing {db}",
    errno.EACCES: "permission denied for {db}",
    errno.EPERM: "permission denied for {db}",
    errno.EROFS: "{db} is read-only (read-only file system)",
}


def first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip() or type(original).__name__
    return text.splitlines()[0]


def describe(error: BaseException, database: str) -> str:
    """One line for ``error`` raised while using ``database`` (a path or a URL)."""
    if isinstance(error, OSError):
        if error.errno in _OS_MESSAGES:
            return _OS_MESSAGES[error.errno].format(db=database)
        return f"{database}: {error.strerror or first_line(error)}"
    message = first_line(error)
    lowered = message.lower()
    for fragment, sentence in _SQLITE_MESSAGES:
        if fragment in lowered:
            return sentence.format(db=database, message=message)
    return f"database error on {database}: {message}"


def damaged(database: str, detail: str) -> StoreError:
    """The error for a database that SQLite's own check found damaged."""
    return StoreError(DAMAGED.format(db=database, message=detail.splitlines()[0]))


def is_database_error(error: BaseException) -> bool:
    return isinstance(error, sa.exc.DBAPIError | sqlite3.Error)


def store_error(error: BaseException, database: str) -> StoreError:
    return StoreError(describe(error, database))
