"""Document identity through ``kroniek ingest``: the content hash unless the source names the
article stably (file path, URL, JSONL id); only a stable name can replace."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.test_ingest_cli import no_traceback, summary_of

FIRST = ("Poetin belt Erdogan\nDe Russische president Poetin heeft dinsdag met de Turkse "
         "president Erdogan gebeld over de gevechten in het noorden van Syrië.\n")
SECOND = ("Macron in Kiev\nDe Franse president Macron is woensdag in Kiev aangekomen voor "
          "overleg met president Zelensky over nieuwe wapenleveranties.\n")
THIRD = ("Scholz in Warschau\nDe Duitse bondskanselier Scholz heeft donderdag in Warschau "
         "de Poolse premier ontmoet om over de grensbewaking te praten.\n")


def stored(db: str) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "select id, key, title from documents order by title").fetchall()


def test_stdin_twice_with_different_texts_keeps_both(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    first = cli("ingest", "--json", "-", stdin=FIRST.encode())
    second = cli("ingest", "--json", "-", stdin=SECOND.encode())
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert summary_of(second)["new"] == 1 and summary_of(second)["replaced"] == 0
    assert [title for _id, _key, title in stored(db)] == ["Macron in Kiev", "Poetin belt Erdogan"]
    again = cli("ingest", "-", stdin=SECOND.encode())
    no_traceback(again)
    assert again.returncode == 0
    assert "0 new, 0 replaced, 1 skipped" in again.stdout
    assert len(stored(db)) == 2


def test_rotated_feed_keeps_yesterdays_articles(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"

    def record(article: str) -> str:
        title, text = article.strip().split("\n")
        return json.dumps({"title": title, "text": text})

    feed.write_text(record(FIRST) + "\n" + record(SECOND) + "\n")
    assert summary_of(cli("ingest", "--json", str(feed)))["new"] == 2
    # The next download: a new article on line 1, yesterday's first one moved to line 2.
    feed.write_text(record(THIRD) + "\n" + record(FIRST) + "\n")
    summary = summary_of(cli("ingest", "--json", str(feed)))
    assert (summary["new"], summary["replaced"], summary["skipped"]) == (1, 0, 1)
    assert len(stored(db)) == 3


def test_a_changed_file_replaces_its_old_version_and_says_both_titles(cli, db: str,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path) -> None:
    article = tmp_path / "bericht.txt"
    article.write_text(FIRST)
    assert cli("ingest", str(article)).returncode == 0
    article.write_text(FIRST.replace("Poetin belt Erdogan", "Poetin belde opnieuw Erdogan")
                       .replace("dinsdag", "woensdag"))
    result = cli("ingest", str(article))
    no_traceback(result)
    assert result.returncode == 0
    assert "0 new, 1 replaced" in result.stdout
    line = next(line for line in result.stdout.splitlines() if line.startswith("replaced"))
    assert '"Poetin belt Erdogan"' in line and '"Poetin belde opnieuw Erdogan"' in line
    assert [title for _id, _key, title in stored(db)] == ["Poetin belde opnieuw Erdogan"]


def test_a_jsonl_id_is_a_stable_identity(cli, db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    text = FIRST.strip().split("\n")[1]
    feed.write_text(json.dumps({"id": "x-1", "title": "Eerste versie", "text": text}) + "\n")
    assert summary_of(cli("ingest", "--json", str(feed)))["new"] == 1
    feed.write_text(json.dumps({"id": "x-1", "title": "Tweede versie",
                                "text": text.replace("dinsdag", "maandag")}) + "\n")
    summary = summary_of(cli("ingest", "--json", str(feed)))
    assert summary["replaced"] == 1
    [change] = summary["replacements"]
    assert (change["old_title"], change["new_title"]) == ("Eerste versie", "Tweede versie")
    assert [key for _id, key, _title in stored(db)] == ["x-1"]


def test_documents_under_old_fixed_keys_stay_and_are_not_replaced(cli, db: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("ingest", "-", stdin=FIRST.encode()).returncode == 0
    # A database written before content-hash identity gave stdin the fixed key "stdin".
    with sqlite3.connect(db) as connection:
        connection.execute("update documents set key = 'stdin'")
    (old_id, _key, _title), = stored(db)
    result = cli("ingest", "--json", "-", stdin=SECOND.encode())
    assert summary_of(result)["new"] == 1 and summary_of(result)["replaced"] == 0
    assert len(stored(db)) == 2
    shown = cli("show", old_id[:10])
    assert shown.returncode == 0 and "Erdogan" in shown.stdout
