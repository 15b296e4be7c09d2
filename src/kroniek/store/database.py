"""Open the database: where it lives, engine settings, and the schema version."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.errors import StoreError
from kroniek.store import failures, search, sqlite_file
from kroniek.store.schema import metadata, schema_migrations

# Ordered migrations for databases created by an older kroniek. A new database gets the
# current schema at once and is stamped with every version. A plain list instead of
# Alembic: the schema is small, linear and embedded, and needs no autogeneration.
Migration = tuple[int, str, Callable[[Connection], None]]
MIGRATIONS: list[Migration] = [
    (1, "initial schema", lambda connection: None),
    (2, "graph: fused events, fusion links, dyad indexes", lambda c: _graph_tables(c)),
    (3, "event date, type and score on participants", lambda c: _participant_copies(c)),
    (4, "daily actor and dyad totals, event text search, event indexes",
     lambda c: _totals_and_search(c)),
    (5, "totals count only what happened (no negated or hypothetical events, futures "
        "reduced)", lambda c: _recount(c)),
    (6, "web pages and feeds: document author, feed state and seen feed items",
     lambda c: _feeds(c)),
]
LATEST = MIGRATIONS[-1][0]
# Writers and `kroniek serve` check a SQLite file up to this size with PRAGMA quick_check
# before using it (about a second per 100 MB), so a damaged file is reported in one line
# at once rather than by whichever later read or write happens to touch the damaged pages
# (a writer could even add to the damage). Larger files are not checked at start: their
# damage is reported when a query reaches it.
INTEGRITY_CHECK_MAX_BYTES = 512 * 1024 * 1024
# pg_advisory_xact_lock key that serialises migrations of one PostgreSQL database.
MIGRATION_LOCK = 4_572_001


def _graph_tables(connection: Connection) -> None:
    from kroniek.store.schema import GRAPH_INDEXES, GRAPH_TABLES

    metadata.create_all(connection, tables=GRAPH_TABLES)
    for index in GRAPH_INDEXES:
        index.create(connection, checkfirst=True)


def _participant_copies(connection: Connection) -> None:
    for column, kind in (("date_start", "DATE"), ("type", "VARCHAR(12)"),
                         ("plover_score", "FLOAT"), ("reciprocal", "BOOLEAN")):
        connection.exec_driver_sql(f"ALTER TABLE event_participants ADD COLUMN {column} {kind}")
    connection.exec_driver_sql(
        "UPDATE event_participants SET (date_start, type, plover_score, reciprocal) = "
        "(SELECT date_start, type, plover_score, reciprocal FROM events "
        "WHERE events.id = event_participants.event_id)")
    connection.exec_driver_sql(
        "CREATE INDEX ix_participants_code_role_date "
        "ON event_participants (code, role, date_start, event_id)")


def _totals_and_search(connection: Connection) -> None:
    from kroniek.store import aggregates
    from kroniek.store.schema import AGGREGATE_INDEXES, AGGREGATE_TABLES, EVENT_INDEXES

    metadata.create_all(connection, tables=AGGREGATE_TABLES)
    for index in [*AGGREGATE_INDEXES, *EVENT_INDEXES]:
        index.create(connection, checkfirst=True)
    aggregates.rebuild(connection)
    search.create(connection)
    search.rebuild(connection)
    if connection.dialect.name == "sqlite":
        # Statistics for the new tables, so the planner reads a pair's days from the
        # primary key rather than scanning (a few seconds on a million events).
        connection.exec_driver_sql("ANALYZE")


def _recount(connection: Connection) -> None:
    from kroniek.store import aggregates

    aggregates.rebuild(connection)


def _feeds(connection: Connection) -> None:
    from kroniek.store.schema import FEED_TABLES

    # Checked first: a database made by a test's or a tool's downgrade may keep the column.
    columns = {column["name"] for column in sa.inspect(connection).get_columns("documents")}
    if "author" not in columns:
        connection.exec_driver_sql("ALTER TABLE documents ADD COLUMN author TEXT")
    metadata.create_all(connection, tables=FEED_TABLES)


class MissingDatabase(StoreError):
    """A reader was pointed at a database that does not exist (and must not create it)."""


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("kroniek")) / "kroniek.sqlite"


def database_url(db: str | None = None) -> str:
    """``--db`` beats ``KRONIEK_DB`` beats the per-user default; paths become SQLite URLs.

    Only the URL: nothing is created here (a writer makes the folder, a reader never does).
    """
    value = db or os.environ.get("KRONIEK_DB") or str(default_database_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for a server database or an in-memory one."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def label(url: str) -> str:
    """How messages name the database: its path, or its URL without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _writer_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # We send BEGIN ourselves (see _begin_immediate): the driver's own implicit BEGIN
    # comes only before INSERT/UPDATE/DELETE, so DDL and the reads before a write would run
    # outside the transaction that the write is in.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Before journal_mode: switching a new database to WAL needs a lock that another
    # process creating the same database may hold for a moment.
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL keeps readers (the web UI) working while a writer ingests, and a killed writer
    # leaves the last committed state intact.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Cheap extra checks of every page read, so damage is found rather than written over.
    cursor.execute("PRAGMA cell_size_check=ON")
    cursor.close()


