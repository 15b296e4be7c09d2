"""The PLOVER ontology every stage shares: categories, quads and conflict/cooperation scores."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from kroniek.datafiles import load_yaml


@cache
def _table() -> dict[str, Any]:
    return load_yaml((files("kroniek") / "plover.yaml").read_text())


def categories() -> list[str]:
    return list(_table())


def modes(event_type: str | None = None) -> list[str]:
    """The modes the score table names, of one category or of all."""
    rows = [_table()[event_type]] if event_type else list(_table().values())
    return sorted({mode for row in rows for mode in row.get("modes", {})})


def quad(event_type: str) -> str:
    return str(_table()[event_type]["quad"])


def score(event_type: str, mode: str | None) -> float:
    row = _table()[event_type]
    return float(row.get("modes", {}).get(mode, row["base"]))


def quad_number(event_type: str) -> int:
    """PLOVER's quad code: 1 verbal and 2 material cooperation, 3 verbal and 4 material
    conflict."""
    return QUAD_ORDER.index(quad(event_type)) + 1


QUAD_ORDER = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
              "material_conflict")


def quad_label(event_type: str) -> str:
    """``verbal cooperation`` and so on, for people."""
    return quad(event_type).replace("_", " ")


def types_by_quad() -> dict[str, tuple[str, ...]]:
    return {q.replace("_", " "): tuple(t for t in categories() if quad(t) == q)
            for q in QUAD_ORDER}


# Statuses of events that did not happen. The manual says negated events "can be excluded
# from the final event dataset" and codes a conditional action as the threat that did
# happen, so counts, scores and exports leave these out unless a user asks for them.
UNREAL_STATUSES = frozenset({"negated", "hypothetical"})


def future_as(event_type: str) -> str | None:
    """The category a planned or promised event of ``event_type`` is reduced to (a future
    CONSULT is an AGREE), or None when the manual keeps the category."""
    value = _table().get(event_type.upper(), {}).get("future_as")
    return str(value) if value else None


def counted(event_type: str, mode: str | None, status: str,
            stored_score: float | None) -> tuple[str, float | None] | None:
    """``(category, score)`` an event counts as in totals (dyads, actor activity, the
    network), by PLOVER's reduction rules; None when it did not happen."""
    if status in UNREAL_STATUSES:
        return None
    reduced = future_as(event_type) if status == "future" else None
    if reduced:
        return reduced, float(_table()[reduced]["base"])
    return event_type, stored_score
