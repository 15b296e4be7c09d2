"""The REJECT lexicon (reject.yaml) on our own sentences: rejections, refusals and vetoes (PLOVER
REJECT), through the real Frog, linker and coder. Each case exercises one kind of entry: a
verb, a light verb, an event noun or idiom, and a blocking entry for a common false reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # light verb with a split particle
    ('Rusland sprak een veto uit tegen de resolutie.',
     ('REJECT', 'RUS', '*'), None),
    # idiom Frog reads as one token ('van_de_hand')
    ('Oekraïne wees het voorstel van Rusland van de hand.',
     ('REJECT', 'UKR', 'RUS'), None),
    # barring entry is REJECT
    ('China weigerde de toegang aan de Amerikaanse delegatie.',
     ('REJECT', 'CHN', 'USA'), None),
    # event noun with an adjective actor
    ('Het Russische veto tegen de resolutie verraste niemand.',
     ('REJECT', 'RUS', '*'), None),
]

NOT_CODED = [
    # a referee disallowing a goal
    'De scheidsrechter wees het doelpunt af.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_reject_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_reject_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'REJECT']
