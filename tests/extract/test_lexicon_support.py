"""The SUPPORT lexicon (support.yaml) on our own sentences: verbal support, praise and recognition
(PLOVER SUPPORT), through the real Frog, linker and coder. Each case exercises one kind of
entry: a verb, a light verb, an event noun or idiom, and a blocking entry for a common false
reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # light verb with a split particle and a voor phrase
    ('De Verenigde Staten spraken hun steun uit voor Taiwan.',
     ('SUPPORT', 'USA', 'TWN'), None),
    # verb: recognition of a state
    ('Frankrijk erkende Palestina als staat.',
     ('SUPPORT', 'FRA', 'PSE'), None),
    # event noun with van and aan
    ('Een steunbetuiging van Japan aan Taiwan volgde dinsdag.',
     ('SUPPORT', 'JPN', 'TWN'), None),
]

NOT_CODED = [
    # fans supporting a football club
    'Duizenden fans betuigden hun steun aan de voetbalclub.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_support_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_support_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'SUPPORT']
