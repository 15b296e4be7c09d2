"""SANCTION entries of the lexicon: sanctions as light verbs and nouns, broken ties,
expelled and recalled diplomats, leaving a treaty, and the blocking of sport sanctions.
Our own sentences, through the real Frog."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    ("De Europese Unie stelde nieuwe sancties in tegen Rusland.",
     ("SANCTION", "EU", "RUS"), "discontinue"),
    # issue 11: "op de sanctielijst zetten"
    ("De Verenigde Staten zetten Iran op de sanctielijst.", ("SANCTION", "USA", "IRN"),
     "discontinue"),
    ("Litouwen verbrak de diplomatieke betrekkingen met Rusland.",
     ("SANCTION", "LTU", "RUS"), "discontinue"),
    ("Polen zette vijf Russische diplomaten uit.", ("SANCTION", "POL", "RUS"), "expel"),
    ("Frankrijk riep zijn ambassadeur in Australië terug.", ("SANCTION", "FRA", "AUS"),
     "withdraw"),
    # event noun with an adjective actor and a "tegen" recipient
    ("Het nieuwe Europese sanctiepakket tegen Rusland treft de banken.",
     ("SANCTION", "EU", "RUS"), "discontinue"),
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_sanction_trigger(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code(text).events
    assert expected in triples(events)
    assert next(e for e in events if e.type == "SANCTION").mode == mode


def test_leaving_a_treaty_is_sanction_withdraw_not_retreat(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("De Verenigde Staten trokken zich terug uit het atoomakkoord met Iran.").events
    assert [e for e in events if e.type == "SANCTION" and e.mode == "withdraw"]
    assert not [e for e in events if e.type == "RETREAT"]


def test_no_sanction_in_sport(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("De UEFA legde Feyenoord sancties op na de rellen in het stadion.").events
    assert not [e for e in events if e.type == "SANCTION"]
