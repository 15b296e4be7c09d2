"""Why a sentence got the records it got: the pipeline run once more, with the coder's
decisions traced (``kroniek explain``, the web's "why this record").

A view across stages, like :mod:`kroniek.pipeline`: it runs them and reads what each one
left on the document (Frog's tokens, the linker's mentions with how each was resolved, the
coder's trace and events).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kroniek.errors import InputError
from kroniek.extract.trace import Step, tracing
from kroniek.ingest.build import to_document
from kroniek.ingest.readers import RawArticle
from kroniek.model import DateInterval, Document, Event, Mention

if TYPE_CHECKING:
    from kroniek.pipeline import Pipeline


@dataclass
class SentenceExplanation:
    index: int
    text: str
    tokens: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    steps: list[Step]
    events: list[dict[str, Any]]


@dataclass
class Explanation:
    published: str | None
    sentences: list[SentenceExplanation] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "published": self.published,
            "sentences": [
                {"index": s.index, "text": s.text, "tokens": s.tokens, "mentions": s.mentions,
                 "steps": [{"stage": step.stage, "message": step.message}
                           for step in s.steps],
                 "events": s.events}
                for s in self.sentences],
        }


def _mention(mention: Mention, document: Document) -> dict[str, Any]:
    return {"text": document.text[mention.start:mention.end], "label": mention.label,
            "kb": mention.actor_id, "code": mention.code, "sector": mention.sector,
            "method": mention.method, "score": round(mention.score, 2)}


def _event(event: Event) -> dict[str, Any]:
    return {"type": event.type, "mode": event.mode, "actor": event.actor,
            "recipient": event.recipient, "reciprocal": event.reciprocal,
            "status": event.status, "date": event.date.iso() if event.date else None,
            "trigger": event.trigger, "rule": event.rule, "location": event.location}


def explain_document(pipeline: Pipeline, document: Document,
                     sentences: set[int] | None = None) -> Explanation:
    """Analyse ``document`` with tracing on; explain ``sentences`` (default: all)."""
    with tracing() as trace:
        pipeline(document)
    published = document.published.iso() if document.published else None
    result = Explanation(published)
    for sentence in document.sentences:
        if sentences is not None and sentence.index not in sentences:
            continue
        tokens = document.sentence_tokens(sentence.index)
        result.sentences.append(SentenceExplanation(
            index=sentence.index,
            text=document.sentence_text(sentence.index),
            tokens=[{"text": t.text, "lemma": t.lemma, "pos": t.pos,
                     "deprel": t.deprel,
                     "head": (document.tokens[t.head].text if t.head is not None else None)}
                    for t in tokens],
            mentions=[_mention(m, document) for m in document.mentions
                      if m.sentence == sentence.index],
            steps=trace.for_sentence(sentence.index),
            events=[_event(e) for e in document.events if e.sentence == sentence.index],
        ))
    return result


def document_for_text(text: str, published: DateInterval | None) -> Document:
    """A text given on the command line, as ingest would make it a document."""
    if not text.strip():
        raise InputError("explain: give a sentence or DOC:N")
    article = RawArticle(text=text, source="explain", key="explain", published=published,
                         date_origin="metadata" if published else "none")
    return to_document(article, check_language=False)


def document_from_row(row: dict[str, Any]) -> Document:
    """A stored document, rebuilt for analysing once more."""
    published = None
    if row.get("published_start") is not None:
        published = DateInterval(row["published_start"], row["published_end"],
                                 row["published_precision"])
    article = RawArticle(text=row["text"], source=row["source"], key=row["key"],
                         title=row.get("title"), url=row.get("url"), outlet=row.get("outlet"),
                         published=published, date_origin=row.get("date_origin") or "none")
    return to_document(article, check_language=False)


# -- an explanation as data, grouped by candidate (the web's "why this record") ---------------
#
# The coder's notes are lines of text in the order it made its decisions: every trigger word
# of the sentence first, then each candidate's clause and arguments (or why it was dropped),
# then, for each record in the order of the records, its status, date and PLOVER
# reductions. A note about a candidate starts with its lexicon rule ("verb:aanvallen: ...");
# trigger and "not used" notes carry the rule in their detail. One candidate can give
# several records: both sides of a symmetric entry ("sprak met"), or one per joint actor.

_NOT_USED = re.compile(r"^ \((?P<type>[^)]*)\) not used: (?P<reason>.*)$")
_MODE = re.compile(r" -> [A-Z_]+ \((?P<mode>[^)]+)\)$")


def _after(message: str, prefix: str) -> str:
    return message[len(prefix):] if message.startswith(prefix) else message


def _word(step: Step) -> str:
    """The trigger word of a trigger or blocked note ("aangevallen: verb:aanvallen ...")."""
    rule = str(step.detail.get("rule", ""))
    cut = step.message.find(f": {rule}") if rule else -1
    return step.message[:cut] if cut > 0 else ""


def _not_used(step: Step) -> dict[str, Any]:
    rule = str(step.detail.get("rule", ""))
    word = _word(step)
    rest = _after(step.message, f"{word}: {rule}")
    found = _NOT_USED.match(rest)
    return {"word": word, "rule": rule,
            "type": found.group("type") if found else None,
            "reason": found.group("reason") if found else rest.strip(),
            "message": step.message}


def _candidate(step: Step) -> dict[str, Any]:
    mode = _MODE.search(step.message)
    return {"word": _word(step), "rule": str(step.detail.get("rule", "")),
            "type": step.detail.get("type"), "mode": mode.group("mode") if mode else None,
            "token": step.detail.get("token"), "clause": None, "arguments": [],
            "dropped": None, "records": [], "event": None, "status": None, "date": None,
            "reductions": []}


@dataclass
class _RecordNotes:
    """The notes about one record: its status, date and PLOVER reductions."""
    rule: str
    status: str | None = None
    date: str | None = None
    reductions: list[str] = field(default_factory=list)


def _owner(event: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The candidate a record came from: one of its lexicon rule whose argument notes name
    the record's actors (a mirrored record's actor is the recipient there), not dropped,
    with fewest records so far, the first in the sentence."""
    same = [c for c in candidates if c["rule"] == event["rule"]]
    if not same:
        return None

    def names_actors(candidate: dict[str, Any]) -> bool:
        notes = " ".join(candidate["arguments"])
        return all(f"[{code}" in notes or f", {code}" in notes for code in event["actor"])

    return min(same, key=lambda c: (not names_actors(c), c["dropped"] is not None,
                                    len(c["records"]), same.index(c)))


