"""The shapes of the API's JSON answers, as Pydantic models for ``/openapi.json``.

Every JSON endpoint names its model as ``response_model`` so the schema says what comes
back; the endpoints still build their answers from the data layer (``serve.data``, the
store's queries, ``kroniek.graph``) and send them through :func:`answer` unchanged. The
models are the contract: ``extra="forbid"`` makes each object ``additionalProperties:
false`` in the schema, and tests/serve/test_api_contract.py checks real answers against it
(schemathesis on a live server), so a field the data layer adds or drops without a change
here fails a test rather than slipping past the schema.

Dates are ISO strings (``YYYY-MM-DD``); timestamps are ISO 8601 as the database gives them
(SQLite keeps no time zone), so they are typed as strings rather than ``date-time``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pydantic_core
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from kroniek.model import DateOrigin, DatePrecision, EventStatus, Qualifier
from kroniek.plover import categories

Timestamp = str
# PLOVER's event types, from the codebook data the coder reads, as an enum in the schema.
EventType = Literal[tuple(categories())]  # type: ignore[valid-type]
Quad = Literal["verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict"]


def answer(data: Any, status_code: int = 200) -> Response:
    """``data`` as JSON, exactly as FastAPI encoded it before the models existed.

    Returning a response skips FastAPI's validation of the value against the route's
    ``response_model``: that would silently drop a field the model lacks and turn a value
    it did not expect into a 500 for the client. The model documents; the contract test
    enforces.
    """
    return Response(pydantic_core.to_json(data), status_code=status_code,
                    media_type="application/json")


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(Out):
    """Every error answer: one line saying what is wrong (and, for a bad value, the
    allowed ones)."""

    detail: str = Field(examples=["type: 'BOMB' is not known; did you mean ... use one of ..."])


# Possible on every operation: 400 also answers a Host header naming another server.
PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Bad input"},
    422: {"model": Problem, "description": "A parameter has a wrong or unknown value"},
    503: {"model": Problem, "description": "The database failed"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such record"}}


# -- events --------------------------------------------------------------------------------


class Figure(Out):
    """A number of people a report gives for the event (dead, injured, ...)."""

    event_id: int | None
    kind: str = Field(examples=["dead"])
    value: float
    qualifier: Qualifier


class EventBase(Out):
    id: int
    document_id: str
    sentence_index: int
    start: int = Field(description="character offset of the evidence in the document text")
    end: int
    type: EventType = Field(description="PLOVER event type")
    mode: str | None = Field(description="PLOVER mode", examples=["aerial"])
    context: list[str] = Field(description="PLOVER contexts")
    status: EventStatus
    reciprocal: bool
    trigger: str = Field(description="the word(s) the event was read from")
    rule: str = Field(description="the lexicon entry that matched", examples=["verb:bellen"])
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: DatePrecision | None
    location: str | None = Field(description="KB id of the place", examples=["yem"])
    plover_score: float | None = Field(description="the stored PLOVER score, if any")
    score: float = Field(description="the stored score, or the type's base score")
    furniture: bool = Field(description="read from page furniture (captions, boilerplate)")
    confidence: float
    document_title: str | None
    actor: list[str] = Field(description="event codes of the actors", examples=[["RUS"]])
    recipient: list[str] = Field(description="event codes of the recipients")
    actor_ids: list[str | None] = Field(description="KB ids of the actors, where linked")
    recipient_ids: list[str | None]
    figures: list[Figure]


class EventSummary(EventBase):
    """An event as listed."""


class EventPage(Out):
    total: int = Field(description="matches, counted up to 10,000")
    total_capped: bool = Field(description="true when there are 10,000 matches or more")
    limit: int
    offset: int
    items: list[EventSummary]


class Count(Out):
    value: str
    count: int


class Facets(Out):
    type: list[Count]
    status: list[Count]
    matched: int = Field(description="events in the sample")
    sampled: bool = Field(description="true when the sample was cut at ``sample`` events")
    sample: int


class Span(Out):
    start: int
    end: int
    text: str


class Provenance(Out):
    """Where a stored row came from: its document, sentence and character span, and the
    component that wrote it with its confidence (the store's provenance columns)."""

    id: int
    document_id: str
    sentence_index: int
    start: int
    end: int
    component: str
    confidence: float


class Mention(Provenance):
    """A name or description in the text, and the actor it was linked to."""

    text: str
    label: str = Field(examples=["PER"])
    actor_id: str | None
    code: str | None
    sector: str | None
    method: str = Field(description="how it was linked", examples=["apposition"])
    score: float


class FigureRow(Provenance):
    event_id: int | None
    kind: str
    value: float
    qualifier: Qualifier
    unit: str


class FigureSource(FigureRow):
    sentence: str = Field(description="the sentence the figure was read from")


class EventDetail(EventBase):
    """One event with its evidence sentence, the sentence's mentions and its figures."""

    sentence: Span
    mentions: list[Mention]
    figure_sources: list[FigureSource]


# -- "why this record" ---------------------------------------------------------------------


class CodedEvent(Out):
    """An event as the coder gives it (kroniek.explain)."""

    type: EventType
    mode: str | None
    actor: list[str]
    recipient: list[str]
    reciprocal: bool
    status: str
    date: str | None = Field(description="ISO date or interval")
    trigger: str
    rule: str
    location: str | None


class StoredEvent(Out):
    type: EventType
    mode: str | None
    status: str
    actor: list[str]
    recipient: list[str]
    date: str | None
    location: str | None
    trigger: str
    rule: str


class Difference(Out):
    field: str
    stored: str | list[str] | None = Field(description="the stored value")
    now: str | list[str] | None = Field(description="what the coder gives today")


class ExplainedToken(Out):
    text: str
    lemma: str
    pos: str
    deprel: str
    head: str | None = Field(description="the head token's text")


class ExplainedMention(Out):
    text: str
    label: str
    kb: str | None
    code: str | None
    sector: str | None
    method: str
    score: float
    kb_name: str | None
    kb_kind: str | None
    how: str | None = Field(description="the resolution method in words")
    resolved_at: str | None = Field(description="the date the KB was read at")


class Record(Out):
    event: CodedEvent
    status: str
    date: str | None
    reductions: list[str]
    this_record: bool


class Candidate(Out):
    """A lexicon reading tried as an event, and what became of it."""

    word: str
    rule: str
    type: str | None
    mode: str | None
    token: int | None
    clause: str | None
    arguments: list[str]
    dropped: str | None
    records: list[Record]
    event: CodedEvent | None
    status: str | None
    date: str | None
    reductions: list[str]
    this_record: bool
    clause_words: str | None
    phrases: str | None
    chosen_actor: str | None
    chosen_recipient: str | None
    reciprocal_chosen: bool
    more_arguments: list[str]


class NotUsed(Out):
    word: str
    rule: str
    type: str | None
    reason: str
    message: str


class ExplainedSentence(Out):
    index: int
    text: str
    mentions: list[ExplainedMention]
    candidates: list[Candidate]
    not_used: list[NotUsed]
    other: list[str]
    events: list[CodedEvent]
    tokens: list[ExplainedToken]


class Explanation(Out):
    """Why the record is as stored: its sentence analysed once more."""

    event: int
    document: str
    sentence_index: int
    published: str | None
    stored: StoredEvent
    agrees: bool = Field(description="the coder today still gives the stored record")
    note: str | None
    sentence: ExplainedSentence | None
    record: int | None = Field(description="index of this record's candidate")
    record_event: int | None = Field(description="index of the record within the candidate")
    differences: list[Difference]


# -- documents and ingesting ---------------------------------------------------------------


class DocumentSummary(Out):
    id: str
    title: str | None
    source: str
    published_start: dt.date | None
    published_precision: DatePrecision
    words: int
    sentences: int
    entities: int
    events: int


class DocumentPage(Out):
    limit: int
    offset: int
    items: list[DocumentSummary]


class Sentence(Out):
    document_id: str
    sentence_index: int
    start: int
    end: int
    paragraph: int
    token_start: int
    token_end: int
    furniture: bool


class EventRow(Provenance):
    """An event as stored (codes and figures are in ``/events/{id}``)."""

    event_index: int
    type: EventType
    mode: str | None
    context: list[str]
    status: EventStatus
    reciprocal: bool
    trigger: str
    rule: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: DatePrecision | None
    date_inferred: bool
    location: str | None
    plover_score: float | None
    furniture: bool


class Quote(Provenance):
    text: str
    speaker: str | None
    speaker_actor_id: str | None
    direct: bool


class Document(Out):
    """A stored article with everything read from it."""

    id: str
    key: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    author: str | None = Field(None, description="a web page's byline")
    story: str | None = Field(None, description="the story it is a wire copy of (its "
                              "first report's id); absent when it is no copy")
    lang: str
    text: str
    words: int
    published_start: dt.date | None
    published_end: dt.date | None
    published_precision: DatePrecision
    date_origin: DateOrigin
    date_inferred: bool
    nlp_backend: str
    ingested_at: Timestamp
    sentences: list[Sentence]
    mentions: list[Mention]
    events: list[EventRow]
    figures: list[FigureRow]
    quotes: list[Quote]


class Replaced(Out):
    id: str
    title: str | None


class IngestItem(Out):
    """What became of one posted article."""

    item: int = Field(description="its place in the request, from 1")
    status: Literal["new", "replaced", "skipped", "failed"]
    id: str | None = Field(None, description="the stored id (absent when it failed)")
    title: str | None = None
    error: str | None = Field(None, description="why it failed")
    replaces: list[Replaced] | None = Field(None, description="the versions it replaced")


class IngestResult(Out):
    new: int
    replaced: int
    skipped: int
    failed: int
    documents: list[str] = Field(description="ids of the stored (or already stored) articles")
    errors: list[str]
    items: list[IngestItem]


class IngestFailure(IngestResult):
    """Some items were bad (400) or Frog failed (503): what was stored all the same."""

    detail: str


class StatsCounts(Out):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    documents: int
    sentences: int
    tokens: int
    entities: int
    linked_entities: int = Field(alias="linked entities")
    events: int
    figures: int
    quotes: int
    relations: int
    actors: int
    words: int


class Published(Out):
    first: dt.date | None
    last: dt.date | None


class Stats(Out):
    """What the database holds."""

    counts: StatsCounts
    published: Published = Field(description="the earliest and latest publication dates")
    entity_labels: dict[str, int] = Field(description="mentions by label")
    event_types: dict[str, int] = Field(description="events by PLOVER type")


# -- actors ----------------------------------------------------------------------------------


class ActorSummary(Out):
    id: str
    code: str | None
    name: str
    kind: str = Field(examples=["state"])
    match: str = Field(description="how the query matched: a KB route, name or stored")


class ActorList(Out):
    items: list[ActorSummary]


class Role(Out):
    office: str
    title: str | None
    of: str
    of_name: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None


class ActorRelation(Out):
    """A relation valid at the date: stored (from a text or the KB) or a KB membership or
    office (``id`` null)."""

    id: int | None
    type: str = Field(examples=["member_of"])
    source: str
    target: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    origin: Literal["text", "kb"]
    document_id: str | None
    sentence_index: int | None
    office: str | None = Field(None, description="for a KB office (``leads``)")


class Activity(Out):
    month: str = Field(examples=["2020-10"])
    actor: int = Field(description="events as actor")
    recipient: int = Field(description="events as recipient")


class Counterpart(Out):
    code: str
    events: int
    score: float


class ActorDetail(Out):
    id: str
    code: str
    name: str
    kind: str
    at: dt.date = Field(description="the date roles and relations are read at")
    roles: list[Role]
    relations: list[ActorRelation]
    activity: list[Activity] = Field(description="events per month in the two years up to "
                                                 "``at``")
    partners: list[Counterpart] = Field(description="most cooperative in the year up to ``at``")
    adversaries: list[Counterpart] = Field(description="most hostile in that year")


# -- graph ---------------------------------------------------------------------------------


class Pair(Out):
    actor: str
    recipient: str
    events: int
    score: float


class PairList(Out):
    items: list[Pair]


class Period(Out):
    period: str = Field(description="YYYY-MM or YYYY-MM-DD", examples=["2020-10"])
    events: int
    score: float
    quads: dict[str, int] = Field(description="events per PLOVER quad")


class DyadSeries(Out):
    a: str
    b: str
    granularity: Literal["day", "month"]
    directed: bool
    series: list[Period]
    events: list[int] = Field(description="ids of the newest events between the two")


class RelationRow(Out):
    id: int
    document_id: str | None
    sentence_index: int | None
    start: int | None
    end: int | None
    component: str
    confidence: float
    type: str
    source: str
    target: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    origin: Literal["text", "kb"]


class RelationList(Out):
    items: list[RelationRow]


class Node(Out):
    id: str
    name: str
    weight: int


class Edge(Out):
    source: str
    target: str
    events: int
    score: float
    kind: Literal["event", "relation"]
    type: str | None = Field(None, description="the relation's type (relation edges)")


class Network(Out):
    nodes: list[Node]
    edges: list[Edge]


class MapPoint(Out):
    location: str
    name: str
    lat: float
    lon: float
    events: int
    people: float = Field(description="the figures of its events, summed")
    last: dt.date | None


class MapPoints(Out):
    items: list[MapPoint]


class FusionReason(Out):
    """Why a report was joined to another; empty for the first report of a fused event."""

    type: str | None = None
    shared_actors: list[str] | None = None
    actor_overlap: float | None = Field(None, description="shared parties / all parties")
    dates: list[dt.date] | None = Field(None, description="the overlap of their dates")
    place: str | None = None


class FusedReport(Out):
    event: int
    document: str
    outlet: str | None
    trigger: str
    joined_to: int | None = Field(description="the report it was compared with")
    reason: FusionReason


class FusedFigureValue(Out):
    value: float
    qualifier: Qualifier
    event: int
    outlet: str | None


class FusedFigure(Out):
    values: list[FusedFigureValue]
    min: float
    max: float
    agree: bool


class FusedEvent(Out):
    id: int
    key: str
    type: EventType
    actors: list[str]
    recipients: list[str]
    date_start: dt.date | None
    date_end: dt.date | None
    location: str | None
    first_report: dt.date | None
    sources: int = Field(description="how many articles report it")
    outlets: list[str]
    figures: dict[str, FusedFigure] = Field(description="per kind, every report's figure")
    created_at: Timestamp
    reports: list[FusedReport]


class FusedList(Out):
    total: int
    items: list[FusedEvent]


class Clause(Out):
    alliance: str
    alliance_name: str
    article: str
    summary: str
    verdict: Literal["triggered", "not triggered", "unclear"]
    in_scope: bool
    attacker_member: bool
    bound: list[str] = Field(description="members who would owe assistance")
    reasons: list[str]


class Territory(Out):
    place: str | None
    de_jure: list[str]
    name: str | None = None
    claimants: list[str] | None = None
    controllers: list[str] | None = None
    notes: list[str] | None = None


class Evidence(Out):
    document: str
    sentence: int
    outlet: str | None
    text: str


class DefenceAnswer(Out):
    attacked: str
    attacker: str | None
    where: str | None
    at: dt.date
    territory: Territory
    clauses: list[Clause]
    kb_facts: list[str]
    sentences: list[Evidence] = Field(description="article sentences naming the two sides")
    verdict: str = Field(examples=["triggered: CSTO"])


class Defence(Out):
    answer: DefenceAnswer
