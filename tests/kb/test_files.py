from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kroniek.kb import KBError, import_wikidata, load_kb, validate_file
from kroniek.kb.cli import kb_app
from kroniek.kb.wikidata import WikidataError, dump_entries


def test_valid_user_file(fixtures: Path) -> None:
    assert validate_file(fixtures / "user_ok.yaml") == []
    kb = load_kb(extra_files=[fixtures / "user_ok.yaml"])
    # Open-ended shipped roles overlap; the newest holder comes first.
    assert kb.holders("defence_minister", "nld", dt.date(2031, 1, 1))[0].id == "jan-janssen"
    assert kb.office_key("minister van Oorlog en Vrede") == "defence_minister"
    assert "Russische Federatie (RF)" in kb.actor("rus").aliases
    assert kb.lookup("Russische")[0][0].id == "rus"  # merged, not replaced


def test_validate_reports_each_problem(fixtures: Path) -> None:
    problems = validate_file(fixtures / "bad_keys.yaml")
    text = "\n".join(problems)
    assert "bad_keys.yaml:foo-group: unknown key 'colour'" in text
    assert "bad_keys.yaml:foo-group: operates_in: unknown actor id 'xyz'" in text
    assert "bad_keys.yaml:foo-group: duplicate id (2 entries in this file)" in text
    assert "bad_keys.yaml:bar-person: role 1: bad date '2020-13-01'" in text
    assert "bad_keys.yaml:bar-person: role 2: unknown office 'emperor_of_mars'" in text
    assert "bad_keys.yaml:bar-person: role 3: role foreign_minister of nowhere ends before" in text
    assert "bad_keys.yaml:baz: new actor needs a 'kind'" in text
    assert "bad_keys.yaml:baz: valid_from: bad date 'yesterday'" in text
    assert "bad_keys.yaml:Bad Id: id must be a lower-case slug without spaces" in text
    assert "bad_keys.yaml:Bad Id: 'coords' must be [lat, lon] in degrees" in text
    assert all("\n" not in p for p in problems)


def test_validate_bad_yaml_and_missing_file(fixtures: Path, tmp_path: Path) -> None:
    [problem] = validate_file(fixtures / "bad_yaml.yaml")
    assert "bad_yaml.yaml:" in problem and "YAML error" in problem
    assert validate_file(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file"]
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    assert validate_file(empty) == [f"{empty}: file is empty"]


def test_load_kb_refuses_bad_extra_file(fixtures: Path) -> None:
    with pytest.raises(KBError) as info:
        load_kb(extra_files=[fixtures / "bad_keys.yaml"])
    assert any("unknown key 'colour'" in p for p in info.value.problems)


def test_import_wikidata(fixtures: Path, tmp_path: Path) -> None:
    entries = {e["wikidata"]: e for e in import_wikidata(fixtures / "wikidata_dump.json")}
    putin = entries["Q7747"]
    assert putin["id"] == "vladimir-putin" and putin["kind"] == "person"
    assert putin["names"] == {"nl": ["Vladimir Poetin"], "en": ["Vladimir Putin"]}
    assert "Poetin" in putin["aliases"] and "Putin" in putin["aliases"]
    offices = {(r["office"], r["of"], r["start"], r["end"]) for r in putin["roles"]}
    assert ("head_of_state", "rus", dt.date(2012, 5, 7), None) in offices
    assert ("head_of_state", "rus", dt.date(2000, 5, 7), dt.date(2008, 5, 7)) in offices
    assert "Q99999999" in putin["note"]
    armenia = entries["Q399"]
    assert (armenia["id"], armenia["kind"], armenia["iso3"]) == ("arm", "state", "ARM")
    # Month-precision dates ("-00") become the first of the month.
    assert entries["Q123456789"]["roles"][0]["start"] == dt.date(2031, 7, 1)
    out = tmp_path / "imported.yaml"
    out.write_text(dump_entries(list(entries.values())), encoding="utf-8")
    assert validate_file(out) == []
    kb = load_kb(extra_files=[out])
    assert kb.holders("head_of_state", "usa", dt.date(2032, 1, 1))[0].id == "jan-testpersoon"
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]


def test_import_wikidata_rejects_broken_lines(fixtures: Path) -> None:
    with pytest.raises(WikidataError, match=r"wikidata_broken.jsonl:2: not JSON"):
        import_wikidata(fixtures / "wikidata_broken.jsonl")


def test_cli(fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(kb_app, ["search", "Poetin", "--at", "2010-06-01"])
    assert result.exit_code == 0, result.output
    assert "vladimir-putin" in result.output and "RUS (GOV)" in result.output
    result = runner.invoke(kb_app, ["show", "csto", "--at", "2020-10-08"])
    assert result.exit_code == 0 and "Art. 4" in result.output
    result = runner.invoke(kb_app, ["show", "no-such-actor"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    result = runner.invoke(kb_app, ["search", "Poetin", "--at", "gisteren"])
    assert result.exit_code == 1 and "bad date" in result.output
    monkeypatch.setenv("KRONIEK_KB_DIR", str(tmp_path / "userkb"))
    result = runner.invoke(kb_app, ["add", str(fixtures / "bad_keys.yaml")])
    assert result.exit_code == 1 and "unknown key 'colour'" in result.output
    result = runner.invoke(kb_app, ["add", str(fixtures / "user_ok.yaml")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "userkb" / "user_ok.yaml").exists()
    out = tmp_path / "wd.yaml"
    result = runner.invoke(
        kb_app, ["import-wikidata", str(fixtures / "wikidata_dump.json"), "-o", str(out)]
    )
    assert result.exit_code == 0 and out.exists()
    result = runner.invoke(
        kb_app, ["import-wikidata", str(fixtures / "missing.json"), "-o", str(out)]
    )
    assert result.exit_code == 1 and "no such file" in result.output
