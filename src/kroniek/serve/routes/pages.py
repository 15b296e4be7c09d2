"""The HTML pages: server-rendered Jinja2 over the same queries the API uses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from kroniek.kb import load_kb
from kroniek.serve import charts, graphlink, pagedata, why
from kroniek.serve.data import actors, articles, dyads, overview
from kroniek.serve.data import events as event_data
from kroniek.serve.data.codes import EVENT_TYPES, QUAD_COLOURS, STATUSES, quad_of
from kroniek.serve.data.network import network as network_data
from kroniek.serve.routes.api_actors import actor_detail
from kroniek.serve.routes.params import Day, Offset, Order, Sort, day, event_filter
from kroniek.serve.state import AppState, get_state
from kroniek.store import queries
from kroniek.store import schema as t
from kroniek.store.event_filter import EventFilter

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=FilePath(__file__).parent.parent / "templates")
# The templates ship with the package: compile each once, no stat of every file per render.
templates.env.auto_reload = False
def place_name(place: str) -> str:
    """A location's name for people ("Yemen"), from the KB id events store ("yem")."""
    actor = load_kb().get(place)
    return actor.name if actor is not None else place


def actor_name(ref: str) -> str:
    """An actor's name for people from a KB id ("arm") or an event code ("ARM")."""
    kb = load_kb()
    actor = kb.get(ref) or kb.by_code(ref)
    return actor.name if actor is not None else ref


templates.env.globals.update(QUAD_COLOURS=QUAD_COLOURS, EVENT_TYPES=EVENT_TYPES,
                             STATUSES=STATUSES, quad_of=quad_of, place_name=place_name,
                             actor_name=actor_name)


def _http_url(value: str | None) -> str | None:
    """Only http(s) links leave the page: a stored ``javascript:`` URL must not be clickable."""
    return value if value and value.lower().startswith(("http://", "https://")) else None


templates.env.filters["http_url"] = _http_url
State = Annotated[AppState, Depends(get_state)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Code = Annotated[str, Path(min_length=1, max_length=40)]
PAGE = 50


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    response = templates.TemplateResponse(request, "error.html",
                                          {"status": status, "detail": detail},
                                          status_code=status)
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, state: State) -> HTMLResponse:
    with state.engine.connect() as connection:
        last = overview.latest_date(connection)
        since = last - dt.timedelta(days=90) if last else None
        return render(
            request, "overview.html",
            counts=overview.counts(connection),
            recent=event_data.list_events(connection, EventFilter(), limit=10),
            dyads=dyads.top_dyads(connection, since, 10), since=since,
            timeline=charts.timeline(overview.timeline(connection)["days"]),
        )


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, state: State, f: Filter, sort: Sort = "date",
                order: Order = "desc", offset: Offset = 0) -> HTMLResponse:
    with state.engine.connect() as connection:
        rows = event_data.list_events(connection, f, sort, order, PAGE, offset)
        pagedata.attach_sentences(connection, rows)
        facets = event_data.facets(connection, f)
        total = facets["matched"]
    return render(request, "events.html", rows=rows, total=total, facets=facets, f=f,
                  args=f.query_args(), sort=sort, order=order, offset=offset, page=PAGE)


def _evidence(found: dict[str, Any]) -> list[articles.Segment]:
    """The evidence sentence with trigger, actor and recipient spans marked."""
    sentence = found["sentence"]
    base = sentence["start"]
    start, end = articles.trigger_span(found["document"]["text"], found["start"], found["end"],
                                       found["trigger"])
    marks = [articles.Span(start - base, end - base, "event", f"trigger of {found['type']}")]
    for mention in found["mentions"]:
        codes = {mention["code"], (mention["actor_id"] or "").upper()}
        ids = {mention["actor_id"]}
        for role in ("actor", "recipient"):
            if codes & set(found[role]) or ids & set(found[f"{role}_ids"]) - {None}:
                marks.append(articles.Span(mention["start"] - base, mention["end"] - base, role,
                                           f"{role}: {mention['code'] or mention['actor_id']}",
                                           f"/actor/{mention['actor_id']}"
                                           if mention["actor_id"] else None))
    return articles.segments(sentence["text"], [m for m in marks if m.start >= 0])


EventId = Annotated[int, Path(ge=1, le=2**62)]