def _begin_immediate(connection: Connection) -> None:
    # A writer takes SQLite's write lock when its transaction begins, so what it reads
    # (is this document stored? which actors are known? which schema version?) still holds
    # when it writes: concurrent ingests wait for each other (busy_timeout) instead of
    # inserting the same rows twice or failing to upgrade a stale snapshot.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _reader_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA cell_size_check=ON")
    cursor.close()


def _create_engine(url: str, **options: Any) -> Engine:
    try:
        return sa.create_engine(url, future=True, **options)
    except (sa.exc.ArgumentError, ImportError) as error:
        raise StoreError(f"cannot open database {label(url)!r}: {error}") from error


def _check_version(version: int | None, where: str) -> None:
    if version is None:
        raise StoreError(f"{where} is not a kroniek database (it has no schema version)")
    if version > LATEST:
        raise StoreError(
            f"the database has schema version {version}, newer than this kroniek "
            f"knows ({LATEST}); upgrade kroniek"
        )
    if version < LATEST:
        raise StoreError(f"database {where} is schema version {version}; "
                         f"run `kroniek upgrade --db {where}`")


def _prepare_sqlite_file(path: Path) -> None:
    """A writer's checks before SQLite may touch ``path``."""
    state = sqlite_file.inspect(path)
    if state.kind in ("not-sqlite", "foreign"):
        raise StoreError(f"{path} is not a kroniek database; kroniek leaves it untouched")
    if not sqlite_file.writable(path):
        raise StoreError(f"{path} is read-only; a writer needs write access to the file "
                         "and its folder (readers such as `kroniek serve` can read it)")
    if state.kind == "missing":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the folder {path.parent} for the database: "
                             f"{error.strerror}") from None


def open_engine(db: str | None = None, migrate: bool = True) -> Engine:
    """A writer's engine: creates a missing database and (``migrate``) upgrades its schema."""
    url = database_url(db)
    where = label(url)
    path = sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path)
    engine = _create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _writer_pragmas)
        sa.event.listen(engine, "begin", _begin_immediate)
    if path is not None and path.exists():
        check_integrity(engine)
    if migrate:
        try:
            upgrade(engine)
        except sa.exc.DBAPIError as error:
            raise failures.store_error(error, where) from None
    return engine


def open_reader(db: str | None = None) -> Engine:
    """A reader's engine: never creates, upgrades or writes the database.

    SQLite files open with ``mode=ro``, and ``immutable=1`` when the file or its folder
    cannot be written (a read-only file system, a read-only copy), where SQLite could not
    even create the shared-memory file that ``mode=ro`` needs for a WAL database.
    """
    url = database_url(db)
    where = label(url)
    path = sqlite_path(url)
    if path is None:
        return _server_reader(url, where)
    state = sqlite_file.inspect(path)
    if state.kind == "missing":
        raise MissingDatabase(f"no database at {path} (`kroniek ingest --db {path} FILES` "
                         "creates one)")
    if state.kind != "kroniek":
        raise StoreError(f"{path} is not a kroniek database")
    _check_version(state.version, where)
    link = sqlite_file.uri(path, read_only=True, immutable=not sqlite_file.writable(path))
    engine = _create_engine(
        url, creator=lambda: sqlite3.connect(link, uri=True, check_same_thread=False))
    sa.event.listen(engine, "connect", _reader_pragmas)
    return engine


