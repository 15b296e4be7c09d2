"""The pages' charts as Vega-Lite specs (Altair), rendered to SVG on the server by vl-convert.

Server-side SVG needs no script and nothing from the internet, so it suits the pages'
strict Content-Security-Policy; Vega draws the axes, ticks, legends and projections.
Every function returns markup ready for a template (or "" when there is nothing to draw).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import altair as alt
import vl_convert
from markupsafe import Markup

from kroniek.graph.common import bucket
from kroniek.serve.data.codes import QUAD_COLOURS, QUADS
from kroniek.serve.outlines import world

Granularity = Literal["day", "week", "month"]
WIDTH = 860
POSITIVE, NEGATIVE = "#1f618d", "#c0392b"
ACTOR_COLOUR, RECIPIENT_COLOUR = "#1f618d", "#f5b041"
FONT = "system-ui, -apple-system, Segoe UI, sans-serif"
# Vega's loader resolves links against its default data URL; every link we draw is a
# path on this server, so that prefix is cut off again (see _tidy).
_LOADER_BASE = re.compile(r'xlink:href="https?://[^"]*?vega-datasets/')
_MARK = re.compile(r'<path ([^>]*?)aria-label="([^"]*)"([^>]*?)/>')
_PATH_DATA = re.compile(r' d="([^"]*)"')
_LONG_DECIMAL = re.compile(r"(\.\d)\d+")


def granularity_for(first: dt.date, last: dt.date) -> Granularity:
    """Bins a person can read in ~900 px: days up to two months, weeks up to two years."""
    span = (last - first).days
    if span <= 62:
        return "day"
    if span <= 730:
        return "week"
    return "month"


def bin_end(start: dt.date, by: Granularity) -> dt.date:
    """The first day after the bin that begins on ``start``."""
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def bin_label(start: dt.date, by: Granularity) -> str:
    if by == "month":
        return start.strftime("%b %Y")
    if by == "week":
        return f"week of {start.isoformat()}"
    return start.isoformat()


def period_key(day: dt.date, by: Granularity) -> str:
    """The ISO date of the bin ``day`` falls in: the page's anchor for that bar."""
    return bucket(day, by).isoformat()


def _config() -> dict[str, Any]:
    return {"font": FONT, "view": {"stroke": None},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal",
                     "titleColor": "#566573", "gridColor": "#eaecee"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom",
                       "titleFontWeight": "normal", "columnPadding": 18, "symbolType": "square"}}


