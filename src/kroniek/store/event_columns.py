"""Events read as columns, batch by batch, for Arrow tables and the flat exports.

``event_queries.list_events`` gives one dict per event, which the PLOVER records and the
pages want. A notebook's ``to_pandas()`` or a Parquet export of a million events wants
columns. Here each batch of the filtered events is one Arrow table, with the participants
and figures of the same events as two more tables, read by one query each per batch.
Dates and JSON come as text, as SQLite and PostgreSQL print them; missing participant
fields as "".

SQLite is read through ADBC (``adbc-driver-sqlite``), which fills Arrow buffers in C,
several times faster than building Python tuples; PostgreSQL through SQLAlchemy's
streaming cursor. Both stream: memory is bounded by one batch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.store import schema as t
from kroniek.store.event_filter import EventFilter
from kroniek.store.event_queries import filtered_events, sentence_text

# Rows per batch: big enough that per-batch costs vanish, small enough that one batch
# stays a few tens of MB.
BATCH_ROWS = 50_000
_ID_CHUNK = 10_000  # event ids per IN list on PostgreSQL (its limit is 65,535 parameters)


@dataclass(frozen=True)
class EventColumns:
    """One batch: ``events`` (one row per event, in the filter's order), ``participants``
    (event_id, role, code, sector, kb_id, name; by event, role and position) and
    ``figures`` (event_id, kind, value; by event and text order)."""

    events: pa.Table
    participants: pa.Table
    figures: pa.Table


_TEXT, _INTEGER, _REAL = pa.string(), pa.int64(), pa.float64()


def _text(column: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    return sa.cast(column, sa.Text)


def _participants_query(ids: sa.ColumnElement[bool]) -> sa.Select[Any]:
    p, a = t.event_participants, t.actors
    empty = sa.literal_column("''")  # not a parameter: the batch's ids are the only one
    return (sa.select(p.c.event_id, p.c.role, p.c.code,
                      sa.func.coalesce(p.c.sector, empty).label("sector"),
                      sa.func.coalesce(p.c.actor_id, empty).label("kb_id"),
                      sa.func.coalesce(a.c.name, empty).label("name"))
            .select_from(p.outerjoin(a, a.c.id == p.c.actor_id)).where(ids)
            .order_by(p.c.event_id, p.c.role, p.c.position))


def _figures_query(ids: sa.ColumnElement[bool]) -> sa.Select[Any]:
    f = t.figures
    return (sa.select(f.c.event_id, f.c.kind, f.c.value).where(ids)
            .order_by(f.c.event_id, f.c.start))


_PARTICIPANTS = pa.schema([("event_id", pa.int64()), ("role", pa.string()),
                           ("code", pa.string()), ("sector", pa.string()),
                           ("kb_id", pa.string()), ("name", pa.string())])
_FIGURES = pa.schema([("event_id", pa.int64()), ("kind", pa.string()),
                      ("value", pa.float64())])


def _columns() -> list[tuple[str, sa.ColumnElement[Any], pa.DataType]]:
    e, d = t.events, t.documents
    return [
        ("id", e.c.id, _INTEGER), ("document_id", e.c.document_id, _TEXT),
        ("event_index", e.c.event_index, _INTEGER), ("type", e.c.type, _TEXT),
        ("mode", e.c.mode, _TEXT), ("context", _text(e.c.context), _TEXT),
        ("status", e.c.status, _TEXT), ("trigger", e.c.trigger, _TEXT),
        ("date_start", _text(e.c.date_start), _TEXT), ("date_end", _text(e.c.date_end), _TEXT),
        ("date_precision", e.c.date_precision, _TEXT), ("location", e.c.location, _TEXT),
        ("plover_score", e.c.plover_score, _REAL),
        ("furniture", sa.case((e.c.furniture, 1), else_=0), _INTEGER),
        ("sentence", sentence_text(), _TEXT),
        ("url", d.c.url, _TEXT), ("source", d.c.source, _TEXT), ("title", d.c.title, _TEXT),
        ("outlet", d.c.outlet, _TEXT), ("published", _text(d.c.published_start), _TEXT),
    ]


def _schema(columns: list[tuple[str, sa.ColumnElement[Any], pa.DataType]]) -> pa.Schema:
    return pa.schema([(name, kind) for name, _, kind in columns])


def _query(selection: EventFilter, dialect: str) -> tuple[sa.Select[Any], pa.Schema]:
    columns = _columns()
    query = filtered_events([column.label(name) for name, column, _ in columns],
                            selection, dialect)
    return query, _schema(columns)


def _rows_table(rows: Sequence[Sequence[Any]], schema: pa.Schema) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table([pa.array(column, type=field.type)
                     for column, field in zip(columns, schema, strict=True)], schema=schema)


def _streamed(engine: Engine, selection: EventFilter,
              rows_per_batch: int) -> Iterator[EventColumns]:
    query, schema = _query(selection, engine.dialect.name)
    with engine.connect() as connection:
        result = connection.execution_options(
            stream_results=True, yield_per=rows_per_batch).execute(query)
        for rows in result.partitions(rows_per_batch):
            events = _rows_table(rows, schema)
            ids = events.column("id").to_pylist()
            found: dict[str, list[Sequence[Any]]] = {"participants": [], "figures": []}
            for offset in range(0, len(ids), _ID_CHUNK):
                chunk = ids[offset : offset + _ID_CHUNK]
                # A second statement while the first streams: PostgreSQL's server-side
                # cursor leaves the connection free for it, as SQLite does.
                found["participants"].extend(connection.execute(_participants_query(
                    t.event_participants.c.event_id.in_(chunk))))
                found["figures"].extend(connection.execute(_figures_query(
                    t.figures.c.event_id.in_(chunk))))
            yield EventColumns(events, _rows_table(found["participants"], _PARTICIPANTS),
                               _rows_table(found["figures"], _FIGURES))


def _typed_row(schema: pa.Schema) -> str:
    literal = {_TEXT: "''", _INTEGER: "0", _REAL: "0.0"}
    return "SELECT " + ", ".join(f"{literal[field.type]} AS {field.name}" for field in schema)


def _sqlite_parameters(compiled: sa.sql.compiler.SQLCompiler) -> list[Any]:
    values = compiled.construct_params()
    out: list[Any] = []
    for name in compiled.positiontup or []:
        value = values[name]
        if isinstance(value, dt.date):
            value = value.isoformat()  # as SQLAlchemy stores dates in SQLite
        elif isinstance(value, bool):
            value = int(value)
        out.append(value)
    return out


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve()


def _batch_ids(column: sa.ColumnElement[int]) -> sa.ColumnElement[bool]:
    """``column`` is one of the batch's event ids, given as one JSON array parameter."""
    listed = sa.select(sa.column("value")).select_from(sa.func.json_each(sa.bindparam("ids")))
    return column.in_(listed)


def _adbc(path: Path, selection: EventFilter, rows_per_batch: int,
          dialect: sa.engine.Dialect) -> Iterator[EventColumns]:
    import adbc_driver_sqlite.dbapi as adbc

    query, schema = _query(selection, "sqlite")
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    # The driver infers each column's type from the first rows it reads, and a column
    # that starts with NULLs would be taken for an integer. A first row of typed
    # literals, dropped below, tells it the types the schema says. (The participants'
    # and figures' queries have no NULLs.)
    sql = f"SELECT * FROM ({_typed_row(schema)}) UNION ALL SELECT * FROM ({compiled})"
    participants = str(_participants_query(_batch_ids(t.event_participants.c.event_id))
                       .compile(dialect=dialect))
    figures = str(_figures_query(_batch_ids(t.figures.c.event_id)).compile(dialect=dialect))
    with (adbc.connect(f"file:{path}?mode=ro") as connection,
          connection.cursor() as cursor, connection.cursor() as related):
        cursor.adbc_statement.set_options(
            **{"adbc.sqlite.query.batch_rows": str(rows_per_batch)})
        cursor.execute(sql, _sqlite_parameters(compiled))
        first = True
        for batch in cursor.fetch_record_batch():
            events = pa.Table.from_batches([batch])
            if first:
                events, first = events.slice(1), False
            events = events.rename_columns(schema.names).cast(schema)
            ids = [json.dumps(events.column("id").to_pylist())]
            related.execute(participants, ids)
            found = related.fetch_arrow_table().rename_columns(_PARTICIPANTS.names)
            related.execute(figures, ids)
            counted = related.fetch_arrow_table().rename_columns(_FIGURES.names)
            yield EventColumns(events, found.cast(_PARTICIPANTS), counted.cast(_FIGURES))


def event_column_batches(engine: Engine, selection: EventFilter,
                         rows_per_batch: int = BATCH_ROWS) -> Iterator[EventColumns]:
    """The events ``selection`` picks, in ``list_events``' order, batch by batch."""
    path = _sqlite_file(engine) if engine.dialect.name == "sqlite" else None
    if path is not None:
        yield from _adbc(path, selection, rows_per_batch, engine.dialect)
    else:
        yield from _streamed(engine, selection, rows_per_batch)
