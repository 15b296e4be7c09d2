"""A GDELT-style tab-separated file with CAMEO root codes, for tools built on GDELT 1.0.

GDELT has one actor and one target per row, so an event with several actors or targets
becomes one row per (actor, target) pair, and a joint or mutual event with no target one
row per ordered pair of its actors; every row keeps the event's id. Kroniek knows the
PLOVER category and mode, not CAMEO's three-digit codes, so ``EventCode`` is the root
(``data/cameo.yaml``). There is no Goldstein score: ``PloverScore`` is PLOVER's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from kroniek.datafiles import load_yaml
from kroniek.export.columnar import flat_rows
from kroniek.export.options import ExportOptions
from kroniek.export.target import open_text_target
from kroniek.store.event_filter import EventFilter

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "EventRootName",
    "QuadClass", "PloverType", "PloverMode", "PloverScore", "Status", "NumMentions",
    "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
)


@cache
def _mapping() -> dict[str, Any]:
    return load_yaml((files("kroniek.export") / "data" / "cameo.yaml").read_text())


def cameo_root(event_type: str, mode: str | None) -> str:
    """The CAMEO root code (``"18"``) of a PLOVER category and mode."""
    category = _mapping()["categories"][event_type]
    return str(category.get("modes", {}).get(mode, category["root"]))


def _pairs(row: dict[str, Any]) -> Iterator[tuple[int, int | None]]:
    actors, recipients = row["actor_codes"], row["recipient_codes"]
    if recipients:
        yield from ((a, r) for a in range(len(actors)) for r in range(len(recipients)))
    elif len(actors) > 1:
        yield from ((a, b) for a in range(len(actors)) for b in range(len(actors)) if a != b)
    else:
        yield from ((a, None) for a in range(len(actors)))


def cameo_rows(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The GDELT-style rows of one flat event row."""
    root = cameo_root(row["event_type"], row["mode"])
    mutual = not row["recipient_codes"]
    date = (row["date_start"] or "").replace("-", "")
    for actor, other in _pairs(row):
        codes = row["actor_codes"] if mutual else row["recipient_codes"]
        names = row["actor_names"] if mutual else row["recipient_names"]
        yield {
            "GLOBALEVENTID": row["id"], "SQLDATE": date,
            "Actor1Code": row["actor_codes"][actor], "Actor1Name": row["actor_names"][actor],
            "Actor2Code": codes[other] if other is not None else "",
            "Actor2Name": names[other] if other is not None else "",
            "IsRootEvent": 1, "EventCode": root, "EventBaseCode": root,
            "EventRootCode": root, "EventRootName": _mapping()["roots"][root],
            "QuadClass": row["quad"], "PloverType": row["event_type"],
            "PloverMode": row["mode"] or "", "PloverScore": row["plover_score"],
            "Status": row["status"], "NumMentions": 1,
            "ActionGeo_FullName": row["place_name"] or "",
            "ActionGeo_Lat": row["latitude"], "ActionGeo_Long": row["longitude"],
            "SOURCEURL": row["url"] or row["source"] or "",
        }


def export_cameo(engine: Engine, selection: EventFilter, target: Path | None,
                 options: ExportOptions | None = None) -> int:
    """The ``cameo`` format; returns the number of events (rows may be more)."""
    count = 0
    with open_text_target(target) as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in flat_rows(engine, selection):
            writer.writerows(cameo_rows(row))
            count += 1
    return count