def _time_axis(by: Granularity, first: str, end: str) -> alt.X:
    """The date axis from the first bin to the end of the last: ticks on whole days, weeks
    or months, without the year when one year covers the range (the title names it then);
    labels that would overlap are left out. A range of a few bins is widened to seven, so
    one bar is a bar among empty days, not a slab across the chart."""
    start, stop = dt.date.fromisoformat(first), dt.date.fromisoformat(end)
    step = {"day": 1, "week": 7, "month": 31}[by]
    missing = 7 * step - (stop - start).days
    if missing > 0:
        start -= dt.timedelta(days=missing // 2)
        stop += dt.timedelta(days=missing - missing // 2)
    years = sorted({first[:4], end[:4] if by == "day" else first[:4]})
    within = len(years) == 1 and by != "month"
    title = f"date, {years[0]} (one bar per {by})" if within else f"date (one bar per {by})"
    return alt.X("start:T", title=title,
                 scale=alt.Scale(domain=[start.isoformat(), stop.isoformat()]),
                 axis=alt.Axis(format="%d %b" if within else "%b %Y",
                               tickCount={"interval": by, "step": 1},
                               labelOverlap="greedy", labelSeparation=6, labelFlush=False))


def _tidy(svg: str, label: str, css_id: str) -> Markup:
    """Vega's SVG made fit for the page: links back to paths on this server, a hover
    title on each mark that has a description, an accessible name, a class for CSS."""
    svg = _LOADER_BASE.sub('xlink:href="', svg)
    # A tenth of a pixel is plenty: the outlines' coordinates shrink to half the bytes.
    svg = _PATH_DATA.sub(lambda m: ' d="' + _LONG_DECIMAL.sub(r"\1", m[1]) + '"', svg)
    svg = _MARK.sub(lambda m: f'<path {m[1]}aria-label="{m[2]}"{m[3]}><title>{m[2]}</title>'
                    "</path>", svg)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    svg = svg.replace('<svg ', f'<svg id="{css_id}" role="img" aria-label="{label}" '
                      'class="vega" ', 1).replace('class="marks"', "", 1)
    # Vega escapes every text and attribute it writes, so the markup is safe as it is.
    return Markup(svg)


def render(chart: alt.TopLevelMixin, label: str, css_id: str,
           datasets: dict[str, Any] | None = None) -> Markup:
    """``datasets`` are named data the chart refers to by name: added to the spec after
    Altair has written it, since Altair takes a second to walk a world of outlines."""
    spec = chart.configure(**_config()).to_dict()
    if datasets:
        spec.setdefault("datasets", {}).update(datasets)
    return _drawn(json.dumps(spec, sort_keys=True), label, css_id)


@lru_cache(maxsize=128)
def _drawn(spec: str, label: str, css_id: str) -> Markup:
    """The SVG of a spec, kept for the next request with the same data and view (a world
    map takes Vega a second or more)."""
    # Data are inline: no URL may be fetched while drawing.
    return _tidy(vl_convert.vegalite_to_svg(spec, allowed_base_urls=[]), label, css_id)


def _binned(rows: Iterable[tuple[dt.date, str, float]], by: Granularity
            ) -> dict[tuple[dt.date, str], float]:
    totals: dict[tuple[dt.date, str], float] = {}
    for day, series, value in rows:
        key = (bucket(day, by), series)
        totals[key] = totals.get(key, 0) + value
    return totals


def timeline(days: list[dict[str, Any]]) -> Markup | str:
    """Events per day, week or month (as the range suggests), stacked by quad."""
    dated = [(dt.date.fromisoformat(day["day"]), quad, day[quad])
             for day in days for quad in QUADS if day[quad]]
    if not dated:
        return ""
    by = granularity_for(min(d for d, _, _ in dated), max(d for d, _, _ in dated))
    return _quad_bars(_binned(dated, by), by, f"events per {by} by quad", "timeline-chart")


def dyad_events(series: list[dict[str, Any]], by: Granularity, a: str,
                b: str) -> Markup | str:
    """The dyad's events per bin stacked by quad: how much happened beside the net score."""
    counts = {(dt.date.fromisoformat(row["period"]), quad): float(count)
              for row in series for quad, count in row.get("quads", {}).items()
              if quad in QUADS and count}
    if not counts:
        return ""
    return _quad_bars(counts, by, f"events between {a} and {b} per {by} by quad",
                      "dyad-events-chart", height=140)


def _stack_peak(values: list[dict[str, Any]]) -> int:
    """The tallest stack: the events of the fullest bin."""
    totals: dict[str, float] = {}
    for value in values:
        totals[value["start"]] = totals.get(value["start"], 0) + value["events"]
    return int(max(totals.values(), default=0))


def _count_axis(peak: int) -> alt.Axis:
    """Whole numbers only: with a few events every count gets its tick, never 0.5."""
    if peak <= 10:
        return alt.Axis(values=list(range(0, max(peak, 1) + 1)), format="d")
    return alt.Axis(tickMinStep=1, format="d")


def _quad_bars(counts: dict[tuple[dt.date, str], float], by: Granularity, label: str,
               css_id: str, height: int = 180) -> Markup:
    values = [{"start": start.isoformat(), "end": bin_end(start, by).isoformat(),
               "quad": quad, "events": count,
               "tip": f"{bin_label(start, by)}: {count:g} {quad}"}
              for (start, quad), count in sorted(counts.items())]
    chart = alt.Chart(alt.Data(values=values)).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=_time_axis(by, values[0]["start"], values[-1]["end"]),
        x2="end:T",
        y=alt.Y("sum(events):Q", title=f"events per {by}", stack="zero",
                axis=_count_axis(_stack_peak(values))),
        color=alt.Color("quad:N", title="quad", sort=list(QUADS),
                        scale=alt.Scale(domain=list(QUADS),
                                        range=[QUAD_COLOURS[q] for q in QUADS])),
        order=alt.Order("quad_rank:Q"),
        description="tip:N",
    ).transform_calculate(
        quad_rank=f"indexof({list(QUADS)!r}, datum.quad)",
    ).properties(width=WIDTH, height=height)
    return render(chart, label, css_id)


def rebin(series: list[dict[str, Any]], by: Granularity) -> list[dict[str, Any]]:
    """Per-day dyad rows (``period`` an ISO day) summed into bins of ``by``."""
    out: dict[str, dict[str, Any]] = {}
    for row in series:
        key = period_key(dt.date.fromisoformat(row["period"][:10]), by)
        bin_row = out.setdefault(key, {"period": key, "events": 0, "score": 0.0, "quads": {}})
        bin_row["events"] += row["events"]
        bin_row["score"] += float(row["score"] or 0)
        for quad, count in row.get("quads", {}).items():
            bin_row["quads"][quad] = bin_row["quads"].get(quad, 0) + count
    return [out[key] for key in sorted(out)]


def dyad_chart(series: list[dict[str, Any]], by: Granularity, a: str, b: str) -> Markup | str:
    """Summed PLOVER score per bin: bars above zero for net cooperation, below for conflict."""
    if not series:
        return ""
    values = []
    for row in series:
        start = dt.date.fromisoformat(row["period"])
        score = round(float(row["score"] or 0), 1)
        values.append({"start": start.isoformat(), "end": bin_end(start, by).isoformat(),
                       "score": score, "events": row["events"],
                       "side": "net cooperation" if score >= 0 else "net conflict",
                       "href": f"#p-{row['period']}",
                       "tip": f"{bin_label(start, by)}: score {score:+g}, "
                              f"{row['events']} events"})
    bars = alt.Chart(alt.Data(values=values)).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=_time_axis(by, values[0]["start"], values[-1]["end"]),
        x2="end:T",
        y=alt.Y("score:Q", title="summed PLOVER score"),
        y2=alt.datum(0),
        color=alt.Color("side:N", title=f"{a} ↔ {b}",
                        scale=alt.Scale(domain=["net cooperation", "net conflict"],
                                        range=[POSITIVE, NEGATIVE])),
        href="href:N",
        description="tip:N",
    )
    zero = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color="#7b8a8b").encode(y="y:Q")
    chart = (bars + zero).properties(width=WIDTH, height=220)
    return render(chart, f"score between {a} and {b} per {by}", "dyad-chart")


