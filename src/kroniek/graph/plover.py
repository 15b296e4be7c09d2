"""PLOVER quad categories and default scores (PLOVER manual, tables "Quad categories" and
"PLOVER conflict--cooperation scores"), for events stored without a score."""

from __future__ import annotations

QUADS: dict[str, tuple[int, str]] = {}
for _number, _name, _types in (
    (1, "verbal cooperation", ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")),
    (2, "material cooperation", ("COOPERATE", "AID", "RETREAT")),
    (3, "verbal conflict", ("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN")),
    (4, "material conflict", ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT")),
):
    for _type in _types:
        QUADS[_type] = (_number, _name)

# Category scores; ACCUSE is printed as 3 in the manual's table, a sign slip: all its modes
# are negative and it is verbal conflict, so -3.
SCORES: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
    "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5,
    "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9,
}


def quad(event_type: str) -> tuple[int, str]:
    return QUADS.get(event_type.upper(), (0, "unknown"))


def score(event_type: str, stored: float | None = None) -> float:
    return stored if stored is not None else SCORES.get(event_type.upper(), 0.0)
