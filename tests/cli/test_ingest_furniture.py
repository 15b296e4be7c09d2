"""Page furniture through ``kroniek ingest``: a "Lees ook" link and a photo credit are found
at ingest and yield no event, while the same words as body sentences do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.test_ingest_cli import summary_of

LINK = "Rusland bombardeert Kiev opnieuw"
CREDIT = "Poetin ontmoet Erdogan in Ankara"
OPENING = ("Nieuwe gevechten aan de grens\n"
           "Het Russische leger heeft dinsdag dorpen in het oosten van Oekraïne beschoten, "
           "meldt de regering in Kiev.\n\n")
CLOSING = "\n\nDe Verenigde Naties roepen beide partijen op tot een staakt-het-vuren.\n"


def events_within(db: str, document_id: str, text: str) -> int:
    """Events of the document that start inside the stored text's ``text``."""
    with sqlite3.connect(db) as connection:
        [(stored,)] = connection.execute("select text from documents where id = ?",
                                         (document_id,)).fetchall()
        start = stored.index(text)
        return int(connection.execute(
            "select count(*) from events where document_id = ? and start >= ? and start < ?",
            (document_id, start, start + len(text))).fetchone()[0])


def test_lees_ook_and_photo_credit_yield_no_event(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with_furniture = tmp_path / "met-meubilair.txt"
    with_furniture.write_text(f"{OPENING}Lees ook: {LINK}\n\nFoto: {CREDIT}{CLOSING}")
    as_body = tmp_path / "als-tekst.txt"
    as_body.write_text(f"{OPENING}{LINK}.\n\n{CREDIT}.{CLOSING}")
    summary = summary_of(cli("ingest", "--json", str(with_furniture), str(as_body)))
    assert summary["new"] == 2, summary
    furnished, plain = summary["document_ids"]
    # The control: as body sentences these words are coded as events ...
    assert events_within(db, plain, LINK) >= 1 and events_within(db, plain, CREDIT) >= 1
    # ... as a link and a credit they are not.
    assert events_within(db, furnished, f"Lees ook: {LINK}") == 0
    assert events_within(db, furnished, f"Foto: {CREDIT}") == 0
    assert events_within(db, furnished, "Het Russische leger") >= 1  # the body still is
    with sqlite3.connect(db) as connection:
        marked = connection.execute(
            "select count(*) from sentences where document_id = ? and furniture",
            (furnished,)).fetchone()[0]
    assert marked == 2
