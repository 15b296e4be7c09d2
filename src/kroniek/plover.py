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
