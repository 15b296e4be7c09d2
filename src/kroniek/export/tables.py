"""Events, actors and relations as CSV or Parquet tables (one file each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.store import schema as t

TABLES = ("events", "actors", "relations")


def _events(engine: Engine, since: dt.date | None, until: dt.date | None) -> pa.Table:
    e, p, d = t.events, t.event_participants, t.documents
    participants: dict[int, dict[str, list[str]]] = {}
    query = sa.select(e, d.c.outlet).join(d, d.c.id == e.c.document_id).order_by(e.c.id)
    if since:
        query = query.where(e.c.date_start >= since)
    if until:
        query = query.where(e.c.date_start <= until)
    with engine.connect() as connection:
        for event_id, role, code in connection.execute(
            sa.select(p.c.event_id, p.c.role, p.c.code).order_by(p.c.event_id, p.c.position)
        ):
            participants.setdefault(event_id, {"actor": [], "recipient": []})[role].append(code)
        rows = [dict(r._mapping) for r in connection.execute(query)]
    for row in rows:
        sides = participants.get(row["id"], {"actor": [], "recipient": []})
        row["actor"] = ";".join(sides["actor"])
        row["recipient"] = ";".join(sides["recipient"])
        row["context"] = ";".join(row["context"] or [])
    return _table(rows, ["id", "document_id", "outlet", "sentence_index", "start", "end", "type",
                         "mode", "context", "actor", "recipient", "status", "reciprocal",
                         "date_start", "date_end", "date_precision", "location", "plover_score",
                         "trigger", "rule", "confidence"])


def _plain(engine: Engine, table: sa.Table) -> pa.Table:
    with engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(sa.select(table))]
    return _table(rows, [c.name for c in table.columns])


def _table(rows: list[dict[str, Any]], columns: list[str]) -> pa.Table:
    data = {c: [row.get(c) for row in rows] for c in columns}
    return pa.table(data) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})


def tables(engine: Engine, since: dt.date | None = None,
           until: dt.date | None = None) -> dict[str, pa.Table]:
    return {
        "events": _events(engine, since, until),
        "actors": _plain(engine, t.actors),
        "relations": _plain(engine, t.relations),
    }


def _targets(path: str | Path, suffix: str) -> dict[str, Path]:
    """A directory gets events.csv etc.; a file name gets NAME-events.csv etc."""
    base = Path(path)
    if base.suffix:
        return {n: base.with_name(f"{base.stem}-{n}{suffix}") for n in TABLES}
    base.mkdir(parents=True, exist_ok=True)
    return {n: base / f"{n}{suffix}" for n in TABLES}


def write_csv(engine: Engine, path: str | Path, since: dt.date | None = None,
              until: dt.date | None = None, **_: Any) -> list[Path]:
    written, data = [], tables(engine, since, until)
    for name, target in _targets(path, ".csv").items():
        pacsv.write_csv(data[name], str(target))
        written.append(target)
    return written


def write_parquet(engine: Engine, path: str | Path, since: dt.date | None = None,
                  until: dt.date | None = None, **_: Any) -> list[Path]:
    written, data = [], tables(engine, since, until)
    for name, target in _targets(path, ".parquet").items():
        pq.write_table(data[name], str(target))
        written.append(target)
    return written
