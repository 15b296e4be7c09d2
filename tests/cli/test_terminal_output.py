"""Terminal output never carries a control character of the user's data.

A title, a sentence or a file name with an ESC sequence (clear screen, set window title),
another C0/C1 control or a bidi override is printed with it escaped (``\\x1b``) by every
command; ``--json`` keeps the data exact; what is stored is unchanged.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kroniek.cli.terminal import json_text, printable

CLEAR = "\x1b[2J"
RETITLE = "\x1b]0;gekaapt\x07"
RED = "\x1b[31m"
CSI = "\x9b"  # the one-byte C1 form of ESC [
OVERRIDE = "\u202e"  # right-to-left override
RAW = ("\x1b", "\x07", CSI, OVERRIDE, "\r")

TITLE = f"Oproep{CLEAR} aan {OVERRIDE}Moskou{RETITLE}"
BODY = (f"Rusland heeft donderdag{RED} Oekraïne aangevallen. De Oekraïense president "
        f"{CSI}veroordeelde de aanval scherp.\n")


def no_raw_control(result) -> None:  # type: ignore[no-untyped-def]
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        for character in RAW:
            assert character not in stream, (repr(character), stream)


def test_printable_escapes_controls_and_bidi_but_keeps_text() -> None:
    assert printable(f"a{CLEAR}b") == "a\\x1b[2Jb"
    assert printable(RETITLE) == "\\x1b]0;gekaapt\\x07"
    assert printable(f"{CSI}x{OVERRIDE}y\u2066z\x7f") == "\\x9bx\\u202ey\\u2066z\\x7f"
    assert printable("één\tzin\nnog") == "één\tzin\\x0anog"
    assert printable("één\tzin\nnog", newlines=True) == "één\tzin\nnog"
    assert printable("Oekraïne — “Kiev” ©") == "Oekraïne — “Kiev” ©"


def test_json_text_is_exact_json_without_raw_controls() -> None:
    data = {"titel": TITLE, "tekst": BODY, "ë": [CSI, "\u2028"]}
    encoded = json_text(data, indent=2)
    assert json.loads(encoded) == data
    for character in (*RAW, "\u2028"):
        assert character not in encoded
    assert "ë" in encoded  # letters stay readable


def stored_text(db: str) -> str:
    with sqlite3.connect(db) as connection:
        (text,) = connection.execute("SELECT text FROM documents").fetchone()
    return str(text)


@pytest.fixture
def stored(cli, db: str, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """A real ingest (real Frog) of one article full of escapes, and an empty file whose
    name has one, which fails; returns the stored document's id."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"bericht{CLEAR}.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    (folder / f"leeg{RETITLE}.txt").write_bytes(b"")
    result = cli("ingest", str(folder))
    no_raw_control(result)
    assert result.returncode == 1  # the empty file failed
    assert "leeg\\x1b]0;gekaapt\\x07.txt" in result.stderr
    assert "1 new" in result.stdout
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, title, text, source FROM documents").fetchall()
    assert len(rows) == 1
    document_id, title, text, source = rows[0]
    assert title == TITLE and source.endswith(f"bericht{CLEAR}.txt")
    assert text == BODY.rstrip()  # the body as written, its controls included
    return str(document_id)


def test_every_command_escapes_user_data(cli, stored: str) -> None:  # type: ignore[no-untyped-def]
    shown = cli("show", stored[:8])
    no_raw_control(shown)
    assert shown.returncode == 0
    assert "Oproep\\x1b[2J" in shown.stdout and "\\u202eMoskou" in shown.stdout
    assert "donderdag\\x1b[31m" in shown.stdout and "\\x9bveroordeelde" in shown.stdout

    listed = cli("docs")
    no_raw_control(listed)
    assert "Oproep\\x1b[2J" in listed.stdout

    events = cli("events")
    no_raw_control(events)
    assert "donderdag\\x1b[31m" in events.stdout  # the sentence of the ASSAULT

    explained = cli("explain", f"{stored[:8]}:0")
    no_raw_control(explained)
    assert explained.returncode == 0 and "\\x1b[31m" in explained.stdout

    typed = cli("explain", f"Rusland viel{RED} Georgië aan.{RETITLE}")
    no_raw_control(typed)
    assert typed.returncode == 0 and "viel\\x1b[31m" in typed.stdout

    no_raw_control(cli("stats"))
    missing = cli("show", f"zz{CLEAR}")
    no_raw_control(missing)
    assert missing.returncode == 1 and "zz\\x1b[2J" in missing.stderr


def test_json_output_stays_exact(cli, db: str, stored: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = stored_text(db)
    again = cli("ingest", "--json", str(tmp_path / "in"))
    no_raw_control(again)
    summary = json.loads(again.stdout)
    assert summary["skipped"] == 1 and summary["failed"] == 1
    assert any(f"leeg{RETITLE}.txt" in message for message in summary["errors"])

    explained = cli("explain", "--json", f"{stored[:8]}:0")
    no_raw_control(explained)
    sentences = json.loads(explained.stdout)["sentences"]
    assert sentences[0]["text"].startswith(f"Rusland heeft donderdag{RED} Oekraïne")
    assert stored_text(db) == before  # printing changed nothing stored
