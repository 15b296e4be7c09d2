"""CONCEDE entries of the lexicon: a declared ceasefire, lifted sanctions (not SANCTION),
an apology, an amnesty, an idiom of giving in. Our own sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    ("Rusland kondigde een eenzijdig staakt-het-vuren af.", ("CONCEDE", "RUS", "*")),
    ("Japan bood excuses aan aan Zuid-Korea.", ("CONCEDE", "JPN", "KOR")),
    ("Servië verleende amnestie aan de Kosovaarse gevangenen.", ("CONCEDE", "SRB", "XKX")),
    ("Hongarije ging door de knieën voor de Europese Unie.", ("CONCEDE", "HUN", "*")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_concede_trigger(code, text, expected) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert expected in triples(code(text).events)


def test_lifted_sanctions_are_a_concession_not_a_sanction(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("De Europese Unie hief de sancties tegen Iran op.").events
    assert ("CONCEDE", "EU", "IRN") in triples(events)
    assert not [e for e in events if e.type == "SANCTION"]
