"""Ingest articles posted to the API through the app's one warm pipeline."""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel, Field

from kroniek.errors import InputError, NLPUnavailable
from kroniek.ingest import RawArticle, to_document
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.ingest.readers import read_jsonl, read_text
from kroniek.serve.state import AppState
from kroniek.store import save
from kroniek.store.writer import stored_id_for


class ArticleIn(BaseModel):
    """One article as JSON: the fields of kroniek's JSON Lines input."""

    text: str = Field(min_length=1)
    title: str | None = None
    date: str | None = Field(None, description="2020, 2020-10 or 2020-10-09")
    url: str | None = None
    outlet: str | None = None
    id: str | None = None


def from_text(text: str, title: str | None, date: str | None,
              url: str | None) -> RawArticle | InputError:
    article = read_text(text, "api", [])
    if not article.text.strip():
        return InputError("api: the body holds no article text")
    article.key = url or article.key
    article.url = url or article.url
    article.title = title or article.title
    if date:
        try:
            article.published, article.date_origin = interval_from_iso(date), "metadata"
        except ValueError as error:
            return InputError(f"api: date {error}")
    return article


def from_json(records: object) -> list[RawArticle | InputError]:
    items = records if isinstance(records, list) else [records]
    if not items:
        raise HTTPException(400, "an empty list: send at least one article")
    if len(items) > 100:
        raise HTTPException(400, "at most 100 articles per request")
    out: list[RawArticle | InputError] = []
    for number, item in enumerate(items, start=1):
        out.extend(read_jsonl(json.dumps(item), f"api:{number}", []))
    return out


def ingest(state: AppState, articles: list[RawArticle | InputError],
           replace: bool) -> dict[str, Any]:
    result: dict[str, Any] = {"new": 0, "replaced": 0, "skipped": 0, "failed": 0,
                              "documents": [], "errors": []}
    for article in articles:
        try:
            if isinstance(article, InputError):
                raise article
            document = to_document(article)
            if not replace and stored_id_for(state.write_engine, document.id):
                result["skipped"] += 1
                result["documents"].append(document.id)
                continue
            with state.pipeline_lock:
                pipeline = state.pipeline()
                pipeline(document)
                outcome = save(state.write_engine, document, pipeline.backend.name,
                               pipeline.actors(document), replace=replace)
        except NLPUnavailable as error:
            raise HTTPException(503, str(error)) from None
        except InputError as error:
            result["failed"] += 1
            result["errors"].append(str(error))
            continue
        result[outcome] += 1
        result["documents"].append(document.id)
    if result["failed"] and not result["documents"]:
        raise HTTPException(400, result["errors"][0])
    return result
