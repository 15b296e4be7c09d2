"""The flat event table (CSV, Parquet, ``kroniek.open(...).events().to_arrow()``) built
column by column with Arrow.

The rules are those of the PLOVER records (:func:`kroniek.export.plover.reduce_event`,
names from the knowledge base, the first figure of each kind): each is applied once per
distinct value of what it depends on (a batch has a few dozen distinct type, mode, status
and context combinations, a few hundred places and actors), and the answers are spread
over the rows with Arrow's ``take``. So a million events cost a million Python calls
nowhere, and the flat table cannot drift from the PLOVER records: the tests compare the
two row by row.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy.engine import Engine

from kroniek.export.flat import COLUMNS, SCHEMA
from kroniek.export.names import knowledge_base
from kroniek.export.plover import FIGURE_KINDS, NOT_EXPORTED, reduce_event
from kroniek.kb import KnowledgeBase
from kroniek.plover import quad_number
from kroniek.plover import score as plover_score
from kroniek.store.event_columns import BATCH_ROWS, EventColumns, event_column_batches
from kroniek.store.event_filter import EventFilter

_STRINGS = pa.list_(pa.string())
_SEPARATOR = "\x1f"
_NONE = "\x00"  # stands for a missing mode in a key, where "" could be a value


def _memoised(keys: pa.Array, answer: Callable[[Any], Any], kind: pa.DataType) -> pa.Array:
    """``answer(key)`` for every row, computed once per distinct key."""
    encoded = pc.dictionary_encode(keys)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    answers = pa.array([answer(key) for key in encoded.dictionary.to_pylist()], type=kind)
    return answers.take(encoded.indices)


def _with(column: pa.Array, missing: str) -> pa.Array:
    return pc.fill_null(column, missing)


@dataclasses.dataclass(frozen=True)
class _Reduction:
    """What PLOVER's reduction makes of one (type, mode, status, contexts) combination."""

    exported: bool
    event_type: str
    mode: str | None
    contexts: list[str]
    score: float | None  # the score to set, when ``keep_score`` is False
    keep_score: bool


def _reduction(key: str, unreal: bool) -> _Reduction:
    event_type, mode, status, context = key.split(_SEPARATOR)
    stored_mode = None if mode == _NONE else mode
    contexts = json.loads(context) if context else []
    reduced = reduce_event(event_type, stored_mode, status, contexts)
    if reduced is None:
        # Asked for with --status negated/hypothetical: as coded, with no score.
        return _Reduction(unreal, event_type.upper(), stored_mode, list(contexts), None, False)
    new_type, new_mode, new_contexts, was_reduced = reduced
    if was_reduced:
        return _Reduction(True, new_type, new_mode, new_contexts,
                          plover_score(new_type, None), False)
    return _Reduction(True, new_type, new_mode, new_contexts, None, status not in NOT_EXPORTED)


def _participant_names(participants: pa.Table, kb: KnowledgeBase) -> pa.Array:
    """The actors table's name, else the KB's (a code with no stored actor), else ""."""
    def kb_name(key: str) -> str | None:
        wanted_id, wanted_code = key.split(_SEPARATOR)
        actor = ((kb.get(wanted_id) if wanted_id else None)
                 or (kb.by_code(wanted_code) if wanted_code else None))
        return actor.name if actor else None

    stored = participants.column("name").combine_chunks()
    keys = pc.binary_join_element_wise(participants.column("kb_id"),
                                       participants.column("code"), _SEPARATOR)
    looked_up = _memoised(keys.combine_chunks(), kb_name, pa.string())
    return pc.coalesce(pc.if_else(pc.equal(stored, ""), None, stored), looked_up, "")


def _lists(event_ids: pa.Array, owners: np.ndarray,  # type: ignore[type-arg]
           values: pa.Array) -> pa.Array:
    """Per event, the ``values`` whose owner is that event (adjacent, in order)."""
    if len(owners) == 0:
        return pa.array([[]] * len(event_ids), type=_STRINGS)
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    grouped = pa.ListArray.from_arrays(pa.array(np.r_[starts, len(owners)], pa.int32()),
                                       values)
    where = pc.index_in(event_ids, value_set=pa.array(owners[starts]))
    return grouped.take(where).fill_null(pa.scalar([], type=_STRINGS))


def _sides(event_ids: pa.Array, participants: pa.Table,
           kb: KnowledgeBase) -> dict[str, pa.Array]:
    """``actor_codes`` ... ``recipient_sectors``: lists per event, in position order."""
    participants = participants.set_column(
        participants.schema.get_field_index("name"), "name",
        _participant_names(participants, kb))
    found: dict[str, pa.Array] = {}
    for side in ("actor", "recipient"):
        chosen = participants.filter(pc.equal(participants.column("role"), side))
        owners = chosen.column("event_id").to_numpy()
        for field, column in (("code", "codes"), ("name", "names"), ("sector", "sectors")):
            found[f"{side}_{column}"] = _lists(event_ids, owners,
                                               chosen.column(field).combine_chunks())
    return found


