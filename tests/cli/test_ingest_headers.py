"""``Titel:``/``Datum:``/``Bron:`` lines above a plain-text article are its metadata.

Before, such a file was stored with "Titel: ..." as its title, its "Datum:" line as its
first sentence and no publication date, so `kroniek stats` said "published — … —".
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from kroniek.ingest.headers import split_header

GRENS = ("Titel: Troepen bij de grens\nDatum: 2023-09-14\nBron: Testkrant\n\n"
         "Rusland heeft donderdag extra troepen naar de grens met Finland gestuurd.\n")
OVERLEG = ("Datum: 2023-10\n\nOverleg in Den Haag\n"
           "De Nederlandse premier ontving maandag zijn Belgische ambtgenoot.\n")


def test_a_header_block_needs_known_names_and_a_blank_line_after_it() -> None:
    header = split_header(GRENS)
    assert header is not None
    assert header.fields == {"title": "Troepen bij de grens", "date": "2023-09-14",
                             "outlet": "Testkrant"}
    assert header.body.startswith("Rusland heeft donderdag")
    # A body that opens with a name and a colon is text, not a header.
    assert split_header("Rusland: een nieuwe aanval.\n\nMeer tekst.\n") is None
    assert split_header("Datum: 2023-09-14\nRusland viel aan.\n\nMeer.\n") is None
    assert split_header("Titel: alleen een kop\n\n") is None  # nothing after it
    assert split_header("Datum: 2023-09-14\nDatum: 2023-09-15\n\nTekst.\n") is None


def test_header_lines_give_title_date_and_outlet(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "grens.txt").write_text(GRENS, encoding="utf-8")
    (folder / "overleg.txt").write_text(OVERLEG, encoding="utf-8")
    (folder / "fout.txt").write_text("Titel: Kapot\nDatum: 2023-13-45\n\nTekst hier.\n",
                                     encoding="utf-8")
    result = cli("ingest", str(folder))
    assert result.returncode == 1  # the bad date
    assert "fout.txt: in the date line of the header" in result.stderr
    assert "2 new" in result.stdout
    with closing(sqlite3.connect(db)) as connection:
        rows = dict((row[0], row[1:]) for row in connection.execute(
            "SELECT title, published_start, published_precision, date_origin, outlet, text "
            "FROM documents"))
    assert set(rows) == {"Troepen bij de grens", "Overleg in Den Haag"}
    start, precision, origin, outlet, text = rows["Troepen bij de grens"]
    assert (start, precision, origin, outlet) == ("2023-09-14", "day", "header", "Testkrant")
    assert text.startswith("Rusland heeft donderdag")  # the header is not text
    assert rows["Overleg in Den Haag"][:3] == ("2023-10-01", "month", "header")
    stats = cli("stats")
    assert stats.returncode == 0
    assert "2023-09-14 … 2023-10-31" in stats.stdout
    listed = cli("docs")
    assert "2023-09-14" in listed.stdout and "Titel:" not in listed.stdout
