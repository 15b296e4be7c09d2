"""The REQUEST lexicon (request.yaml) on our own sentences: requests, demands and appeals (PLOVER
REQUEST), through the real Frog, linker and coder. Each case exercises one kind of entry: a
verb, a light verb, an event noun or idiom, and a blocking entry for a common false reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # separable verb with coordinated recipients, yield mode
    ('De Verenigde Naties riepen Israël en Hamas op tot een staakt-het-vuren.',
     ('REQUEST', 'UN', 'HAMAS'), 'yield'),
    # light verb: een beroep doen op
    ('Oekraïne deed een beroep op de Europese Unie.',
     ('REQUEST', 'UKR', 'EU'), None),
    # event noun with van and aan
    ('De oproep van Frankrijk aan Iran kwam na de aanval op het schip.',
     ('REQUEST', 'FRA', 'IRN'), None),
]

NOT_CODED = [
    # an attack that claims lives
    'De aanslag in Kabul eiste tientallen levens.',
    # zich afvragen is wondering
    'Minister Lavrov vroeg zich af of de NAVO wel wil praten.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_request_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_request_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'REQUEST']
