"""An event's place reaches the user: ``kroniek events`` shows it and the CSV export has its
name and coordinates, through the commands a user types (real Frog, real SQLite)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

ARTICLE = ("ODESA - Rusland heeft vannacht opnieuw luchtaanvallen uitgevoerd. Het Russische leger "
           "bestookte dinsdag ook dorpen bij Charkiv.")


def test_places_in_events_and_csv(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "artikel.jsonl"
    source.write_text(json.dumps({"id": "plaats-1", "text": ARTICLE, "date": "2024-03-05"},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    ingested = cli("ingest", str(source))
    assert ingested.returncode == 0, ingested.stderr
    shown = cli("events", "--type", "ASSAULT")
    assert shown.returncode == 0, shown.stderr
    assert "@ odesa" in shown.stdout and "@ kharkiv" in shown.stdout, shown.stdout
    exported = cli("export", "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    rows = [r for r in csv.DictReader(io.StringIO(exported.stdout))
            if r["event_type"] == "ASSAULT"]
    places = {r["place_id"]: r for r in rows}
    assert set(places) == {"odesa", "kharkiv"}, rows
    kharkiv, odesa = places["kharkiv"], places["odesa"]
    assert kharkiv["place_name"] and odesa["place_name"]
    assert 49 < float(kharkiv["latitude"]) < 51 and 35 < float(kharkiv["longitude"]) < 37
    assert 46 < float(odesa["latitude"]) < 47 and 30 < float(odesa["longitude"]) < 31
