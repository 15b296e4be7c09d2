"""Wire copies through ``kroniek ingest``: one story, several reports, each still a record."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.ingest.wire import STORIES, paragraphs, text


def page(title: str, body: list[str], outlet: str) -> str:
    paragraphs_html = "".join(f"<p>{paragraph}</p>" for paragraph in body)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:site_name' content='{outlet}'></head><body><article>"
            f"<h1>{title}</h1>{paragraphs_html}</article></body></html>")


def test_copies_of_one_story_share_it_and_stay_records(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    story = paragraphs(4)  # the Belgian rail strike
    other = next(i for i in range(len(STORIES))
                 if STORIES[i]["topic"] == STORIES[4]["topic"] and i != 4)
    (tmp_path / "a-dagkrant.html").write_text(
        page("Spoorstaking legt België plat", story, "De Dagkrant"), encoding="utf-8")
    (tmp_path / "b-grensblad.html").write_text(
        page("Treinen rijden niet door staking", ["BRUSSEL (BELGA) - " + story[0], *story[1:3]],
             "Het Grensblad"), encoding="utf-8")
    (tmp_path / "c-ander.txt").write_text(text(paragraphs(other)), encoding="utf-8")
    result = cli("ingest", "--json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["new"] == 3 and summary["copies"] == 1
    assert any("a wire copy of a stored story" in note for note in summary["notes"])
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "select source, id, story, outlet from documents order by source").fetchall()
        signatures = connection.execute("select count(*) from document_signatures").fetchone()
    (first, first_id, first_story, _), (copy, _, copy_story, outlet), (_, other_id, other_story,
                                                                       _) = rows
    assert first.endswith("a-dagkrant.html") and copy.endswith("b-grensblad.html")
    assert first_story == copy_story == first_id and outlet == "Het Grensblad"
    assert other_story == other_id != first_id
    assert signatures == (3,)

    # A second run knows the stored story: a further copy joins it.
    (tmp_path / "d-derde.txt").write_text(
        text(["Staking bij het spoor", "ANTWERPEN (BELGA) - " + story[0], *story[1:]]),
        encoding="utf-8")
    again = cli("ingest", "--json", str(tmp_path / "d-derde.txt"))
    assert json.loads(again.stdout)["copies"] == 1
    with sqlite3.connect(db) as connection:
        stories = connection.execute("select story, count(*) from documents group by story")
        assert sorted(count for _, count in stories) == [1, 3]
