"""One flat row per event, for tables (CSV, Parquet) and the GDELT-style CAMEO file.

Every column is documented in ``docs/formats.md``. Rows are the PLOVER records of
:func:`kroniek.export.plover.selected_records` (so the same reduction rules hold: negated
and hypothetical events only when asked for), with the document's title, outlet and
publication date added. List columns (codes, names, contexts) are lists here; CSV joins
them with ``|``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.engine import Engine

from kroniek.export.plover import FIGURE_KINDS, selected_records
from kroniek.plover import quad_number
from kroniek.store.event_filter import EventFilter

LIST_COLUMNS = ("contexts", "actor_codes", "actor_names", "actor_sectors",
                "recipient_codes", "recipient_names", "recipient_sectors")
COLUMNS = (
    "id", "document_id", "date_start", "date_end", "date_precision",
    "event_type", "mode", "quad", "plover_score", "status", *LIST_COLUMNS,
    "place_id", "place_name", "latitude", "longitude",
    *FIGURE_KINDS, "trigger", "sentence", "title", "outlet", "url", "published", "source",
)


def _side(entities: list[dict[str, Any]], field: str) -> list[str]:
    return [str(entity.get(field) or "") for entity in entities]


def flat_row(row: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record ``record`` of stored event ``row`` as one flat row."""
    place = record["location"] or {}
    published = row.get("published_start")
    flat: dict[str, Any] = {
        "id": record["id"],
        "document_id": record["document_id"],
        "date_start": record["date_start"],
        "date_end": record["date_end"],
        "date_precision": record["date_precision"],
        "event_type": record["event_type"],
        "mode": record["mode"],
        "quad": quad_number(record["event_type"]),
        "plover_score": record["plover_score"],
        "status": record["status"],
        "contexts": list(record["contexts"]),
        "place_id": place.get("kb_id"),
        "place_name": place.get("name"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "trigger": record["evidence"]["trigger"],
        "sentence": record["evidence"]["sentence"],
        "title": row.get("title"),
        "outlet": row.get("outlet"),
        "url": record["url"],
        "published": published.isoformat() if published is not None else None,
        "source": record["source"],
    }
    for side in ("actor", "recipient"):
        flat[f"{side}_codes"] = _side(record[side], "code")
        flat[f"{side}_names"] = _side(record[side], "name")
        flat[f"{side}_sectors"] = _side(record[side], "sector")
    for kind in FIGURE_KINDS:
        figure = record[kind]
        flat[kind] = figure["value"] if figure else None
    return {column: flat[column] for column in COLUMNS}


def flat_rows(engine: Engine, selection: EventFilter) -> Iterator[dict[str, Any]]:
    for row, record in selected_records(engine, selection):
        yield flat_row(row, record)
