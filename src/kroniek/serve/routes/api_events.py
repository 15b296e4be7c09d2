"""/api/v1/events: filtered events, facets, CSV, and one event with its evidence."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response, StreamingResponse

from kroniek.serve import models, why
from kroniek.serve.data import events as data
from kroniek.serve.models import NOT_FOUND, PROBLEMS, answer
from kroniek.serve.routes.params import Limit, Offset, Order, Sort, event_filter
from kroniek.serve.state import AppState, get_state
from kroniek.store.event_filter import EventFilter

router = APIRouter(tags=["events"], responses=PROBLEMS)
Filter = Annotated[EventFilter, Depends(event_filter)]
State = Annotated[AppState, Depends(get_state)]
EventId = Annotated[int, Path(ge=1, le=2**62)]


CSV = {"content": {"text/csv": {"schema": {"type": "string"}}},
       "description": "A page of events (JSON), or every match as CSV"}


@router.get("/events", summary="Events matching the filters, newest first",
            response_model=models.EventPage, responses={200: CSV})
def list_events(state: State, f: Filter, sort: Sort = "date", order: Order = "desc",
                limit: Limit = 50, offset: Offset = 0,
                format: Annotated[Literal["json", "csv"], Query(
                    description="json (a page) or csv (every match, as /events.csv)")]
                = "json") -> Response:
    if format == "csv":
        return events_csv(state, f, sort, order)
    with state.engine.connect() as connection:
        items = data.list_events(connection, f, sort, order, limit, offset)
        total = data.count_events(connection, f)
    return answer({"total": total, "total_capped": total >= 10_000, "limit": limit,
                   "offset": offset, "items": [data.public(item) for item in items]})


@router.get("/events/facets", summary="Counts by type and status for the filters",
            response_model=models.Facets)
def facets(state: State, f: Filter) -> Response:
    with state.engine.connect() as connection:
        return answer(data.facets(connection, f))


CSV_COLUMNS = ("id", "date_start", "date_end", "date_precision", "type", "mode", "status",
               "actor", "recipient", "location", "score", "trigger", "dead", "injured",
               "displaced", "arrested", "document_id", "sentence_index", "document_title")


def csv_rows(state: AppState, f: EventFilter, sort: str, order: str,
             cap: int = 100_000) -> Iterator[str]:
    """The CSV of a filter, written page by page so a large export streams."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    with state.engine.connect() as connection:
        for page in data.iter_events(connection, f, sort, order, cap):
            buffer.seek(0)
            buffer.truncate()
            for row in page:
                totals = {kind: sum(x["value"] for x in row["figures"] if x["kind"] == kind)
                          for kind in ("dead", "injured", "displaced", "arrested")}
                writer.writerow([
                    row["id"], row["date_start"], row["date_end"], row["date_precision"],
                    row["type"], row["mode"], row["status"], ";".join(row["actor"]),
                    ";".join(row["recipient"]), row["location"], row["score"], row["trigger"],
                    *(totals[k] or "" for k in ("dead", "injured", "displaced", "arrested")),
                    row["document_id"], row["sentence_index"], row["document_title"]])
            yield buffer.getvalue()


@router.get("/events.csv", summary="The filtered events as CSV",
            response_class=StreamingResponse, responses={200: CSV})
def events_csv(state: State, f: Filter, sort: Sort = "date",
               order: Order = "desc") -> StreamingResponse:
    return StreamingResponse(csv_rows(state, f, sort, order), media_type="text/csv",
                             headers={"content-disposition":
                                      'attachment; filename="kroniek-events.csv"'})


@router.get("/events/{event_id}", summary="One event with its evidence sentence and figures",
            response_model=models.EventDetail, responses=NOT_FOUND)
def get_event(state: State, event_id: EventId) -> Response:
    with state.engine.connect() as connection:
        found = data.event(connection, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    found.pop("document", None)
    return answer(found)


@router.get("/events/{event_id}/explain",
            summary="Why this record: its sentence analysed once more, with the coder's trace",
            response_model=models.Explanation,
            responses={**NOT_FOUND, 503: {"model": models.Problem,
                             "description": "Frog is not available to analyse the sentence"}})
def explain_event(state: State, event_id: EventId) -> Response:
    """The event's sentence run through the pipeline again (Frog, under the lock ingests
    take; the article's analysis is kept for its other events): the trigger and lexicon
    entry, the clause and argument choice, each mention and how it was resolved, the
    status and date cues, the other candidates and why they were dropped, and whether the
    coder today still gives the stored record (``agrees``, ``differences``)."""
    with state.engine.connect() as connection:
        found = data.event(connection, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return answer(why.explain_event(state, found))
