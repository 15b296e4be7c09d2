"""``kroniek eval`` as a real command with the real pipeline (warm Frog shared)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCORE_KEYS = {"events_strict", "events_actor", "status_accuracy", "mode_accuracy",
              "date_accuracy", "date_median_width_days", "actors", "relations", "figure_recall",
              "quote_recall"}
PRF_KEYS = {"p", "r", "f1", "tp", "fp", "fn"}
COLUMNS = ("events P R F1", "actor-level P R F1", "status", "mode", "date", "width d",
           "actors P R F1", "relations P R F1", "figures R", "quotes R")


def check_json(stdout: str, files: int) -> dict:  # type: ignore[type-arg]
    payload = json.loads(stdout)
    assert len(payload["per_file"]) == files
    for scores in (payload["total"], *payload["per_file"]):
        assert set(scores) >= SCORE_KEYS
        for name in ("events_strict", "events_actor", "actors", "relations"):
            assert set(scores[name]) >= PRF_KEYS
    return payload  # type: ignore[no-any-return]


def test_eval_own_gold_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gold = str(FIXTURES / "gold" / "mini.json")
    db = str(tmp_path / "eval.sqlite")
    result = cli("eval", gold, "--json", "--db", db)
    assert result.returncode == 0, result.stderr
    payload = check_json(result.stdout, 1)
    assert payload["per_file"][0]["documents"] == ["mini-raketten"]
    assert payload["total"]["events_strict"]["fn"] + payload["total"]["events_strict"]["found"] \
        == 3  # ASSAULT RUS->UKR, REQUEST UN->RUS, REQUEST UN->UKR
    # The table, reusing the analysed document, and the errors listing.
    result = cli("eval", gold, "--db", db, "--errors")
    assert result.returncode == 0, result.stderr
    for column in COLUMNS:
        assert column in result.stdout
    assert "mini.json" in result.stdout and "total" in result.stdout
    assert "deduplicated per document" in result.stdout
    result = cli("eval", gold, "--actors-only", "--db", db)
    assert result.returncode == 0 and "actors P R F1" in result.stdout
    assert "events P R F1" not in result.stdout


def test_eval_errors_are_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("eval", str(tmp_path / "absent.json"))
    assert result.returncode == 2 and "no such gold file" in result.stderr
    assert "Traceback" not in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "text_file": "corpus/nergens.txt"}')
    result = cli("eval", str(bad))
    assert result.returncode == 2 and "not found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_seed_gold_prints_every_score(cli) -> None:  # type: ignore[no-untyped-def]
    seed = shared_path("gold/seed.json")
    result = cli("eval", str(seed), "--json")
    assert result.returncode == 0, result.stderr
    check_json(result.stdout, 1)
    result = cli("eval", str(seed))
    assert result.returncode == 0, result.stderr
    for column in COLUMNS:
        assert column in result.stdout
