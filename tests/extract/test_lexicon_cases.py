"""The trigger lexicon on our own sentences, read as data: every
`tests/extract/data/lexicon_cases/<type>[-<suffix>].yaml` lists sentences that must be coded
(with the event they must yield) and sentences that must not yield the file's type. Each goes
through the real Frog, linker and coder. The format is in that folder's README.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.extract.test_events import triples

from kroniek.model import Document, Event

CASES_DIR = Path(__file__).resolve().parent / "data" / "lexicon_cases"
CASE_KEYS = {"text", "event", "mode", "no_mode", "one_event", "reciprocal", "status", "not",
             "why"}
NOT_CODED_KEYS = {"text", "why", "instead", "mode"}


def _load() -> tuple[list[Any], list[Any]]:
    """Every case file as pytest params, with readable ids (file stem + index)."""
    cases: list[Any] = []
    blocked: list[Any] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind = data["type"]
        # a file is named after its type, optionally with a suffix (agree-b.yaml)
        assert path.stem.split("-")[0] == kind.lower(), f"{path.name} says type {kind}"
        for index, case in enumerate(data.get("cases") or [], 1):
            assert set(case) <= CASE_KEYS, f"{path.name} case {index}: {set(case) - CASE_KEYS}"
            assert case["event"][0] == kind, f"{path.name} case {index} codes another type"
            cases.append(pytest.param(case, id=f"{path.stem}-{index}"))
        for index, case in enumerate(data.get("not_coded") or [], 1):
            assert set(case) <= NOT_CODED_KEYS, f"{path.name} not_coded {index}"
            blocked.append(pytest.param(kind, case, id=f"{path.stem}-not-{index}"))
    return cases, blocked


CASES, NOT_CODED = _load()


def _matching(events: list[Event], kind: str, actor: str, recipient: str) -> list[Event]:
    """Events of the type with this actor and (unless "*") this recipient."""
    return [e for e in events if e.type == kind and actor in e.actor
            and (recipient == "*" or recipient in e.recipient)]


def _check_event(document: Document, spec: dict[str, Any]) -> None:
    kind, actors, recipient = spec["event"]
    events = document.events
    found = triples(events)
    names = actors.split("+")
    # "A+B": joint actors; each acts, on the recipient (or on anyone, "*")
    for actor in names:
        if recipient == "*":
            assert any(t[:2] == (kind, actor) for t in found), found
        else:
            assert (kind, actor, recipient) in found, found
    candidates = [e for actor in names for e in _matching(events, kind, actor, recipient)]
    if spec.get("one_event"):
        # the actors are exactly those of one event, not several events' together
        candidates = [e for e in candidates if set(e.actor) == set(names)]
        assert candidates, [(e.type, e.actor) for e in events]
    if spec.get("reciprocal"):
        assert any(e.reciprocal for e in candidates), [(e.type, e.reciprocal) for e in events]
    if spec.get("mode") is not None:
        assert any(e.mode == spec["mode"] for e in candidates), [(e.type, e.mode) for e in events]
    if spec.get("status") is not None:
        assert any(e.status == spec["status"] for e in candidates), [
            (e.type, e.status) for e in events]
    if spec.get("no_mode"):
        assert any(e.mode is None for e in candidates), [(e.type, e.mode) for e in events]
    for other in spec.get("not") or []:
        assert not [e for e in events if e.type == other], f"{other} coded too"


@pytest.mark.parametrize("case", CASES)
def test_lexicon_entry_codes_the_event(code, case) -> None:  # type: ignore[no-untyped-def]
    _check_event(code(case["text"]), case)


@pytest.mark.parametrize(("kind", "case"), NOT_CODED)
def test_lexicon_blocking_holds(code, kind, case) -> None:  # type: ignore[no-untyped-def]
    document = code(case["text"])
    assert not [e for e in document.events if e.type == kind], triples(document.events)
    if case.get("instead"):
        # the sentence is read, but as the other type
        _check_event(document, {"event": case["instead"], "mode": case.get("mode")})


def test_every_type_has_cases() -> None:
    # the 16 PLOVER types of the lexicon each have a case file with coded sentences
    lexicon = Path(__file__).resolve().parents[2] / "src/kroniek/extract/data/lexicon"
    types = {p.stem for p in lexicon.glob("*.yaml")}
    with_cases = {p.stem.split("-")[0] for p in CASES_DIR.glob("*.yaml")}
    assert types <= with_cases, types - with_cases
    assert len(CASES) >= 2 * len(types)
