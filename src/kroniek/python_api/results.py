"""The result of ``Kroniek.events(...)``: iterate typed records, count them, or take them
as an Arrow table or a pandas DataFrame with the export's columns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy.engine import Engine

from kroniek.export.columnar import flat_batches
from kroniek.export.flat import SCHEMA
from kroniek.python_api.records import EventRecord
from kroniek.store.event_filter import EventFilter

if TYPE_CHECKING:
    import pandas

DATE_COLUMNS = ("date_start", "date_end", "published")


class EventResult:
    """Events one filter selects. Nothing is read until it is used; each use reads the
    database again, so a result kept in a notebook shows what is stored now."""

    def __init__(self, engine: Engine, selection: EventFilter) -> None:
        self._engine = engine
        self.selection = selection

    def __iter__(self) -> Iterator[EventRecord]:
        for batch in self.batches():
            yield from (EventRecord.from_row(row) for row in batch.to_pylist())

    def __len__(self) -> int:
        return sum(batch.num_rows for batch in self.batches())

    def __repr__(self) -> str:
        return f"<EventResult {self.selection.query_args() or 'all events'}>"

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The events as Arrow record batches of the export's schema, read batch by batch
        from the database (memory bounded by one batch)."""
        for table in flat_batches(self._engine, self.selection):
            yield from table.to_batches()

    def to_arrow(self) -> pa.Table:
        """One Arrow table; lists (codes, names) are list columns, as in the Parquet export."""
        return pa.Table.from_batches(list(self.batches()), schema=SCHEMA)

    def to_pandas(self) -> pandas.DataFrame:
        """A DataFrame with the export's columns; dates as ``datetime64`` days."""
        try:
            import pandas  # noqa: F401  (only to say which extra is missing)
        except ImportError:
            raise ImportError("to_pandas() needs pandas: pip install 'kroniek[analysis]'"
                              ) from None
        table = self.to_arrow()
        for column in DATE_COLUMNS:
            # Parsed by Arrow in C rather than by pandas row by row.
            days = pc.cast(pc.strptime(table.column(column), "%Y-%m-%d", "s"), pa.timestamp("s"))
            table = table.set_column(table.schema.get_field_index(column), column, days)
        return table.to_pandas()
