from __future__ import annotations

import datetime as dt
import time

import pytest

from kroniek.kb import KnowledgeBase


def ids(kb: KnowledgeBase, surface: str) -> dict[str, str]:
    return {actor.id: route for actor, route in kb.lookup(surface)}


@pytest.mark.parametrize(
    ("surface", "actor_id", "route"),
    [
        ("Rusland", "rus", "name"),
        ("Russische", "rus", "adjective"),
        ("Russisch", "rus", "adjective"),
        ("Russen", "rus", "demonym"),
        ("Rus", "rus", "demonym"),
        ("het Kremlin", "rus", "metonym"),
        ("Kremlin", "rus", "metonym"),
        ("Moskou", "rus", "metonym"),
        ("Wit-Rusland", "blr", "name"),
        ("Belarus", "blr", "name"),
        ("Wit-Russische", "blr", "adjective"),
        ("Oekraïne", "ukr", "name"),
        ("Oekraine", "ukr", "name"),
        ("Oekraïners", "ukr", "demonym"),
        ("Kiëv", "ukr", "metonym"),
        ("Kyiv", "ukr", "metonym"),
        ("Azerbeidzjan", "aze", "name"),
        ("Azerbeidzjaanse", "aze", "adjective"),
        ("Bakoe", "aze", "metonym"),
        ("Armeense", "arm", "adjective"),
        ("Jerevan", "arm", "metonym"),
        ("Verenigde Staten", "usa", "name"),
        ("Amerika", "usa", "name"),
        ("VS", "usa", "abbreviation"),
        ("Amerikaanse", "usa", "adjective"),
        ("Amerikanen", "usa", "demonym"),
        ("het Witte Huis", "usa", "metonym"),
        ("Pentagon", "usa", "metonym"),
        ("Groot-Brittannië", "gbr", "name"),
        ("VK", "gbr", "abbreviation"),
        ("Downing Street", "gbr", "metonym"),
        ("Belgische", "bel", "adjective"),
        ("Turkse", "tur", "adjective"),
        ("Turken", "tur", "demonym"),
        ("Elysée", "fra", "metonym"),
        ("Peking", "chn", "metonym"),
        ("Seoel", "kor", "metonym"),
        ("Ruslands", "rus", "name"),
        ("NAVO", "nato", "name"),
        ("Navo", "nato", "name"),
        ("VN", "un", "abbreviation"),
        ("Veiligheidsraad", "unsc", "name"),
        ("OVSE", "osce", "name"),
        ("CVRO", "csto", "name"),
        ("Organisatie van het Verdrag inzake Collectieve Veiligheid", "csto", "name"),
        ("Euraziatische Economische Unie", "eaeu", "name"),
        ("Afrikaanse Unie", "au", "name"),
        ("Arabische Liga", "arableague", "name"),
        ("Internationaal Strafhof", "icc", "name"),
        ("Rode Kruis", "icrc", "name"),
        ("IAEA", "iaea", "name"),
        ("IS", "isis", "abbreviation"),
        ("Islamitische Staat", "isis", "name"),
        ("IS-strijders", "isis", "alias"),
        ("Daesh", "isis", "alias"),
        ("Houthi's", "houthis", "name"),
        ("Houthi-rebellen", "houthis", "name"),
        ("Ansar Allah", "houthis", "name"),
        ("Hezbollah", "hezbollah", "name"),
        ("Poetin", "vladimir-putin", "alias"),
        ("Putin", "vladimir-putin", "alias"),
        ("Zelenski", "volodymyr-zelensky", "alias"),
        ("Zelenskyj", "volodymyr-zelensky", "alias"),
        ("Zelenskiy", "volodymyr-zelensky", "alias"),
        ("Pasjinian", "nikol-pashinyan", "alias"),
        ("Pachinian", "nikol-pashinyan", "alias"),
        ("Alijev", "ilham-aliyev", "alias"),
        ("Aliev", "ilham-aliyev", "alias"),
        ("Erdoğan", "recep-tayyip-erdogan", "alias"),
        ("Erdogan", "recep-tayyip-erdogan", "alias"),
        ("Loekasjenko", "alexander-lukashenko", "alias"),
        ("Medvedjev", "dmitry-medvedev", "alias"),
        ("Sjojgoe", "sergei-shoigu", "alias"),
        ("Netanjahoe", "benjamin-netanyahu", "alias"),
        ("Chamenei", "ali-khamenei", "alias"),
        ("Kim Jong-un", "kim-jong-un", "name"),
        ("Kim Jong Un", "kim-jong-un", "name"),
        ("Nagorno-Karabach", "nagorno-karabakh", "name"),
        ("Karabach", "nagorno-karabakh", "name"),
        ("de Krim", "crimea", "name"),
        ("Gazastrook", "gaza-strip", "name"),
        ("Westelijke Jordaanoever", "west-bank", "name"),
        ("Golanhoogvlakte", "golan-heights", "name"),
        ("Abchazië", "abkhazia", "name"),
        ("Zuid-Ossetië", "south-ossetia", "name"),
        ("Transnistrië", "transnistria", "name"),
        ("Sjoesja", "shusha", "name"),
        ("Bachmoet", "bakhmut", "name"),
        ("Slovjansk", "sloviansk", "name"),
        ("DPR", "dpr", "abbreviation"),
    ],
)
def test_lookup_forms(kb: KnowledgeBase, surface: str, actor_id: str, route: str) -> None:
    assert ids(kb, surface).get(actor_id) == route


