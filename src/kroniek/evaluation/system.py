"""Read what the system stored for a document into the scorer's plain records."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy.engine import Engine

from kroniek.evaluation.records import (
    SystemDocument,
    SystemEvent,
    SystemFigure,
    SystemQuote,
    SystemRelation,
)
from kroniek.kb import KnowledgeBase
from kroniek.store import event_queries


def _codes(participants: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(p["code"].upper() for p in participants if p.get("code"))


def _event(row: dict[str, Any]) -> SystemEvent:
    return SystemEvent(
        type=row["type"].upper(), actor=_codes(row["actor"]), recipient=_codes(row["recipient"]),
        reciprocal=bool(row["reciprocal"]), status=row["status"], mode=row["mode"],
        date_start=row["date_start"], date_end=row["date_end"], furniture=bool(row["furniture"]),
        confidence=float(row["confidence"]), index=int(row["event_index"]),
        sentence=(row.get("sentence") or "").strip(), trigger=row["trigger"],
    )


def load_system(engine: Engine, document_id: str, kb: KnowledgeBase | None) -> SystemDocument:
    stored = event_queries.annotations(engine, document_id)
    sentences: dict[int, str] = stored["sentences"]
    events = [_event(row) for row in stored["events"]]
    codes = {code.upper() for code in stored["mention_codes"]}
    for row in stored["events"]:
        codes.update(_codes(row["actor"]) + _codes(row["recipient"]))

    def sentence(row: dict[str, Any]) -> str:
        index = row.get("sentence_index")
        return sentences.get(index, "").strip() if index is not None else ""

    def name_of(actor_id: str | None) -> str | None:
        actor = kb.get(actor_id) if kb and actor_id else None
        return actor.name if actor else None

    return SystemDocument(
        id=document_id,
        actor_codes=codes,
        events=events,
        relations=[SystemRelation(r["type"], r["source"], r["target"], sentence(r))
                   for r in stored["relations"]],
        figures=[SystemFigure(f["kind"], float(f["value"]), f["qualifier"], f["unit"],
                              sentence(f)) for f in stored["figures"]],
        quotes=[SystemQuote(q["text"], q["speaker"], name_of(q["speaker_actor_id"]),
                            sentence(q)) for q in stored["quotes"]],
    )


def kb_resolver(kb: KnowledgeBase | None):  # type: ignore[no-untyped-def]
    """Every name an end of a relation goes by: itself, KB id, code and KB names."""

    @functools.cache
    def resolve(value: str) -> frozenset[str]:
        keys = {value.casefold()}
        if kb is None:
            return frozenset(keys)
        actors = []
        if (actor := kb.get(value)) is not None:
            actors.append(actor)
        if (actor := kb.by_code(value)) is not None:
            actors.append(actor)
        if not actors:
            # A gold end may be a place name ("Nagorno-Karabakh") rather than a code; the
            # best-ranked reading only, so an ambiguous name cannot match by luck.
            actors.extend(actor for actor, _route in kb.lookup(value)[:1])
        for actor in actors:
            keys.update({actor.id.casefold(), actor.name.casefold()})
            code = kb.code_of(actor.id)
            if code:
                keys.add(code.casefold())
        return frozenset(keys)

    return resolve