def sentence_as_data(sentence: SentenceExplanation) -> dict[str, Any]:
    """One sentence's explanation with the coder's notes grouped by candidate event.

    ``candidates`` are the lexicon readings tried as events, in the order the coder noted
    them, each with its clause and argument choice, and either the ``records`` it gave
    (each ``event`` with its own ``status``, ``date`` and ``reductions``; ``event``,
    ``status`` and ``date`` of the candidate are its first record's) or why it was
    ``dropped``. ``not_used`` are readings the lexicon set aside (a needed cue missing, a
    blocking word present); ``other`` are notes about the whole sentence (page furniture).
    Every note's text is kept as the coder wrote it, so nothing is lost when its wording
    is not the one parsed here.
    """
    candidates: list[dict[str, Any]] = []
    not_used: list[dict[str, Any]] = []
    other: list[str] = []
    blocks: list[_RecordNotes] = []
    current: dict[str, dict[str, Any]] = {}  # rule -> the candidate its clause notes reached
    by_length: list[str] = []  # candidate rules, longest first ("noun:*aanval" vs "noun:a")
    for step in sentence.steps:
        if step.stage == "trigger":
            candidates.append(_candidate(step))
            by_length = sorted({c["rule"] for c in candidates}, key=len, reverse=True)
            continue
        if step.stage == "blocked":
            not_used.append(_not_used(step))
            continue
        rule = next((r for r in by_length if step.message.startswith(r + ": ")), None)
        if rule is None:
            if step.stage == "rule" and blocks:  # "PLOVER: a planned meeting is AGREE"
                blocks[-1].reductions.append(step.message)
            else:
                other.append(step.message)
            continue
        text = _after(step.message, rule + ": ")
        if step.stage in ("status", "date", "rule"):
            last = blocks[-1] if blocks else None
            if (last is None or last.rule != rule or step.stage == "status"
                    or (step.stage == "date" and last.date is not None)):
                last = _RecordNotes(rule)
                blocks.append(last)
            if step.stage == "rule":
                last.reductions.append(text)
            else:
                setattr(last, step.stage, text)
            continue
        if step.stage == "clause":
            target = next((c for c in candidates if c["rule"] == rule and c["clause"] is None),
                          current.get(rule))
        else:
            target = current.get(rule) or next(c for c in candidates if c["rule"] == rule)
        if target is None:
            other.append(step.message)
            continue
        current[rule] = target
        if step.stage == "clause":
            target["clause"] = text
        elif step.stage == "arguments":
            target["arguments"].append(text)
        elif step.stage == "dropped":
            target["dropped"] = text
        else:
            other.append(step.message)
    for event in sentence.events:
        notes = next((b for b in blocks if b.rule == event["rule"]), None)
        if notes is not None:
            blocks.remove(notes)
        owner = _owner(event, candidates)
        if owner is None:  # a record whose trigger note was not recognised: still shown
            owner = {**_candidate(Step(sentence.index, "trigger", "")), "rule": event["rule"],
                     "word": event["trigger"], "type": event["type"], "mode": event["mode"]}
            candidates.append(owner)
        status = notes.status if notes and notes.status else (
            f"{event['status']} (no status cue was read)")  # e.g. an attributive trigger
        owner["records"].append({"event": event, "status": status,
                                 "date": notes.date if notes else None,
                                 "reductions": notes.reductions if notes else []})
    for candidate in candidates:
        if candidate["records"]:
            first = candidate["records"][0]
            candidate.update(event=first["event"], status=first["status"],
                             date=first["date"], reductions=first["reductions"])
    return {"index": sentence.index, "text": sentence.text, "mentions": sentence.mentions,
            "candidates": candidates, "not_used": not_used, "other": other,
            "events": sentence.events, "tokens": sentence.tokens}
