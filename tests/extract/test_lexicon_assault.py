"""ASSAULT entries of the lexicon: a verb, a light verb, a noun, an idiom and the blocking
entries for illness and debate. Our own sentences, through the real Frog and linker."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # verb, recipient in an "op" phrase
    ("Azerbeidzjan heroverde de stad Sjoesja op Armenië.", ("ASSAULT", "AZE", "ARM")),
    # light verb: claiming an attack makes the claimant its actor
    ("Hamas eiste de aanslag in Jeruzalem op.", ("ASSAULT", "HAMAS", "ISR")),
    # event noun with an adjective actor
    ("Bij een Israëlische raketaanval op Gaza kwamen tien mensen om.", ("ASSAULT", "ISR", "PSE")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_assault_trigger(code, text, expected) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert expected in triples(code(text).events)


def test_chemical_weapons_light_verb_is_unconventional(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("Het Syrische leger heeft chemische wapens ingezet tegen de rebellen.").events
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].actor == ["SYR"] and assault[0].mode == "unconventional"


def test_fighting_idiom_is_reciprocal(code) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    events = code("Servische en Kosovaarse agenten raakten slaags bij de grens.").events
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].reciprocal and set(assault[0].actor) == {"SRB", "XKX"}


@pytest.mark.parametrize("text", [
    "De Franse premier kreeg vorige week een hartaanval.",
    "De Franse president viel zijn rivaal tijdens het verkiezingsdebat hard aan.",
    "Israël verijdelde een aanslag van Hamas.",
])
def test_no_assault_for_illness_debate_or_a_foiled_attack(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == "ASSAULT"]
