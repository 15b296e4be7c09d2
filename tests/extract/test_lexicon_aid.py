"""The AID lexicon (aid.yaml) on our own sentences: material aid (PLOVER AID), through the real
Frog, linker and coder. Each case exercises one kind of entry: a verb, a light verb, an event
noun or idiom, and a blocking entry for a common false reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # verb with weapons and an aan phrase
    ('De Verenigde Staten leverden raketten aan Oekraïne.',
     ('AID', 'USA', 'UKR'), None),
    # light verb: emergency aid offered
    ('Nederland bood noodhulp aan Syrië na de aardbeving.',
     ('AID', 'NLD', 'SYR'), None),
    # event noun with van and aan
    ('De wapenleveringen van Duitsland aan Oekraïne gaan door.',
     ('AID', 'DEU', 'UKR'), None),
    # idiom, not a shooting
    ('Duitsland schoot Oekraïne te hulp met wapens.',
     ('AID', 'DEU', 'UKR'), None),
]

NOT_CODED = [
    # a domestic support package for firms
    'Het kabinet presenteerde een steunpakket voor ondernemers.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_aid_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_aid_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'AID']
