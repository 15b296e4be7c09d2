"""Why this record: a stored event's sentence analysed once more, with the coder's trace.

Analysing costs Frog time, so it runs only when asked (the event page's "Why this record",
``GET /api/v1/events/{id}/explain``), through the app's one pipeline under the lock that
ingest requests take, and the result is kept per document: the other events of the same
article are then explained without Frog.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib.resources import files
from typing import Any

from fastapi import HTTPException

from kroniek.datafiles import load_yaml
from kroniek.errors import NLPUnavailable
from kroniek.explain import document_from_row, explain_document, sentence_as_data
from kroniek.model import DateInterval
from kroniek.serve.state import AppState
from kroniek.store import queries

# Fields of a record that the fresh analysis is compared on, as (label, stored key).
COMPARED = (("type", "type"), ("mode", "mode"), ("status", "status"), ("actor", "actor"),
            ("recipient", "recipient"), ("date", "date"), ("place", "location"),
            ("trigger", "trigger"))


def _stored_date(found: dict[str, Any]) -> str | None:
    if found.get("date_start") is None:
        return None
    return DateInterval(found["date_start"], found["date_end"] or found["date_start"],
                        found["date_precision"] or "day").iso()


def _stored(found: dict[str, Any]) -> dict[str, Any]:
    """The stored record in the shape of a fresh one (kroniek.explain's events)."""
    return {"type": found["type"], "mode": found["mode"], "status": found["status"],
            "actor": list(found["actor"]), "recipient": list(found["recipient"]),
            "date": _stored_date(found), "location": found["location"],
            "trigger": found["trigger"], "rule": found["rule"]}


def _differences(stored: dict[str, Any], fresh: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"field": label, "stored": stored[key], "now": fresh.get(key)}
            for label, key in COMPARED if stored[key] != fresh.get(key)]


def _match(stored: dict[str, Any], candidates: list[dict[str, Any]],
           ) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
    """The fresh candidate and record that are this stored record: the same lexicon rule
    (or, failing that, the same trigger words and type), the record agreeing on most
    fields; a candidate without records when the coder now drops it."""
    def same_source(candidate: dict[str, Any], event: dict[str, Any]) -> bool:
        return candidate["rule"] == stored["rule"] or (
            event.get("trigger") == stored["trigger"] and event.get("type") == stored["type"])

    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = [
        (c, r) for c in candidates for r in (c["records"] or [None])
        if same_source(c, r["event"] if r else {})]
    if not pairs:
        return None
    return min(pairs, key=lambda pair: (pair[1] is None, len(_differences(
        stored, pair[1]["event"] if pair[1] else {}))))


@cache
def _methods() -> dict[str, str]:
    text = files("kroniek.serve").joinpath("resolution_methods.yaml").read_text("utf-8")
    return {str(k): str(v) for k, v in (load_yaml(text) or {}).items()}


def method_gloss(method: str) -> str | None:
    """How a resolution method reads in words ("generic-context" by its two parts)."""
    glosses = _methods()
    if method in glosses:
        return glosses[method]
    first, _, rest = method.rpartition("-")
    if first in glosses and rest in glosses:
        return f"{glosses[first]}; {glosses[rest]}"
    return None


def _mentions(state: AppState, mentions: list[dict[str, Any]],
              published: str | None) -> list[dict[str, Any]]:
    out = []
    for mention in mentions:
        actor = state.kb.get(mention["kb"]) if mention["kb"] else None
        out.append({**mention, "kb_name": actor.name if actor else None,
                    "kb_kind": actor.kind if actor else None,
                    "how": method_gloss(mention["method"]),
                    # the KB is read at the article's date (offices, memberships)
                    "resolved_at": published if mention["kb"] else None})
    return out


_CLAUSE = re.compile(r'^clause "(?P<clause>.*)"; phrases: (?P<phrases>.*)$', re.S)
_ARGUMENTS = re.compile(r"^actor (?P<actor>.*?); recipient (?P<recipient>.*?)"
                        r"(?P<reciprocal>; reciprocal)?$", re.S)


