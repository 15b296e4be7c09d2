"""THREATEN entries of the lexicon: a verb with its mode, light verbs (an arrest warrant is
a threat of arrest, an ultimatum), and the blocking of weather warnings. Our own
sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    ("China dreigde Taiwan met militaire vergelding.", ("THREATEN", "CHN", "TWN"), "violence"),
    ("Het Internationaal Strafhof vaardigde een arrestatiebevel uit tegen Poetin.",
     ("THREATEN", "ICC", "RUS"), "arrest"),
    ("Iran stelde de Verenigde Staten een ultimatum.", ("THREATEN", "IRN", "USA"), None),
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_threaten_trigger(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code(text).events
    assert expected in triples(events)
    assert next(e for e in events if e.type == "THREATEN").mode == mode


def test_no_threat_in_a_storm_warning(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("België waarschuwde voor een zware storm aan de kust.").events
    assert not [e for e in events if e.type == "THREATEN"]