def activity_chart(months: list[dict[str, Any]]) -> Markup | str:
    """An actor's events per month, as actor and as recipient, stacked."""
    values = [{"start": f"{m['month']}-01",
               "end": bin_end(dt.date.fromisoformat(f"{m['month']}-01"), "month").isoformat(),
               "role": role, "events": m[role],
               "tip": f"{m['month']}: {m[role]} as {role}"}
              for m in months for role in ("actor", "recipient") if m[role]]
    if not values:
        return ""
    chart = alt.Chart(alt.Data(values=values)).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=_time_axis("month", values[0]["start"], values[-1]["end"]),
        x2="end:T",
        y=alt.Y("sum(events):Q", title="events per month",
                axis=_count_axis(_stack_peak(values))),
        color=alt.Color("role:N", title="role", scale=alt.Scale(
            domain=["actor", "recipient"], range=[ACTOR_COLOUR, RECIPIENT_COLOUR])),
        description="tip:N",
    ).properties(width=560, height=160)
    return render(chart, "events per month as actor and as recipient", "activity-chart")


# -- the map ----------------------------------------------------------------------------
MAP_W, MAP_H = 900, 440
# Equal Earth fills 900 px of width at this scale (its x runs over ±2.7066 radians).
MAP_SCALE = MAP_W / 5.4133
MAX_ZOOM = 32
SEA, LAND, BORDER, POINT = "#eaf2f8", "#f4f6f6", "#aab7b8", "#c0392b"


@dataclass(frozen=True)
class MapView:
    """Which part of the world the map shows: ``zoom`` 1 is the whole world, centred on
    (``lon``, ``lat``); each step of 2 halves the width shown."""

    zoom: int = 1
    # 11°E puts the cut at 169°W, east of Russia's Cape Dezhnev: Russia is drawn whole.
    lon: float = 11.0
    lat: float = 0.0

    def moved(self, zoom: int | None = None, lon: float | None = None,
              lat: float | None = None) -> MapView:
        lon = self.lon if lon is None else lon
        return MapView(max(1, min(zoom or self.zoom, MAX_ZOOM)),
                       round((lon + 180) % 360 - 180, 2),
                       round(max(-80.0, min(80.0, self.lat if lat is None else lat)), 2))

    def step(self) -> float:
        """Degrees of longitude that a pan moves: a quarter of what is shown."""
        return 90.0 / self.zoom


