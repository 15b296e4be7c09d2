"""Every bad record is one line naming it, counted as failed, and the run goes on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.test_ingest_cli import no_traceback, summary_of

GOOD = ("De Spaanse premier heeft zondag in Madrid de Marokkaanse koning ontvangen voor "
        "overleg over de migratie.")

# (record, what the failure line must say); every text differs so none is a duplicate.
BAD_RECORDS: list[tuple[object, str]] = [
    ({"text": GOOD + " 1", "title": {"nl": "kop"}}, "'title' must be text or null, found an"),
    ({"text": GOOD + " 2", "url": ["https://voorbeeld.example"]}, "'url' must be text"),
    ({"text": GOOD + " 3", "outlet": 12}, "'outlet' must be text or null, found a number"),
    ({"text": GOOD + " 4", "date": True}, "'date' must be text or null, found true or false"),
    ({"text": GOOD + " 5", "date": [2020]}, "'date' must be text"),
    ({"text": GOOD + " 6", "id": {"nr": 1}}, "'id' must be text or a whole number or null"),
    ({"text": 17}, "'text' must be text, found a number"),
    ({"text": GOOD + " 7", "date": "9999-12-31"}, "outside the years 1800-2200"),
    ({"text": GOOD + " 8", "date": "0001-01-01"}, "outside the years 1800-2200"),
    ({"text": GOOD + " 9", "date": "-2020-01-01"}, "not a date: '-2020-01-01'"),
    ({"text": GOOD + " 10", "date": "2020-13-45"}, "month 13 out of range"),
    ({"text": GOOD + " 11 \u0000 einde"}, "'text' holds a NUL character"),
    (["geen", "object"], "a JSON object was expected, found a list"),
]


def test_bad_jsonl_records_are_one_line_each_and_the_good_ones_stored(  # type: ignore[no-untyped-def]
        cli, db: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps(record) for record, _message in BAD_RECORDS]
    lines.append("[" * 100_000 + "]" * 100_000)  # RecursionError in json
    lines.append('{"text": "Een getal.", "n": ' + "7" * 5000 + "}")  # ValueError in json
    lines.append(json.dumps({"text": GOOD, "title": "Overleg in Madrid"}))
    feed.write_text("\n".join(lines) + "\n")
    after = tmp_path / "na-de-feed.txt"
    after.write_text("De Poolse president heeft maandag in Warschau de Litouwse president "
                     "ontmoet om over de grens te praten.")
    result = cli("ingest", str(feed), str(after))
    no_traceback(result)
    assert result.returncode == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == len(BAD_RECORDS) + 2
    for number, (_record, message) in enumerate(BAD_RECORDS, start=1):
        assert any(f"feed.jsonl:{number}: " in line and message in line for line in failed), \
            (number, message, failed)
    assert f"feed.jsonl:{len(BAD_RECORDS) + 1}: JSON nested too deeply" in result.stderr
    assert f"feed.jsonl:{len(BAD_RECORDS) + 2}: JSON with a number too long" in result.stderr
    assert f"2 new, 0 replaced, 0 skipped (already stored), {len(failed)} failed" \
        in result.stdout
    with sqlite3.connect(db) as connection:
        titles = connection.execute("select title, source from documents").fetchall()
    assert sorted(source.rsplit("/", 1)[-1] for _title, source in titles) == [
        f"feed.jsonl:{len(lines)}", "na-de-feed.txt"]


def test_bad_files_are_one_line_each(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "map"
    folder.mkdir()
    body = "De Franse president heeft dinsdag in Parijs de Duitse bondskanselier ontvangen."
    (folder / "a-utf16.txt").write_bytes(("Bezoek in Parijs\n" + body).encode("utf-16"))
    (folder / "b-nul.txt").write_bytes((body + " ") .encode() * 200 + b"\x00 en verder.")
    (folder / "c-kop.txt").write_text(" date 2020-13-45 " + body)
    (folder / "d-kop.txt").write_text(" date 9999-12 " + body.replace("dinsdag", "woensdag"))
    (folder / "e-goed.txt").write_text(body.replace("dinsdag", "vrijdag"))
    result = cli("ingest", "--json", str(folder))
    no_traceback(result)
    assert result.returncode == 1
    summary = summary_of(result)
    assert (summary["new"], summary["failed"]) == (2, 3)
    errors = "\n".join(summary["errors"])
    assert "b-nul.txt: binary data, not text (a NUL character at character" in errors
    assert "c-kop.txt: in the date header, month 13 out of range" in errors
    assert "d-kop.txt: in the date header, publication date '9999-12' is outside" in errors
    assert any("a-utf16.txt: read as UTF-16" in note for note in summary["notes"])


def test_a_file_name_that_is_not_utf8_is_printed_escaped(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = os.fsdecode(b"bericht-\xff\xfe.txt")
    (tmp_path / name).write_text("De Italiaanse premier heeft zaterdag in Rome de Griekse "
                                 "premier ontvangen.")
    (tmp_path / os.fsdecode(b"leeg-\xfe.txt")).write_text("")
    result = cli("ingest", str(tmp_path))
    no_traceback(result)
    assert result.returncode == 1
    assert "leeg-\\xfe.txt: empty" in result.stderr
    assert "1 new" in result.stdout
    docs = cli("docs")
    assert docs.returncode == 0 and "bericht-\\xff\\xfe" in docs.stdout


def test_closed_stdin_is_one_line(db: str) -> None:
    environment = {**os.environ, "KRONIEK_DB": db}
    result = subprocess.run(["bash", "-c", f"'{sys.executable}' -m kroniek ingest - <&-"],
                            capture_output=True, text=True, env=environment, timeout=300)
    no_traceback(result)
    assert result.returncode == 1
    assert "stdin: closed, nothing to read" in result.stderr


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf", "abc"])
def test_bad_max_size_is_one_line(cli, value: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("ingest", "--max-size", value, "-", stdin=GOOD.encode())
    no_traceback(result)
    assert result.returncode == 2
    assert "--max-size" in result.stderr or "max-size" in result.stderr
