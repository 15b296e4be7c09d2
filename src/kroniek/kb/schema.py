"""What a KB file may contain, and the checks that keep user files honest.

A KB file is YAML: either a list of actor entries, or a mapping with ``actors`` (the list),
optional ``defaults`` (keys applied to every entry, e.g. ``kind: person``) and optional
``offices`` (extra office phrases: ``{phrase: office_key}``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kroniek.kb.dates import DateError, parse_date, parse_ref
from kroniek.kb.model import KINDS

ENTRY_KEYS = frozenset(
    {
        "id",
        "kind",
        "name",
        "code",
        "names",
        "aliases",
        "abbreviations",
        "adjectives",
        "demonyms",
        "metonyms",
        "iso2",
        "iso3",
        "wikidata",
        "roles",
        "operates_in",
        "coords",
        "geonames",
        "parent",
        "valid_from",
        "valid_to",
        "members",
        "suspensions",
        "defence_clause",
        "de_jure",
        "claimed_by",
        "controlled_by",
        "leader_office",
        "note",
    }
)
FILE_KEYS = frozenset({"actors", "defaults", "offices"})
ROLE_KEYS = frozenset({"office", "of", "sector", "start", "end", "title", "note"})
CLAUSE_KEYS = frozenset({"article", "summary", "scope"})
LIST_KEYS = ("aliases", "abbreviations", "adjectives", "demonyms", "metonyms", "operates_in")
REF_LIST_KEYS = ("members", "suspensions", "claimed_by", "controlled_by")
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "JUD",
        "LEG",
        "COP",
        "SPY",
        "BUS",
        "MED",
        "CVL",
        "NGO",
        "IGO",
        "REL",
        "ELI",
        "INS",
        "UAF",
        "LAB",
        "EDU",
        "HLH",
        "AGR",
        "ENV",
        "REF",
        "CRM",
    }
)


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One actor entry as read, with where it came from (for error messages)."""

    data: dict[str, Any]
    source: str
    index: int

    @property
    def where(self) -> str:
        ident = self.data.get("id", f"#{self.index + 1}")
        return f"{self.source}:{ident}"


def split_file(doc: Any, source: str) -> tuple[list[RawEntry], dict[str, str], list[str]]:
    """Entries, office phrases and structural problems of one parsed YAML document."""
    problems: list[str] = []
    offices: dict[str, str] = {}
    defaults: dict[str, Any] = {}
    if doc is None:
        return [], offices, [f"{source}: file is empty"]
    if isinstance(doc, Mapping):
        for unknown in sorted(set(doc) - FILE_KEYS):
            problems.append(f"{source}: unknown top-level key {unknown!r}")
        defaults = dict(doc.get("defaults") or {})
        raw_offices = doc.get("offices") or {}
        if isinstance(raw_offices, Mapping):
            offices = {str(k): str(v) for k, v in raw_offices.items()}
        else:
            problems.append(f"{source}: 'offices' must map phrases to office keys")
        items = doc.get("actors") or []
    else:
        items = doc
    if not isinstance(items, list):
        problems.append(f"{source}: expected a list of actor entries")
        return [], offices, problems
    entries: list[RawEntry] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            problems.append(f"{source}:#{index + 1}: entry must be a mapping, got {item!r}")
            continue
        entries.append(RawEntry({**defaults, **item}, source, index))
    return entries, offices, problems


