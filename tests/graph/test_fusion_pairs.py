"""Fusion quality on the hand-labelled October 2020 Nagorno-Karabakh pair set."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import shared_path
from tests.graph.fusion_eval import measure


def test_fusion_pairs(tmp_path: Path) -> None:
    gold = shared_path("gold")
    result = measure(gold, tmp_path / "fusion.sqlite")
    # Floors, not targets: the figures are reported in docs/quality.md.
    assert result["recall"] >= 0.7 and result["precision"] >= 0.45, result
