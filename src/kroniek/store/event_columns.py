"""Events read as columns, batch by batch, for Arrow tables and the flat exports.

``event_queries.list_events`` gives one dict per event, which the PLOVER records and the
pages want. A notebook's ``to_pandas()`` or a Parquet export of a million events wants
columns. Here one query gives, per event, its stored fields, its participants packed into
one text per role (``code<RS>sector<RS>kb_id<RS>name`` items joined by ``<US>``, in
position order) and the first figure of each kind; the export stage unpacks them with
Arrow's string kernels. Dates and JSON come as text, as SQLite and PostgreSQL print them.

SQLite is read through ADBC (``adbc-driver-sqlite``), which fills Arrow buffers in C,
about ten times faster than building Python tuples; PostgreSQL through SQLAlchemy's
streaming cursor. Both stream: memory is bounded by one batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine

from kroniek.store import schema as t
from kroniek.store.event_filter import EventFilter
from kroniek.store.event_queries import filtered_events, sentence_text

# Rows per batch: big enough that per-batch costs vanish, small enough that one batch
# stays a few tens of MB.
BATCH_ROWS = 50_000
FIELD_SEPARATOR = "\x1e"  # between the fields of one participant
ITEM_SEPARATOR = "\x1f"  # between participants

_TEXT, _INTEGER, _REAL = pa.string(), pa.int64(), pa.float64()


def _text(column: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    return sa.cast(column, sa.Text)


def _joined(fields: list[sa.ColumnElement[Any]]) -> sa.ColumnElement[str]:
    item = sa.func.coalesce(sa.cast(fields[0], sa.Text), "")
    for field in fields[1:]:
        item = item.op("||")(FIELD_SEPARATOR).op("||")(
            sa.func.coalesce(sa.cast(field, sa.Text), ""))
    return item


def _aggregate(item: sa.ColumnElement[str], order: sa.ColumnElement[Any],
               dialect: str) -> sa.ColumnElement[str]:
    if dialect == "postgresql":
        # Renders string_agg(item, separator ORDER BY order).
        return sa.func.string_agg(
            item, postgresql.aggregate_order_by(sa.literal(ITEM_SEPARATOR), order))
    # SQLite (3.40) has no ORDER BY inside an aggregate: the callers feed group_concat
    # from a subquery in that order, which it keeps (the tests check the order).
    return sa.func.group_concat(item, ITEM_SEPARATOR)


def _packed(role: str, dialect: str) -> sa.ColumnElement[str]:
    """The participants of the event in ``role``, in position order, packed into one text."""
    p, a, e = t.event_participants, t.actors, t.events
    ordered = (sa.select(p.c.code, p.c.sector, p.c.actor_id, p.c.position)
               .where(p.c.event_id == e.c.id, p.c.role == role)
               .order_by(p.c.position).correlate(e).subquery("ordered"))
    o = ordered.c
    item = _joined([o.code, o.sector, o.actor_id, a.c.name])
    return (sa.select(_aggregate(item, o.position, dialect))
            .select_from(ordered.outerjoin(a, a.c.id == o.actor_id))
            .correlate(e).scalar_subquery())


def _packed_figures(dialect: str) -> sa.ColumnElement[str]:
    """The event's figures in text order, packed (``kind<RS>value`` joined by ``<US>``)."""
    f, e = t.figures, t.events
    # document_id first: figures are indexed by document.
    ordered = (sa.select(f.c.kind, f.c.value, f.c.start)
               .where(f.c.document_id == e.c.document_id, f.c.event_id == e.c.id)
               .order_by(f.c.start).correlate(e).subquery("ordered_figures"))
    o = ordered.c
    return (sa.select(_aggregate(_joined([o.kind, o.value]), o.start, dialect))
            .select_from(ordered).correlate(e).scalar_subquery())


def _columns(dialect: str) -> list[tuple[str, sa.ColumnElement[Any], pa.DataType]]:
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
        ("actor_items", _packed("actor", dialect), _TEXT),
        ("recipient_items", _packed("recipient", dialect), _TEXT),
        ("figure_items", _packed_figures(dialect), _TEXT),
    ]


def _schema(columns: list[tuple[str, sa.ColumnElement[Any], pa.DataType]]) -> pa.Schema:
    return pa.schema([(name, kind) for name, _, kind in columns])


def _query(selection: EventFilter, dialect: str) -> tuple[sa.Select[Any], pa.Schema]:
    columns = _columns(dialect)
    query = filtered_events([column.label(name) for name, column, _ in columns],
                            selection, dialect)
    return query, _schema(columns)


def _streamed(engine: Engine, selection: EventFilter,
              rows_per_batch: int) -> Iterator[pa.Table]:
    query, schema = _query(selection, engine.dialect.name)
    with engine.connect() as connection:
        result = connection.execution_options(
            stream_results=True, yield_per=rows_per_batch).execute(query)
        for rows in result.partitions(rows_per_batch):
            columns = zip(*rows, strict=True)
            yield pa.table([pa.array(column, type=field.type)
                            for column, field in zip(columns, schema, strict=True)],
                           schema=schema)


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


def _adbc(path: Path, selection: EventFilter, rows_per_batch: int,
          dialect: sa.engine.Dialect) -> Iterator[pa.Table]:
    import adbc_driver_sqlite.dbapi as adbc

    query, schema = _query(selection, "sqlite")
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    # The driver infers each column's type from the first rows it reads, and a column
    # that starts with NULLs would be taken for an integer. A first row of typed
    # literals, dropped below, tells it the types the schema says.
    sql = f"SELECT * FROM ({_typed_row(schema)}) UNION ALL SELECT * FROM ({compiled})"
    with (adbc.connect(f"file:{path}?mode=ro") as connection,
          connection.cursor() as cursor):
        cursor.adbc_statement.set_options(
            **{"adbc.sqlite.query.batch_rows": str(rows_per_batch)})
        cursor.execute(sql, _sqlite_parameters(compiled))
        first = True
        for batch in cursor.fetch_record_batch():
            table = pa.Table.from_batches([batch])
            if first:
                table, first = table.slice(1), False
            yield table.rename_columns(schema.names).cast(schema)


def event_column_batches(engine: Engine, selection: EventFilter,
                         rows_per_batch: int = BATCH_ROWS) -> Iterator[pa.Table]:
    """The events ``selection`` picks, in ``list_events``' order, as Arrow tables with
    the stored fields, ``actor_items``/``recipient_items`` and the first figures."""
    path = _sqlite_file(engine) if engine.dialect.name == "sqlite" else None
    if path is not None:
        yield from _adbc(path, selection, rows_per_batch, engine.dialect)
    else:
        yield from _streamed(engine, selection, rows_per_batch)