def _event_or_404(state: AppState, event_id: int) -> dict[str, Any]:
    with state.engine.connect() as connection:
        found = event_data.event(connection, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


def _why(state: AppState, found: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """The explanation, or why there is none (Frog unavailable): shown in the page either way."""
    try:
        return why.explain_event(state, found), None
    except HTTPException as error:
        if error.status_code != 503:
            raise
        return None, str(error.detail)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, state: State, event_id: EventId,
               explain: Annotated[bool, Query(description="analyse the sentence once more "
                                              "and show why this record")] = False,
               ) -> HTMLResponse:
    found = _event_or_404(state, event_id)
    with state.engine.connect() as connection:
        reports = graphlink.reports_of(connection, event_id)
    explanation, error = _why(state, found) if explain else (None, None)
    return render(request, "event.html", ev=found, evidence=_evidence(found),
                  reports=reports, why=explanation, why_error=error)


@router.get("/event/{event_id}/why", response_class=HTMLResponse)
def event_why(request: Request, state: State, event_id: EventId) -> HTMLResponse:
    """The "Why this record" section alone, loaded by the event page when it is opened."""
    found = _event_or_404(state, event_id)
    explanation, error = _why(state, found)
    return templates.TemplateResponse(request, "_why.html",
                                      {"ev": found, "why": explanation, "why_error": error},
                                      status_code=503 if error else 200)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, state: State, offset: Offset = 0) -> HTMLResponse:
    return render(request, "documents.html",
                  rows=queries.list_documents(state.engine, PAGE, offset), offset=offset,
                  page=PAGE)


@router.get("/article/{document_id}", response_class=HTMLResponse)
def article_page(request: Request, state: State,
                 document_id: Annotated[str, Path(min_length=1, max_length=64)]) -> HTMLResponse:
    document = articles.load(state.engine, document_id)
    if document is None:
        raise HTTPException(404, f"no article {document_id!r}")
    with state.engine.connect() as connection:
        who = articles.participants_of(connection, [ev["id"] for ev in document["events"]])
    marks = articles.spans(document, who)
    return render(request, "article.html", doc=document, who=who,
                  pieces=articles.segments(document["text"], marks,
                                             articles.sentence_anchors(document)))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, state: State,
                q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    with state.engine.connect() as connection:
        found = actors.search(state.kb, connection, q or None, 100)
    return render(request, "actors.html", rows=found, q=q or "")


@router.get("/actor/{key}", response_class=HTMLResponse)
def actor_page(request: Request, state: State,
               key: Annotated[str, Path(min_length=1, max_length=120)],
               at: Day = None) -> HTMLResponse:
    detail = actor_detail(state, key, day(at, "at"))
    with state.engine.connect() as connection:
        ids = actors.recent_events(connection, detail["code"], detail["id"])
        recent = [event_data.event(connection, i) for i in ids[:30]]
    on = dt.date.fromisoformat(detail["at"])
    return render(request, "actor.html", a=detail, recent=[r for r in recent if r],
                  activity=charts.activity_chart(detail["activity"]),
                  relations=pagedata.relations(state.kb, detail["id"], detail["relations"], on),
                  office=pagedata.office_holders(state.kb, detail["id"], on)
                  if detail["kind"] in ("state", "igo", "organisation", "armed_group")
                  else None)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, state: State, a: Code, b: Code,
              granularity: Literal["auto", "day", "week", "month"] = "auto",
              directed: bool = False) -> HTMLResponse:
    a, b = a.upper(), b.upper()
    with state.engine.connect() as connection:
        daily = dyads.series(connection, a, b, "day", directed)
        ids = dyads.event_ids(connection, a, b, directed, 300)
        rows = event_data.events_by_id(connection, ids)
    # "auto" bins as the dated range suggests: a month of events is a month of daily bars,
    # years are weeks or months, never one dot.
    by: charts.Granularity = (
        charts.granularity_for(dt.date.fromisoformat(daily[0]["period"]),
                               dt.date.fromisoformat(daily[-1]["period"]))
        if granularity == "auto" and daily else "month" if granularity == "auto"
        else granularity)
    series = charts.rebin(daily, by)
    by_period: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        key = charts.period_key(row["date_start"], by) if row["date_start"] else "undated"
        by_period.setdefault(key, []).append(row)
    return render(request, "dyad.html", a=a, b=b, chart=charts.dyad_chart(series, by, a, b),
                  events_chart=charts.dyad_events(series, by, a, b),
                  series=series, by_period=by_period, granularity=by, directed=directed,
                  period_label=lambda key: key if key == "undated" else charts.bin_label(
                      dt.date.fromisoformat(key), by))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, state: State, date_from: Day = None, date_to: Day = None,
                 type: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    since, until = day(date_from, "date_from"), day(date_to, "date_to")
    with state.engine.connect() as connection:
        graph = network_data(connection, since, until, type or None)
        pagedata.edge_quads(connection, graph["edges"], since, until, type or None)
    for node in graph["nodes"]:
        # The KB's name for people ("Armenia"), not the code the store may hold as name.
        node["name"] = actor_name(node["id"])
    return render(request, "network.html", graph=graph, date_from=date_from, date_to=date_to,
                  type=type or "")


