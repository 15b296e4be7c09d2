"""The CONSULT lexicon (consult.yaml) on our own sentences: meetings, visits and phone calls
(PLOVER CONSULT), through the real Frog, linker and coder. Each case exercises one kind of
entry: a verb, a light verb, an event noun or idiom, and a blocking entry for a common false
reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # verb, phone mode
    ('De Japanse premier belde woensdag met de Amerikaanse president.',
     ('CONSULT', 'JPN', 'USA'), 'phone'),
    # light verb after a fronted time, coded both ways
    ('Vorige week voerde de Indiase minister gesprekken met zijn Chinese ambtgenoot.',
     ('CONSULT', 'CHN', 'IND'), None),
    # event noun with van and aan: the visitor acts
    ('Het bezoek van de Turkse president aan Hongarije verliep zonder incidenten.',
     ('CONSULT', 'TUR', 'HUN'), 'visit'),
]

NOT_CODED = [
    # a domestic visit to a hospital
    'Premier Rutte bracht een bezoek aan het ziekenhuis in Groningen.',
    # a talk with a newspaper is an interview
    'De Duitse minister zei in een gesprek met de krant dat Rusland moet stoppen.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_consult_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    document = code(text)
    kind, actors, recipient = expected
    found = triples(document.events)
    # "A+B": joint actors with no recipient of their own (mutual action)
    for actor in actors.split("+"):
        if recipient == "*":
            assert any(t[:2] == (kind, actor) for t in found), found
        else:
            assert (kind, actor, recipient) in found, found
    if mode is not None:
        assert any(e.type == kind and e.mode == mode for e in document.events)


@pytest.mark.parametrize("text", NOT_CODED)
def test_consult_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'CONSULT']
