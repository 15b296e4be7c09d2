"""PLOVER export and ``kroniek events`` on events stored directly with ``kroniek.store.save``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.cli.export import FORMATS
from kroniek.export import reduce_event
from kroniek.ingest.identity import document_id
from kroniek.model import DateInterval, Document, Event, Figure, Sentence

TEXT = (
    "Rusland bombardeerde Marioepol. "  # 0
    "Rusland en Oekraïne overleggen volgende week in Istanboel. "  # 1
    "Rusland zal zijn troepen terugtrekken. "  # 2
    "Rusland heeft Kiev niet aangevallen. "  # 3
    "Als Oekraïne aanvalt, slaat Rusland terug. "  # 4
    "In 1991 steunde Rusland de onafhankelijkheid. "  # 5
    "Rusland bombardeerde Marioepol."  # 6: a pull quote repeating sentence 0
)
DAY = dt.date(2022, 3, 9)


def _sentences(text: str) -> list[Sentence]:
    sentences, start = [], 0
    for index, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if index < TEXT.count(". ") else 0)
        sentences.append(Sentence(index, start, min(end, len(text)), 0, 0, 0))
        start = end + 1
    return sentences


def _event(type_: str, sentence: Sentence, trigger: str, **kw: object) -> Event:
    start = TEXT.index(trigger, sentence.start)
    return Event(type_, sentence.index, start, start + len(trigger), trigger,
                 actor=["RUS"], actor_sector=["GOV"], actor_kb=["rus"], **kw)  # type: ignore[arg-type]


def make_document() -> Document:
    document = Document(id=document_id(TEXT), text=TEXT, source="test.txt", key="test.txt",
                        url="https://example.org/a",
                        published=DateInterval(DAY, DAY, "day"), date_origin="header")
    s = document.sentences = _sentences(TEXT)
    document.furniture = [(s[6].start, s[6].end)]
    document.events = [
        _event("ASSAULT", s[0], "bombardeerde", mode="aerial", recipient=["UKR"],
               recipient_kb=["ukr"], location="mariupol", plover_score=-9.5,
               date=DateInterval(DAY, DAY, "day"), context=["military"]),
        Event("CONSULT", 1, TEXT.index("overleggen"), TEXT.index("overleggen") + 10,
              "overleggen", actor=["RUS", "UKR"], actor_kb=["rus", "ukr"], status="future",
              plover_score=2.5, date=DateInterval(dt.date(2022, 3, 14), dt.date(2022, 3, 20),
                                                  "day")),
        _event("RETREAT", s[2], "terugtrekken", mode="withdraw", status="future"),
        _event("ASSAULT", s[3], "aangevallen", recipient=["UKR"], status="negated"),
        _event("ASSAULT", s[4], "slaat", recipient=["UKR"], status="hypothetical"),
        _event("SUPPORT", s[5], "steunde", status="historical", context=["political"]),
        _event("ASSAULT", s[6], "bombardeerde", recipient=["UKR"], furniture=True),
    ]
    document.figures = [Figure("dead", 12, "at_least", 0, 0, 5, event=0),
                        Figure("injured", 30.0, "about", 0, 0, 5, event=0)]
    return document


runner = CliRunner()


def export(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["export", "--format", "plover", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_reduction_rules() -> None:
    assert reduce_event("CONSULT", "visit", "future", []) == ("AGREE", None, [], True)
    assert reduce_event("AID", None, "future", ["military"])[:3] == ("AGREE", None, ["military"])
    assert reduce_event("RETREAT", "withdraw", "future", [])[:2] == ("CONCEDE", None)
    assert reduce_event("CONCEDE", None, "future", []) == ("CONCEDE", None, [], False)
    assert reduce_event("SANCTION", None, "future", []) == ("SANCTION", None, ["future"], False)
    assert reduce_event("ASSAULT", None, "negated", []) is None
    assert reduce_event("ASSAULT", None, "hypothetical", []) is None
    assert reduce_event("AID", None, "historical", [])[2] == ["historical"]
    assert reduce_event("ASSAULT", "aerial", "alleged", []) == ("ASSAULT", "aerial", [], False)


def test_plover_export_records(stored: str) -> None:
    records = export(stored)
    assert [(r["event_type"], r["status"]) for r in records] == [
        ("ASSAULT", "asserted"), ("AGREE", "future"), ("CONCEDE", "future"),
        ("SUPPORT", "historical")]
    assault, agree, concede, support = records
    assert set(assault) >= {"id", "document_id", "event_type", "mode", "contexts", "status",
                            "date_start", "date_end", "date_precision", "actor", "recipient",
                            "location", "dead", "injured", "displaced", "arrested",
                            "plover_score", "evidence", "url", "source"}
    assert assault["id"] == f"{document_id(TEXT)}-0"
    assert assault["actor"] == [{"code": "RUS", "name": "Russia", "sector": "GOV",
                                 "kb_id": "rus"}]
    assert assault["recipient"][0]["code"] == "UKR" and assault["recipient"][0]["name"]
    assert assault["dead"] == {"value": 12, "qualifier": "at_least"}
    assert assault["injured"] == {"value": 30, "qualifier": "about"}
    assert assault["displaced"] is None and assault["arrested"] is None
    assert assault["date_start"] == assault["date_end"] == "2022-03-09"
    assert assault["evidence"]["sentence"] == "Rusland bombardeerde Marioepol."
    assert assault["evidence"]["trigger"] == "bombardeerde"
    assert assault["url"] == "https://example.org/a"
    assert assault["location"]["kb_id"] == "mariupol"
    assert (agree["mode"], agree["plover_score"], len(agree["actor"])) == (None, 2.5, 2)
    assert (concede["mode"], concede["plover_score"]) == (None, 4.5)
    assert "historical" in support["contexts"] and "political" in support["contexts"]


def test_export_filters_and_file(stored: str, tmp_path: Path) -> None:
    assert [r["event_type"] for r in export(stored, "--type", "assault")] == ["ASSAULT"]
    assert export(stored, "--actor", "UKR") == export(stored, "--type", "AGREE")
    assert [r["event_type"] for r in export(stored, "--recipient", "Oekraïne")] == ["ASSAULT"]
    assert export(stored, "--since", "2022-03-10", "--type", "ASSAULT") == []
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "--db", stored, "-o", str(out)])
    assert result.exit_code == 0
    assert len(out.read_text().splitlines()) == 4


def test_export_errors_are_one_line(stored: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "gexf", "--db", stored])
    assert result.exit_code == 2 and "plover" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["export", "--db", stored, "-o", str(tmp_path / "no" / "x")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = runner.invoke(app, ["export", "--db", stored, "--since", "maart"])
    assert result.exit_code == 2 and "--since" in result.output
    assert "plover" in FORMATS


def test_events_command_lists_evidence(stored: str) -> None:
    result = runner.invoke(app, ["events", "--db", stored], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Rusland bombardeerde Marioepol." in result.output
    assert "ASSAULT/aerial" in result.output and "RUS/GOV → UKR" in result.output
    # Furniture is never listed; negated and hypothetical events are (filterable by status).
    assert result.output.count("ASSAULT") == 3
    result = runner.invoke(app, ["events", "--db", stored, "--status", "negated"])
    assert "niet aangevallen" in result.output and "ASSAULT" in result.output
    assert result.output.count("→") == 1
    result = runner.invoke(app, ["events", "--db", stored, "--actor", "Rusland",
                                 "--type", "CONSULT", "--since", "2022-03", "--until", "2022"])
    assert "overleggen" in result.output and "1 event(s)" in result.output
    result = runner.invoke(app, ["events", "--db", stored, "--limit", "2"])
    assert "limit reached" in result.output


def test_events_bad_options(stored: str) -> None:
    result = runner.invoke(app, ["events", "--db", stored, "--status", "maybe"])
    assert result.exit_code == 2 and "asserted" in result.output
    result = runner.invoke(app, ["events", "--db", stored, "--actor", "Xyzzyland"])
    assert result.exit_code == 2 and "no actor" in result.output
    result = runner.invoke(app, ["events", "--db", stored, "--type", "PROTEST"])
    assert result.exit_code == 0 and "No events match" in result.output
    result = runner.invoke(app, ["events", "--db", stored, "--type", "ASSALT"])
    assert result.exit_code == 2 and "did you mean ASSAULT" in result.output


def test_trigger_highlight_by_span() -> None:
    from kroniek.cli.events import highlight

    text = highlight(" Rusland bombardeerde Marioepol.", 100,
                     {"start": 109, "end": 121, "trigger": "bombardeerde"})
    [span] = text.spans
    assert text.plain[span.start:span.end] == "bombardeerde"
    text = highlight("Rusland bombardeerde.", None, {"start": 0, "end": 0,
                                                    "trigger": "Bombardeerde"})
    assert text.plain[text.spans[0].start:text.spans[0].end] == "bombardeerde"
