"""kroniek's time expressions on the composed phrases (tests/data/timex/phrases.yaml), scored
by bench/timex_compare.py against dateparser in the same run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "timex_compare.py"


def _compare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_compare", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_phrase_file_shape() -> None:
    phrases = _compare().load_phrases()
    assert len(phrases) >= 200
    for phrase in phrases:
        assert phrase.phrase in phrase.text
        assert phrase.gold is None or phrase.gold[0] <= phrase.gold[1]


@pytest.mark.frog
def test_exact_accuracy_beats_dateparser(analyse) -> None:  # type: ignore[no-untyped-def]
    compare = _compare()
    phrases = compare.load_phrases()
    scores = compare.score(phrases, compare.all_answers(phrases, analyse))
    ours = scores.accuracy("kroniek")
    theirs = scores.accuracy("dateparser best")
    print(compare.table(scores))
    assert ours >= 0.90
    assert ours > theirs
