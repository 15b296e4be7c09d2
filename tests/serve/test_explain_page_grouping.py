"""The coder's notes grouped by candidate (kroniek.explain.sentence_as_data), on composed
Dutch sentences analysed by the real pipeline: every note lands with the candidate it is
about, also when one lexicon entry is the trigger of two candidates."""

from __future__ import annotations

from typing import Any

import pytest

from kroniek.explain import document_for_text, explain_document, sentence_as_data
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.nlp import FrogBackend, FrogServer
from kroniek.pipeline import Pipeline

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def explained(frog_server: FrogServer):  # type: ignore[no-untyped-def]
    pipeline = Pipeline(backend=FrogBackend(frog_server))

    def run(text: str) -> list[dict[str, Any]]:
        document = document_for_text(text, interval_from_iso("2023-03-16"))
        return [sentence_as_data(s) for s in explain_document(pipeline, document).sentences]

    return run


def _consistent(candidate: dict[str, Any]) -> None:
    """A candidate's notes are about its own trigger and its own records."""
    assert candidate["word"], candidate
    assert candidate["clause"] is not None, candidate
    if not candidate["records"]:
        assert candidate["dropped"], candidate
        return
    assert candidate["arguments"], candidate
    assert candidate["event"] is candidate["records"][0]["event"]
    for record in candidate["records"]:
        assert record["event"]["rule"] == candidate["rule"]
        for code in record["event"]["actor"]:
            assert any(code in note for note in candidate["arguments"]), candidate
        assert record["status"].startswith(record["event"]["status"]), record
        if record["event"]["date"]:
            assert record["date"] and record["date"].startswith(record["event"]["date"])


def test_one_entry_two_candidates_keep_their_own_notes(explained) -> None:  # type: ignore[no-untyped-def]
    # Two bombings, each in its own clause: the main clause and a "nadat" clause.
    [sentence] = explained("Israël bombardeerde Gaza, nadat Hamas Israël had gebombardeerd.")
    same = [c for c in sentence["candidates"] if c["rule"] == "verb:bombarderen"]
    assert len(same) == 2, sentence["candidates"]
    first, second = same
    assert first["token"] < second["token"]
    assert first["clause"] != second["clause"]
    assert "nadat" in second["clause"] and "nadat" not in first["clause"]
    for candidate in same:
        _consistent(candidate)
        assert candidate["word"] in candidate["clause"]
    records = [x["event"] for c in same for x in c["records"]]
    assert len({tuple(e["actor"]) for e in records}) == len(records)  # not the same record twice


def test_every_event_has_a_candidate_and_dropped_ones_say_why(explained) -> None:  # type: ignore[no-untyped-def]
    sentences = explained(
        "China dreigde Taiwan met sancties en Rusland dreigde Moldavië met een blokkade. "
        "Volgens Peking werden de gesprekken vorige week afgebroken.")
    assert len(sentences) == 2
    for sentence in sentences:
        with_event = [x["event"] for c in sentence["candidates"] for x in c["records"]]
        assert sorted(map(repr, with_event)) == sorted(map(repr, sentence["events"]))
        for candidate in sentence["candidates"]:
            _consistent(candidate)
        for reading in sentence["not_used"]:
            assert reading["word"] and reading["rule"] and reading["reason"]
    dreigen = [c for c in sentences[0]["candidates"] if c["rule"] == "verb:dreigen"]
    assert len(dreigen) == 2 and dreigen[0]["arguments"] != dreigen[1]["arguments"]


def test_both_sides_of_a_talk_are_records_of_one_candidate(explained) -> None:  # type: ignore[no-untyped-def]
    # "spreken met" is symmetric: each side is coded as acting on the other, from one trigger.
    [sentence] = explained("De Poolse president sprak dinsdag in Warschau met de Litouwse "
                           "premier over de grens.")
    talks = [c for c in sentence["candidates"] if c["records"]]
    assert len(talks) == 1, sentence["candidates"]
    [talk] = talks
    _consistent(talk)
    assert len(talk["records"]) == len(sentence["events"]) >= 2
    sides = {(tuple(x["event"]["actor"]), tuple(x["event"]["recipient"]))
             for x in talk["records"]}
    assert {(b, a) for a, b in sides} == sides  # each record's mirror is the other one
