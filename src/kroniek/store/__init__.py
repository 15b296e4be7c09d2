"""Stage 5: the database (SQLite by default, PostgreSQL by URL) with provenance."""

from kroniek.store.database import (
    database_url,
    default_database_path,
    open_engine,
    open_reader,
)
from kroniek.store.writer import ActorRow, save

__all__ = ["ActorRow", "database_url", "default_database_path", "open_engine", "open_reader",
           "save"]
