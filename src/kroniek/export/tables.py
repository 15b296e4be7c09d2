"""Events as one flat table: CSV (lists joined with ``|``) or Parquet (lists as lists).

Both are written batch by batch from :func:`kroniek.export.columnar.flat_batches`, so a
large export runs in bounded memory. The standard library's ``csv`` writes the rows
(quoting is its job); pyarrow writes Parquet with a fixed schema. The columns are those of
:mod:`kroniek.export.flat`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow.parquet as pq
from sqlalchemy.engine import Engine

from kroniek.export.columnar import flat_batches
from kroniek.export.flat import COLUMNS, LIST_COLUMNS, SCHEMA
from kroniek.export.options import ExportOptions
from kroniek.export.plover import FIGURE_KINDS
from kroniek.export.target import open_binary_target, open_text_target
from kroniek.store.event_filter import EventFilter

LIST_SEPARATOR = "|"



def export_csv(engine: Engine, selection: EventFilter, target: Path | None,
               options: ExportOptions | None = None) -> int:
    """The ``csv`` format: a header and one row per event, to ``target`` or stdout."""
    count = 0
    with open_text_target(target) as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for batch in flat_batches(engine, selection):
            for row in batch.to_pylist():
                for column in LIST_COLUMNS:
                    row[column] = LIST_SEPARATOR.join(row[column])
                for kind in FIGURE_KINDS:
                    # Counts of people read as counts: 12, not 12.0.
                    value = row[kind]
                    if value is not None and float(value).is_integer():
                        row[kind] = int(value)
                writer.writerow(row)
                count += 1
    return count


def export_parquet(engine: Engine, selection: EventFilter, target: Path | None,
                   options: ExportOptions | None = None) -> int:
    """The ``parquet`` format: the same columns, typed, with lists as lists."""
    count = 0
    with (open_binary_target(target, "parquet") as temporary,
          pq.ParquetWriter(str(temporary), SCHEMA) as writer):
        for batch in flat_batches(engine, selection):
            writer.write_table(batch)
            count += batch.num_rows
    return count
