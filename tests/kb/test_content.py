from __future__ import annotations

from collections import Counter

from kroniek.kb import KnowledgeBase
from kroniek.kb.countries import un_members
from kroniek.kb.loader import check_shipped

EVAL_CODES = [
    "UN",
    "UNSC",
    "EU",
    "NATO",
    "CSTO",
    "EAEU",
    "OSCE",
    "AU",
    "ECOWAS",
    "ASEAN",
    "ARABLEAGUE",
    "GCC",
    "SCO",
    "G7",
    "G20",
    "IAEA",
    "ICC",
    "ICJ",
    "WHO",
    "ICRC",
    "OPCW",
    "HAMAS",
    "PIJ",
    "HEZBOLLAH",
    "ISIS",
    "ALQAEDA",
    "ALSHABAAB",
    "TALIBAN",
    "WAGNER",
    "PKK",
    "YPG",
    "SDF",
    "FSA",
    "HTS",
    "HOUTHIS",
    "TPLF",
    "RSF",
    "M23",
    "LNA",
    "DPR",
    "LPR",
    "NKR",
    "PSE",
    "XKX",
    "TWN",
]


def test_shipped_data_is_clean() -> None:
    assert check_shipped() == []


def test_counts(kb: KnowledgeBase) -> None:
    kinds = Counter(a.kind for a in kb.all_actors())
    assert len(set(un_members())) == 193
    assert all(kb.actor(iso3.lower()).kind == "state" for iso3 in un_members())
    assert kinds["state"] >= 193 + 5
    assert kinds["igo"] >= 40
    assert kinds["armed_group"] >= 30
    persons = [a for a in kb.all_actors() if a.kind == "person"]
    assert len(persons) >= 300
    states = {r.of for p in persons for r in p.roles if kb.actor(r.of).kind == "state"}
    assert len(states) >= 60


def test_eval_codes_exist(kb: KnowledgeBase) -> None:
    missing = [code for code in EVAL_CODES if kb.by_code(code) is None]
    assert missing == []


def test_codes_are_unique(kb: KnowledgeBase) -> None:
    codes = Counter(a.code for a in kb.all_actors() if a.code)
    assert [c for c, n in codes.items() if n > 1] == []


def test_roles_point_at_known_offices_and_actors(kb: KnowledgeBase) -> None:
    for person in kb.all_actors():
        for role in person.roles:
            assert role.office in kb.offices.offices, (person.id, role.office)
            assert kb.get(role.of) is not None, (person.id, role.of)
            assert role.end is None or role.start is None or role.start <= role.end


def test_places_have_coordinates(kb: KnowledgeBase) -> None:
    for place_id in ("nagorno-karabakh", "crimea", "stepanakert", "moscow", "bakhmut", "rafah"):
        lat, lon = kb.actor(place_id).coords
        assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_country_names_come_from_babel(kb: KnowledgeBase) -> None:
    assert "Oekraïne" in kb.actor("ukr").names["nl"]
    assert "Kosovo" in kb.actor("xkx").names["nl"]
