"""The acceptance thresholds on the reference article: CI fails when a change lowers them."""

import json

from tests.conftest import shared_path


def test_seed_scores_hold(cli) -> None:  # type: ignore[no-untyped-def]
    gold = shared_path("gold/seed.json")
    result = cli("eval", "--json", str(gold))
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)["total"]
    assert total["events_strict"]["r"] == 1.0
    assert total["events_strict"]["p"] >= 0.85
    assert total["status_accuracy"] == 1.0
    assert total["mode_accuracy"] == 1.0
    assert total["date_accuracy"] >= 0.8
    assert total["figure_recall"] == 1.0
    assert total["quote_recall"] == 1.0
    assert total["actors"]["p"] == 1.0 and total["actors"]["r"] == 1.0
    assert total["relations"]["p"] >= 0.9 and total["relations"]["r"] >= 0.9