def _first_figures(event_ids: pa.Array, figures: pa.Table) -> dict[str, pa.Array]:
    """Per event, the value of its first figure of each kind (figures are in text order)."""
    found: dict[str, pa.Array] = {}
    for kind in FIGURE_KINDS:
        chosen = figures.filter(pc.equal(figures.column("kind"), kind))
        if chosen.num_rows == 0:
            found[kind] = pa.nulls(len(event_ids), pa.float64())
            continue
        owners = chosen.column("event_id").to_numpy()
        _, first = np.unique(owners, return_index=True)
        values = chosen.column("value").combine_chunks().take(pa.array(first))
        found[kind] = values.take(pc.index_in(event_ids, value_set=pa.array(owners[first])))
    return found


def flat_table(batch: EventColumns, wanted_type: str | None, unreal: bool,
               kb: KnowledgeBase) -> pa.Table:
    """One batch of ``event_column_batches`` as rows of the flat export, after PLOVER's
    reduction and filters."""
    events = batch.events
    event_ids = events.column("id").combine_chunks()
    keys = pc.binary_join_element_wise(
        events.column("type"), _with(events.column("mode"), _NONE),
        events.column("status"), _with(events.column("context"), ""), _SEPARATOR)
    reductions = _memoised(
        keys.combine_chunks(), lambda key: dataclasses.asdict(_reduction(key, unreal)),
        pa.struct([("exported", pa.bool_()), ("event_type", pa.string()),
                   ("mode", pa.string()), ("contexts", _STRINGS),
                   ("score", pa.float64()), ("keep_score", pa.bool_())]))
    event_type = reductions.field("event_type")
    places = _memoised(
        _with(events.column("location"), "").combine_chunks(),
        lambda kb_id: _place(kb_id, kb),
        pa.struct([("name", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())]))
    columns: dict[str, pa.Array | pa.ChunkedArray] = {
        "id": pc.binary_join_element_wise(
            events.column("document_id"), pc.cast(events.column("event_index"), pa.string()),
            "-"),
        "document_id": events.column("document_id"),
        "date_start": events.column("date_start"),
        "date_end": events.column("date_end"),
        "date_precision": events.column("date_precision"),
        "event_type": event_type,
        "mode": reductions.field("mode"),
        "quad": _memoised(event_type, quad_number, pa.int8()),
        "plover_score": pc.if_else(reductions.field("keep_score"),
                                   events.column("plover_score").combine_chunks(),
                                   reductions.field("score")),
        "status": events.column("status"),
        "contexts": reductions.field("contexts"),
        "place_id": events.column("location"),
        "place_name": places.field("name"),
        "latitude": places.field("lat"),
        "longitude": places.field("lon"),
        "trigger": events.column("trigger"),
        "sentence": pc.utf8_trim_whitespace(_with(events.column("sentence"), "")),
        "title": events.column("title"),
        "outlet": events.column("outlet"),
        "url": events.column("url"),
        "published": events.column("published"),
        "source": events.column("source"),
    }
    columns.update(_sides(event_ids, batch.participants, kb))
    columns.update(_first_figures(event_ids, batch.figures))
    keep = pc.and_(reductions.field("exported"), pc.equal(events.column("furniture"), 0))
    if wanted_type is not None:
        keep = pc.and_(keep, pc.equal(event_type, wanted_type))
    table = pa.table({name: columns[name] for name in COLUMNS}, schema=SCHEMA)
    return table.filter(keep)


def _place(kb_id: str, kb: KnowledgeBase) -> dict[str, Any]:
    actor = kb.get(kb_id) if kb_id else None
    coords = actor.coords if actor else None
    return {"name": actor.name if actor else None,
            "lat": coords[0] if coords else None, "lon": coords[1] if coords else None}


def flat_batches(engine: Engine, selection: EventFilter,
                 rows_per_batch: int = BATCH_ROWS) -> Iterator[pa.Table]:
    """The flat rows of every event ``selection`` picks, as Arrow tables of the export's
    schema, batch by batch (``--type`` after reduction, as ``selected_records``)."""
    wanted = selection.type.upper() if selection.type else None
    unreal = (selection.status or "").lower() in NOT_EXPORTED
    kb = knowledge_base()
    for batch in event_column_batches(engine, dataclasses.replace(selection, type=None),
                                      rows_per_batch):
        yield flat_table(batch, wanted, unreal, kb)


def flat_rows(engine: Engine, selection: EventFilter) -> Iterator[dict[str, Any]]:
    """The same rows one at a time, as dicts (for writers that go row by row)."""
    for table in flat_batches(engine, selection):
        yield from table.to_pylist()
