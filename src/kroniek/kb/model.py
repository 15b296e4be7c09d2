"""The KB's public value types. All dates are inclusive; ``None`` means open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KINDS = frozenset({"state", "igo", "person", "organisation", "armed_group", "place", "authority"})
ROUTES = ("name", "abbreviation", "alias", "adjective", "demonym", "metonym")


def _within(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass(frozen=True)
class Role:
    office: str
    of: str  # actor id of the state or organisation
    sector: str
    start: dt.date | None
    end: dt.date | None
    title: str | None = None

    def active(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str
    name: str
    code: str | None = None
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    iso3: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    operates_in: tuple[str, ...] = ()
    coords: tuple[float, float] | None = None
    parent: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    abbreviations: tuple[str, ...] = ()
    note: str | None = None

    def exists_at(self, day: dt.date) -> bool:
        return _within(self.valid_from, self.valid_to, day)

    def __hash__(self) -> int:  # names is a dict, so the generated hash would fail
        return hash(self.id)


@dataclass(frozen=True)
class Membership:
    org: str
    state: str
    start: dt.date | None
    end: dt.date | None
    note: str | None = None

    def active(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@dataclass(frozen=True)
class DatedRef:
    """A claimant or controller of a territory over a period."""

    id: str
    start: dt.date | None
    end: dt.date | None
    note: str | None = None

    def active(self, day: dt.date) -> bool:
        return _within(self.start, self.end, day)


@dataclass(frozen=True)
class DefenceClause:
    alliance: str  # actor id of the alliance or treaty
    article: str
    summary: str
    scope: str  # members_territory, territory_in_europe_north_america, ...
    members: tuple[Membership, ...]


@dataclass(frozen=True)
class TerritoryStatus:
    place: str
    day: dt.date
    de_jure: tuple[str, ...]
    claimants: tuple[str, ...]
    controllers: tuple[str, ...]
    notes: tuple[str, ...] = ()
