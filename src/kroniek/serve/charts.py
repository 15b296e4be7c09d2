"""Geometry for the server-drawn SVG charts; templates turn it into escaped markup."""

from __future__ import annotations

from functools import cache
from typing import Any

from kroniek.serve.data.codes import QUAD_COLOURS, QUADS
from kroniek.serve.outlines import world

MAP_W, MAP_H = 960.0, 480.0


def timeline(days: list[dict[str, Any]], width: float = 900,
             height: float = 140) -> dict[str, Any]:
    """Stacked bars per day, one colour per quad."""
    if not days:
        return {"width": width, "height": height, "bars": [], "max": 0}
    peak = max(sum(day[q] for q in QUADS) for day in days) or 1
    step = width / len(days)
    bars = []
    for i, day in enumerate(days):
        y = height
        for quad in QUADS:
            if not day[quad]:
                continue
            h = day[quad] / peak * (height - 10)
            y -= h
            bars.append({"x": round(i * step, 1), "y": round(y, 1),
                         "w": round(max(step - 1, 1), 1), "h": round(h, 1),
                         "colour": QUAD_COLOURS[quad],
                         "title": f"{day['day']}: {day[quad]} {quad}"})
    return {"width": width, "height": height, "bars": bars, "max": peak,
            "first": days[0]["day"], "last": days[-1]["day"]}


def dyad_chart(series: list[dict[str, Any]], width: float = 900,
               height: float = 220) -> dict[str, Any]:
    """Summed score per period as a line with a point per period; zero line in the middle."""
    if not series:
        return {"width": width, "height": height, "points": [], "zero": height / 2, "line": ""}
    bound = max(abs(float(row["score"] or 0)) for row in series) or 1.0
    pad = 20.0
    step = (width - 2 * pad) / max(len(series) - 1, 1)
    points = []
    for i, row in enumerate(series):
        score = float(row["score"] or 0)
        x = pad + i * step if len(series) > 1 else width / 2
        y = height / 2 - score / bound * (height / 2 - pad)
        points.append({"x": round(x, 1), "y": round(y, 1), "score": round(score, 1),
                       "period": row["period"], "events": row["events"],
                       "r": min(3 + row["events"] ** 0.5, 12),
                       "colour": "#1f618d" if score >= 0 else "#c0392b"})
    line = " ".join(f"{p['x']},{p['y']}" for p in points)
    return {"width": width, "height": height, "points": points, "zero": height / 2,
            "line": line, "bound": round(bound, 1)}


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
