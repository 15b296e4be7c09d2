"""MOBILIZE entries of the lexicon: troop build-ups, military presence, weapons tests,
exercises, and the blocking of mobilised voters. Our own sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # separable verb with its particle after the object
    ("Rusland trok troepen samen aan de grens met Oekraïne.", ("MOBILIZE", "RUS", "UKR"),
     "troops"),
    # light verb (issue 11: "de militaire aanwezigheid opvoeren")
    ("Rusland voerde de militaire aanwezigheid aan de grens met Finland op.",
     ("MOBILIZE", "RUS", "FIN"), "troops"),
    ("Noord-Korea voerde een kernproef uit.", ("MOBILIZE", "PRK", "*"), "weapons"),
    # compound event noun with an adjective actor
    ("De Chinese marineoefening bij Taiwan duurde drie dagen.", ("MOBILIZE", "CHN", "*"),
     "troops"),
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_mobilize_trigger(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code(text).events
    assert expected in triples(events)
    assert next(e for e in events if e.type == "MOBILIZE").mode == mode


def test_missiles_fired_at_a_target_are_an_attack_not_a_test(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("Rusland vuurde twintig raketten af op Kiev.").events
    assert [e for e in events if e.type == "ASSAULT"]
    assert not [e for e in events if e.type == "MOBILIZE"]


def test_no_mobilize_for_voters(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("De Amerikaanse president mobiliseerde zijn kiezers in Ohio.").events
    assert not [e for e in events if e.type == "MOBILIZE"]
