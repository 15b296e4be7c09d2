"""Light-verb constructions: an event noun carried by a verb that adds little meaning
("luchtaanvallen uitvoeren op", "een bezoek brengen aan"). Our own sentences, through the
real Frog, linker and coder; the arguments are the verb's, in any word order."""

from __future__ import annotations

import pytest
from tests.extract.test_events import triples

CASES = [
    # split particle, main clause
    ("Rusland voerde donderdag luchtaanvallen uit op Kiev.", ("ASSAULT", "RUS", "UKR")),
    # perfect, participle last
    ("Israël heeft in de nacht opnieuw aanvallen uitgevoerd op Libanon.",
     ("ASSAULT", "ISR", "LBN")),
    # inversion after a fronted time expression
    ("Dinsdag bracht de Franse president een bezoek aan China.", ("CONSULT", "FRA", "CHN")),
    # subordinate clause, verb last
    ("Bronnen melden dat Turkije een offensief heeft ingezet tegen de PKK.",
     ("ASSAULT", "TUR", "PKK")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_light_verb_takes_the_verbs_arguments(code, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in triples(code(text).events)


def test_the_noun_alone_does_not_need_the_light_verb(code) -> None:  # type: ignore[no-untyped-def]
    # A light verb without its noun is no event: "uitvoeren" of a plan is not an attack.
    document = code("Nederland voerde het nieuwe plan voor de haven uit.")
    assert not [e for e in document.events if e.type == "ASSAULT"]
