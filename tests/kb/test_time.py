from __future__ import annotations

import datetime as dt

from kroniek.kb import KnowledgeBase

D = dt.date


def holder_ids(kb: KnowledgeBase, office: str, of: str, day: dt.date) -> list[str]:
    return [p.id for p in kb.holders(office, of, day)]


def test_us_president_changes(kb: KnowledgeBase) -> None:
    assert holder_ids(kb, "head_of_state", "usa", D(2019, 6, 1)) == ["donald-trump"]
    assert holder_ids(kb, "head_of_state", "usa", D(2021, 6, 1)) == ["joe-biden"]
    assert holder_ids(kb, "head_of_state", "usa", D(2025, 6, 1)) == ["donald-trump"]
    # On the handover day both hold office; the incoming one comes first.
    assert holder_ids(kb, "head_of_state", "usa", D(2021, 1, 20)) == ["joe-biden", "donald-trump"]


def test_dutch_prime_minister_changes(kb: KnowledgeBase) -> None:
    assert holder_ids(kb, "head_of_government", "nld", D(2024, 6, 15)) == ["mark-rutte"]
    assert holder_ids(kb, "head_of_government", "nld", D(2024, 8, 15)) == ["dick-schoof"]
    assert holder_ids(kb, "secretary_general", "nato", D(2024, 11, 1)) == ["mark-rutte"]


def test_csto_secretary_general_changes(kb: KnowledgeBase) -> None:
    assert holder_ids(kb, "secretary_general", "csto", D(2020, 10, 8)) == ["stanislav-zas"]
    assert holder_ids(kb, "secretary_general", "csto", D(2023, 6, 1)) == ["imangali-tasmagambetov"]


def test_acts_for(kb: KnowledgeBase) -> None:
    assert kb.acts_for("vladimir-putin", D(2010, 6, 1)) == ("RUS", "GOV")
    assert kb.roles_at("vladimir-putin", D(2010, 6, 1))[0].office == "head_of_government"
    assert kb.acts_for("vladimir-putin", D(2020, 6, 1)) == ("RUS", "GOV")
    assert kb.roles_at("vladimir-putin", D(2020, 6, 1))[0].office == "head_of_state"
    assert kb.acts_for("rus", D(2020, 6, 1)) == ("RUS", None)
    assert kb.acts_for("mark-rutte", D(2025, 1, 1))[0] == "NATO"
    assert kb.acts_for("mark-rutte", D(2024, 8, 1)) == (None, None)
    assert kb.acts_for("khalifa-haftar", D(2020, 1, 1)) == ("LNA", "MIL")
    assert kb.acts_for("hassan-nasrallah", D(2023, 1, 1)) == ("HEZBOLLAH", "REB")
    assert kb.acts_for("hassan-nasrallah", D(2024, 10, 1)) == (None, None)
    assert kb.acts_for("kfor", D(2020, 1, 1)) == ("NATO", None)
    assert kb.acts_for("ec", D(2020, 1, 1)) == ("EU", None)
    assert kb.acts_for("ahmed-al-sharaa", D(2020, 1, 1))[0] == "HTS"
    assert kb.acts_for("ahmed-al-sharaa", D(2025, 6, 1))[0] == "SYR"


def test_memberships(kb: KnowledgeBase) -> None:
    assert "fin" not in kb.members("nato", D(2022, 6, 1))
    assert "fin" in kb.members("nato", D(2024, 6, 1))
    assert "swe" not in kb.members("nato", D(2023, 6, 1))
    assert "swe" in kb.members("nato", D(2024, 6, 1))
    assert "eu" in kb.memberships("gbr", D(2019, 6, 1))
    assert "eu" not in kb.memberships("gbr", D(2021, 6, 1))
    assert kb.members("csto", D(2020, 10, 8)) == ["arm", "blr", "kaz", "kgz", "rus", "tjk"]
    assert "uzb" in kb.members("csto", D(2010, 1, 1))
    assert "aze" in kb.members("csto", D(1995, 1, 1))
    assert kb.members("eaeu", D(2015, 1, 1)) == ["blr", "kaz", "rus"]
    assert kb.members("eaeu", D(2016, 1, 1)) == ["arm", "blr", "kaz", "kgz", "rus"]
    assert "mli" not in kb.members("au", D(2022, 1, 1))  # suspended
    assert "mli" in kb.members("au", D(2019, 1, 1))
    assert "ssd" in kb.members("un", D(2012, 1, 1))
    assert "ssd" not in kb.members("un", D(2010, 1, 1))


def test_defence_clauses(kb: KnowledgeBase) -> None:
    clauses = {c.alliance: c for c in kb.defence_clauses()}
    assert clauses["nato"].article.startswith("Art. 5")
    assert clauses["nato"].scope == "territory_in_europe_north_america"
    assert clauses["csto"].article.startswith("Art. 4")
    assert clauses["eu"].article.startswith("Art. 42(7)")
    assert {m.state for m in clauses["anzus"].members} == {"aus", "nzl", "usa"}
    assert clauses["us-japan-treaty"].scope == "territories_under_japanese_administration"
    assert "rio-treaty" in clauses and "us-rok-treaty" in clauses


def test_territory(kb: KnowledgeBase) -> None:
    nk = kb.territory("nagorno-karabakh", D(2020, 10, 8))
    assert nk.de_jure == ("aze",)
    assert nk.controllers == ("nkr",)
    assert kb.territory("nagorno-karabakh", D(2024, 1, 1)).controllers == ("aze",)
    crimea = kb.territory("crimea", D(2020, 1, 1))
    assert crimea.de_jure == ("ukr",)
    assert crimea.controllers == ("rus",)
    assert set(crimea.claimants) == {"ukr", "rus"}
    assert kb.territory("crimea", D(2013, 1, 1)).controllers == ("ukr",)
    assert kb.territory("bakhmut", D(2023, 1, 1)).controllers == ("ukr",)
    assert kb.territory("bakhmut", D(2023, 6, 1)).controllers == ("rus",)
    assert kb.territory("moscow", D(2020, 1, 1)).controllers == ("rus",)


def test_soviet_union_is_historical(kb: KnowledgeBase) -> None:
    sun = kb.actor("sun")
    assert sun.valid_to == D(1991, 12, 26)
    assert not sun.exists_at(D(2000, 1, 1))
