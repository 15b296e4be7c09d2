"""Reading gold files and running an evaluation end to end with a scripted pipeline (no Frog)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import ClassVar

import pytest
from sqlalchemy.engine import Engine

from kroniek.errors import InputError
from kroniek.evaluation.gold import expand_gold, read_gold_file
from kroniek.evaluation.report import as_json
from kroniek.evaluation.runner import evaluate, stored_id
from kroniek.ingest.identity import document_id
from kroniek.ingest.neardup import StoryIndex
from kroniek.model import DateInterval, Document, Event, Figure, Mention, Quote, Sentence
from kroniek.pipeline import story_index

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "gold" / "mini.json"
TWO = FIXTURES / "gold" / "two.jsonl"


def test_text_file_found_by_walking_up_and_header_stripped() -> None:
    [gold] = read_gold_file(MINI)
    assert gold.id == "mini-raketten"
    assert gold.text.startswith("Rusland heeft Oekraïne")
    assert gold.date == "2021-03"
    assert gold.events[1].recipient == ("RUS", "UKR")
    assert gold.figures and gold.figures[0].qualifier == "at_least"
    assert gold.relations == []


def test_text_file_under_shared_folder(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    gold_file = tmp_path / "gold" / "x.json"
    gold_file.write_text(json.dumps({"id": "x", "text_file": "corpus/mini.txt"}))
    with pytest.raises(InputError, match="--shared"):
        read_gold_file(gold_file)
    [gold] = read_gold_file(gold_file, shared=FIXTURES)
    assert gold.date == "2021-03"  # from the seed-style header when the gold has none
    assert gold.relations is None and gold.figures is None  # not annotated


def test_jsonl_gold_and_folders() -> None:
    documents = read_gold_file(TWO)
    assert [d.id for d in documents] == ["inline-een", "inline-twee"]
    assert documents[1].date is None and documents[1].events[0].required
    assert list(expand_gold([str(FIXTURES / "gold")])) == [MINI, TWO]


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not JSON"),
    ('{"id": "a"}', "neither 'text' nor 'text_file'"),
    ('{"text": "t", "events": [{"actor": ["RUS"]}]}', "needs a 'type'"),
    ('{"text": "t", "figures": [{"kind": "dead", "value": "veel"}]}', "numeric 'value'"),
    ('{"text": "t", "date": "2020-13"}', "month 13"),
])
def test_bad_gold_is_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        read_gold_file(path)


def test_missing_gold_file() -> None:
    with pytest.raises(InputError, match="no such gold file"):
        list(expand_gold(["/nonexistent/gold.json"]))


class ScriptedBackend:
    name = "scripted"
    starts = 0
    startup_seconds = 0.0

    def analyse(self, document: Document) -> None:
        document.sentences = [Sentence(0, 0, len(document.text), 0, 0, 0)]

    def close(self) -> None:
        pass


class ScriptedPipeline:
    """Codes fixed events for the mini article; counts the documents it analysed."""

    analysed: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.backend = ScriptedBackend()

    def stories(self, engine: Engine) -> StoryIndex:
        # The wire-copy index, as the real pipeline keeps one per database.
        return story_index(engine)

    def __call__(self, document: Document) -> Document:
        self.backend.analyse(document)
        ScriptedPipeline.analysed.append(document.id)
        if document.text.startswith("Rusland"):
            day = dt.date(2021, 3, 4)
            document.mentions = [Mention(0, 0, 7, "Rusland", "LOC", "rus", code="RUS")]
            document.events = [
                Event("ASSAULT", 0, 30, 40, "aangevallen", mode="aerial", actor=["RUS"],
                      recipient=["UKR"], date=DateInterval(day, day, "day")),
                Event("ASSAULT", 0, 30, 40, "aangevallen", actor=["RUS"], recipient=["UKR"],
                      furniture=True),
                Event("ACCUSE", 0, 0, 5, "riepen", actor=["UN"], recipient=["RUS"]),
            ]
            document.figures = [Figure("dead", 12, "at_least", 0, 50, 60, event=0)]
            document.quotes = [Quote("Wij zullen ons land blijven verdedigen", 0, 0, 5,
                                     speaker="UKR")]
        return document

    def actors(self, document: Document) -> list[object]:
        return []

    def close(self) -> None:
        pass


def test_evaluate_end_to_end_with_scripted_pipeline(tmp_path: Path) -> None:
    db = str(tmp_path / "eval.sqlite")
    ScriptedPipeline.analysed = []
    result = evaluate([str(MINI), str(TWO)], db=db,
                      pipeline_factory=ScriptedPipeline)  # type: ignore[arg-type]
    assert len(ScriptedPipeline.analysed) == 3
    mini = result.files[0].score
    # ASSAULT found; REQUEST UN->RUS/UKR missed twice; ACCUSE UN->RUS a false positive.
    assert (mini.events_strict.tp, mini.events_strict.fp, mini.events_strict.fn) == (1, 1, 2)
    assert mini.mode.value == 1.0 and mini.status.value == 1.0
    assert mini.figures.value == 1.0 and mini.quotes.value == 1.0
    # Actor codes come from mentions and event participants.
    assert (mini.actors.tp, mini.actors.fp, mini.actors.fn) == (3, 0, 0)
    payload = as_json(result)
    assert [f["file"] for f in payload["per_file"]] == [str(MINI), str(TWO)]
    assert payload["per_file"][1]["documents"] == ["inline-een", "inline-twee"]
    assert payload["total"]["events_strict"]["fn"] == 4
    assert any("deduplicated" in note for note in payload["notes"])

    # With the same --db nothing is analysed again: documents are known by their text.
    ScriptedPipeline.analysed = []
    again = evaluate([str(MINI)], db=db, pipeline_factory=ScriptedPipeline)  # type: ignore[arg-type]
    assert ScriptedPipeline.analysed == []
    assert again.total.events_strict.tp == 1


def test_gold_text_that_fails_ingest_scores_as_nothing_found(tmp_path: Path) -> None:
    # A text file holding only the seed-style header: ingest finds no article text in it.
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "leeg.txt").write_text(" date 2020-10 \n")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "leeg", "text_file": "corpus/leeg.txt",
                                "actors": ["RUS"], "events": [{"type": "ASSAULT",
                                                               "actor": ["RUS"]}]}) + "\n")
    result = evaluate([str(gold)], pipeline_factory=ScriptedPipeline)  # type: ignore[arg-type]
    assert result.total.events_strict.fn == 1 and result.total.actors.fn == 1
    assert any("ingest failed" in note for note in result.notes)
    assert any("not analysed" in note for note in result.notes)


def test_stored_id_is_the_ingest_id() -> None:
    [gold] = read_gold_file(MINI)
    assert stored_id(gold) == document_id(gold.text.strip())
