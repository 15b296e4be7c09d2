"""Fusion precision and recall on the pair set in ``fusion_pairs.yaml``.

Gold events of the listed articles go into a fresh database as reports (dates from the gold
event, else the article's publication interval), ``kroniek.graph.fuse`` runs, and every
cross-document pair inside one fused event is compared with the labelled pairs.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import yaml

from kroniek.graph import fuse, fused_events
from kroniek.model import DateInterval, Document, Event
from kroniek.store import open_engine, save

PAIRS = Path(__file__).with_name("fusion_pairs.yaml")


def _interval(value: str | None) -> DateInterval | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return DateInterval(day, day, "day")
    start = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, 1)
    end = (dt.date(start.year + (start.month == 12 and len(parts) > 1), start.month % 12 + 1, 1)
           - dt.timedelta(days=1)) if len(parts) > 1 else dt.date(parts[0], 12, 31)
    return DateInterval(start, end, "month" if len(parts) > 1 else "year")


def measure(gold_dir: Path, db: Path) -> dict[str, float | int]:
    spec = yaml.safe_load(PAIRS.read_text("utf-8"))
    engine = open_engine(str(db))
    refs: dict[int, str] = {}  # stored event id -> "doc#index"
    for short, stem in spec["documents"].items():
        gold = json.loads((gold_dir / f"{stem}.json").read_text("utf-8"))
        published = _interval(gold.get("date"))
        document = Document(id=short, text=gold["id"], source=short, key=short, outlet=short,
                            published=published)
        for event in gold["events"]:
            document.events.append(Event(
                type=event["type"], mode=event.get("mode"), sentence=0, start=0, end=1,
                trigger=event.get("evidence", ""),
                actor=list(event["actor"]), recipient=list(event.get("recipient") or []),
                reciprocal=bool(event.get("reciprocal")), status=event.get("status", "asserted"),
                date=_interval(event.get("date")) or published,
            ))
        save(engine, document, "gold")
    import sqlalchemy as sa

    from kroniek.store import schema as t
    with engine.connect() as connection:
        for row in connection.execute(sa.select(t.events.c.id, t.events.c.document_id,
                                                t.events.c.event_index)):
            refs[row.id] = f"{row.document_id}#{row.event_index}"
    fuse(engine)
    predicted = set()
    for fused in fused_events(engine):
        members = [refs[r["event"]] for r in fused["reports"]]
        for a, b in itertools.combinations(sorted(members), 2):
            if a.split("#")[0] != b.split("#")[0]:
                predicted.add((a, b))
    expected = set()
    for group in spec["same"].values():
        for a, b in itertools.combinations(sorted(group), 2):
            if a.split("#")[0] != b.split("#")[0]:
                expected.add((a, b))
    hits = len(predicted & expected)
    return {
        "predicted": len(predicted), "expected": len(expected), "correct": hits,
        "precision": hits / len(predicted) if predicted else 0.0,
        "recall": hits / len(expected) if expected else 0.0,
        "false_positives": sorted(predicted - expected),  # type: ignore[dict-item]
        "missed": sorted(expected - predicted),  # type: ignore[dict-item]
    }
