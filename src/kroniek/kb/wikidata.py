"""Turn Wikidata JSON dump lines into KB YAML entries (persons, states, organisations)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from kroniek.kb.geo import slug

OFFICES = Path(__file__).with_name("data") / "wikidata_offices.yaml"
LANGS = ("nl", "en")
HUMAN, SOVEREIGN_STATE, COUNTRY = "Q5", "Q3624078", "Q6256"


class WikidataError(ValueError):
    """A dump line that is not a Wikidata entity."""


@functools.cache
def office_map() -> dict[str, tuple[str, str]]:
    with OFFICES.open(encoding="utf-8") as handle:
        doc = yaml.load(handle, Loader=yaml.CSafeLoader)
    return {qid: (pair[0], pair[1]) for qid, pair in doc["offices"].items()}


def _entities(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Entities of a dump file: one JSON object per line, ``[``/``]`` and trailing commas ok."""
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                entity = json.loads(line)
            except json.JSONDecodeError as exc:
                raise WikidataError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(entity, dict) or "id" not in entity:
                raise WikidataError(f"{path}:{number}: not a Wikidata entity")
            yield number, entity


def _time(qualifier: dict[str, Any]) -> dt.date | None:
    """A Wikidata time value at day precision or coarser (month/year become the 1st)."""
    value = qualifier.get("datavalue", {}).get("value", {})
    text = value.get("time") if isinstance(value, dict) else None
    if not text:
        return None
    year, month, day = text.lstrip("+").split("T")[0].split("-")
    try:
        return dt.date(int(year), max(int(month), 1), max(int(day), 1))
    except ValueError:
        return None


def _item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    ids = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            ids.append(value["id"])
    return ids


def _string(entity: dict[str, Any], prop: str) -> str | None:
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            return value
    return None


def _roles(entity: dict[str, Any], unmapped: list[str]) -> list[dict[str, Any]]:
    roles = []
    for claim in entity.get("claims", {}).get("P39", []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if not isinstance(value, dict):
            continue
        mapped = office_map().get(value.get("id", ""))
        if not mapped:
            unmapped.append(value.get("id", "?"))
            continue
        qualifiers = claim.get("qualifiers", {})
        starts = [_time(q) for q in qualifiers.get("P580", [])]
        ends = [_time(q) for q in qualifiers.get("P582", [])]
        role: dict[str, Any] = {"office": mapped[0], "of": mapped[1]}
        role["start"] = next((d for d in starts if d), None)
        role["end"] = next((d for d in ends if d), None)
        roles.append(role)
    return roles


def entity_to_entry(entity: dict[str, Any]) -> dict[str, Any]:
    """One KB entry from one Wikidata entity (labels, aliases, P298, P39)."""
    labels = entity.get("labels", {})
    aliases = entity.get("aliases", {})
    names: dict[str, list[str]] = {}
    for lang in LANGS:
        label = labels.get(lang, {}).get("value")
        if label:
            names[lang] = [label]
    english = names.get("en", names.get("nl", [entity["id"]]))[0]
    alias_forms = [a["value"] for lang in LANGS for a in aliases.get(lang, []) if a.get("value")]
    iso3 = _string(entity, "P298")
    kinds = set(_item_ids(entity, "P31"))
    entry: dict[str, Any] = {"wikidata": entity["id"]}
    if iso3:
        entry.update(id=iso3.lower(), kind="state", code=iso3.upper(), iso3=iso3.upper())
    else:
        entry["id"] = slug(english) or entity["id"].lower()
        entry["kind"] = (
            "person"
            if HUMAN in kinds
            else ("state" if kinds & {SOVEREIGN_STATE, COUNTRY} else "organisation")
        )
    entry["name"] = english
    entry["names"] = names
    if alias_forms:
        entry["aliases"] = list(dict.fromkeys(alias_forms))
    unmapped: list[str] = []
    roles = _roles(entity, unmapped)
    if roles:
        entry["roles"] = roles
    if unmapped:
        entry["note"] = "unmapped offices (P39): " + ", ".join(sorted(set(unmapped)))
    return entry


def import_wikidata(path: Path | str) -> list[dict[str, Any]]:
    """KB YAML entries for every entity in a Wikidata JSON dump file.

    Raises :class:`WikidataError` (with file:line) for lines that are not entities.
    """
    return [entity_to_entry(entity) for _, entity in _entities(Path(path))]


def dump_entries(entries: list[dict[str, Any]]) -> str:
    """YAML text of imported entries, loadable by ``load_kb(extra_files=...)``."""
    return yaml.safe_dump({"actors": entries}, allow_unicode=True, sort_keys=False)