Zoom = Annotated[int, Query(ge=1, le=charts.MAX_ZOOM, description="1: the whole world")]
Lon = Annotated[float, Query(ge=-180, le=180)]
Lat = Annotated[float, Query(ge=-80, le=80)]


def _map_url(view: charts.MapView, args: dict[str, str]) -> str:
    query = {**args, "zoom": view.zoom, "lon": view.lon, "lat": view.lat}
    return "/map?" + urlencode(query)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, state: State, date_from: Day = None, date_to: Day = None,
             zoom: Zoom = 1, lon: Lon = 11.0, lat: Lat = 0.0) -> HTMLResponse:
    since, until = day(date_from, "date_from"), day(date_to, "date_to")
    view = charts.MapView().moved(zoom, lon, lat)
    with state.engine.connect() as connection:
        places = pagedata.map_places(connection, state.kb, since, until)
        first, last = pagedata.event_span(connection)
    dates = {key: value.isoformat() for key, value in
             (("date_from", since), ("date_to", until)) if value}
    groups = charts.clusters(places, view)
    links = [
        "/events?" + urlencode({**dates, "location": group["places"][0]})
        if len(group["places"]) == 1 or view.zoom >= charts.MAX_ZOOM else
        _map_url(view.moved(view.zoom * 4, group["lon"], group["lat"]), dates)
        for group in groups]
    step = view.step()
    moves = {
        "in": _map_url(view.moved(view.zoom * 2), dates),
        "out": _map_url(view.moved(view.zoom // 2), dates) if view.zoom > 1 else None,
        "west": _map_url(view.moved(lon=view.lon - step), dates),
        "east": _map_url(view.moved(lon=view.lon + step), dates),
        "north": _map_url(view.moved(lat=view.lat + step / 2), dates),
        "south": _map_url(view.moved(lat=view.lat - step / 2), dates),
        "world": _map_url(charts.MapView(), dates),
    }
    years = list(range(first.year, last.year + 1)) if first and last else []
    return render(request, "map.html", chart=charts.world_map(groups, view, links),
                  places=places, clusters=groups, view=view, moves=moves, years=years,
                  date_from=since, date_to=until, dates=dates,
                  here={"zoom": view.zoom, "lon": view.lon, "lat": view.lat},
                  projection={**charts.map_projection(view), "zoom": view.zoom,
                              "lon": view.lon, "lat": view.lat, "dates": dates,
                              "max_zoom": charts.MAX_ZOOM})


@router.get("/ask", response_class=HTMLResponse)
def ask_page(request: Request, state: State,
             attacked: Annotated[str | None, Query(max_length=120)] = None,
             by: Annotated[str | None, Query(max_length=120)] = None,
             where: Annotated[str | None, Query(max_length=200)] = None,
             at: Day = None) -> HTMLResponse:
    answer = None
    titles: dict[str, str] = {}
    if attacked:
        answer = graphlink.defence(state.engine, state.kb, attacked, by or None, where or None,
                                   day(at, "at") or dt.date.today())
        documents = {s["document"] for s in answer.get("answer", {}).get("sentences", [])}
        if documents:
            with state.engine.connect() as connection:
                titles = {row.id: row.title or row.source.split("/")[-1]
                          for row in connection.execute(
                              sa.select(t.documents.c.id, t.documents.c.title,
                                        t.documents.c.source)
                              .where(t.documents.c.id.in_(sorted(documents))))}
    query = {key: value for key, value in
             (("attacked", attacked), ("by", by), ("where", where), ("at", at)) if value}
    response = render(request, "ask.html", answer=answer, attacked=attacked or "",
                      by=by or "", where=where or "", at=at or "", titles=titles, query=query)
    if answer and answer.get("error"):
        # An unknown state or place is bad input: the form again, with the message, as 422.
        response.status_code = 422
    return response
