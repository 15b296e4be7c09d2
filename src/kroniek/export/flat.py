"""The columns of the flat event table: CSV, Parquet, the GDELT-style CAMEO file and
``kroniek.open(...).events()``.

Every column is documented in ``docs/formats.md``. A row is the PLOVER record of
:func:`kroniek.export.plover.selected_records` (so the same reduction rules hold: negated
and hypothetical events only when asked for) flattened, with the document's title, outlet
and publication date added; :mod:`kroniek.export.columnar` builds the rows. List columns
(codes, names, contexts) are lists; CSV joins them with ``|``.
"""

from __future__ import annotations

import pyarrow as pa

from kroniek.export.plover import FIGURE_KINDS

LIST_COLUMNS = ("contexts", "actor_codes", "actor_names", "actor_sectors",
                "recipient_codes", "recipient_names", "recipient_sectors")
COLUMNS = (
    "id", "document_id", "date_start", "date_end", "date_precision",
    "event_type", "mode", "quad", "plover_score", "status", *LIST_COLUMNS,
    "place_id", "place_name", "latitude", "longitude",
    *FIGURE_KINDS, "trigger", "sentence", "title", "outlet", "url", "published", "source",
)

_TYPES: dict[str, pa.DataType] = {
    "quad": pa.int8(), "plover_score": pa.float64(), "latitude": pa.float64(),
    "longitude": pa.float64(), **dict.fromkeys(FIGURE_KINDS, pa.float64()),
    **dict.fromkeys(LIST_COLUMNS, pa.list_(pa.string())),
}
SCHEMA = pa.schema([(column, _TYPES.get(column, pa.string())) for column in COLUMNS])