@pytest.mark.parametrize("word", ["is", "Is", "vs", "eu", "vn", "au"])
def test_short_caps_abbreviations_are_case_sensitive(kb: KnowledgeBase, word: str) -> None:
    assert kb.lookup(word) == []


def test_ambiguous_brussel_records_belgium_and_eu(kb: KnowledgeBase) -> None:
    found = ids(kb, "Brussel")
    assert found["bel"] == "metonym"
    assert found["eu"] == "metonym"


def test_lookup_orders_best_route_first(kb: KnowledgeBase) -> None:
    assert kb.lookup("Moskou")[0][1] == "name"  # the city itself, then Russia by metonymy


def test_fuzzy_finds_transliterations(kb: KnowledgeBase) -> None:
    best, score = kb.fuzzy("Zelenskyi", kinds={"person"})[0]
    assert best.id == "volodymyr-zelensky"
    assert 80 <= score <= 100
    assert all(a.kind == "person" for a, _ in kb.fuzzy("Stoltenburg", kinds={"person"}))


def test_actor_and_code(kb: KnowledgeBase) -> None:
    assert kb.by_code("CSTO").id == "csto"
    assert kb.by_code("rus").id == "rus"
    assert kb.by_code("NOPE") is None
    with pytest.raises(KeyError, match="unknown actor id 'rusx'"):
        kb.actor("rusx")


def test_office_lexicon(kb: KnowledgeBase) -> None:
    assert kb.office_key("premier") == "head_of_government"
    assert kb.office_key("minister-president") == "head_of_government"
    assert kb.office_key("minister van Buitenlandse Zaken") == "foreign_minister"
    assert kb.office_key("buitenlandminister") == "foreign_minister"
    assert kb.office_key("de Russische minister van Defensie") == "defence_minister"
    assert kb.office_key("president van Rusland") == "head_of_state"
    assert kb.office_key("oud-premier") == "head_of_government"
    assert kb.office_key("kanselier") == "head_of_government"
    assert kb.office_key("opperste leider") == "supreme_leader"
    assert kb.office_key("secretaris-generaal") == "secretary_general"
    assert kb.office_key("president van de Europese Commissie") == "commission_president"
    assert kb.office_key("leider") == "leader"
    assert kb.office_key("bakker") is None


def test_leader_per_state(kb: KnowledgeBase) -> None:
    assert kb.leader_office("rus") == "head_of_state"
    assert kb.leader_office("irn") == "supreme_leader"
    assert kb.leader_office("deu") == "head_of_government"
    assert kb.leader_office("arm", dt.date(2015, 1, 1)) == "head_of_state"
    assert kb.leader_office("arm", dt.date(2020, 1, 1)) == "head_of_government"
    assert [p.id for p in kb.leaders("arm", dt.date(2020, 10, 8))] == ["nikol-pashinyan"]
    assert [p.id for p in kb.holders("leader", "csto", dt.date(2020, 10, 8))] == ["stanislav-zas"]


def test_default_kb_loads_fast_and_is_cached() -> None:
    from kroniek.kb import load_kb

    load_kb()
    start = time.perf_counter()
    assert load_kb() is load_kb()
    assert time.perf_counter() - start < 0.01
