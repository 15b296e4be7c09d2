"""PROTEST entries of the lexicon: demonstrations, strikes and hunger strikes, the
blocking of "staken" for stopped fighting, and the diplomatic protest that is ACCUSE
(PLOVER). Our own sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code  # noqa: F401  (fixture)

CASES = [
    # verb
    ("Een Russische opposant demonstreerde zaterdag voor het Kremlin.", "RUS", "demo"),
    # light verbs
    ("Een Russische opposant ging in hongerstaking.", "RUS", "hunger"),
    ("Een Wit-Russische opposant riep een algemene staking uit.", "BLR", "strike"),
]


@pytest.mark.parametrize(("text", "actor", "mode"), CASES)
def test_protest_trigger(code, text, actor, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    protest = [e for e in code(text).events if e.type == "PROTEST"]
    assert protest and protest[0].actor == [actor] and protest[0].mode == mode


def test_stopped_fighting_is_no_strike(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("Armenië en Azerbeidzjan staakten de gevechten.").events
    assert [e for e in events if e.type == "RETREAT"]
    assert not [e for e in events if e.type == "PROTEST"]


def test_diplomatic_protest_is_accuse(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("De Chinese regering tekende formeel protest aan bij Japan.").events
    assert [e for e in events if e.type == "ACCUSE" and e.mode == "disapprove"]
    assert not [e for e in events if e.type == "PROTEST"]
