"""The held-out composed test set (tests/data/heldout, issue 11): its shape only.

The set is written without reading the coder, its lexicon or the composed corpus, so it
measures generalisation; nothing here runs the coder (its score is in the set's README).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from kroniek.plover import categories, modes

HELDOUT = Path(__file__).resolve().parent.parent / "data" / "heldout"
CODES: dict[str, list[str]] = yaml.safe_load((HELDOUT / "codes.yaml").read_text("utf-8"))
MIN_TEXTS_PER_TYPE = 15
MIN_NEAR_MISS_SHARE = 0.15
STATES = {country.alpha_3 for country in pycountry.countries} | set(CODES["extra_states"])
UNREAL = ("negated", "hypothetical")
NAMED = set(CODES["organisations"]) | set(CODES["armed_groups"]) | set(CODES["self_declared"])


def _files() -> dict[str, list[dict[str, Any]]]:
    return {path.stem: [json.loads(line) for line in path.read_text("utf-8").splitlines()
                        if line.strip()] for path in sorted(HELDOUT.glob("*.jsonl"))}


def _documents() -> list[dict[str, Any]]:
    return [doc for docs in _files().values() for doc in docs]


def _valid_code(code: str) -> bool:
    if code in STATES or code in NAMED:
        return True
    state, _, sector = code.partition("-")
    return state in STATES and sector in CODES["sectors"]


def _valid_date(value: str) -> bool:
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
        return True
    return False


def test_one_file_per_plover_type_each_with_enough_texts_of_its_type() -> None:
    files = _files()
    assert set(files) == {name.lower() for name in categories()}
    for name, docs in files.items():
        with_type = [d for d in docs if any(e["type"] == name.upper() for e in d["events"])]
        assert len(with_type) >= MIN_TEXTS_PER_TYPE, name


def test_near_misses_make_up_enough_of_every_file() -> None:
    for name, docs in _files().items():
        near = [d for d in docs if d.get("near_miss")]
        assert all(not d["events"] for d in near), name
        assert len(near) / len(docs) >= MIN_NEAR_MISS_SHARE, name


def test_ids_are_unique_and_name_their_file() -> None:
    for name, docs in _files().items():
        for number, doc in enumerate(docs, 1):
            assert doc["id"] == f"heldout-{name}-{number:03d}"
    ids = [doc["id"] for doc in _documents()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("doc", _documents(), ids=lambda doc: doc["id"])
def test_every_document_follows_the_gold_format(doc: dict[str, Any]) -> None:
    assert _valid_date(doc["date"]) and len(doc["date"]) == 10
    assert doc["text"].strip() and re.search(r"[.!?']$", doc["text"])
    assert all(_valid_code(code) for code in doc["actors"]), doc["actors"]
    assert doc.get("near_miss", False) == (not doc["events"])
    # a text measures something: a required event, or only events that did not happen
    # (optional, so a coder is judged on their status, not on whether it keeps them)
    if doc["events"]:
        assert any(event["required"] or event["status"] in UNREAL for event in doc["events"])


@pytest.mark.parametrize("doc", [d for d in _documents() if d["events"]],
                         ids=lambda doc: doc["id"])
def test_every_event_has_valid_codes(doc: dict[str, Any]) -> None:
    for event in doc["events"]:
        assert event["type"] in categories()
        if "mode" in event:
            assert event["mode"] in modes(event["type"]), event
        assert event["status"] in CODES["statuses"]
        assert event["form"] in CODES["forms"]
        assert isinstance(event["required"], bool)
        sides = event["actor"] + event["recipient"]
        assert all(_valid_code(code) for code in sides), sides
        # a side the event names is one the document lists as a participant
        assert set(sides) <= set(doc["actors"]), sides
        assert event["evidence"] in doc["text"]
        if event.get("reciprocal"):
            assert len(event["actor"]) >= 2 and not event["recipient"]
        if "date" in event:
            assert _valid_date(event["date"])
            # what has happened happened by publication; plans may lie after it
            assert event["date"] <= doc["date"] or event["status"] in ("future", *UNREAL)
        # events that did not happen are never demanded (EVAL.md's dev gold does the same)
        if event["status"] in UNREAL:
            assert not event["required"]
