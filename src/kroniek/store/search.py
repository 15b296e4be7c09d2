"""Full-text search over each event's trigger and evidence sentence (SQLite FTS5).

The web UI's text filter used ``LIKE '%...%'`` over every event's sentence, a full scan
that took seconds on a million events. An FTS5 table with the trigram tokenizer answers
the same substring question (case-insensitive, any three or more characters, also inside
compound words such as *luchtaanval*) from an index. The table's rowid is the event id.

FTS5 is SQLite's; on PostgreSQL, and for one- and two-character queries (which trigrams
cannot index), :func:`matching_events` returns None and the caller keeps its LIKE filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

TABLE = "event_text"
_fts = sa.table(TABLE, sa.column("rowid"))


def supported(dialect: str) -> bool:
    """FTS5 is SQLite's; elsewhere the caller keeps its LIKE filter."""
    return dialect == "sqlite"


def available(connection: Connection) -> bool:
    return supported(connection.dialect.name)


def create(connection: Connection) -> None:
    if available(connection):
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} "
            "USING fts5(trigger, sentence, tokenize = 'trigram')")


def add(connection: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Index events: ``(event id, trigger, evidence sentence)``."""
    if not available(connection):
        return
    batch = [{"id": event_id, "trigger": trigger, "sentence": sentence}
             for event_id, trigger, sentence in rows]
    if batch:
        connection.execute(sa.text(
            f"INSERT INTO {TABLE} (rowid, trigger, sentence) "
            "VALUES (:id, :trigger, :sentence)"), batch)


def remove(connection: Connection, event_ids: list[int]) -> None:
    if available(connection):
        for offset in range(0, len(event_ids), 500):
            connection.execute(sa.delete(_fts).where(
                _fts.c.rowid.in_(event_ids[offset:offset + 500])))


def rebuild(connection: Connection) -> None:
    """Index every stored event (the migration that adds search, and repairs)."""
    if not available(connection):
        return
    connection.exec_driver_sql(f"DELETE FROM {TABLE}")
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE} (rowid, trigger, sentence) "
        "SELECT e.id, e.trigger, coalesce(substr(d.text, s.start + 1, s.\"end\" - s.start), '') "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN sentences s ON s.document_id = e.document_id "
        "AND s.sentence_index = e.sentence_index")


def phrase(text: str) -> str:
    """``text`` as one FTS5 phrase, so quotes, stars and AND/OR in it are plain text."""
    return '"' + text.replace('"', '""') + '"'


def matching_events(dialect: str, text: str) -> sa.Select[Any] | None:
    """Ids of events whose trigger or sentence contains ``text``; None when the index
    cannot answer (``dialect`` is not SQLite, or fewer than three characters)."""
    # FTS5 reads its query as a C string: a NUL would cut it short ("unterminated string").
    text = text.replace("\x00", "").strip()
    if not supported(dialect) or len(text) < 3:
        return None
    return (sa.select(_fts.c.rowid)
            .where(sa.text(f"{TABLE} MATCH :fts_query")
                   .bindparams(fts_query=phrase(text))))