def _readable(candidate: dict[str, Any]) -> None:
    """Split the clause and argument notes into their parts where they have the usual form
    (the notes themselves stay as written)."""
    clause = _CLAUSE.match(candidate["clause"] or "")
    candidate["clause_words"] = clause.group("clause") if clause else None
    candidate["phrases"] = clause.group("phrases") if clause else None
    chosen = next((m for m in map(_ARGUMENTS.match, candidate["arguments"]) if m), None)
    candidate["chosen_actor"] = chosen.group("actor") if chosen else None
    candidate["chosen_recipient"] = chosen.group("recipient") if chosen else None
    candidate["reciprocal_chosen"] = bool(chosen and chosen.group("reciprocal"))
    # the notes besides the choice, e.g. a recipient taken from an earlier sentence
    candidate["more_arguments"] = [note for note in candidate["arguments"]
                                   if not chosen or note != chosen.string]


def _explained(state: AppState, row: dict[str, Any]) -> dict[str, Any]:
    """The whole stored document explained, from the cache or by analysing it now."""
    key = (row["id"], hashlib.sha256(row["text"].encode()).hexdigest())
    with state.pipeline_lock:
        cached = state.explanations.get(key)
        if cached is not None:
            state.explanations.move_to_end(key)
            return cached
        document = document_from_row(row)
        try:
            explanation = explain_document(state.pipeline(), document)
        except NLPUnavailable as error:
            raise HTTPException(503, f"Frog is not available, so this record cannot be "
                                     f"explained now: {error}") from None
        result = {"published": explanation.published,
                  "sentences": {s.index: s for s in explanation.sentences}}
        state.explanations[key] = result
        while len(state.explanations) > state.explanations_kept:
            state.explanations.popitem(last=False)
        return result


def explain_event(state: AppState, found: dict[str, Any]) -> dict[str, Any]:
    """Why the event ``found`` (``kroniek.serve.data.events.event``) is as stored.

    Raises 503 when Frog cannot run. The answer says whether the analysis today still
    gives this record, and which fields differ when it does not.
    """
    row = queries.document(state.engine, found["document_id"])
    if row is None:  # replaced between the two reads
        raise HTTPException(404, f"the article of event {found['id']} is no longer stored")
    explained = _explained(state, row)
    index = found["sentence_index"]
    stored = _stored(found)
    sentence = explained["sentences"].get(index)
    answer: dict[str, Any] = {"event": found["id"], "document": found["document_id"],
                              "sentence_index": index, "published": explained["published"],
                              "stored": stored}
    if sentence is None:
        return {**answer, "agrees": False, "sentence": None, "record": None,
                "record_event": None, "differences": [],
                "note": f"the article analysed today has no sentence {index}: it is split "
                        "into sentences differently than when the record was stored"}
    data = sentence_as_data(sentence)
    data["mentions"] = _mentions(state, data["mentions"], explained["published"])
    matched = _match(stored, data["candidates"])
    record, fresh = matched if matched else (None, None)
    differences = _differences(stored, fresh["event"]) if fresh else []
    if record is None:
        note = ("the coder today finds no candidate event from this trigger in the sentence"
                + "".join(f" ({other})" for other in data["other"])
                + ": it changed since the record was stored")
    elif fresh is None:
        note = ("the coder today drops this candidate (" + (record["dropped"] or "no reason")
                + "): it changed since the record was stored")
    elif differences:
        note = ("the coder today gives this record with other values than the stored one: "
                "it changed since the record was stored")
    else:
        note = None
    if data["text"] != found["sentence"]["text"]:
        extra = "the sentence analysed today is not the stored sentence"
        note = f"{note}; {extra}" if note else extra
    for candidate in data["candidates"]:
        candidate["this_record"] = candidate is record
        for each in candidate["records"]:
            each["this_record"] = each is fresh
        _readable(candidate)
    return {**answer, "agrees": note is None, "note": note, "sentence": data,
            "record": data["candidates"].index(record) if record else None,
            "record_event": record["records"].index(fresh) if record and fresh else None,
            "differences": differences}
