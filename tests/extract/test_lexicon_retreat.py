"""RETREAT entries of the lexicon: release (an idiom with the non-particle "vrij"),
withdrawal and resignation with a particle far from the verb, prisoner exchanges, access.
Our own sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    ("Israël liet honderd Palestijnse gevangenen vrij.", ("RETREAT", "ISR", "*"), "release"),
    ("Rusland trok zich terug uit de stad Cherson.", ("RETREAT", "RUS", "*"), "withdraw"),
    ("De Turkse president trad gisteren af als partijleider.", ("RETREAT", "TUR", "*"),
     "resign"),
    # light verb
    ("Oekraïne liet Europese waarnemers toe in de kerncentrale.", ("RETREAT", "UKR", "EU"),
     "access"),
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_retreat_trigger(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code(text).events
    assert expected in triples(events)
    assert next(e for e in events if e.type == "RETREAT").mode == mode


def test_exchange_is_mutual(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("Oekraïne en Rusland wisselden tweehonderd krijgsgevangenen uit.").events
    retreat = [e for e in events if e.type == "RETREAT"]
    assert retreat and set(retreat[0].actor) == {"UKR", "RUS"}


def test_no_retreat_for_a_withdrawn_candidacy(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("De Franse minister trok zijn kandidatuur voor de NAVO-top terug.").events
    assert not [e for e in events if e.type == "RETREAT"]