def _unwrapped(ring: list[list[float]]) -> list[tuple[float, float]]:
    """The ring with longitudes made continuous across the antimeridian."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            jump = lon + shift - out[-1][0]
            shift -= 360 if jump > 180 else -360 if jump < -180 else 0
        out.append((lon + shift, lat))
    return out


def _clockwise(ring: list[list[float]]) -> list[list[float]]:
    """d3-geo reads a polygon as the area its ring goes clockwise around; the shipped
    outlines keep holes and islands alike as plain rings, so each is made clockwise
    (one drawn anticlockwise would cover the rest of the globe)."""
    points = _unwrapped(ring)
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1],
                                                             strict=True))
    return ring[::-1] if area > 0 else ring


@cache
def world_features() -> tuple[dict[str, Any], ...]:
    """The shipped country outlines as GeoJSON features for Vega's projections."""
    features = []
    for country in world()["countries"]:
        rings = country["rings"]
        if not rings:
            continue
        # Antarctica's ring runs round the pole, where a planar winding says nothing: it
        # ships the right way round already.
        polygons = [[ring if country["name"] == "Antarctica" else _clockwise(ring)]
                    for ring in rings]
        features.append({"type": "Feature", "properties": {"name": country["name"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return tuple(features)


def clusters(places: list[dict[str, Any]], view: MapView) -> list[dict[str, Any]]:
    """Places that would overlap at this zoom merged into one circle: a grid of cells
    ``16 / zoom`` degrees wide, each cluster at its places' mean weighted by events."""
    cell = 16.0 / view.zoom
    cells: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for place in places:
        key = (int(place["lon"] // cell), int(place["lat"] // cell))
        cells.setdefault(key, []).append(place)
    out = []
    for members in cells.values():
        events = sum(p["events"] for p in members)
        members.sort(key=lambda p: -p["events"])
        out.append({
            "lon": round(sum(p["lon"] * p["events"] for p in members) / events, 3),
            "lat": round(sum(p["lat"] * p["events"] for p in members) / events, 3),
            "events": events, "people": sum(p["people"] for p in members),
            "places": [p["location"] for p in members],
            "names": [p["name"] for p in members],
            "last": max((p["last"] or "" for p in members), default=""),
        })
    return sorted(out, key=lambda c: -c["events"])


def map_projection(view: MapView) -> dict[str, Any]:
    """Vega's projection for the view (static/map.js inverts it for a double click)."""
    return {"type": "equalEarth", "scale": MAP_SCALE * view.zoom,
            "rotate": [-view.lon, 0, 0], "center": [0, view.lat],
            "translate": [MAP_W / 2, MAP_H / 2]}


def _legend_values(peak: int) -> list[int]:
    """Up to four round counts from 1 to the largest circle's."""
    nice = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
    picked = [n for n in nice if n < peak][-3:]
    return [*picked, peak] if peak not in picked else picked


def world_map(groups: list[dict[str, Any]], view: MapView,
              links: list[str]) -> Markup:
    """The world in the Equal Earth projection (no streaks across the dateline: d3-geo
    cuts there), with one circle per cluster sized by its events; ``links`` are the
    circles' targets in the same order."""
    values = []
    for group, href in zip(groups, links, strict=True):
        names = ", ".join(group["names"][:4]) + (f" and {len(group['names']) - 4} more"
                                                  if len(group["names"]) > 4 else "")
        values.append({"lon": group["lon"], "lat": group["lat"], "events": group["events"],
                       "label": str(group["events"]), "href": href,
                       "kind": "places" if len(group["places"]) > 1 else "place",
                       "tip": f"{names}: {group['events']} events"
                              + (f", {group['people']:g} people in figures"
                                 if group["people"] else "")
                              + (f", last {group['last']}" if group["last"] else "")
                              + (" (click to zoom in)" if len(group["places"]) > 1 else "")})
    projection = map_projection(view)
    sea = alt.Chart(alt.sphere()).mark_geoshape(fill=SEA, stroke=BORDER, strokeWidth=0.5,
                                                clip=True)
    grid = alt.Chart(alt.graticule(step=[30, 30])).mark_geoshape(
        stroke="#d6e4ee", strokeWidth=0.5, fill=None, clip=True)
    land = alt.Chart(alt.NamedData(name="world")).mark_geoshape(
        fill=LAND, stroke=BORDER, strokeWidth=0.5, clip=True,
    ).encode(description="properties.name:N")
    layers: list[alt.Chart] = [sea, grid, land]
    if values:
        peak = max(v["events"] for v in values)
        size = alt.Size("events:Q", title="events", scale=alt.Scale(
            domain=[1, max(peak, 2)], range=[160, 1400]), legend=alt.Legend(
                orient="bottom", symbolType="circle", symbolFillColor=POINT,
                symbolOpacity=0.6, values=_legend_values(peak)))
        points = alt.Chart(alt.Data(values=values)).mark_circle(
            color=POINT, opacity=0.6, stroke="#922b21", strokeWidth=1, clip=True,
        ).encode(longitude="lon:Q", latitude="lat:Q", size=size, href="href:N",
                 description="tip:N")
        counts = alt.Chart(alt.Data(values=values)).mark_text(
            color="white", fontSize=11, fontWeight="bold", clip=True,
        ).encode(longitude="lon:Q", latitude="lat:Q", text="label:N", href="href:N")
        layers += [points, counts]
    chart = alt.layer(*layers).project(**projection).properties(width=MAP_W, height=MAP_H)
    return render(chart, "map of event locations", "map-chart",
                  {"world": list(world_features())})
