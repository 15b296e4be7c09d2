"""/api/v1/documents: stored articles, and ingesting new ones (with a token only)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from kroniek.errors import InputError
from kroniek.ingest.readers import parse_json
from kroniek.serve import ingest as ingesting
from kroniek.serve import models
from kroniek.serve.ingest import ArticleIn
from kroniek.serve.models import NOT_FOUND, PROBLEMS, Problem, answer
from kroniek.serve.routes.params import Limit, Offset
from kroniek.serve.state import AppState, get_state
from kroniek.store import queries

router = APIRouter(tags=["documents"], responses=PROBLEMS)
State = Annotated[AppState, Depends(get_state)]
DocumentId = Annotated[str, Path(min_length=1, max_length=64)]
# The token as security schemes, so the schema says how to send it and Swagger UI's
# "Authorize" fills it in; either one will do. Checked by require_token, not here.
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(HTTPBearer(
    scheme_name="bearer", auto_error=False,
    description="`Authorization: Bearer TOKEN`, the server's --token"))]
TokenHeader = Annotated[str | None, Depends(APIKeyHeader(
    name="X-Kroniek-Token", scheme_name="token header", auto_error=False,
    description="the server's --token"))]


@router.get("/documents", summary="Stored articles, newest first",
            response_model=models.DocumentPage)
def list_documents(state: State, limit: Limit = 50, offset: Offset = 0) -> Response:
    return answer({"limit": limit, "offset": offset,
                   "items": queries.list_documents(state.engine, limit, offset)})


@router.get("/documents/{document_id}", summary="One article with its extractions",
            response_model=models.Document, responses=NOT_FOUND)
def get_document(state: State, document_id: DocumentId) -> Response:
    found = queries.document(state.engine, document_id)
    if found is None:
        matches = queries.find_document(state.engine, document_id)
        if len(matches) == 1:
            found = queries.document(state.engine, matches[0])
    if found is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return answer(found)


@router.get("/stats", summary="Counts of what the database holds (as `kroniek stats --json`)",
            response_model=models.Stats)
def stats(state: State) -> Response:
    result = queries.stats(state.engine)
    first, last = result["published"]
    return answer({**result, "published": {"first": first, "last": last}})


def require_token(state: AppState, bearer: str | None, token_header: str | None) -> None:
    if not state.writable:
        raise HTTPException(403, "this server is read-only: start it with --token "
                                 "(or KRONIEK_TOKEN) to allow ingesting")
    given = (bearer or token_header or "").strip()
    if not hmac.compare_digest(given.encode(), (state.token or "").encode()):
        raise HTTPException(403, "missing or wrong token (send 'Authorization: Bearer TOKEN')")


_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"},
                       "example": "date 2020-10 Poetin belde met Pasjinian."},
        "application/json": {"schema": {"oneOf": [
            ArticleIn.model_json_schema(),
            {"type": "array", "items": ArticleIn.model_json_schema()},
        ]}},
    },
}


@router.post(
    "/documents", status_code=201, summary="Ingest articles (needs the server's token)",
    openapi_extra={"requestBody": _BODY}, response_model=models.IngestResult,
    responses={400: {"model": models.IngestFailure | Problem,
                     "description": "a bad body or bad items: ``detail`` names each bad "
                                    "item, ``items`` says what became of every item"},
               403: {"model": Problem, "description": "no token configured, or a wrong one"},
               413: {"model": Problem, "description": "body larger than the limit"},
               415: {"model": Problem, "description": "neither text/plain, text/html nor JSON"},
               503: {"model": models.IngestFailure | Problem,
                     "description": "Frog failed: ``items`` says what was stored before"}},
)
async def post_documents(
    request: Request,
    state: State,
    title: Annotated[str | None, Query(max_length=500)] = None,
    date: Annotated[str | None, Query(max_length=40, description="2020, 2020-10, 2020-10-09")]
    = None,
    url: Annotated[str | None, Query(max_length=2000)] = None,
    replace: bool = False,
    bearer: Bearer = None,
    x_kroniek_token: TokenHeader = None,
) -> Response:
    require_token(state, bearer.credentials if bearer else None, x_kroniek_token)
    body = await request.body()
    kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise HTTPException(400, f"the body is not UTF-8 (byte {error.start})") from None
        try:
            records = parse_json(text, "body")
        except InputError as error:
            raise HTTPException(400, str(error).removeprefix("body: ")) from None
        articles = ingesting.from_json(records)
    elif kind in ("text/plain", "text/html", ""):
        articles = [ingesting.from_text(body, title=title, date=date, url=url,
                                        max_bytes=state.max_body, html=kind == "text/html")]
    else:
        raise HTTPException(415, "send text/plain or text/html (one article) or "
                                 "application/json")
    status, result = await run_in_threadpool(ingesting.ingest, state, articles, replace)
    return answer(result, status_code=status)
