"""The in-memory knowledge base and its queries."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from kroniek.kb.build import Built, defence_clauses
from kroniek.kb.model import ROUTES, Actor, DatedRef, DefenceClause, Role, TerritoryStatus
from kroniek.kb.offices import GENERIC_LEADER, OfficeTable
from kroniek.kb.text import exact_key, is_case_sensitive, key

_ROUTE_RANK = {route: rank for rank, route in enumerate(ROUTES)}
_KIND_RANK = {
    k: r
    for r, k in enumerate(
        ("state", "igo", "armed_group", "authority", "organisation", "person", "place")
    )
}
# Least similarity (0..100, see KnowledgeBase.suggest) for a "did you mean" suggestion.
# Measured on 180 misspelt KB names and 56 names the KB does not hold (docs/kb.md): at 75,
# 179 of the misspellings keep their entry and 2 of the unknown names get any suggestion.
SUGGEST_MIN_SCORE = 75.0
# Who "the leader" of an actor is when its entry does not say.
_DEFAULT_LEADER = {
    "state": "head_of_state",
    "igo": "secretary_general",
    "armed_group": "group_leader",
    "authority": "head_of_state",
    "organisation": "group_leader",
}


def _genitive(name: str) -> str:
    """Dutch genitive of a country name: Ruslands, China's, Verenigde Staten'."""
    if name[-1] in "sxz":
        return name + "'"
    return name + ("'s" if name[-1] in "aeiouyé" else "s")


class KnowledgeBase:
    """Actors with their names, roles, memberships and territorial status over time."""

    def __init__(self, built: Built, offices: OfficeTable) -> None:
        self._actors = built.actors
        self._built = built
        self._offices = offices
        self._folded: dict[str, list[tuple[str, str]]] = {}
        self._exact: dict[str, list[tuple[str, str]]] = {}
        self._by_code = {a.code.upper(): a for a in self._actors.values() if a.code}
        self._holders: dict[tuple[str, str], list[tuple[str, Role]]] = {}
        self._choices: list[str] = []
        self._choice_ids: list[str] = []
        for actor in self._actors.values():
            self._index(actor)
            for role in actor.roles:
                self._holders.setdefault((role.office, role.of), []).append((actor.id, role))

    # -- indexing ---------------------------------------------------------------------
    def _forms(self, actor: Actor) -> Iterable[tuple[str, str]]:
        yield actor.name, "name"
        for lang, forms in actor.names.items():
            for form in forms:
                yield form, "name"
                if actor.kind == "state" and lang == "nl":
                    yield _genitive(form), "name"
        for route, forms in (
            ("abbreviation", actor.abbreviations),
            ("alias", actor.aliases),
            ("adjective", actor.adjectives),
            ("demonym", actor.demonyms),
            ("metonym", actor.metonyms),
        ):
            for form in forms:
                yield form, route

    def _index(self, actor: Actor) -> None:
        seen: set[str] = set()
        for form, route in self._forms(actor):
            if is_case_sensitive(form):
                bucket, index_key = self._exact, exact_key(form)
                route = "abbreviation" if route in ("name", "alias") else route
            else:
                bucket, index_key = self._folded, key(form)
            if not index_key:
                continue
            entries = bucket.setdefault(index_key, [])
            if (actor.id, route) not in entries:
                entries.append((actor.id, route))
            if bucket is self._folded and route not in ("adjective",) and index_key not in seen:
                seen.add(index_key)
                self._choices.append(index_key)
                self._choice_ids.append(actor.id)

    # -- identity ---------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        try:
            return self._actors[actor_id]
        except KeyError:
            close = difflib.get_close_matches(actor_id, list(self._actors), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise KeyError(f"unknown actor id {actor_id!r}{hint}") from None

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def by_code(self, code: str) -> Actor | None:
        return self._by_code.get(code.strip().upper())

    def all_actors(self) -> Iterable[Actor]:
        return self._actors.values()

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    # -- names ------------------------------------------------------------------------
    def lookup(self, surface: str) -> list[tuple[Actor, str]]:
        """Actors a surface form names exactly, best route first.

        Case, diacritics and a leading "de"/"het"/"the" are ignored, except for short
        all-caps forms (VS, IS, EU), which must match case-sensitively. One surface form
        may name several actors ("Brussel": Belgium and the EU); choosing is the linker's job.
        """
        hits = [*self._exact.get(exact_key(surface), []), *self._folded.get(key(surface), [])]
        best: dict[str, str] = {}
        for actor_id, route in hits:
            if actor_id not in best or _ROUTE_RANK[route] < _ROUTE_RANK[best[actor_id]]:
                best[actor_id] = route
        ranked = sorted(
            best.items(),
            key=lambda item: (_ROUTE_RANK[item[1]], _KIND_RANK.get(self._actors[item[0]].kind, 9)),
        )
        return [(self._actors[actor_id], route) for actor_id, route in ranked]

    def fuzzy(
        self, surface: str, kinds: set[str] | None = None, limit: int = 5
    ) -> list[tuple[Actor, float]]:
        """Closest actors by name or alias (rapidfuzz WRatio, 0..100), one row per actor."""
        query = key(surface)
        if not query:
            return []
        scored = process.extract(
            query, self._choices, scorer=fuzz.WRatio, limit=max(limit * 20, 100)
        )
        best: dict[str, float] = {}
        for _, score, position in scored:
            actor_id = self._choice_ids[position]
            if kinds and self._actors[actor_id].kind not in kinds:
                continue
            if score > best.get(actor_id, -1.0):
                best[actor_id] = float(score)
        ranked = sorted(best.items(), key=lambda item: -item[1])[:limit]
        return [(self._actors[actor_id], score) for actor_id, score in ranked]

    def suggest(
        self, surface: str, limit: int = 3, min_score: float = SUGGEST_MIN_SCORE
    ) -> list[tuple[Actor, float]]:
        """Actors worth proposing for a name the KB lacks ("did you mean"), best first.

        :meth:`fuzzy` is a generous candidate generator: WRatio scores partial and
        token-subset matches high, so "Karel de Grote" reaches 85 against any name with
        "de" in it. Suggestions are therefore rescored by how much the whole query looks
        like one whole form (edit ratio, also with words sorted; a one-word query also
        against each form's last word, a surname) and kept from ``min_score`` on.
        """
        query = key(surface)
        if not query:
            return []
        scored: list[tuple[float, str]] = []
        for actor, _ in self.fuzzy(surface, limit=max(limit * 3, 10)):
            best = 0.0
            for form, route in self._forms(actor):
                if route == "adjective":
                    continue
                folded = key(form)
                if not folded:
                    continue
                score = max(fuzz.ratio(query, folded), fuzz.token_sort_ratio(query, folded))
                words = folded.split()
                if " " not in query and len(words) > 1:
                    score = max(score, fuzz.ratio(query, words[-1]))
                best = max(best, score)
            if best >= min_score:
                scored.append((best, actor.id))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [(self._actors[actor_id], score) for score, actor_id in scored[:limit]]

    # -- roles ------------------------------------------------------------------------
    def roles_at(self, person_id: str, day: dt.date) -> list[Role]:
        """Roles held on ``day``, most senior first (ranks from the offices lexicon)."""
        roles = [r for r in self.actor(person_id).roles if r.active(day)]
        return sorted(roles, key=lambda r: self._offices.rank(r.office))

    def holders(self, office: str, of: str, day: dt.date) -> list[Actor]:
        """Persons holding ``office`` of ``of`` on ``day``; on a handover day both, newest first.

        ``office`` may be the generic "leader", resolved with :meth:`leader_office`.
        """
        if office == GENERIC_LEADER:
            office = self.leader_office(of, day)
        found = [
            (role.start or dt.date.min, person_id)
            for person_id, role in self._holders.get((office, of), [])
            if role.active(day)
        ]
        ordered = [person_id for _, person_id in sorted(found, reverse=True)]
        return [self._actors[p] for p in dict.fromkeys(ordered)]

    def leader_office(self, of: str, day: dt.date | None = None) -> str:
        """The office a bare "leider" of ``of`` means (Russia: head_of_state)."""
        for ref in self._built.leader_offices.get(of, ()):
            if day is None or ref.active(day):
                return ref.id
        actor = self._actors.get(of)
        return _DEFAULT_LEADER.get(actor.kind if actor else "state", "head_of_state")

    def leaders(self, of: str, day: dt.date) -> list[Actor]:
        return self.holders(GENERIC_LEADER, of, day)

    def acts_for(self, actor_id: str, day: dt.date) -> tuple[str | None, str | None]:
        """Event code and sector an actor counts as on ``day``.

        States, organisations and groups act as themselves (sector None), bodies without
        a code as their parent; a person acts for the state or organisation of their most
        senior role that day, and for nobody (None, None) when holding no role then.
        """
        actor = self.actor(actor_id)
        if actor.kind == "place":
            return None, None
        if actor.kind != "person":
            return self.code_of(actor_id), None
        for role in self.roles_at(actor_id, day):
            code = self.code_of(role.of)
            if code:
                return code, role.sector
        return None, None

    def code_of(self, actor_id: str) -> str | None:
        """An actor's event code; bodies without one use their parent's (KFOR -> NATO)."""
        seen: set[str] = set()
        current = self._actors.get(actor_id)
        while current and current.id not in seen:
            if current.code:
                return current.code
            if current.kind in ("place", "person"):
                return None
            seen.add(current.id)
            current = self._actors.get(current.parent or "")
        return None

    def office_key(self, phrase: str) -> str | None:
        return self._offices.office_key(phrase)

    @property
    def offices(self) -> OfficeTable:
        return self._offices

    # -- memberships ------------------------------------------------------------------
    def _suspended(self, org_id: str, state_id: str, day: dt.date) -> bool:
        return any(
            s.org == org_id and s.state == state_id and s.active(day)
            for s in self._built.suspensions
        )

    def members(self, org_id: str, day: dt.date) -> list[str]:
        self.actor(org_id)
        return sorted(
            {
                m.state
                for m in self._built.memberships
                if m.org == org_id and m.active(day) and not self._suspended(org_id, m.state, day)
            }
        )

    def memberships(self, state_id: str, day: dt.date) -> list[str]:
        self.actor(state_id)
        return sorted(
            {
                m.org
                for m in self._built.memberships
                if m.state == state_id
                and m.active(day)
                and not self._suspended(m.org, state_id, day)
            }
        )

    def suspended(self, org_id: str, day: dt.date) -> list[str]:
        return sorted(
            {s.state for s in self._built.suspensions if s.org == org_id and s.active(day)}
        )

    def defence_clauses(self) -> list[DefenceClause]:
        return defence_clauses(self._built)

    # -- territory --------------------------------------------------------------------
    def territory(self, place_id: str, day: dt.date) -> TerritoryStatus:
        """De-jure state(s), claimants and controllers of a place on ``day``.

        Without explicit control data the de-jure state is taken to control the place.
        """
        place = self.actor(place_id)
        de_jure = self._built.de_jure.get(place_id) or ((place.parent,) if place.parent else ())
        claims = self._built.claims.get(place_id, ())
        control = self._built.control.get(place_id, ())
        notes = tuple(r.note for r in (*claims, *control) if r.note and r.active(day))
        controllers = _active(control, day) if control else de_jure
        return TerritoryStatus(
            place=place_id,
            day=day,
            de_jure=tuple(de_jure),
            claimants=_active(claims, day) or tuple(de_jure),
            controllers=tuple(controllers),
            notes=notes,
        )


def _active(refs: Iterable[DatedRef], day: dt.date) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.id for r in refs if r.active(day)))
