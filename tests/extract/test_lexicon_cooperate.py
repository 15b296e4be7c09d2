"""The COOPERATE lexicon (cooperate.yaml) on our own sentences: mutual material cooperation
(PLOVER COOPERATE), through the real Frog, linker and coder. Each case exercises one kind of
entry: a verb, a light verb, an event noun or idiom, and a blocking entry for a common false
reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # light verb: joint exercises
    ('Rusland en China hielden gezamenlijke marineoefeningen in de Oostzee.',
     ('COOPERATE', 'RUS+CHN', '*'), None),
    # verb with a split particle: extradition
    ('Nederland leverde de verdachte uit aan de Verenigde Staten.',
     ('COOPERATE', 'NLD', 'USA'), None),
    # event noun with tussen: both sides
    ('De samenwerking tussen Japan en Zuid-Korea groeit snel.',
     ('COOPERATE', 'JPN+KOR', '*'), None),
]

NOT_CODED = [
    # companies working together
    'De supermarkt werkt samen met een bedrijf uit Duitsland.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_cooperate_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_cooperate_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'COOPERATE']