def check_integrity(engine: Engine) -> None:
    """Refuse a damaged SQLite file in one line (see INTEGRITY_CHECK_MAX_BYTES)."""
    url = engine.url.render_as_string(hide_password=False)
    path = sqlite_path(url) if engine.dialect.name == "sqlite" else None
    if path is None or not path.exists() or path.stat().st_size > INTEGRITY_CHECK_MAX_BYTES:
        return
    where = label(url)
    # The DBAPI connection, not a SQLAlchemy one: that would BEGIN (IMMEDIATE, for a
    # writer) and hold the write lock against other writers for the whole check.
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        # One row per finding, or (some SQLite versions) one row of lines.
        findings = [line for row in cursor.execute("PRAGMA quick_check(3)").fetchall()
                    for line in str(row[0]).splitlines()]
        cursor.close()
    except sqlite3.DatabaseError as error:
        raise failures.store_error(error, where) from None
    finally:
        connection.close()
    if findings != ["ok"]:
        # The first finding that names a page, not the "*** in database main ***" heading.
        detail = next((f for f in findings if not f.startswith("***")), "damaged")
        raise failures.damaged(where, f"integrity check: {detail}")


def _server_reader(url: str, where: str) -> Engine:
    options: dict[str, Any] = {}
    if url.startswith("postgresql"):
        # Every transaction of this engine is read-only on the server's side.
        options["connect_args"] = {"options": "-c default_transaction_read_only=on"}
    engine = _create_engine(url, **options)
    try:
        with engine.connect() as connection:
            names = set(sa.inspect(connection).get_table_names())
            if not names >= sqlite_file.KRONIEK_TABLES:
                raise StoreError(f"{where} is not a kroniek database")
            version = current_version(connection)
    except sa.exc.DBAPIError as error:
        engine.dispose()
        raise failures.store_error(error, where) from None
    _check_version(version, where)
    return engine


def current_version(connection: Connection) -> int | None:
    if not sa.inspect(connection).has_table(schema_migrations.name):
        return None
    version = connection.execute(sa.select(sa.func.max(schema_migrations.c.version))).scalar()
    return int(version) if version is not None else None


def schema_version(engine: Engine) -> int | None:
    with engine.connect() as connection:
        return current_version(connection)


def upgrade(engine: Engine) -> int:
    """Bring the schema to the latest version; returns that version."""
    return migrate(engine)[1]


def migrate(engine: Engine) -> tuple[int | None, int]:
    """Bring the schema to the latest version; returns (version found, version now).

    Safe with concurrent writers: the version is read inside the transaction that migrates,
    which holds SQLite's write lock from its start (BEGIN IMMEDIATE, see open_engine) or
    PostgreSQL's advisory lock, so a second process waits and then finds nothing to do (and
    says so: the version it reports is the one it found under the lock).
    """
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": MIGRATION_LOCK})
        version = current_version(connection)
        if version is None:
            metadata.create_all(connection)
            search.create(connection)
            connection.execute(
                schema_migrations.insert(),
                [{"version": v, "name": name, "applied_at": now} for v, name, _ in MIGRATIONS],
            )
            return None, LATEST
        if version > LATEST:
            raise StoreError(
                f"the database has schema version {version}, newer than this kroniek "
                f"knows ({LATEST}); upgrade kroniek"
            )
        for number, name, step in MIGRATIONS:
            if number > version:
                step(connection)
                connection.execute(
                    schema_migrations.insert().values(version=number, name=name, applied_at=now)
                )
    return version, LATEST
