"""Alliance-obligation answers for the issue's three cases, and the CLI's JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.graph import defence_obligations
from kroniek.kb import KnowledgeBase, load_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_nagorno_karabakh_is_not_armenian_territory(kb: KnowledgeBase) -> None:
    answer = defence_obligations(kb, "ARM", "AZE", "Nagorno-Karabakh", dt.date(2020, 10, 8))
    assert answer.verdict == "not triggered"
    csto = next(c for c in answer.clauses if c.alliance == "CSTO")
    assert not csto.in_scope and not csto.bound
    assert any("not Armenia's territory" in r for r in csto.reasons)


def test_attack_on_armenia_proper_triggers_csto(kb: KnowledgeBase) -> None:
    answer = defence_obligations(kb, "ARM", "AZE", None, dt.date(2020, 10, 8))
    assert answer.verdict == "triggered: CSTO"
    csto = answer.clauses[0]
    assert csto.bound == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert not csto.attacker_member  # Azerbaijan left in 1999


def test_attack_on_estonia_by_russia_is_nato_article_5(kb: KnowledgeBase) -> None:
    answer = defence_obligations(kb, "EST", "RUS", None, dt.date(2020, 6, 1))
    nato = next(c for c in answer.clauses if c.alliance == "NATO")
    assert nato.verdict == "triggered" and "Art. 5" in nato.article
    assert "USA" in nato.bound and "EST" not in nato.bound
    assert "NATO" in answer.verdict


def test_attacker_inside_the_alliance_is_unclear(kb: KnowledgeBase) -> None:
    answer = defence_obligations(kb, "TUR", "GRC", None, dt.date(2020, 6, 1))
    assert answer.clauses[0].verdict == "unclear" and answer.clauses[0].attacker_member


def test_cli_json_and_friendly_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    db = str(tmp_path / "k.sqlite")
    result = runner.invoke(app, ["ask", "defence", "--attacked", "ARM", "--by", "AZE",
                                 "--where", "Nagorno-Karabakh", "--at", "2020-10-08",
                                 "--json", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict"] == "not triggered"
    bad = runner.invoke(app, ["ask", "defence", "--attacked", "Atlantis", "--db", db])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
