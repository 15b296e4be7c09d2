"""The KB against a hand-compiled checklist of officeholders (tests/kb/data/officeholders.yaml).

For every row not marked ``uncertain`` the person, found by the checklist's name through the
KB's own name lookup, must hold that office of that state or organisation (KB API
``holders(office, of, day)``) on days inside the term: its middle and a day after its start
and before its end, clipped to the checklist's period and knowledge horizon. Current heads
of government must also be found by ``kroniek kb search NAME``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.kb import Actor, KnowledgeBase

CHECKLIST = Path(__file__).with_name("data") / "officeholders.yaml"
DOC: dict[str, Any] = yaml.safe_load(CHECKLIST.read_text(encoding="utf-8"))
PERIOD_START: dt.date = DOC["period"][0]
KNOWN_UNTIL: dt.date = DOC["known_until"]
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


@dataclass(frozen=True)
class Row:
    of: str
    office: str
    name: str
    start: dt.date
    end: dt.date | None
    uncertain: bool

    def days(self) -> list[dt.date]:
        """Days the holder must hold the office: inside the term, within what is known."""
        first = max(self.start, PERIOD_START)
        last = min(self.end or KNOWN_UNTIL, KNOWN_UNTIL)
        if last < first:
            return []
        days = {first + (last - first) / 2}
        if (last - first).days > 2:
            days |= {first + dt.timedelta(days=1), last - dt.timedelta(days=1)}
        return sorted(days)


def _rows() -> list[Row]:
    rows: list[Row] = []
    for of, offices in DOC["holders"].items():
        for office, holders in offices.items():
            for h in holders:
                rows.append(
                    Row(of, office, h["name"], h["from"], h["to"], bool(h.get("uncertain")))
                )
    for igo in DOC["igos"]:
        for h in igo["holders"]:
            rows.append(
                Row(
                    igo["of"],
                    igo["office"],
                    h["name"],
                    h["from"],
                    h["to"],
                    bool(h.get("uncertain")),
                )
            )
    return rows


ROWS = _rows()
GROUPS = sorted(
    {row.of for row in ROWS},
    key=lambda of: list(DOC["holders"]).index(of) if of in DOC["holders"] else len(DOC["holders"]),
)


def _persons(kb: KnowledgeBase, name: str) -> list[Actor]:
    return [actor for actor, _ in kb.lookup(name) if actor.kind == "person"]


def test_checklist_shape() -> None:
    """The checklist covers 60 states, known offices only, and well-formed terms."""
    assert len(DOC["states"]) == 60
    assert set(DOC["holders"]) == set(DOC["states"])
    for row in ROWS:
        assert row.end is None or row.start <= row.end, row
        assert row.name.strip() == row.name and row.name, row
    for of, offices in DOC["holders"].items():
        assert set(offices) <= {*OFFICES, "supreme_leader"}, of
        # every state has at least its leader on record
        assert {"head_of_state", "head_of_government", "supreme_leader"} & set(offices), of
    with_fm = [of for of, offices in DOC["holders"].items() if offices.get("foreign_minister")]
    assert len(with_fm) >= 58


@pytest.mark.parametrize("of", GROUPS)
def test_kb_has_checklist_holders(kb: KnowledgeBase, of: str) -> None:
    problems: list[str] = []
    for row in (r for r in ROWS if r.of == of and not r.uncertain):
        persons = _persons(kb, row.name)
        if not persons:
            problems.append(f"{row.name}: no person of that name in the KB")
            continue
        ids = {p.id for p in persons}
        for day in row.days():
            holders = {p.id for p in kb.holders(row.office, row.of, day)}
            if not ids & holders:
                found = ", ".join(sorted(holders)) or "nobody"
                problems.append(f"{row.name}: not {row.office} of {of} on {day} (KB: {found})")
    assert not problems, "\n".join(problems)


def _current_leaders() -> list[tuple[str, str]]:
    """(state, name) of each state's head of government on ``known_until`` (the head of
    state where the checklist has no head of government: presidential systems)."""
    found: list[tuple[str, str]] = []
    for of, offices in DOC["holders"].items():
        for office in ("head_of_government", "head_of_state", "supreme_leader"):
            current = [
                h
                for h in offices.get(office, [])
                if h["from"] <= KNOWN_UNTIL
                and (h["to"] is None or h["to"] >= KNOWN_UNTIL)
                and not h.get("uncertain")
            ]
            if current:
                found.append((of, current[-1]["name"]))
                break
    return found


def test_current_leaders_cover_the_states() -> None:
    assert len(_current_leaders()) >= 55


def test_kb_search_finds_current_heads_of_government(kb: KnowledgeBase) -> None:
    runner = CliRunner()
    missing: list[str] = []
    for of, name in _current_leaders():
        result = runner.invoke(app, ["kb", "search", name, "--at", KNOWN_UNTIL.isoformat()])
        assert result.exit_code == 0, result.output
        person_ids = [p.id for p in _persons(kb, name)]
        code = kb.code_of(of)
        if not person_ids or not any(f"{pid} (person" in result.output for pid in person_ids):
            missing.append(f"{name} ({of}): {result.output.strip()[:120]}")
        elif "no match" in result.output or f"of {kb.actor(of).name}" not in result.output:
            missing.append(f"{name} ({of}, {code}): no role of {of} shown:\n{result.output}")
    assert not missing, "\n".join(missing)


def test_uncertain_rows_are_in_the_kb_with_a_note(kb: KnowledgeBase) -> None:
    """Rows with unsure dates are not tested day by day, but their holder is in the KB, has
    that office of that state at some time, and says its dates are approximate."""
    problems: list[str] = []
    for row in (r for r in ROWS if r.uncertain):
        persons = _persons(kb, row.name)
        holding = [
            p for p in persons if any(r.office == row.office and r.of == row.of for r in p.roles)
        ]
        if not holding:
            problems.append(f"{row.name}: no {row.office} of {row.of} in the KB")
        elif not any(p.note and "approximate" in p.note for p in holding):
            problems.append(f"{row.name}: no note that the dates are approximate")
    assert not problems, "\n".join(problems)
