"""Events as one flat table: CSV (lists joined with ``|``) or Parquet (lists as lists).

The standard library's ``csv`` streams CSV rows as they are read (quoting is its job);
pyarrow writes Parquet with a fixed schema. The columns are those of
:mod:`kroniek.export.flat`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy.engine import Engine

from kroniek.export.flat import COLUMNS, LIST_COLUMNS, flat_rows
from kroniek.export.options import ExportOptions
from kroniek.export.plover import FIGURE_KINDS
from kroniek.export.target import open_binary_target, open_text_target
from kroniek.store.event_filter import EventFilter

LIST_SEPARATOR = "|"

_TYPES: dict[str, pa.DataType] = {
    "quad": pa.int8(), "plover_score": pa.float64(), "latitude": pa.float64(),
    "longitude": pa.float64(), **dict.fromkeys(FIGURE_KINDS, pa.float64()),
    **dict.fromkeys(LIST_COLUMNS, pa.list_(pa.string())),
}
SCHEMA = pa.schema([(column, _TYPES.get(column, pa.string())) for column in COLUMNS])


def export_csv(engine: Engine, selection: EventFilter, target: Path | None,
               options: ExportOptions | None = None) -> int:
    """The ``csv`` format: a header and one row per event, to ``target`` or stdout."""
    count = 0
    with open_text_target(target) as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in flat_rows(engine, selection):
            for column in LIST_COLUMNS:
                row[column] = LIST_SEPARATOR.join(row[column])
            writer.writerow(row)
            count += 1
    return count


def export_parquet(engine: Engine, selection: EventFilter, target: Path | None,
                   options: ExportOptions | None = None) -> int:
    """The ``parquet`` format: the same columns, typed, with lists as lists."""
    rows = list(flat_rows(engine, selection))
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    with open_binary_target(target, "parquet") as temporary:
        pq.write_table(table, str(temporary))
    return len(rows)
