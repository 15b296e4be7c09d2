"""PLOVER-style JSON lines: one event per line, with PLOVER's reduction rules applied.

How kroniek reads the PLOVER manual (``shared/reference/PLOVER_MANUAL.tex``, section
"Auxiliary modes" and the "Potential ambiguities" of each category) for its ``status``:

- ``asserted``, ``alleged``: exported as coded; ``status`` says how certain the report is.
- ``historical``: exported, with the auxiliary mode ``historical`` added to ``contexts``
  (the manual puts auxiliary modes in the context).
- ``future``: the manual reduces some categories plus *future* to one category, and
  asks for "the single event category, not a category+auxiliary":
  CONSULT, SUPPORT, COOPERATE and AID in the future become AGREE (future meetings, visits,
  promised cooperation and aid); RETREAT in the future (an announced withdrawal or
  ceasefire) becomes CONCEDE; AGREE and CONCEDE stay as they are. A reduced event has no
  mode (AGREE and CONCEDE have none) and the base score of its new category. Any other
  future event (a planned protest, announced sanctions) has no reduction in the manual and
  is exported with ``future`` in ``contexts``.
- ``negated``: not exported; the manual says negated events "can be excluded from the final
  event dataset", and an event that did not happen is not an event.
- ``hypothetical``: not exported. The manual codes a conditional action as the single
  category that did happen (e.g. THREATEN rather than ASSAULT + hypothetical); the threat
  itself is the event the coder records, the conditional ASSAULT is not.
- Page furniture (pull quotes, fact boxes repeating the body) is never exported.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy.engine import Engine

from kroniek.export.names import knowledge_base
from kroniek.export.options import ExportOptions
from kroniek.export.target import open_text_target
from kroniek.kb import KnowledgeBase
from kroniek.plover import UNREAL_STATUSES, future_as
from kroniek.plover import score as plover_score
from kroniek.store.event_filter import EventFilter
from kroniek.store.event_queries import figures_for_events, list_events

NOT_EXPORTED = UNREAL_STATUSES
AUXILIARY = {"future": "future", "historical": "historical"}
FIGURE_KINDS = ("dead", "injured", "displaced", "arrested")


def reduce_event(event_type: str, mode: str | None, status: str,
                 contexts: Iterable[str]) -> tuple[str, str | None, list[str], bool] | None:
    """``(type, mode, contexts, reduced)`` as PLOVER records it, or None when not exported."""
    if status in NOT_EXPORTED:
        return None
    event_type = event_type.upper()
    contexts = list(contexts)
    if status == "future":
        reduced = future_as(event_type)
        if reduced:
            return reduced, None, contexts, True
        if event_type in {"AGREE", "CONCEDE"}:
            return event_type, mode, contexts, False
    auxiliary = AUXILIARY.get(status)
    if auxiliary and auxiliary not in contexts:
        contexts.append(auxiliary)
    return event_type, mode, contexts, False


def _entity(participant: dict[str, Any], kb: KnowledgeBase | None) -> dict[str, Any]:
    name = participant.get("name")
    if name is None and kb is not None:
        actor = (kb.get(participant["kb_id"]) if participant.get("kb_id") else None) or (
            kb.by_code(participant["code"]) if participant.get("code") else None)
        name = actor.name if actor else None
    return {"code": participant.get("code"), "name": name, "sector": participant.get("sector"),
            "kb_id": participant.get("kb_id")}


def _location(place: str | None, kb: KnowledgeBase | None) -> dict[str, Any] | None:
    if not place:
        return None
    actor = kb.get(place) if kb else None
    coords = actor.coords if actor else None
    return {"kb_id": place, "name": actor.name if actor else None,
            "lat": coords[0] if coords else None, "lon": coords[1] if coords else None}


def _figures(figures: list[dict[str, Any]]) -> dict[str, dict[str, Any] | None]:
    found: dict[str, dict[str, Any] | None] = dict.fromkeys(FIGURE_KINDS)
    for figure in figures:
        kind = figure["kind"]
        if kind in found and found[kind] is None:
            value = figure["value"]
            found[kind] = {"value": int(value) if float(value).is_integer() else value,
                           "qualifier": figure["qualifier"]}
    return found


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def plover_record(row: dict[str, Any], figures: list[dict[str, Any]],
                  kb: KnowledgeBase | None = None,
                  unreal: bool = False) -> dict[str, Any] | None:
    """One stored event (as read by ``event_queries.list_events``) as a PLOVER record.

    Negated and hypothetical events are left out unless ``unreal`` (the user asked for
    them with ``--status``); they are then exported as coded, without a score, since a
    score measures something that happened.
    """
    if row.get("furniture"):
        return None
    reduced = reduce_event(row["type"], row["mode"], row["status"], row["context"] or [])
    if reduced is None:
        if not unreal:
            return None
        reduced = (row["type"].upper(), row["mode"], list(row["context"] or []), False)
    event_type, mode, contexts, was_reduced = reduced
    score = plover_score(event_type, None) if was_reduced else row["plover_score"]
    if row["status"] in NOT_EXPORTED:
        score = None
    sentence = (row.get("sentence") or "")
    return {
        # Stable across re-ingests of the same text, unlike the database's row id.
        "id": f"{row['document_id']}-{row['event_index']}",
        "document_id": row["document_id"],
        "event_type": event_type,
        "mode": mode,
        "contexts": contexts,
        "status": row["status"],
        "date_start": _iso(row["date_start"]),
        "date_end": _iso(row["date_end"]),
        "date_precision": row["date_precision"],
        "actor": [_entity(p, kb) for p in row["actor"]],
        "recipient": [_entity(p, kb) for p in row["recipient"]],
        "location": _location(row["location"], kb),
        **_figures(figures),
        "plover_score": score,
        "evidence": {"sentence": sentence.strip(), "sentence_index": row["sentence_index"],
                     "start": row["start"], "end": row["end"], "trigger": row["trigger"]},
        "url": row.get("url"),
        "source": row.get("source"),
    }


def plover_records(rows: Iterable[dict[str, Any]], figures: dict[int, list[dict[str, Any]]],
                   kb: KnowledgeBase | None = None) -> Iterator[dict[str, Any]]:
    for row in rows:
        record = plover_record(row, figures.get(row["id"], []), kb)
        if record is not None:
            yield record


def selected_records(engine: Engine,
                     selection: EventFilter) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """``(stored row, PLOVER record)`` for every event the filter selects, as every export
    format writes them.

    ``--type`` selects by the exported category, after reduction: ``--type AGREE``
    includes planned meetings stored as future CONSULT. ``--status negated`` or
    ``hypothetical`` asks for events that did not happen, which are otherwise left out.
    """
    wanted = selection.type.upper() if selection.type else None
    rows = list_events(engine, dataclasses.replace(selection, type=None))
    figures = figures_for_events(engine, [row["id"] for row in rows])
    kb = knowledge_base()
    unreal = (selection.status or "").lower() in NOT_EXPORTED
    for row in rows:
        record = plover_record(row, figures.get(row["id"], []), kb, unreal=unreal)
        if record is not None and (wanted is None or record["event_type"] == wanted):
            yield row, record


def write_plover(rows: list[dict[str, Any]], figures: dict[int, list[dict[str, Any]]],
                 out: IO[str], kb: KnowledgeBase | None = None) -> int:
    """Write JSON lines; returns how many events were written."""
    count = 0
    for record in plover_records(rows, figures, kb):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_plover(engine: Engine, selection: EventFilter, target: Path | None,
                  options: ExportOptions | None = None) -> int:
    """The ``plover`` format of ``kroniek export``: JSON lines to ``target`` or stdout."""
    count = 0
    with open_text_target(target) as out:
        for _, record in selected_records(engine, selection):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
