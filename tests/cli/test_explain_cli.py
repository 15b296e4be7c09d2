"""``kroniek explain`` through the command, on our own sentences and a stored document."""

from __future__ import annotations

import json
from pathlib import Path


def _explain(cli, *args: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    result = cli("explain", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_explains_trigger_arguments_status_and_record(cli) -> None:  # type: ignore[no-untyped-def]
    found = _explain(cli, "--date", "2022-05-10",
                     "Volgens ingewijden zou Iran drones hebben geleverd aan Rusland.")
    sentence = found["sentences"][0]
    stages = {step["stage"] for step in sentence["steps"]}
    assert {"trigger", "clause", "arguments", "status"} <= stages
    assert {m["code"] for m in sentence["mentions"]} >= {"IRN", "RUS"}
    aid = [e for e in sentence["events"] if e["type"] == "AID"]
    assert aid and aid[0]["actor"] == ["IRN"] and aid[0]["status"] == "alleged"
    status = next(s for s in sentence["steps"] if s["stage"] == "status")
    assert "cue" in status["message"]


def test_says_why_a_candidate_was_dropped(cli) -> None:  # type: ignore[no-untyped-def]
    # A passive without an agent: the attack is real but who attacked is not said.
    found = _explain(cli, "--date", "2022-05-10", "Gisteren werd Oekraïne opnieuw aangevallen.")
    steps = found["sentences"][0]["steps"]
    assert any(s["stage"] == "dropped" and "passive" in s["message"] for s in steps), steps
    assert found["sentences"][0]["events"] == []


def test_blocked_readings_are_shown(cli) -> None:  # type: ignore[no-untyped-def]
    found = _explain(cli, "--date", "2021-03-01", "Frankrijk veroordeelde de staatsgreep.")
    messages = [s["message"] for s in found["sentences"][0]["steps"] if s["stage"] == "blocked"]
    assert any("SANCTION" in message for message in messages)


def test_stored_document_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "artikel.txt"
    article.write_text(" date 2021-06-02 Turkije en Griekenland overlegden dinsdag in Ankara. "
                       "Daarna belde de Turkse president zijn Griekse collega.\n",
                       encoding="utf-8")
    assert cli("ingest", str(article)).returncode == 0
    listed = cli("docs")
    document_id = next(word for line in listed.stdout.splitlines()
                       for word in line.split() if len(word) == 12 and word.isalnum())
    found = _explain(cli, f"{document_id}:1")
    assert [s["index"] for s in found["sentences"]] == [1]
    assert any(e["type"] == "CONSULT" for e in found["sentences"][0]["events"])


def test_bad_input_is_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    empty = cli("explain", "   ")
    assert empty.returncode != 0 and "Traceback" not in empty.stderr
    missing = cli("explain", "deadbeef:3")
    assert missing.returncode != 0 and ("no stored document" in missing.stderr
                                      or "no database at" in missing.stderr)
    bad_date = cli("explain", "--date", "gisteren", "Rusland viel Oekraïne aan.")
    assert bad_date.returncode == 2 and "--date" in bad_date.stderr