def check_entry(entry: RawEntry, office_keys: Iterable[str] | None = None) -> list[str]:
    """Structural problems of one entry (keys, types, dates); references are checked later."""
    data, where = entry.data, entry.where
    problems = [f"{where}: unknown key {key!r}" for key in sorted(set(data) - ENTRY_KEYS)]
    ident = data.get("id")
    if not isinstance(ident, str) or not ident.strip():
        problems.append(f"{where}: missing 'id'")
    elif ident != ident.strip().lower() or " " in ident:
        problems.append(f"{where}: id must be a lower-case slug without spaces")
    kind = data.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    for name in LIST_KEYS:
        value = data.get(name)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            problems.append(f"{where}: {name!r} must be a list of strings")
    names = data.get("names")
    if names is not None and not (
        isinstance(names, Mapping) and all(isinstance(v, list | str) for v in names.values())
    ):
        problems.append(f"{where}: 'names' must map a language code to a list of names")
    for name in ("valid_from", "valid_to"):
        try:
            parse_date(data.get(name))
        except DateError as exc:
            problems.append(f"{where}: {name}: {exc}")
    coords = data.get("coords")
    if coords is not None and not (
        isinstance(coords, list)
        and len(coords) == 2
        and all(isinstance(c, int | float) for c in coords)
        and -90 <= coords[0] <= 90
        and -180 <= coords[1] <= 180
    ):
        problems.append(f"{where}: 'coords' must be [lat, lon] in degrees")
    for name in REF_LIST_KEYS:
        for value in data.get(name) or []:
            try:
                parse_ref(value)
            except DateError as exc:
                problems.append(f"{where}: {name}: {exc}")
    clause = data.get("defence_clause")
    if clause is not None:
        if not isinstance(clause, Mapping):
            problems.append(f"{where}: 'defence_clause' must be a mapping")
        else:
            problems += [
                f"{where}: defence_clause: unknown key {k!r}"
                for k in sorted(set(clause) - CLAUSE_KEYS)
            ]
    known_offices = set(office_keys) if office_keys is not None else None
    for number, role in enumerate(data.get("roles") or [], start=1):
        try:
            parsed = parse_role(role)
        except (DateError, ValueError) as exc:
            problems.append(f"{where}: role {number}: {exc}")
            continue
        if known_offices is not None and parsed["office"] not in known_offices:
            problems.append(f"{where}: role {number}: unknown office {parsed['office']!r}")
        if parsed.get("sector") and parsed["sector"] not in SECTORS:
            problems.append(f"{where}: role {number}: unknown sector {parsed['sector']!r}")
    return problems


def parse_role(value: Any) -> dict[str, Any]:
    """Read a role: a mapping, or the compact list ``[office, of, start, end, extra...]``.

    In the list form each extra is a sector when it is an upper-case code (``MIL``), else a
    title (``King``). A missing sector is filled from the office's default later.
    """
    if isinstance(value, Mapping):
        unknown = set(value) - ROLE_KEYS
        if unknown:
            raise ValueError(f"unknown role key(s) {', '.join(sorted(unknown))}")
        role = dict(value)
    elif isinstance(value, list) and 2 <= len(value) <= 6:
        role = {"office": value[0], "of": value[1]}
        role["start"] = value[2] if len(value) > 2 else None
        role["end"] = value[3] if len(value) > 3 else None
        for extra in value[4:]:
            if isinstance(extra, str) and extra.isupper() and len(extra) <= 4:
                role["sector"] = extra
            else:
                role["title"] = extra
    else:
        raise ValueError(f"bad role {value!r} (want [office, of, start, end] or a mapping)")
    if not isinstance(role.get("office"), str) or not isinstance(role.get("of"), str):
        raise ValueError(f"role {value!r} needs 'office' and 'of'")
    role["start"] = parse_date(role.get("start"))
    role["end"] = parse_date(role.get("end"))
    if role["start"] and role["end"] and role["end"] < role["start"]:
        raise DateError(f"role {role['office']} of {role['of']} ends before it starts")
    return role


def references(entry: RawEntry) -> list[tuple[str, str]]:
    """(field, referenced id) pairs an entry points at, for the unknown-id check."""
    data = entry.data
    refs: list[tuple[str, str]] = []
    for role in data.get("roles") or []:
        try:
            refs.append(("roles", parse_role(role)["of"]))
        except (DateError, ValueError):
            continue
    refs += [("operates_in", v) for v in data.get("operates_in") or []]
    for name in ("parent",):
        if isinstance(data.get(name), str):
            refs.append((name, data[name]))
    de_jure = data.get("de_jure") or []
    refs += [("de_jure", v) for v in ([de_jure] if isinstance(de_jure, str) else de_jure)]
    for name in REF_LIST_KEYS:
        for value in data.get(name) or []:
            try:
                refs.append((name, parse_ref(value)[0]))
            except DateError:
                continue
    return refs
