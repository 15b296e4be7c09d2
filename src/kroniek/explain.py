"""Why a sentence got the records it got: the pipeline run once more, with the coder's
decisions traced (``kroniek explain``, the web's "why this record").

A view across stages, like :mod:`kroniek.pipeline`: it runs them and reads what each one
left on the document (Frog's tokens, the linker's mentions with how each was resolved, the
coder's trace and events).
"""

from __future__ import annotations

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
