"""The AGREE lexicon (agree.yaml) on our own sentences: agreements, promises and offers (PLOVER
AGREE), through the real Frog, linker and coder. Each case exercises one kind of entry: a verb,
a light verb, an event noun or idiom, and a blocking entry for a common false reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # light verb: a treaty signed
    ('Griekenland en Noord-Macedonië ondertekenden een verdrag over de naam.',
     ('AGREE', 'GRC+MKD', '*'), None),
    # idiom with its met phrase
    ('Servië ging akkoord met het voorstel van de Europese Unie.',
     ('AGREE', 'SRB', 'EU'), None),
    # promised military support is AGREE, not AID
    ('Duitsland zegde Oekraïne nieuwe militaire steun toe.',
     ('AGREE', 'DEU', 'UKR'), None),
    # event noun (Frog reads 'sloten' as ditches)
    ('Egypte en Soedan sloten dinsdag een akkoord over het water van de Nijl.',
     ('AGREE', 'EGY+SDN', '*'), None),
]

NOT_CODED = [
    # a coalition agreement is domestic politics
    'Het Franse kabinet presenteerde het regeerakkoord na lange onderhandelingen.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_agree_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_agree_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'AGREE']
