"""The flat table built with Arrow (``export.columnar``) holds, row for row, what the
PLOVER records say (``export.plover.selected_records`` through ``export.flat.flat_row``):
the reduction of future events, negated and hypothetical ones only when asked, KB names,
places with coordinates, the first figure of each kind, pull quotes never."""

from __future__ import annotations

import math
from typing import Any

import pyarrow as pa
import pytest

from kroniek.export.columnar import flat_batches
from kroniek.export.flat import COLUMNS
from kroniek.export.plover import FIGURE_KINDS, selected_records
from kroniek.plover import quad_number
from kroniek.store import open_engine
from kroniek.store.event_filter import EventFilter


# The oracle: one PLOVER record flattened by hand, field by field.
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




SELECTIONS = [
    EventFilter(),
    EventFilter(type="ASSAULT"),
    EventFilter(type="AGREE"),
    EventFilter(status="negated"),
    EventFilter(status="hypothetical"),
    EventFilter(actor="UKR"),
    EventFilter(recipient="UKR"),
    EventFilter(limit=2),
]


def _same(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def _rows_both_ways(db: str, selection: EventFilter,
                    rows_per_batch: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    engine = open_engine(db)
    try:
        expected = [flat_row(row, record) for row, record in selected_records(engine, selection)]
        tables = list(flat_batches(engine, selection, rows_per_batch))
    finally:
        engine.dispose()
    got = pa.concat_tables(tables).to_pylist() if tables else []
    return expected, [{k: _same(v) for k, v in row.items()} for row in got]


@pytest.mark.parametrize("rows_per_batch", [1, 3, 1000])
@pytest.mark.parametrize("selection", SELECTIONS, ids=lambda s: str(s.query_args() or "all"))
def test_columnar_rows_are_the_plover_records(stored: str, selection: EventFilter,
                                              rows_per_batch: int) -> None:
    expected, got = _rows_both_ways(stored, selection, rows_per_batch)
    assert got == expected


@pytest.fixture
def three_documents(stored: str) -> str:
    """The fixture's document stored three times, under other ids and publication days,
    so that document order and batch edges are exercised."""
    import datetime as dt

    from kroniek.ingest.identity import document_id
    from kroniek.model import DateInterval
    from kroniek.store import ActorRow, save
    from tests.export.test_plover import make_document

    engine = open_engine(stored)
    for number, day in ((1, dt.date(2023, 5, 1)), (2, None)):
        document = make_document()
        document.text += f" Bericht {number} van de dag."
        document.id, document.key = document_id(document.text), f"test-{number}.txt"
        document.published = DateInterval(day, day, "day") if day else None
        save(engine, document, "test", [ActorRow("rus", "state", "Russia", "RUS", "RUS")])
    engine.dispose()
    return stored


@pytest.mark.parametrize("rows_per_batch", [2, 5, 1000])
def test_document_order_holds_across_batches(three_documents: str, rows_per_batch: int) -> None:
    expected, got = _rows_both_ways(three_documents, EventFilter(), rows_per_batch)
    assert len({row["document_id"] for row in got}) == 3
    assert got == expected


def test_the_fixture_exercises_every_rule(stored: str) -> None:
    # So the comparison above cannot pass by both sides being empty or trivial.
    _, everything = _rows_both_ways(stored, EventFilter(), 1000)
    by_type = {row["event_type"]: row for row in everything}
    assert set(by_type) == {"ASSAULT", "AGREE", "CONCEDE", "SUPPORT"}
    assault = by_type["ASSAULT"]
    assert assault["dead"] == 12 and assault["injured"] == 30
    assert assault["place_name"] and assault["latitude"] is not None
    assert assault["actor_names"] == ["Russia"]
    assert by_type["AGREE"]["mode"] is None and by_type["AGREE"]["plover_score"] == 2.5
    assert "historical" in by_type["SUPPORT"]["contexts"]
    _, negated = _rows_both_ways(stored, EventFilter(status="negated"), 1000)
    assert [(row["status"], row["plover_score"]) for row in negated] == [("negated", None)]


def test_postgres_gives_the_same_rows(stored: str, postgres_url: str) -> None:
    from kroniek.store import ActorRow, save
    from tests.export.test_plover import make_document

    engine = open_engine(postgres_url)
    save(engine, make_document(), "test", [ActorRow("rus", "state", "Russia", "RUS", "RUS")])
    try:
        on_postgres = pa.concat_tables(list(flat_batches(engine, EventFilter()))).to_pylist()
    finally:
        engine.dispose()
    _, on_sqlite = _rows_both_ways(stored, EventFilter(), 1000)
    assert [{k: _same(v) for k, v in row.items()} for row in on_postgres] == on_sqlite
