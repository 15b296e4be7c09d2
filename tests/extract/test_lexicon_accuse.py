"""The ACCUSE lexicon (accuse.yaml) on our own sentences: criticism, accusations and
investigations (PLOVER ACCUSE), through the real Frog, linker and coder. Each case exercises
one kind of entry: a verb, a light verb, an event noun or idiom, and a blocking entry for a
common false reading."""

from __future__ import annotations

import pytest
from tests.extract.test_events import code, triples  # noqa: F401  (fixture)

CASES = [
    # light verb with an op phrase
    ('De Russische minister uitte scherpe kritiek op de NAVO.',
     ('ACCUSE', 'RUS', 'NATO'), 'disapprove'),
    # verb, allege mode
    ('Iran beschuldigde Israël van sabotage.',
     ('ACCUSE', 'IRN', 'ISR'), 'allege'),
    # light verb: an investigation opened
    ('Het Internationaal Strafhof stelde een onderzoek in naar Rusland.',
     ('ACCUSE', 'ICC', '*'), 'investigate'),
    # event noun with a door agent
    ('De veroordeling van de aanval door de Europese Unie was ongewoon scherp.',
     ('ACCUSE', 'EU', '*'), 'disapprove'),
]

NOT_CODED = [
    # supporters criticising a coach
    'De supporters hadden kritiek op de trainer van Ajax.',
    # rejecting an accusation is not making one
    'Rusland wees de beschuldigingen van de hand.',
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_accuse_entries_code_the_event(code, text, expected, mode) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
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
def test_accuse_blocking_entries_hold(code, text) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert not [e for e in code(text).events if e.type == 'ACCUSE']
