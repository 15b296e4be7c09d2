"""Turn merged KB entries into actors, memberships, claims and defence clauses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kroniek.kb.dates import parse_date, parse_ref
from kroniek.kb.geo import city_coords
from kroniek.kb.inflect import with_inflections
from kroniek.kb.model import Actor, DatedRef, DefenceClause, Membership, Role
from kroniek.kb.offices import OfficeTable
from kroniek.kb.schema import RawEntry, parse_role

_MERGED_DICTS = ("names",)


@dataclass
class Built:
    actors: dict[str, Actor] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    suspensions: list[Membership] = field(default_factory=list)
    clauses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    de_jure: dict[str, tuple[str, ...]] = field(default_factory=dict)
    claims: dict[str, tuple[DatedRef, ...]] = field(default_factory=dict)
    control: dict[str, tuple[DatedRef, ...]] = field(default_factory=dict)
    leader_offices: dict[str, tuple[DatedRef, ...]] = field(default_factory=dict)


def merge_entries(entries: Iterable[RawEntry]) -> dict[str, dict[str, Any]]:
    """Entries with the same id are merged: lists and names extend, scalars override.

    This lets a later file (a user's, say) add aliases to a shipped actor without
    repeating it.
    """
    merged: dict[str, dict[str, Any]] = {}
    for entry in entries:
        data = entry.data
        ident = data.get("id")
        if not isinstance(ident, str):
            continue
        target = merged.setdefault(ident, {})
        for key, value in data.items():
            if value is None:
                continue
            if key in _MERGED_DICTS and isinstance(value, dict):
                names = target.setdefault(key, {})
                for lang, forms in value.items():
                    forms = [forms] if isinstance(forms, str) else list(forms)
                    names[lang] = _unique([*names.get(lang, []), *forms])
            elif isinstance(value, list) and key not in ("coords",):
                target[key] = _unique([*target.get(key, []), *value])
            else:
                target[key] = value
    return merged


def _unique(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in data.get(key) or [] if v)


def _coords(data: dict[str, Any]) -> tuple[float, float] | None:
    coords = data.get("coords")
    if coords:
        return float(coords[0]), float(coords[1])
    spec = data.get("geonames")
    return city_coords(spec) if spec else None


def _dated(values: Iterable[Any]) -> tuple[DatedRef, ...]:
    refs = []
    for value in values:
        ident, span, note = parse_ref(value)
        refs.append(DatedRef(ident, span.start, span.end, note))
    return tuple(refs)


def build(merged: dict[str, dict[str, Any]], offices: OfficeTable) -> Built:
    built = Built()
    for ident, data in merged.items():
        kind = data.get("kind") or "organisation"
        names = {lang: tuple(forms) for lang, forms in (data.get("names") or {}).items()}
        name = data.get("name") or next(iter(names.get("en", ())), None) or ident
        roles = []
        for raw in data.get("roles") or []:
            role = parse_role(raw)
            roles.append(
                Role(
                    office=role["office"],
                    of=role["of"],
                    sector=role.get("sector") or offices.sector(role["office"]),
                    start=role["start"],
                    end=role["end"],
                    title=role.get("title"),
                )
            )
        code = data.get("code")
        built.actors[ident] = Actor(
            id=ident,
            kind=kind,
            name=name,
            code=str(code) if code else None,
            names=names,
            aliases=_strings(data, "aliases"),
            abbreviations=_strings(data, "abbreviations"),
            adjectives=tuple(with_inflections(list(_strings(data, "adjectives")))),
            demonyms=_strings(data, "demonyms"),
            metonyms=_strings(data, "metonyms"),
            iso3=data.get("iso3"),
            wikidata=data.get("wikidata"),
            roles=tuple(sorted(roles, key=lambda r: r.start or parse_date("0001-01-01"))),
            operates_in=_strings(data, "operates_in"),
            coords=_coords(data),
            parent=data.get("parent"),
            valid_from=parse_date(data.get("valid_from")),
            valid_to=parse_date(data.get("valid_to")),
            note=data.get("note"),
        )
        for value in data.get("members") or []:
            state, span, note = parse_ref(value)
            built.memberships.append(Membership(ident, state, span.start, span.end, note))
        for value in data.get("suspensions") or []:
            state, span, note = parse_ref(value)
            built.suspensions.append(Membership(ident, state, span.start, span.end, note))
        if data.get("defence_clause"):
            built.clauses.append((ident, dict(data["defence_clause"])))
        de_jure = data.get("de_jure")
        if de_jure:
            built.de_jure[ident] = tuple([de_jure] if isinstance(de_jure, str) else de_jure)
        if data.get("claimed_by"):
            built.claims[ident] = _dated(data["claimed_by"])
        if data.get("controlled_by"):
            built.control[ident] = _dated(data["controlled_by"])
        leader = data.get("leader_office")
        if leader:
            built.leader_offices[ident] = _dated([leader] if isinstance(leader, str) else leader)
    return built


def defence_clauses(built: Built) -> list[DefenceClause]:
    clauses = []
    for alliance, spec in built.clauses:
        members = tuple(m for m in built.memberships if m.org == alliance)
        clauses.append(
            DefenceClause(
                alliance=alliance,
                article=str(spec.get("article", "")),
                summary=str(spec.get("summary", "")),
                scope=str(spec.get("scope", "members_territory")),
                members=members,
            )
        )
    return clauses
