"""COERCE entries of the lexicon: arrest, emergency rule, cyber attacks, seizure, and the
blocking of a natural-disaster emergency. Our own sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # verb
    ("De Turkse politie arresteerde tientallen Koerdische journalisten.",
     ("COERCE", "TUR", "*"), "arrest"),
    # light verb: a state of emergency proclaimed
    ("Myanmar riep de noodtoestand uit.", ("COERCE", "MMR", "*"), "martial-law"),
    # light verb whose noun would otherwise be read as an armed attack
    ("Rusland heeft een cyberaanval uitgevoerd op Oekraïne.", ("COERCE", "RUS", "UKR"), "cyber"),
    # idiom with Frog's glued "in_beslag"
    ("Iran nam een Britse tanker in beslag.", ("COERCE", "IRN", "GBR"), "seize"),
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_coerce_trigger(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code(text).events
    assert expected in triples(events)
    assert next(e for e in events if e.type == "COERCE").mode == mode
    assert not [e for e in events if e.type == "ASSAULT"]


def test_no_coerce_for_an_emergency_after_an_earthquake(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("Frankrijk riep de noodtoestand uit na de aardbeving.").events
    assert not [e for e in events if e.type == "COERCE"]
