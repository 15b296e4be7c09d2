"""Ingest articles posted to the API through the app's one warm pipeline."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from kroniek.errors import InputError, NLPUnavailable
from kroniek.ingest import RawArticle, to_document
from kroniek.ingest.decode import decode
from kroniek.ingest.html import looks_like_html, read_html
from kroniek.ingest.pubdate import publication_interval
from kroniek.ingest.readers import read_text
from kroniek.ingest.record import ArticleRecord, article_from_record
from kroniek.serve.state import AppState
from kroniek.store import queries, save
from kroniek.store.writer import stored_id_for

MAX_ITEMS = 100


# The JSON body's schema (OpenAPI) is the one JSON Lines records are checked against.
ArticleIn = ArticleRecord


def from_text(body: bytes, title: str | None, date: str | None,
              url: str | None, max_bytes: int, html: bool = False) -> RawArticle | InputError:
    """A text/plain body: decoded as ingest decodes a file (UTF-8, a BOM, cp1252); a
    text/html body (or a text/plain one that is a web page) read as ingest reads a page."""
    try:
        if html or looks_like_html(body):
            article = read_html(body, "api", url=url)
        else:
            text, notes = decode(body, "api", max_bytes)
            article = read_text(text, "api", notes, keyed=False)
    except InputError as error:
        return error
    if not article.text.strip():
        return InputError("api: the body holds no article text")
    article.key = url or article.key
    article.url = url or article.url
    article.title = title or article.title
    if date:
        try:
            article.published, article.date_origin = publication_interval(date), "metadata"
        except ValueError as error:
            return InputError(f"api: date {error}")
    return article


def from_json(records: object) -> list[RawArticle | InputError]:
    """An article object or a list of them; each checked as a JSON Lines record is."""
    items = records if isinstance(records, list) else [records]
    if not items:
        raise HTTPException(400, "an empty list: send at least one article")
    if len(items) > MAX_ITEMS:
        raise HTTPException(400, f"at most {MAX_ITEMS} articles per request")
    out: list[RawArticle | InputError] = []
    for number, item in enumerate(items, start=1):
        try:
            out.append(article_from_record(item, f"api:{number}"))
        except InputError as error:
            out.append(error)
    return out


def _store(state: AppState, article: RawArticle, replace: bool) -> dict[str, Any]:
    """One article's result: its status (new, replaced, skipped), id and title."""
    document = to_document(article)
    item: dict[str, Any] = {"id": document.id, "title": document.title}
    if not replace and stored_id_for(state.write_engine, document.id):
        return {**item, "status": "skipped"}
    # The pipeline loads on the first write, as in state.
    from kroniek.pipeline import analyse, place_in_story, remember_story

    with state.pipeline_lock:
        older = queries.other_versions(state.write_engine, document.key, document.id)
        replacing = [str(o["id"]) for o in older]
        pipeline = state.pipeline()
        stories = pipeline.stories(state.write_engine)
        place_in_story(stories, document, replacing)
        analyse(pipeline, document)
        outcome = save(state.write_engine, document, pipeline.backend.name,
                       pipeline.actors(document), replace=replace)
        if outcome != "skipped":
            remember_story(stories, document, replacing)
    if document.story != document.id:
        item["story"] = document.story
    if outcome == "replaced":
        item["replaces"] = [{"id": o["id"], "title": o["title"]} for o in older]
    return {**item, "status": outcome}


def ingest(state: AppState, articles: list[RawArticle | InputError],
           replace: bool) -> tuple[int, dict[str, Any]]:
    """Each article in turn: the HTTP status and an answer saying per item what became of it.

    201 when every item was stored (or was already); 400 when any item was bad, with the
    reason for each bad one and, in ``items``, which of the others were stored; 503 when
    Frog failed, again with the items stored before.
    """
    result: dict[str, Any] = {"new": 0, "replaced": 0, "skipped": 0, "failed": 0,
                              "documents": [], "errors": [], "items": []}
    for number, article in enumerate(articles, start=1):
        try:
            if isinstance(article, InputError):
                raise article
            item = _store(state, article, replace)
        except NLPUnavailable as error:
            return 503, {"detail": str(error), **result}
        except InputError as error:
            item = {"status": "failed", "error": str(error)}
            result["errors"].append(str(error))
        else:
            result["documents"].append(item["id"])
        result[item["status"]] += 1
        result["items"].append({"item": number, **item})
    if result["failed"]:
        stored = result["new"] + result["replaced"] + result["skipped"]
        summary = f"{result['failed']} of {len(articles)} failed: {'; '.join(result['errors'])}"
        if stored:
            summary += f" (the other {stored} stored, see items)"
        return 400, {"detail": summary, **result}
    return 201, result
