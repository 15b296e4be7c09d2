"""Events as one JSON-LD document: schema.org's ``Event`` with PLOVER's fields.

Each event is a node ``urn:kroniek:event:ID`` with its dates, place (with coordinates),
actors and recipients as nodes ``urn:kroniek:actor:KB-ID`` (or ``urn:kroniek:code:CODE``
when no KB entry is known), its PLOVER type, mode, status and score, and the evidence
sentence with the article it came from, so a linked-data tool keeps the provenance.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from kroniek.export.options import ExportOptions
from kroniek.export.plover import selected_records
from kroniek.export.target import open_text_target
from kroniek.store.event_filter import EventFilter

PLOVER = "https://github.com/openeventdata/PLOVER#"
CONTEXT: dict[str, Any] = {
    "schema": "https://schema.org/",
    "plover": PLOVER,
    "kroniek": "urn:kroniek:",
    "Event": "schema:Event",
    "Place": "schema:Place",
    "Article": "schema:NewsArticle",
    "name": "schema:name",
    "startDate": {"@id": "schema:startDate", "@type": "schema:Date"},
    "endDate": {"@id": "schema:endDate", "@type": "schema:Date"},
    "location": "schema:location",
    "latitude": "schema:latitude",
    "longitude": "schema:longitude",
    "url": {"@id": "schema:url", "@type": "@id"},
    "headline": "schema:headline",
    "publisher": "schema:publisher",
    "datePublished": {"@id": "schema:datePublished", "@type": "schema:Date"},
    "eventType": "plover:event_type",
    "mode": "plover:mode",
    "contexts": {"@id": "plover:context", "@container": "@set"},
    "actor": {"@id": "plover:actor", "@container": "@list"},
    "recipient": {"@id": "plover:recipient", "@container": "@list"},
    "ploverScore": "plover:score",
    "code": "plover:code",
    "sector": "plover:sector",
    "status": "kroniek:status",
    "datePrecision": "kroniek:date_precision",
    "evidence": "kroniek:evidence",
    "text": "schema:text",
    "trigger": "kroniek:trigger",
    "isBasedOn": "schema:isBasedOn",
}


def _actor(entity: dict[str, Any]) -> dict[str, Any]:
    node_id = (f"urn:kroniek:actor:{entity['kb_id']}" if entity.get("kb_id")
               else f"urn:kroniek:code:{entity.get('code')}")
    node = {"@id": node_id, "code": entity.get("code"), "name": entity.get("name"),
            "sector": entity.get("sector")}
    return {key: value for key, value in node.items() if value is not None}


def jsonld_node(row: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    place = record["location"]
    published = row.get("published_start")
    article: dict[str, Any] = {
        "@type": "Article", "@id": f"urn:kroniek:document:{record['document_id']}",
        "headline": row.get("title"), "publisher": row.get("outlet"), "url": record["url"],
        "datePublished": published.isoformat() if published else None,
    }
    node: dict[str, Any] = {
        "@id": f"urn:kroniek:event:{record['id']}",
        "@type": "Event",
        "eventType": record["event_type"], "mode": record["mode"],
        "contexts": record["contexts"], "status": record["status"],
        "ploverScore": record["plover_score"],
        "startDate": record["date_start"], "endDate": record["date_end"],
        "datePrecision": record["date_precision"],
        "actor": [_actor(entity) for entity in record["actor"]],
        "recipient": [_actor(entity) for entity in record["recipient"]],
        "evidence": {"text": record["evidence"]["sentence"],
                     "trigger": record["evidence"]["trigger"],
                     "isBasedOn": {k: v for k, v in article.items() if v is not None}},
    }
    if place:
        node["location"] = {k: v for k, v in {
            "@type": "Place", "@id": f"urn:kroniek:actor:{place['kb_id']}",
            "name": place["name"], "latitude": place["lat"], "longitude": place["lon"],
        }.items() if v is not None}
    return {key: value for key, value in node.items() if value is not None}


def export_jsonld(engine: Engine, selection: EventFilter, target: Path | None,
                  options: ExportOptions | None = None) -> int:
    """The ``jsonld`` format: one JSON-LD document with an ``@graph`` of events."""
    count = 0
    with open_text_target(target) as out:
        # Written node by node, so a large export needs no more memory than one event.
        out.write('{"@context": ' + json.dumps(CONTEXT, ensure_ascii=False) + ',\n "@graph": [')
        for row, record in selected_records(engine, selection):
            out.write(("\n  " if count == 0 else ",\n  ")
                      + json.dumps(jsonld_node(row, record), ensure_ascii=False))
            count += 1
        out.write("\n ]}\n")
    return count
