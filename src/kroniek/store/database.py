"""Open the database: where it lives, engine settings, and the schema version."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import platformdirs
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.errors import StoreError
from kroniek.store import search
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
]
LATEST = MIGRATIONS[-1][0]


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


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("kroniek")) / "kroniek.sqlite"


def database_url(db: str | None = None) -> str:
    """``--db`` beats ``KRONIEK_DB`` beats the per-user default; paths become SQLite URLs."""
    value = db or os.environ.get("KRONIEK_DB") or str(default_database_path())
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL keeps readers (the web UI) working while a writer ingests, and a killed writer
    # leaves the last committed state intact.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def open_engine(db: str | None = None, migrate: bool = True) -> Engine:
    url = database_url(db)
    try:
        engine = sa.create_engine(url, future=True)
    except (sa.exc.ArgumentError, ImportError) as error:
        raise StoreError(f"cannot open database {url!r}: {error}") from error
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        try:
            upgrade(engine)
        except sa.exc.DatabaseError as error:
            message = str(error.orig).splitlines()[0] if error.orig else str(error)
            raise StoreError(f"cannot use database {url!r}: {message}") from error
    return engine


def current_version(connection: Connection) -> int | None:
    if not sa.inspect(connection).has_table(schema_migrations.name):
        return None
    version = connection.execute(sa.select(sa.func.max(schema_migrations.c.version))).scalar()
    return int(version) if version is not None else None


def upgrade(engine: Engine) -> int:
    """Bring the schema to the latest version; returns that version."""
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        version = current_version(connection)
        if version is None:
            metadata.create_all(connection)
            search.create(connection)
            connection.execute(
                schema_migrations.insert(),
                [{"version": v, "name": name, "applied_at": now} for v, name, _ in MIGRATIONS],
            )
            return LATEST
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
    return LATEST
