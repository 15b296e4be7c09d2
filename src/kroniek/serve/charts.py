"""The pages' charts as Vega-Lite specs (Altair), rendered to SVG on the server by vl-convert.

Server-side SVG needs no script and nothing from the internet, so it suits the pages'
strict Content-Security-Policy; Vega draws the axes, ticks, legends and projections.
Every function returns markup ready for a template (or "" when there is nothing to draw).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
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
    svg = _MARK.sub(lambda m: f'<path {m[1]}aria-label="{m[2]}"{m[3]}><title>{m[2]}</title>'
                    "</path>", svg)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    svg = svg.replace('<svg ', f'<svg id="{css_id}" role="img" aria-label="{label}" '
                      'class="vega" ', 1).replace('class="marks"', "", 1)
    # Vega escapes every text and attribute it writes, so the markup is safe as it is.
    return Markup(svg)


def render(chart: alt.TopLevelMixin, label: str, css_id: str) -> Markup:
    spec = chart.configure(**_config()).to_dict()
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
    values = [{"start": start.isoformat(), "end": bin_end(start, by).isoformat(),
               "quad": quad, "events": count,
               "tip": f"{bin_label(start, by)}: {count:g} {quad}"}
              for (start, quad), count in sorted(_binned(dated, by).items())]
    chart = alt.Chart(alt.Data(values=values)).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=_time_axis(by, values[0]["start"], values[-1]["end"]),
        x2="end:T",
        y=alt.Y("sum(events):Q", title=f"events per {by}", stack="zero",
                axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("quad:N", title="quad", sort=list(QUADS),
                        scale=alt.Scale(domain=list(QUADS),
                                        range=[QUAD_COLOURS[q] for q in QUADS])),
        order=alt.Order("quad_rank:Q"),
        description="tip:N",
    ).transform_calculate(
        quad_rank=f"indexof({list(QUADS)!r}, datum.quad)",
    ).properties(width=WIDTH, height=180)
    return render(chart, f"events per {by} by quad", "timeline-chart")


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
        y=alt.Y("sum(events):Q", title="events per month", axis=alt.Axis(tickMinStep=1,
                                                                          format="d")),
        color=alt.Color("role:N", title="role", scale=alt.Scale(
            domain=["actor", "recipient"], range=[ACTOR_COLOUR, RECIPIENT_COLOUR])),
        description="tip:N",
    ).properties(width=560, height=160)
    return render(chart, "events per month as actor and as recipient", "activity-chart")


# -- the map (still hand-drawn; replaced below) -------------------------------------------
MAP_W, MAP_H = 960.0, 480.0


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular: plain and offline, good enough to see where events happen."""
    return round((lon + 180) / 360 * MAP_W, 1), round((90 - lat) / 180 * MAP_H, 1)


@cache
def country_paths() -> tuple[tuple[str, str], ...]:
    """(name, SVG path) per country, built from numbers only."""
    out = []
    for country in world()["countries"]:
        d = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in (project(lat, lon) for lon, lat in ring)) + "Z"
            for ring in country["rings"])
        out.append((country["name"], d))
    return tuple(out)


def map_points(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    peak = max((p["people"] for p in points), default=0) or 1
    out = []
    for point in points:
        x, y = project(point["lat"], point["lon"])
        # Area grows with the people counted (dead, injured, displaced, arrested); events
        # without figures still show as a small dot.
        radius = 3 + 17 * (point["people"] / peak) ** 0.5 if point["people"] else 3
        out.append({**point, "x": x, "y": y, "r": round(radius + min(point["events"], 20) / 10, 1)})
    return out
